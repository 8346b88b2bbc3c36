/**
 * The editor's pages (issue #5): RTL, Arabic, server-rendered with the
 * escaping `html` template; /assets/admin.js adds the live parts. Every
 * form that writes carries the CSRF token.
 */
import { ROLE_NAMES_AR, ROLES, atLeast, editsAny, type Actor } from '../../auth/roles.js';
import { LIVE_UPDATE_MAX, type Article, type ArticleStatus } from '../../content/article.js';
import { DESCRIPTION_MAX } from '../../content/lead.js';
import { COAUTHORS_MAX } from '../../content/bylines.js';
import { ARTICLE_GENRES, GENRE_LABEL, SPONSOR_MAX, type ArticleGenre } from '../../content/genre.js';
import { TAG_DESCRIPTION_MAX } from '../../content/tags.js';
import type { ImageRef } from '../../content/image.js';
import type { AdminArticleRow, AdminDesk, AdminTag, ApiKeyInfo, MediaUse, Revision, User } from '../../store/newsroom.js';
import type { SiteConfig } from '../config.js';
import { html, type Html } from '../html.js';
import { HOME_LEAD } from '../pages/list.js';
import { mediaUrl } from '../pages/media.js';
import { articleUrl, tagUrl } from '../urls.js';
import type { ImportReport } from '../../services/import.js';
import type { LinkRulesView } from '../../services/link-rules.js';
import { canDelete, canEdit, canPublish, editVersion } from '../../services/workflow.js';
import { utcToZoned } from '../zoned.js';
import { articleCount } from '../counted.js';
import { formatNumber } from '../dates.js';

export const STATUS_AR: Record<ArticleStatus, string> = {
  draft: 'مسودة',
  submitted: 'بانتظار المراجعة',
  scheduled: 'مجدول',
  published: 'منشور',
  unpublished: 'غير منشور',
};

export interface PageContext {
  site: SiteConfig;
  actor: Actor | null;
  csrf: string;
  title: string;
  flash?: string;
  error?: string;
}

export const csrfField = (token: string) => html`<input type="hidden" name="_csrf" value="${token}">`;

export function formatTime(iso: string | null, site: SiteConfig): string {
  if (!iso) return '—';
  return new Intl.DateTimeFormat('ar-u-nu-latn', { dateStyle: 'medium', timeStyle: 'short', timeZone: site.timeZone }).format(new Date(iso));
}

export function adminLayout(ctx: PageContext, main: Html): Html {
  const { site, actor } = ctx;
  return html`<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<meta name="color-scheme" content="light dark">
<title>${ctx.title} | غرفة أخبار ${site.name}</title>
<link rel="stylesheet" href="/assets/fonts/naskh/arabic-400.css">
<link rel="stylesheet" href="/assets/fonts/naskh/arabic-700.css">
<link rel="stylesheet" href="/assets/fonts/kufi/arabic-700.css">
<link rel="stylesheet" href="/assets/admin.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
<meta name="csrf-token" content="${ctx.csrf}">
<script type="module" src="/assets/admin.js"></script>
</head>
<body class="admin">
<a class="skip-link" href="#main">تخطَّ إلى المحتوى</a>
<header class="admin-header">
  <a class="brand" href="/admin">${site.name} <span>غرفة الأخبار</span></a>
  ${
    actor
      ? html`<nav aria-label="الإدارة">
    <a href="/admin">الأخبار</a>
    <a href="/admin/articles/new">خبر جديد</a>
    <a href="/admin/media">الصور</a>
    ${atLeast(actor.role, 'editor') ? html`<a href="/admin/tags">الوسوم</a>` : ''}
    <a href="/admin/authors">الكتّاب</a>
    ${atLeast(actor.role, 'author') ? html`<a href="/admin/trash">المحذوفات</a>` : ''}
    ${atLeast(actor.role, 'owner') ? html`<a href="/admin/users">الحسابات</a> <a href="/admin/keys">مفاتيح الواجهة</a> <a href="/admin/webhooks">خطافات الويب</a> <a href="/admin/import">استيراد</a>` : ''}
    <a href="/api/docs">توثيق الواجهة</a>
    <a href="/">الموقع</a>
  </nav>
  <form class="logout" method="post" action="/admin/logout">${csrfField(ctx.csrf)}<span class="who">${actor.name} · ${ROLE_NAMES_AR[actor.role]}</span> <button type="submit" class="link">خروج</button></form>`
      : ''
  }
</header>
<main id="main" tabindex="-1">
${ctx.flash ? html`<p class="flash" role="status">${ctx.flash}</p>` : ''}
${ctx.error ? html`<p class="error" role="alert" id="form-error">${ctx.error}</p>` : ''}
${main}
</main>
</body>
</html>`;
}

export function loginPage(ctx: PageContext, values: { email?: string; next?: string } = {}): Html {
  return adminLayout(
    ctx,
    html`<section class="narrow">
<h1>تسجيل الدخول</h1>
<form method="post" action="/admin/login" class="stack">
  ${csrfField(ctx.csrf)}
  <input type="hidden" name="next" value="${values.next ?? ''}">
  <label for="email">البريد الإلكتروني</label>
  <input id="email" name="email" type="email" dir="ltr" autocomplete="username" required value="${values.email ?? ''}" autofocus>
  <label for="password">كلمة المرور</label>
  <input id="password" name="password" type="password" dir="ltr" autocomplete="current-password" required>
  <button type="submit" class="primary">دخول</button>
</form>
</section>`,
  );
}

export function setupPage(ctx: PageContext, token: string, valid: boolean, values: { email?: string; name?: string } = {}): Html {
  return adminLayout(
    ctx,
    valid
      ? html`<section class="narrow">
<h1>إنشاء حساب المالك</h1>
<p>هذا الرابط يُستعمل مرة واحدة لإنشاء أول حساب، حساب مالك الموقع.</p>
<form method="post" action="/admin/setup" class="stack">
  ${csrfField(ctx.csrf)}
  <input type="hidden" name="token" value="${token}">
  <label for="email">البريد الإلكتروني</label>
  <input id="email" name="email" type="email" dir="ltr" autocomplete="username" required value="${values.email ?? ''}">
  <label for="name">الاسم</label>
  <input id="name" name="name" autocomplete="name" value="${values.name ?? ''}">
  <label for="password">كلمة المرور (10 أحرف على الأقل)</label>
  <input id="password" name="password" type="password" dir="ltr" autocomplete="new-password" minlength="10" required>
  <button type="submit" class="primary">إنشاء الحساب</button>
</form>
</section>`
      : html`<section class="narrow"><h1>رابط الإعداد غير صالح</h1><p>الرابط مستخدم أو منتهي الصلاحية، أو يوجد حساب بالفعل. <a href="/admin/login">تسجيل الدخول</a></p></section>`,
  );
}

const FILTERS: (ArticleStatus | '')[] = ['', 'draft', 'submitted', 'scheduled', 'published', 'unpublished'];
/** The desk's choices, beside the statuses: which stories lead the home page, which are in the strip now, which are told live. */
const DESK_FILTERS: ['' | AdminDesk, string][] = [
  ['', 'كل الأخبار'],
  ['featured', 'البارزة'],
  ['breaking', 'العاجلة الآن'],
  ['live', 'المباشرة الآن'],
];

export function listPage(
  ctx: PageContext,
  data: { rows: AdminArticleRow[]; total: number; page: number; limit: number; status?: ArticleStatus; q?: string; desk?: AdminDesk; byline?: string; genre?: ArticleGenre },
): Html {
  const qs = (over: { status?: string; page?: number; desk?: string; byline?: string; genre?: string }) => {
    const p = new URLSearchParams();
    const status = over.status ?? data.status;
    const desk = over.desk ?? data.desk;
    const byline = over.byline ?? data.byline;
    const genre = over.genre ?? data.genre;
    if (status) p.set('status', status);
    if (desk) p.set('desk', desk);
    if (byline) p.set('byline', byline);
    if (genre) p.set('genre', genre);
    if (data.q) p.set('q', data.q);
    if (over.page && over.page > 1) p.set('page', String(over.page));
    const s = p.toString();
    return s ? `/admin?${s}` : '/admin';
  };
  const pages = Math.max(1, Math.ceil(data.total / data.limit));
  return adminLayout(
    ctx,
    html`<div class="toolbar">
  <h1>الأخبار</h1>
  <a class="button primary" href="/admin/articles/new">خبر جديد</a>
</div>
<nav class="filters" aria-label="تصفية حسب الحالة">
  ${FILTERS.map(
    (s) => html`<a href="${qs({ status: s })}"${(data.status ?? '') === s ? html` aria-current="page"` : ''}>${s ? STATUS_AR[s] : 'الكل'}</a>`,
  )}
</nav>
<nav class="filters" aria-label="قرارات التحرير">
  ${DESK_FILTERS.map(
    ([d, label]) => html`<a href="${qs({ desk: d })}"${(data.desk ?? '') === d ? html` aria-current="page"` : ''}>${label}</a>`,
  )}
</nav>
<nav class="filters" aria-label="نوع المادة">
  <a href="${qs({ genre: '' })}"${data.genre ? '' : html` aria-current="page"`}>كل الأنواع</a>
  ${ARTICLE_GENRES.map((g) => html`<a href="${qs({ genre: g })}"${data.genre === g ? html` aria-current="page"` : ''}>${GENRE_LABEL[g]}</a>`)}
</nav>
${data.byline ? html`<p class="status-line">أخبار <strong>${data.byline}</strong>، كاتباً أو مشاركاً — <a href="${qs({ byline: '' })}">كل الكتّاب</a></p>` : ''}
<form class="search-form" method="get" action="/admin" role="search">
  ${data.status ? html`<input type="hidden" name="status" value="${data.status}">` : ''}
  ${data.byline ? html`<input type="hidden" name="byline" value="${data.byline}">` : ''}
  ${data.genre ? html`<input type="hidden" name="genre" value="${data.genre}">` : ''}
  <label for="admin-q">ابحث في العناوين</label>
  <input id="admin-q" name="q" type="search" value="${data.q ?? ''}">
  <button type="submit">بحث</button>
</form>
${
  data.rows.length
    ? html`<div class="table-wrap"><table class="articles">
<caption class="visually-hidden">الأخبار (${data.total})</caption>
<thead><tr><th scope="col">العنوان</th><th scope="col">الحالة</th><th scope="col">الكاتب</th><th scope="col">آخر تعديل</th><th scope="col">النشر</th><th scope="col"><abbr title="قراءات آخر 24 ساعة">القراءات</abbr></th></tr></thead>
<tbody>
${data.rows.map(
  (r) => html`<tr>
  <td><a href="/admin/articles/${r.id}">${r.title}</a>${r.returned ? html` <a class="badge returned-badge" href="/admin/articles/${r.id}#notes-title">أُعيد بملاحظات</a>` : ''}${r.genre !== 'news' ? html` <span class="badge genre-badge">${GENRE_LABEL[r.genre]}</span>` : ''}${r.featured ? html` <span class="badge featured-badge">بارز</span>` : ''}${r.breakingUntil && Date.parse(r.breakingUntil) > Date.now() ? html` <span class="badge breaking-badge">عاجل</span>` : ''}${r.live === 'live' ? html` <a class="badge live-badge" href="/admin/articles/${r.id}/live">مباشر</a>` : ''}${r.tags.length ? html`<div class="row-tags">${r.tags.map((t) => html`<span>#${t.replace(/ /g, '_')}</span> `)}</div>` : ''}</td>
  <td><span class="status status-${r.status}">${STATUS_AR[r.status]}</span></td>
  <td>${r.author ? html`<a href="${qs({ byline: r.author, page: 1 })}">${r.author}</a>` : r.ownerName || '—'}</td>
  <td>${formatTime(r.updatedAt, ctx.site)}</td>
  <td>${r.status === 'published' || r.status === 'scheduled' ? formatTime(r.publishedAt, ctx.site) : '—'}</td>
  <td class="views">${r.views ? formatNumber(r.views, ctx.site.digits) : '—'}</td>
</tr>`,
)}
</tbody></table></div>`
    : html`<p class="empty">لا توجد أخبار هنا.</p>`
}
${
  pages > 1
    ? html`<nav class="pagination" aria-label="الصفحات">${data.page > 1 ? html`<a rel="prev" href="${qs({ page: data.page - 1 })}">السابق</a>` : ''} <span>صفحة ${data.page} من ${pages}</span> ${data.page < pages ? html`<a rel="next" href="${qs({ page: data.page + 1 })}">التالي</a>` : ''}</nav>`
    : ''
}`,
  );
}

export interface EditorValues {
  title: string;
  description: string;
  tags: string;
  body: string;
  slug: string;
  author: string;
  /** The other bylines, separated by commas (، or ,). */
  coAuthors: string;
  publishAt: string;
  imageAlt: string;
  /** Addresses of the pinned links, one a line. */
  pinnedLinks: string;
  /** Addresses of the blocked links, one a line. */
  blockedLinks: string;
  /** Led with on the home page (the box only editors see). */
  featured: boolean;
  genre: ArticleGenre;
  /** Sponsored content's advertiser (the field only editors see). */
  sponsor: string;
  /** The breaking-news choice: '' as it is, a number of hours from now, or 'off' (end it now). */
  breaking: string;
  /** A correction to publish under the article with this save. */
  correction: string;
  /**
   * The version of the article's fields the form was filled from
   * (workflow.editVersion): a save that finds them changed by someone else
   * since is refused, not written over their work. Empty for a new article.
   */
  version: string;
}

/** How long an editor can mark a story breaking, in hours, and how the editor says each. */
export const BREAKING_HOURS: [number, string][] = [
  [1, 'لساعة'],
  [3, 'لثلاث ساعات'],
  [6, 'لست ساعات'],
  [12, 'لاثنتي عشرة ساعة'],
  [24, 'ليوم كامل'],
];

export function valuesOf(article: Article | null, image: ImageRef | null, site: SiteConfig, rules?: LinkRulesView): EditorValues {
  const lines = (links: { slug: string }[] = []) => links.map((l) => articleUrl(l.slug)).join('\n');
  return {
    pinnedLinks: lines(rules?.pinned),
    blockedLinks: lines(rules?.blocked),
    title: article?.title ?? '',
    description: article?.description ?? '',
    tags: article?.tags.join('، ') ?? '',
    body: article?.body ?? '',
    slug: article?.slug ?? '',
    author: article?.author ?? '',
    coAuthors: article?.coAuthors.join('، ') ?? '',
    publishAt: article?.status === 'scheduled' && article.publishedAt ? utcToZoned(article.publishedAt, site.timeZone) : '',
    imageAlt: image?.alt ?? '',
    featured: article?.featured ?? false,
    genre: article?.genre ?? 'news',
    sponsor: article?.sponsor ?? '',
    breaking: '',
    correction: '',
    version: article ? editVersion(article) : '',
  };
}

export interface EditorData {
  article: Article | null;
  image: ImageRef | null;
  values: EditorValues;
  revisions: Revision[] | null;
  /** The links the article has now (a saved one), pinned ones marked. */
  links: { id: number; slug: string; title: string; kind: 'related' | 'see_also'; pinned: boolean }[];
  /** The field an error is about, to mark it. */
  errorField?: string;
  /** Bylines in use, offered as the author field's suggestions. */
  bylines: string[];
  /** Over the form: what the writer must know first (the note a story was sent back with). */
  banner?: Html;
  /** Under it: the story's boxes that are not its fields (preview links, the newsroom's notes). */
  boxes?: Html;
}


export function field(id: string, errorField: string | undefined): Html {
  return errorField === id ? html` aria-invalid="true" aria-describedby="form-error"` : html``;
}

/**
 * The desk's calls (services/workflow.ts), the editors' alone: leading the
 * home page, and the breaking-news strip. The hidden field says the form had
 * the box, since an unticked box sends nothing.
 */
function deskChoices(article: Article | null, values: EditorValues, site: SiteConfig): Html {
  const live = article?.breakingUntil && Date.parse(article.breakingUntil) > Date.now() ? article.breakingUntil : null;
  const option = (value: string, label: string) => html`<option value="${value}"${values.breaking === value ? html` selected` : ''}>${label}</option>`;
  return html`<fieldset class="desk-choices">
    <legend>قرارات التحرير</legend>
    <input type="hidden" name="featured_field" value="1">
    <label class="inline"><input type="checkbox" id="featured" name="featured" value="1"${values.featured ? html` checked` : ''} aria-describedby="featured-hint"> خبر بارز</label>
    <p id="featured-hint" class="hint">تتصدّر الأخبار البارزة الصفحة الرئيسية تحت «أبرز الأخبار»، أحدثها أولاً (${HOME_LEAD} منها)، حتى يُزال التحديد.</p>
    <label for="breaking">عاجل</label>
    <select id="breaking" name="breaking" aria-describedby="breaking-hint">
      ${option('', live ? `عاجل حتى ${formatTime(live, site)} (دون تغيير)` : 'ليس عاجلاً')}
      ${BREAKING_HOURS.map(([hours, label]) => option(String(hours), `${live ? 'تمديد' : 'عاجل'} ${label} من الآن`))}
      ${live ? option('off', 'إنهاء «عاجل» الآن') : ''}
    </select>
    <p id="breaking-hint" class="hint">يظهر أحدث خبر عاجل منشور في شريط أحمر أعلى كل صفحات الموقع حتى ينتهي وقته.</p>
  </fieldset>`;
}

/**
 * What the piece is (content/genre.ts). Sponsored content is the editors'
 * call both ways (services/workflow.ts): others are not offered it, and a
 * sponsored piece's field is shown to them disabled, so their form sends none.
 */
function genreField(actor: Actor, values: EditorValues, invalid: Html, errorField: string | undefined): Html {
  const locked = !editsAny(actor) && values.genre === 'sponsored';
  const offered = ARTICLE_GENRES.filter((g) => g !== 'sponsored' || editsAny(actor) || locked);
  return html`<label for="genre">نوع المادة</label>
  <select id="genre" name="genre" aria-describedby="genre-hint"${locked ? html` disabled` : ''}${invalid}>
    ${offered.map((g) => html`<option value="${g}"${values.genre === g ? html` selected` : ''}>${GENRE_LABEL[g]}</option>`)}
  </select>
  <p id="genre-hint" class="hint">يظهر النوع فوق العنوان وقبله في القوائم، إلا الخبر. المحتوى الممول يُوسم بوضوح، ولا يُعرض في «أخبار ذات صلة» ولا في خريطة الأخبار${editsAny(actor) ? '' : '، ويحدده المحررون وحدهم'}.</p>
  ${
    editsAny(actor)
      ? html`<label for="sponsor">الجهة الراعية (للمحتوى الممول)</label>
  <input id="sponsor" name="sponsor" maxlength="${SPONSOR_MAX}" value="${values.sponsor}" aria-describedby="sponsor-hint"${field('sponsor', errorField)}>
  <p id="sponsor-hint" class="hint">يُذكر اسمها في الإفصاح تحت المحتوى الممول: «محتوى ممول من …».</p>`
      : ''
  }`;
}

/**
 * A published story's corrections: those published, and a box for a new one,
 * which the save publishes under the story, dated then. None is edited away.
 */
function correctionField(article: Article, values: EditorValues, site: SiteConfig, errorField: string | undefined): Html {
  return html`<fieldset class="corrections-field">
    <legend>تصحيح</legend>
    ${
      article.corrections.length
        ? html`<ol class="corrections-list">${article.corrections.map((c) => html`<li><time datetime="${c.at}">${formatTime(c.at, site)}</time>: ${c.text}</li>`)}</ol>`
        : ''
    }
    <label for="correction">${article.corrections.length ? 'تصحيح آخر' : 'أضف تصحيحاً'}</label>
    <textarea id="correction" name="correction" rows="2" maxlength="1000" aria-describedby="correction-hint"${field('correction', errorField)}>${values.correction}</textarea>
    <p id="correction-hint" class="hint">يُنشر تحت الخبر بتاريخ الحفظ، ولا يُحذف بعد نشره. اذكر ما كان خطأً وما الصواب؛ وصحّح النص نفسه أيضاً.</p>
  </fieldset>`;
}

export function editorPage(ctx: PageContext, data: EditorData): Html {
  const { article, image, values, revisions, errorField } = data;
  const actor = ctx.actor!;
  const status = article?.status ?? 'draft';
  const editable = article ? canEdit(actor, article) : true;
  const publishes = article ? canPublish(actor, article) : atLeast(actor.role, 'author');
  const action = article ? `/admin/articles/${article.id}` : '/admin/articles';
  const e = (id: string) => field(id, errorField);
  const descLength = [...values.description].length;
  return adminLayout(
    ctx,
    html`<div class="toolbar">
  <h1>${article ? 'تحرير خبر' : 'خبر جديد'}</h1>
  ${article ? html`<p class="status-line">الحالة: <span class="status status-${status}" id="article-status">${STATUS_AR[status]}</span>${status === 'scheduled' ? html` — ${formatTime(article.publishedAt, ctx.site)}` : ''}${status === 'published' ? html` — <a href="${articleUrl(article.slug)}" id="public-link">عرض على الموقع</a>` : ''}${editable ? html` — <a href="/admin/articles/${article.id}/live" id="live-link">${article.live === 'live' ? 'التغطية المباشرة (جارية)' : 'التغطية المباشرة'}</a>` : ''}</p>` : ''}
</div>
${data.banner ?? ''}
<div class="editor-layout">
<form id="editor" class="editor stack" method="post" action="${action}" enctype="multipart/form-data" data-feature-image="${article?.featureImageId ?? ''}" data-article-id="${article?.id ?? ''}" data-published-at="${article && (article.status === 'published' || article.status === 'scheduled') ? (article.publishedAt ?? '') : ''}">
  ${csrfField(ctx.csrf)}
  ${article ? html`<input type="hidden" name="version" value="${values.version}">` : ''}
  ${editable ? '' : html`<p class="note" role="note">لا يحق لك تعديل هذا الخبر في حالته الحالية.</p>`}
  <label for="title">العنوان</label>
  <input id="title" name="title" required maxlength="300" value="${values.title}"${e('title')}>
  <p id="copy-warning" class="warning" role="status" hidden></p>

  <div class="label-row"><label for="description">الوصف</label><button type="button" class="small" data-suggest="description">اقترح وصفاً</button></div>
  <textarea id="description" name="description" rows="3" maxlength="1000" aria-describedby="description-count"${e('description')}>${values.description}</textarea>
  <p id="description-count" class="counter${descLength > DESCRIPTION_MAX ? ' over' : ''}" data-max="${DESCRIPTION_MAX}" aria-live="polite"><span data-count>${descLength}</span> / ${DESCRIPTION_MAX} حرفاً</p>

  <div class="label-row"><label for="tags">الوسوم</label><button type="button" class="small" data-suggest="tags">اقترح وسوماً</button></div>
  <div class="combo">
    <input id="tags" name="tags" autocomplete="off" role="combobox" aria-autocomplete="list" aria-expanded="false" aria-controls="tags-list" aria-describedby="tags-hint" value="${values.tags}"${e('tags')}>
    <ul id="tags-list" role="listbox" class="listbox" aria-label="وسوم موجودة" hidden></ul>
  </div>
  <p id="tags-hint" class="hint">افصل بين الوسوم بفاصلة؛ الوسم الأول هو القسم.</p>
  <div id="tag-suggestions" class="chips" aria-live="polite"></div>

  ${genreField(actor, values, e('genre'), errorField)}

  <label for="body">نص الخبر</label>
  <p id="body-hint" class="hint">Markdown: سطر يبدأ بـ <code>## </code> عنوان فرعي، وبـ <code>&gt; </code> اقتباس، وسطر فارغ بين الفقرات. الصورة في فقرة وحدها، وعنوانها يبدأ بـ https:// أو /media/ والتعليق بين علامتي تنصيص: <code dir="ltr">![وصف الصورة](https://… "التعليق")</code>. ورابط فيديو يوتيوب أو فيميو في فقرة وحده يصير فيديو، وتعليقه هكذا: <code dir="ltr">[التعليق](https://youtu.be/…)</code>.</p>
  <textarea id="body" name="body" rows="18" required aria-describedby="body-hint"${e('body')}>${values.body}</textarea>
  <!-- Uploads at once and writes the figure's Markdown where the cursor is (admin.js shows it); its fields have no names, so the article's form never sends them. -->
  <fieldset id="body-image" class="body-image" hidden>
    <legend>صورة داخل النص</legend>
    <label for="body-image-file">الصورة (JPEG أو PNG أو WebP)</label>
    <input id="body-image-file" type="file" accept="image/jpeg,image/png,image/webp">
    <label for="body-image-alt">النص البديل لهذه الصورة (وصفها لمن لا يراها)</label>
    <input id="body-image-alt" maxlength="300">
    <label for="body-image-caption">التعليق تحت الصورة (اختياري)</label>
    <input id="body-image-caption" maxlength="300">
    <div><button type="button" id="body-image-insert" class="small">ارفع الصورة وأدرجها في موضع المؤشر</button></div>
    <details id="body-image-recent" class="recent-images">
      <summary>أو أدرج صورة مرفوعة من قبل</summary>
      <ul class="thumbs" aria-label="الصور المرفوعة"></ul>
    </details>
    <p id="body-image-status" class="hint" role="status" aria-live="polite"></p>
  </fieldset>

  <fieldset class="image-field">
    <legend>الصورة الرئيسية</legend>
    ${
      image
        ? html`<div class="current-image"><img src="${mediaUrl(image.webp[0]?.file ?? image.original.file)}" alt="${image.alt}" id="current-image">
      <label class="inline"><input type="checkbox" name="remove_image" value="1"> إزالة الصورة</label></div>`
        : ''
    }
    <label for="image">${image ? 'استبدال الصورة' : 'رفع صورة'} (JPEG أو PNG أو WebP)</label>
    <input id="image" name="image" type="file" accept="image/jpeg,image/png,image/webp"${e('file')}>
    <img id="image-preview" class="image-preview" alt="" hidden>
    <label for="image_alt">النص البديل (وصف الصورة لمن لا يراها)</label>
    <input id="image_alt" name="image_alt" maxlength="300" value="${values.imageAlt}"${e('alt')}>
  </fieldset>

  ${editsAny(actor) ? deskChoices(article, values, ctx.site) : ''}
  ${article && article.status === 'published' && editable ? correctionField(article, values, ctx.site, errorField) : ''}

  <details class="more"${errorField === 'slug' || errorField === 'author' || errorField === 'coAuthors' || values.coAuthors ? html` open` : ''}>
    <summary>الرابط والكاتب</summary>
    <label for="slug">الرابط المختصر</label>
    <input id="slug" name="slug" dir="auto" maxlength="200" value="${values.slug}" aria-describedby="slug-hint"${e('slug')}>
    <p id="slug-hint" class="hint">يُشتق من العنوان إن تُرك فارغاً. تغييره بعد النشر يُبقي الرابط القديم محوّلاً إلى الجديد.</p>
    <label for="author">اسم الكاتب</label>
    <input id="author" name="author" maxlength="200" list="bylines" value="${values.author}"${article ? '' : html` placeholder="${actor.name}"`} aria-describedby="author-hint"${e('author')}>
    <datalist id="bylines">${data.bylines.map((b) => html`<option value="${b}">`)}</datalist>
    <p id="author-hint" class="hint">${article ? '' : 'يُنشر الخبر باسمك إن تُرك فارغاً. '}لكل اسم صفحة بأخباره: اختره كما كُتب من قبل لتجتمع الأخبار في صفحة واحدة.</p>
    <label for="co_authors">بالاشتراك مع</label>
    <input id="co_authors" name="co_authors" maxlength="1000" value="${values.coAuthors}" aria-describedby="co-authors-hint"${e('coAuthors')}>
    <p id="co-authors-hint" class="hint">أسماء من شاركوا في كتابة الخبر، تفصل بينها فاصلة (${COAUTHORS_MAX} على الأكثر). يظهر الخبر في صفحة كل منهم.</p>
  </details>

  <details class="more links-rules"${errorField === 'pinnedLinks' || errorField === 'blockedLinks' ? html` open` : ''}>
    <summary>روابط الخبر</summary>
    ${
      data.links.length
        ? html`<p class="hint">يختار المحرك هذه الروابط عند الحفظ؛ ما تستبعده لا يعود.</p>
    <ul class="current-links">${data.links.map(
      (l) => html`<li><a href="${articleUrl(l.slug)}">${l.title}</a> <span class="hint">(${l.pinned ? 'مثبّت' : l.kind === 'related' ? 'ذات صلة' : 'شاهد أيضاً'})</span>${
        l.pinned ? '' : html` <label class="inline"><input type="checkbox" name="block" value="${l.id}"> استبعد</label>`
      }</li>`,
    )}</ul>`
        : ''
    }
    <label for="pinned_links">روابط مثبتة (رابط خبر في كل سطر، تظهر أولاً بترتيبها)</label>
    <textarea id="pinned_links" name="pinned_links" rows="3" dir="auto" aria-describedby="links-hint"${e('pinnedLinks')}>${values.pinnedLinks}</textarea>
    <label for="blocked_links">روابط مستبعدة (لا تظهر تحت هذا الخبر)</label>
    <textarea id="blocked_links" name="blocked_links" rows="3" dir="auto" aria-describedby="links-hint"${e('blockedLinks')}>${values.blockedLinks}</textarea>
    <p id="links-hint" class="hint">الصق رابط الخبر من الموقع (…/articles/…) أو رابطه المختصر.</p>
  </details>

  ${
    publishes
      ? html`<label for="publish_at">موعد النشر المجدول (بتوقيت ${ctx.site.timeZone})</label>
  <input id="publish_at" name="publish_at" type="datetime-local" value="${values.publishAt}"${e('publishAt')}>`
      : ''
  }

  <div class="actions">
    ${editable ? html`<button type="submit" name="action" value="save">${status === 'published' ? 'حفظ التعديلات' : 'حفظ'}</button>` : ''}
    ${editable && ['draft', 'unpublished'].includes(status) ? html`<button type="submit" name="action" value="submit">إرسال للمراجعة</button>` : ''}
    ${publishes && status !== 'published' ? html`<button type="submit" name="action" value="publish" class="primary">نشر</button>` : ''}
    ${publishes ? html`<button type="submit" name="action" value="schedule" data-needs="publish_at">جدولة</button>` : ''}
    ${publishes && (status === 'published' || status === 'scheduled') ? html`<button type="submit" name="action" value="unpublish">إلغاء النشر</button>` : ''}
  </div>
</form>

<section class="preview" aria-labelledby="preview-title">
  <h2 id="preview-title">معاينة</h2>
  <iframe id="preview-frame" title="معاينة الخبر كما سيظهر للقراء" sandbox="allow-same-origin"></iframe>
</section>
</div>
${data.boxes ?? ''}
${
  article && canDelete(actor, article)
    ? html`<form method="post" action="/admin/articles/${article.id}/delete" class="danger" data-confirm="حذف هذا الخبر؟ يبقى في المحذوفات 30 يوماً يمكن استعادته خلالها.">${csrfField(ctx.csrf)}<button type="submit" class="danger">حذف الخبر</button></form>`
    : ''
}
${
  article && revisions && editsAny(actor)
    ? html`<details class="revisions" id="revisions">
  <summary>سجل النسخ (${revisions.length})</summary>
  <ol>
  ${revisions.map(
    (r) => html`<li><a href="/admin/articles/${article.id}/revisions/${r.id}">${formatTime(r.createdAt, ctx.site)}</a> — ${r.userName ?? 'استيراد'} — ${STATUS_AR[r.snapshot.status] ?? r.snapshot.status}: ${r.snapshot.title}</li>`,
  )}
  </ol>
</details>`
    : ''
}`,
  );
}

export function revisionPage(ctx: PageContext, article: Article, revision: Revision, previewHtml: string): Html {
  const s = revision.snapshot;
  return adminLayout(
    ctx,
    html`<div class="toolbar"><h1>نسخة من ${formatTime(revision.createdAt, ctx.site)}</h1><a href="/admin/articles/${article.id}">العودة إلى التحرير</a></div>
<dl class="revision">
  <dt>بواسطة</dt><dd>${revision.userName ?? 'استيراد'}</dd>
  <dt>العنوان</dt><dd>${s.title}</dd>
  <dt>الوصف</dt><dd>${s.description}</dd>
  <dt>الوسوم</dt><dd>${s.tags.join('، ')}</dd>
  <dt>الرابط</dt><dd dir="auto">${s.slug}</dd>
  <dt>الحالة</dt><dd>${STATUS_AR[s.status] ?? s.status}</dd>
</dl>
<form method="post" action="/admin/articles/${article.id}/revisions/${revision.id}/restore" data-confirm="استعادة نص هذه النسخة؟ تبقى الحالة والرابط كما هما.">
  ${csrfField(ctx.csrf)}<button type="submit" class="primary">استعادة هذه النسخة</button>
</form>
<h2>النص</h2>
<pre class="body-source" dir="auto">${s.body}</pre>
<h2>كما تظهر</h2>
<iframe class="revision-preview" title="النسخة كما تظهر للقراء" sandbox="allow-same-origin" srcdoc="${previewHtml}"></iframe>`,
  );
}

export function usersPage(ctx: PageContext, users: User[], created?: { email: string; password: string }): Html {
  return adminLayout(
    ctx,
    html`<h1>الحسابات</h1>
${created ? html`<p class="flash" role="status">أُنشئ حساب ${created.email}. كلمة المرور (تظهر مرة واحدة): <code dir="ltr" id="new-password">${created.password}</code></p>` : ''}
<div class="table-wrap"><table>
<thead><tr><th scope="col">البريد</th><th scope="col">الاسم</th><th scope="col">الدور</th><th scope="col">إجراءات</th></tr></thead>
<tbody>
${users.map(
  (u) => html`<tr><td dir="ltr">${u.email}</td><td>${u.name}</td>
<td><form method="post" action="/admin/users/${u.id}" class="inline">${csrfField(ctx.csrf)}<label class="visually-hidden" for="role-${u.id}">دور ${u.email}</label><select id="role-${u.id}" name="role">${ROLES.map((r) => html`<option value="${r}"${r === u.role ? html` selected` : ''}>${ROLE_NAMES_AR[r]}</option>`)}</select> <button type="submit" class="small">تغيير</button></form></td>
<td>${u.id === ctx.actor?.userId ? '' : html`<form method="post" action="/admin/users/${u.id}/delete" class="inline" data-confirm="حذف هذا الحساب؟">${csrfField(ctx.csrf)}<button type="submit" class="small danger">حذف</button></form>`}</td></tr>`,
)}
</tbody></table></div>
<h2>حساب جديد</h2>
<form method="post" action="/admin/users" class="stack narrow">
  ${csrfField(ctx.csrf)}
  <label for="new-email">البريد الإلكتروني</label><input id="new-email" name="email" type="email" dir="ltr" required>
  <label for="new-name">الاسم</label><input id="new-name" name="name">
  <label for="new-role">الدور</label><select id="new-role" name="role">${ROLES.map((r) => html`<option value="${r}"${r === 'author' ? html` selected` : ''}>${ROLE_NAMES_AR[r]}</option>`)}</select>
  <label for="new-password-input">كلمة المرور (اتركها فارغة لتوليد واحدة)</label><input id="new-password-input" name="password" type="password" dir="ltr" autocomplete="new-password">
  <button type="submit" class="primary">إضافة</button>
</form>`,
  );
}

export function keysPage(ctx: PageContext, keys: ApiKeyInfo[], created?: { name: string; key: string }): Html {
  return adminLayout(
    ctx,
    html`<h1>مفاتيح الواجهة البرمجية</h1>
${created ? html`<p class="flash" role="status">المفتاح «${created.name}» (يظهر مرة واحدة فقط، احفظه الآن): <code dir="ltr" id="new-key">${created.key}</code></p>` : ''}
<div class="table-wrap"><table>
<thead><tr><th scope="col">الاسم</th><th scope="col">البداية</th><th scope="col">الدور</th><th scope="col">آخر استعمال</th><th scope="col">الحالة</th></tr></thead>
<tbody>
${keys.map(
  (k) => html`<tr><td>${k.name}</td><td dir="ltr"><code>${k.prefix}…</code></td><td>${ROLE_NAMES_AR[k.role]}</td><td>${formatTime(k.lastUsedAt, ctx.site)}</td>
<td>${k.revokedAt ? 'ملغى' : html`<form method="post" action="/admin/keys/${k.id}/revoke" class="inline" data-confirm="إلغاء هذا المفتاح؟ يتوقف عن العمل فوراً.">${csrfField(ctx.csrf)}<button type="submit" class="small danger">إلغاء</button></form>`}</td></tr>`,
)}
</tbody></table></div>
<h2>مفتاح جديد</h2>
<form method="post" action="/admin/keys" class="stack narrow">
  ${csrfField(ctx.csrf)}
  <label for="key-name">الاسم</label><input id="key-name" name="name" required maxlength="100">
  <label for="key-role">الدور</label><select id="key-role" name="role">${ROLES.map((r) => html`<option value="${r}"${r === 'author' ? html` selected` : ''}>${ROLE_NAMES_AR[r]}</option>`)}</select>
  <button type="submit" class="primary">إنشاء</button>
</form>`,
  );
}

const list = (heading: string, lines: string[], id: string) =>
  lines.length ? html`<h3 id="${id}">${heading} (${lines.length})</h3><ul class="import-lines" dir="auto">${lines.map((l) => html`<li>${l}</li>`)}</ul>` : '';

/** The import form, and the report of the last import. */
export function importPage(ctx: PageContext, report?: ImportReport): Html {
  return adminLayout(
    ctx,
    html`<h1>استيراد</h1>
${
  report
    ? html`<section class="import-report" aria-labelledby="report-heading">
<h2 id="report-heading">${report.failed ? 'لم يُستورد الملف' : 'اكتمل الاستيراد'}</h2>
<p id="import-counts">أُضيف ${report.imported} · حُدّث ${report.updated}${report.skipped ? html` · تُرك ${report.skipped} مكرراً` : ''}</p>
${list('أخطاء: لم يُستورد شيء من الملف', report.errors, 'import-errors')}
${list('نسخ مكررة من أخبار موجودة', report.duplicates, 'import-duplicates')}
${list('ملاحظات', report.notes, 'import-notes')}
</section>`
    : ''
}
<form method="post" action="/admin/import" enctype="multipart/form-data" class="stack narrow">
  ${csrfField(ctx.csrf)}
  <label for="import-file">ملف التصدير</label>
  <input id="import-file" name="file" type="file" required accept=".xml,.json,.jsonl,.txt">
  <p class="hint">تصدير ووردبريس (أدوات › تصدير، ملف XML) أو غوست (الإعدادات › Labs › Export، ملف JSON)، أو ملف بصيغة النص أو JSON lines. يُستورد الملف كله أو لا شيء منه، واستيراده مرة أخرى يحدّث الأخبار نفسها. الصور، البارزة منها وما في النص، تُنسخ إلى الموقع بالأمر <code dir="ltr">sahifa import --media</code>؛ وبدونه تُعرض صور النص من عناوينها على الشبكة.</p>
  <label for="import-format">الصيغة</label>
  <select id="import-format" name="format"><option value="">تلقائياً</option><option value="wordpress">ووردبريس (WXR)</option><option value="ghost">غوست (JSON)</option><option value="jsonl">JSON lines</option><option value="text">نص</option></select>
  <label><input type="checkbox" name="skip_duplicates"> تجاهل النسخ المكررة من أخبار موجودة</label>
  <button type="submit" class="primary">استيراد</button>
</form>
<h2>تصدير</h2>
<p class="narrow">كل الأخبار بكل حالاتها (المسودات والمجدولة والمنشورة) بنصوصها ووسومها وكتّابها وتواريخها في ملف JSON lines، يستورده صحيفة كما هو في موقع آخر. الصور ملفات: ينسخها مع قاعدة البيانات الأمر <code dir="ltr">sahifa backup</code>.</p>
<p><a class="button" id="export-link" href="/admin/export" download>تنزيل ملف التصدير</a></p>`,
  );
}

function mediaUses(m: MediaUse): string {
  const uses = [m.featureOf ? `صورة رئيسية: ${articleCount(m.featureOf)}` : '', m.bodyOf ? `في النص: ${articleCount(m.bodyOf)}` : ''].filter(Boolean);
  return uses.length ? uses.join(' · ') : 'غير مستخدمة';
}

/**
 * The media library: an upload form, then the uploads, newest first, each
 * with what uses it, its alt text to correct (authors and up), the Markdown
 * that puts it in a body, and deletion (editors and up) unless a body shows it.
 */
export function mediaPage(ctx: PageContext, data: { media: MediaUse[]; total: number; page: number; limit: number }): Html {
  const role = ctx.actor?.role ?? 'contributor';
  const pages = Math.max(1, Math.ceil(data.total / data.limit));
  const at = (page: number) => (page > 1 ? `/admin/media?page=${page}` : '/admin/media');
  const kb = (bytes: number) => `${Math.max(1, Math.round(bytes / 1024))} ك.ب`;
  return adminLayout(
    ctx,
    html`<h1>الصور</h1>
<form method="post" action="/admin/media" enctype="multipart/form-data" class="stack narrow upload-form">
  ${csrfField(ctx.csrf)}
  <label for="upload-file">صورة جديدة (JPEG أو PNG أو WebP)</label>
  <input id="upload-file" name="file" type="file" accept="image/jpeg,image/png,image/webp" required>
  <label for="upload-alt">النص البديل (وصف الصورة لمن لا يراها)</label>
  <input id="upload-alt" name="alt" maxlength="300" required>
  <button type="submit" class="primary">رفع</button>
</form>
${
  data.media.length
    ? html`<ul class="media-grid" aria-label="الصور المرفوعة (${data.total})">
${data.media.map((m) => {
  const thumb = m.webp[0] ?? m.original;
  const markdown = `![${m.alt.replace(/[[\]\\]/g, (c) => `\\${c}`)}](${mediaUrl(m.original.file)})`;
  return html`<li class="media-card" id="media-${m.id}">
  <a href="${mediaUrl(m.original.file)}"><img src="${mediaUrl(thumb.file)}" alt="${m.alt}" width="${thumb.width}" height="${thumb.height}" loading="lazy"></a>
  ${
    atLeast(role, 'author')
      ? html`<form method="post" action="/admin/media/${m.id}" class="stack">${csrfField(ctx.csrf)}
    <label for="alt-${m.id}">النص البديل</label>
    <textarea id="alt-${m.id}" name="alt" rows="2" maxlength="300" required>${m.alt}</textarea>
    <button type="submit" class="small">حفظ النص البديل</button></form>`
      : html`<p>${m.alt}</p>`
  }
  <p class="meta"><span dir="ltr">${m.width}×${m.height}</span> · ${kb(m.bytes)} · ${formatTime(m.createdAt, ctx.site)}</p>
  <p class="uses">${mediaUses(m)}</p>
  <label for="md-${m.id}">لإدراجها في نص خبر</label>
  <input id="md-${m.id}" class="markdown" dir="ltr" readonly value="${markdown}">
  ${
    !atLeast(role, 'editor')
      ? ''
      : m.bodyOf
        ? html`<p class="hint">لا تُحذف ما دامت في نص خبر.</p>`
        : html`<form method="post" action="/admin/media/${m.id}/delete" class="inline" data-confirm="${m.featureOf ? `حذف الصورة؟ ستفقد ${articleCount(m.featureOf)} صورتها الرئيسية.` : 'حذف الصورة نهائياً؟'}">${csrfField(ctx.csrf)}<button type="submit" class="small danger">حذف</button></form>`
  }
</li>`;
})}
</ul>`
    : html`<p class="empty">لا صور مرفوعة بعد.</p>`
}
${
  pages > 1
    ? html`<nav class="pagination" aria-label="الصفحات">${data.page > 1 ? html`<a rel="prev" href="${at(data.page - 1)}">السابق</a>` : ''} <span>صفحة ${data.page} من ${pages}</span> ${data.page < pages ? html`<a rel="next" href="${at(data.page + 1)}">التالي</a>` : ''}</nav>`
    : ''
}`,
  );
}

/**
 * The tags page (editors): the most used tags, or those a search names, each
 * with its count, a rename form, and a merge form that takes the name of the
 * tag to merge it into (a select of thousands of tags would be no help).
 */
/** The search box over a list of names (tags, bylines): the start of a name, in any spelling. */
export function nameFilter(action: string, id: string, label: string, q: string): Html {
  return html`<form class="search-form" method="get" action="${action}" role="search">
  <label for="${id}">${label}</label>
  <input id="${id}" name="q" type="search" value="${q}">
  <button type="submit">بحث</button>
</form>`;
}

/** Under a list cut at its most used: how to reach the rest. */
export const mostUsedHint = (what: string, limit: number): Html => html`<p class="hint">تظهر ${what} الـ${limit} الأكثر استعمالاً؛ ابحث للوصول إلى غيرها.</p>`;

export function tagsPage(ctx: PageContext, data: { tags: AdminTag[]; q: string; limit: number }): Html {
  return adminLayout(
    ctx,
    html`<h1>الوسوم</h1>
<p class="hint">إعادة التسمية تغيّر الوسم في كل الأخبار، والدمج ينقل أخبار الوسم إلى وسم آخر ويحذفه. يبقى الرابط القديم محوّلاً إلى الجديد. الوصف سطر أو سطران يظهران تحت عنوان صفحة الوسم ويصفانها لمحركات البحث.</p>
${nameFilter('/admin/tags', 'tags-q', 'ابحث عن وسم', data.q)}
${
  data.tags.length
    ? html`<div class="table-wrap"><table class="tags-table">
<caption class="visually-hidden">الوسوم</caption>
<thead><tr><th scope="col">الوسم</th><th scope="col">الأخبار</th><th scope="col">إعادة التسمية</th><th scope="col">الدمج في وسم آخر</th><th scope="col">الوصف في صفحته</th></tr></thead>
<tbody>
${data.tags.map(
  (t) => html`<tr id="tag-${t.id}">
  <td><a href="${tagUrl(t.name)}">#${t.name.replace(/ /g, '_')}</a></td>
  <td>${t.count}</td>
  <td><form method="post" action="/admin/tags/${t.id}" class="inline">${csrfField(ctx.csrf)}<label class="visually-hidden" for="rename-${t.id}">اسم جديد لـ ${t.name}</label><input id="rename-${t.id}" name="name" value="${t.name}" maxlength="60" required> <button type="submit" class="small">تغيير</button></form></td>
  <td><form method="post" action="/admin/tags/${t.id}/merge" class="inline" data-confirm="دمج #${t.name.replace(/ /g, '_')} في الوسم المكتوب؟ يُحذف هذا الوسم.">${csrfField(ctx.csrf)}<label class="visually-hidden" for="merge-${t.id}">الوسم الذي يُدمج فيه ${t.name}</label><input id="merge-${t.id}" name="into" maxlength="60" required placeholder="اسم الوسم"> <button type="submit" class="small">دمج</button></form></td>
  <td><form method="post" action="/admin/tags/${t.id}/description" class="inline tag-description-form">${csrfField(ctx.csrf)}<label class="visually-hidden" for="describe-${t.id}">وصف ${t.name}</label><textarea id="describe-${t.id}" name="description" rows="2" maxlength="${TAG_DESCRIPTION_MAX}">${t.description}</textarea> <button type="submit" class="small">حفظ</button></form></td>
</tr>`,
)}
</tbody></table></div>`
    : html`<p class="empty">لا وسوم هنا.</p>`
}
${data.tags.length === data.limit && !data.q ? mostUsedHint('الوسوم', data.limit) : ''}`,
  );
}

const LIVE_STATE_AR = { live: 'جارية', ended: 'انتهت' } as const;

/**
 * The live desk of one story: a box to post the next update, the way to
 * start, end or resume the coverage, and the updates newest first, each
 * mended or taken down in place. Reporters post here, not in the editor.
 */
export function liveDeskPage(ctx: PageContext, article: Article, data: { text: string; errorField?: string }): Html {
  const updates = [...article.liveUpdates].reverse();
  const stateForm = (state: 'live' | 'ended', label: string) =>
    html`<form method="post" action="/admin/articles/${article.id}/live/state" class="inline">${csrfField(ctx.csrf)}<input type="hidden" name="state" value="${state}"><button type="submit">${label}</button></form>`;
  return adminLayout(
    ctx,
    html`<div class="toolbar">
  <h1>التغطية المباشرة: ${article.title}</h1>
  <p class="status-line">التغطية: <span id="live-state">${article.live ? LIVE_STATE_AR[article.live] : 'لم تبدأ'}</span>${article.status === 'published' ? html` — <a href="${articleUrl(article.slug)}">عرض على الموقع</a>` : html` — الخبر غير منشور بعد؛ تظهر التحديثات للقراء حين يُنشر`} — <a href="/admin/articles/${article.id}">تحرير الخبر</a></p>
</div>
${
  article.live === 'ended'
    ? html`<p class="note">انتهت التغطية. استأنفها لنشر تحديث جديد.</p>${stateForm('live', 'استئناف التغطية')}`
    : html`<form method="post" action="/admin/articles/${article.id}/live" class="stack live-post">
  ${csrfField(ctx.csrf)}
  <label for="update-text">تحديث جديد</label>
  <textarea id="update-text" name="text" rows="5" maxlength="${LIVE_UPDATE_MAX}" required aria-describedby="update-hint"${field('text', data.errorField)}>${data.text}</textarea>
  <p id="update-hint" class="hint">يُنشر فوراً بوقت النشر، في أعلى التحديثات. Markdown كنص الخبر: فقرات، واقتباس بـ«&gt;»، وصورة؛ وعنوان بـ«##» في أوله يصير عنوان التحديث.</p>
  <label class="inline"><input type="checkbox" name="key" value="1"> من أبرز التطورات (يُذكر في قائمة فوق التحديثات)</label>
  <p><button type="submit">انشر التحديث</button></p>
</form>
${article.live === 'live' ? stateForm('ended', 'إنهاء التغطية') : ''}`
}
<h2>التحديثات (${updates.length})</h2>
${
  updates.length
    ? html`<ol class="live-desk-list">${updates.map(
        (u) => html`<li id="update-${String(u.id)}">
  <p><time datetime="${u.at}">${formatTime(u.at, ctx.site)}</time> — رقم ${String(u.id)}${u.key ? html` — <span class="badge">من أبرز التطورات</span>` : ''}</p>
  <pre class="update-text">${u.text}</pre>
  <details><summary>تعديل</summary>
    <form method="post" action="/admin/articles/${article.id}/live/${String(u.id)}" class="stack">${csrfField(ctx.csrf)}
      <label for="edit-${String(u.id)}">نص التحديث</label>
      <textarea id="edit-${String(u.id)}" name="text" rows="4" maxlength="${LIVE_UPDATE_MAX}" required>${u.text}</textarea>
      <label class="inline"><input type="checkbox" name="key" value="1"${u.key ? ' checked' : ''}> من أبرز التطورات</label>
      <p><button type="submit" class="small">حفظ التعديل</button></p>
    </form>
  </details>
  <form method="post" action="/admin/articles/${article.id}/live/${String(u.id)}/delete" class="inline" data-confirm="حذف هذا التحديث من الصفحة؟">${csrfField(ctx.csrf)}<button type="submit" class="small danger">حذف</button></form>
</li>`,
      )}</ol>`
    : html`<p class="empty">لا تحديثات بعد. يبدأ أول تحديث التغطية.</p>`
}`,
  );
}

export function messagePage(ctx: PageContext, heading: string, message: string): Html {
  return adminLayout(ctx, html`<section class="narrow"><h1>${heading}</h1><p>${message}</p><p><a href="/admin">العودة إلى الأخبار</a></p></section>`);
}
