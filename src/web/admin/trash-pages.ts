/**
 * The trash's page (/admin/trash): the deleted stories the reader of the
 * page may bring back, with who deleted each and until when it is kept.
 */
import { editsAny } from '../../auth/roles.js';
import { TRASH_DAYS } from '../../services/trash.js';
import type { TrashEntry } from '../../store/trash.js';
import { html, type Html } from '../html.js';
import { adminLayout, csrfField, formatTime, STATUS_AR, type PageContext } from './pages.js';

export function trashPage(ctx: PageContext, entries: TrashEntry[]): Html {
  const editor = editsAny(ctx.actor!);
  const until = (e: TrashEntry) => new Date(Date.parse(e.deletedAt) + TRASH_DAYS * 86400_000).toISOString();
  return adminLayout(
    ctx,
    html`<h1>المحذوفات</h1>
<p class="hint">يبقى الخبر المحذوف هنا ${TRASH_DAYS} يوماً ثم يُحذف نهائياً. يعود الخبر المستعاد مسودةً، بعنوانه القديم إن لم يأخذه خبر آخر، ويُنشر من جديد بتاريخ نشره الأول.</p>
${
  entries.length
    ? html`<div class="table-wrap"><table class="trash">
<thead><tr><th scope="col">الخبر</th><th scope="col">حالته عند الحذف</th><th scope="col">حذفه</th><th scope="col">يبقى حتى</th><th scope="col"><span class="visually-hidden">إجراءات</span></th></tr></thead>
<tbody>
${entries.map(
  (e) => html`<tr><td>${e.title}</td><td>${STATUS_AR[e.status] ?? e.status}</td><td><bdi>${e.deletedByName ?? '—'}</bdi> <span class="hint">${formatTime(e.deletedAt, ctx.site)}</span></td><td>${formatTime(until(e), ctx.site)}</td>
<td><form method="post" action="/admin/trash/${e.id}/restore" class="inline">${csrfField(ctx.csrf)}<button type="submit" class="small">استعد</button></form>${
    editor
      ? html` <form method="post" action="/admin/trash/${e.id}/delete" class="inline" data-confirm="حذف هذا الخبر نهائياً؟ لا يمكن استعادته بعد ذلك.">${csrfField(ctx.csrf)}<button type="submit" class="small danger">احذف نهائياً</button></form>`
      : ''
  }</td></tr>`,
)}
</tbody></table></div>`
    : html`<p>لا أخبار محذوفة.</p>`
}`,
  );
}
