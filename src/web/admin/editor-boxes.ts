/**
 * The editor's boxes beside a story's fields (pages.ts editorPage shows
 * them under its form): the preview links that share it before it runs
 * (services/preview-links.ts), and the newsroom's notes on it with the
 * editors' "send back to the writer" (services/notes.ts).
 */
import type { Article } from '../../content/article.js';
import { NOTE_MAX } from '../../services/notes.js';
import type { ArticleNote } from '../../store/article-notes.js';
import type { PreviewLink } from '../../store/preview-links.js';
import { html, type Html } from '../html.js';
import { csrfField, formatTime, type PageContext } from './pages.js';

/** How long a preview link may be made for, in hours, and what the choice says. */
export const PREVIEW_CHOICES: [number, string][] = [
  [24, 'يوماً'],
  [48, 'يومين'],
  [168, 'أسبوعاً'],
  [336, 'أسبوعين'],
];

/**
 * An unpublished story's preview links: a secret address for someone outside
 * the newsroom, made for a while, all revoked at once.
 */
export function previewLinksBox(ctx: PageContext, article: Article, previews: { links: PreviewLink[]; made?: { url: string; expiresAt: string } }): Html {
  const { links, made } = previews;
  return html`<section class="preview-links" aria-labelledby="preview-links-title">
  <h2 id="preview-links-title">رابط معاينة</h2>
  <p class="hint">رابط سري يفتح الخبر كما سيظهر للقراء، لمن هو خارج غرفة الأخبار (مصدر يراجع اقتباساً مثلاً)، حتى تنتهي مدته أو يُلغى. لا تفهرسه محركات البحث، ويحوّل إلى الخبر بعد نشره.</p>
  ${
    made
      ? html`<p class="flash" role="status"><label for="preview-link-url">الرابط (يظهر مرة واحدة، انسخه الآن)، صالح حتى ${formatTime(made.expiresAt, ctx.site)}:</label> <input id="preview-link-url" readonly dir="ltr" value="${made.url}"></p>`
      : ''
  }
  <p>${links.length ? `روابط صالحة الآن: ${links.length}، آخرها ينتهي ${formatTime(links.reduce((a, b) => (a.expiresAt > b.expiresAt ? a : b)).expiresAt, ctx.site)}.` : 'لا روابط صالحة الآن.'}</p>
  <form method="post" action="/admin/articles/${article.id}/preview-links" class="inline">${csrfField(ctx.csrf)}
    <label for="preview-hours">صالح</label><select id="preview-hours" name="hours">${PREVIEW_CHOICES.map(([h, label]) => html`<option value="${h}"${h === 48 ? html` selected` : ''}>${label}</option>`)}</select>
    <button type="submit">أنشئ رابطاً</button>
  </form>
  ${
    links.length
      ? html`<form method="post" action="/admin/articles/${article.id}/preview-links/revoke" class="inline" data-confirm="إلغاء كل روابط المعاينة لهذا الخبر؟ تتوقف عن العمل فوراً.">${csrfField(ctx.csrf)}<button type="submit" class="danger">ألغِ الروابط</button></form>`
      : ''
  }
</section>`;
}

/** Over the form of a draft sent back: who sent it, when, and why. */
export function returnedBanner(ctx: PageContext, note: ArticleNote): Html {
  return html`<div class="returned-note" role="note">
  <p><strong>أعاد <bdi>${note.userName ?? 'محرر'}</bdi> هذا الخبر إلى كاتبه (<bdi>${formatTime(note.createdAt, ctx.site)}</bdi>):</strong></p>
  <p class="note-text">${note.text}</p>
  <p class="hint">عدّل الخبر ثم أرسله للمراجعة مرة أخرى.</p>
</div>`;
}

/**
 * The newsroom's notes on a story, oldest first, and a box for a new one;
 * for an editor on a submitted story, the same box sends it back instead.
 */
export function notesBox(ctx: PageContext, article: Article, notes: ArticleNote[], may: { write: boolean; sendBack: boolean }): Html {
  return html`<section class="notes" aria-labelledby="notes-title">
  <h2 id="notes-title">ملاحظات التحرير (${notes.length})</h2>
  <p class="hint">بين المحررين وكاتب الخبر؛ لا يراها القرّاء.</p>
  ${
    notes.length
      ? html`<ol class="notes-list">${notes.map(
          (n) => html`<li class="note-${n.kind}"><p class="note-meta"><strong><bdi>${n.userName ?? 'حساب محذوف'}</bdi></strong> · <time datetime="${n.createdAt}"><bdi>${formatTime(n.createdAt, ctx.site)}</bdi></time>${n.kind === 'returned' ? html` · <span class="badge">أعاده إلى كاتبه</span>` : ''}</p><p class="note-text">${n.text}</p></li>`,
        )}</ol>`
      : ''
  }
  ${
    may.write || may.sendBack
      ? html`<form method="post" action="/admin/articles/${article.id}/notes" class="stack">${csrfField(ctx.csrf)}
    <label for="note">ملاحظة جديدة</label>
    <textarea id="note" name="note" rows="3" maxlength="${NOTE_MAX}" required></textarea>
    <div class="note-actions">
      ${may.write ? html`<button type="submit" name="action" value="note">أضف الملاحظة</button>` : ''}
      ${may.sendBack ? html`<button type="submit" name="action" value="return" class="danger">أعد الخبر إلى كاتبه بهذه الملاحظة</button>` : ''}
    </div>
  </form>`
      : ''
  }
</section>`;
}
