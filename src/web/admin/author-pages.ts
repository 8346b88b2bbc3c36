/**
 * The admin's pages of author profiles (content/authors.ts): the list of
 * bylines, and one byline's profile form. Editors write anyone's; others
 * see the list and write their own (services/authors.ts).
 */
import { AUTHOR_BIO_MAX, AUTHOR_LINKS_MAX, AUTHOR_TITLE_MAX, type AuthorProfile } from '../../content/authors.js';
import { mayEditProfile } from '../../services/authors.js';
import type { AdminByline } from '../../store/newsroom.js';
import { html, type Html } from '../html.js';
import { mediaUrl } from '../pages/media.js';
import { authorUrl } from '../urls.js';
import { adminLayout, csrfField, field, mostUsedHint, nameFilter, type PageContext } from './pages.js';

/** A byline in an admin address: its page's form (spaces as _), so either reads the same. */
export const adminAuthorUrl = (byline: string): string => `/admin${authorUrl(byline)}`;

export function authorsPage(ctx: PageContext, data: { bylines: AdminByline[]; q: string; limit: number }): Html {
  const actor = ctx.actor!;
  return adminLayout(
    ctx,
    html`<h1>الكتّاب</h1>
<p class="hint">لكل اسم كاتب صفحة تجمع أخباره. ملفه — صفته ونبذة عنه وصورته وروابطه — يظهر في رأس صفحته وفي مربع «عن الكاتب» تحت كل خبر من أخباره. يكتب المحررون ملف أي كاتب، ويكتب غيرهم ملفه هو.</p>
${nameFilter('/admin/authors', 'authors-q', 'ابحث عن اسم', data.q)}
${
  data.bylines.length
    ? html`<div class="table-wrap"><table class="authors-table">
<caption class="visually-hidden">الكتّاب</caption>
<thead><tr><th scope="col">الاسم</th><th scope="col">الأخبار</th><th scope="col">الصفة</th><th scope="col"><span class="visually-hidden">الملف</span></th></tr></thead>
<tbody>
${data.bylines.map(
  (b) => html`<tr>
  <td>${b.count ? html`<a href="${authorUrl(b.byline)}">${b.byline}</a>` : b.byline}</td>
  <td>${b.count ? html`<a href="/admin?byline=${encodeURIComponent(b.byline)}">${b.count}</a>` : b.count}</td>
  <td>${b.jobTitle === null ? html`<span class="hint">بلا ملف</span>` : b.jobTitle || '—'}</td>
  <td>${mayEditProfile(actor, b.byline) ? html`<a href="${adminAuthorUrl(b.byline)}">${b.jobTitle === null ? 'اكتب ملفه' : 'تحرير الملف'}</a>` : ''}</td>
</tr>`,
)}
</tbody></table></div>`
    : html`<p class="empty">لا أسماء هنا.</p>`
}
${data.bylines.length === data.limit && !data.q ? mostUsedHint('الأسماء', data.limit) : ''}
${mayEditProfile(actor, actor.name) && !data.bylines.some((b) => b.byline === actor.name) ? html`<p><a href="${adminAuthorUrl(actor.name)}">اكتب ملفك (${actor.name})</a></p>` : ''}`,
  );
}

/** What the form shows: the profile as stored, or as the editor typed it when it was refused. */
export interface ProfileValues {
  jobTitle: string;
  bio: string;
  links: string;
}

export const profileValues = (p: AuthorProfile | null): ProfileValues => ({ jobTitle: p?.jobTitle ?? '', bio: p?.bio ?? '', links: (p?.links ?? []).join('\n') });

export function authorProfilePage(ctx: PageContext, data: { byline: string; profile: AuthorProfile | null; values: ProfileValues; errorField?: string }): Html {
  const { byline, profile, values, errorField } = data;
  const image = profile?.image;
  return adminLayout(
    ctx,
    html`<div class="toolbar">
  <h1>ملف الكاتب: ${byline}</h1>
  <p class="status-line"><a href="${authorUrl(byline)}">صفحته على الموقع</a> — <a href="/admin/authors">كل الكتّاب</a></p>
</div>
<form method="post" action="${adminAuthorUrl(byline)}" enctype="multipart/form-data" class="stack profile-form">
  ${csrfField(ctx.csrf)}
  <label for="job-title">الصفة</label>
  <input id="job-title" name="job_title" maxlength="${AUTHOR_TITLE_MAX}" value="${values.jobTitle}" placeholder="مثلاً: مراسل الشؤون السورية" aria-describedby="job-title-hint"${field('jobTitle', errorField)}>
  <p id="job-title-hint" class="hint">تظهر بجانب الاسم تحت عنوان كل خبر من أخباره.</p>
  <label for="bio">نبذة</label>
  <textarea id="bio" name="bio" rows="5" maxlength="${AUTHOR_BIO_MAX}" aria-describedby="bio-hint"${field('bio', errorField)}>${values.bio}</textarea>
  <p id="bio-hint" class="hint">نص عادي، ${AUTHOR_BIO_MAX} حرف على الأكثر، وسطر فارغ بين الفقرات. الفقرة الأولى وصف صفحته لمحركات البحث، وتظهر تحت أخباره.</p>
  <label for="links">روابطه (رابط في كل سطر، ${AUTHOR_LINKS_MAX} على الأكثر)</label>
  <textarea id="links" name="links" rows="3" dir="ltr" aria-describedby="links-hint"${field('links', errorField)}>${values.links}</textarea>
  <p id="links-hint" class="hint">صفحاته على الشبكات أو موقعه، تبدأ بـ https://</p>
  <fieldset class="image-field">
    <legend>الصورة</legend>
    ${
      image
        ? html`<div class="current-image"><img src="${mediaUrl(image.webp[0]?.file ?? image.original.file)}" alt="" class="portrait-preview">
    <label class="inline"><input type="checkbox" name="remove_image" value="1"> إزالة الصورة</label></div>`
        : ''
    }
    <label for="portrait">${image ? 'استبدال الصورة' : 'رفع صورة'} (JPEG أو PNG أو WebP)</label>
    <input id="portrait" name="image" type="file" accept="image/jpeg,image/png,image/webp"${field('file', errorField)}>
  </fieldset>
  <p><button type="submit">احفظ الملف</button></p>
</form>
${
  profile
    ? html`<form method="post" action="${adminAuthorUrl(byline)}/delete" data-confirm="حذف ملف ${byline}؟ تبقى صفحته وأخباره.">${csrfField(ctx.csrf)}<button type="submit" class="danger">حذف الملف</button></form>`
    : ''
}`,
  );
}
