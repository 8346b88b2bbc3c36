/**
 * The search page: the query kept in its box, the count, the results with
 * their highlighted snippets, the fallback notice, pagination, and on zero
 * results what we searched for, popular tags and the latest news.
 */
import type { ArticleSummary } from '../../content/article.js';
import type { SearchResults, SearchSort } from '../../search/types.js';
import { MAX_QUERY_LENGTH } from '../../search/query.js';
import type { SiteConfig } from '../config.js';
import { html, trusted, type Html } from '../html.js';
import { articleUrl, tagUrl } from '../urls.js';
import { publishedLine, tagLinks } from './article.js';
import { layout } from './layout.js';
import { genreMark } from './genre.js';
import { counted } from '../counted.js';
import { arabicDates } from '../dates.js';

export interface SearchPageData {
  q: string;
  tag?: string;
  sort: SearchSort;
  /** The days asked for, 'YYYY-MM-DD' as typed ('' or absent: any). */
  from?: string;
  to?: string;
  /** Why the days were set aside (not days, or backwards). */
  dateError?: string;
  results: SearchResults;
  /** Shown when nothing was found. */
  latest: ArticleSummary[];
}

export function searchUrl({ q, tag, sort, page, from, to }: { q: string; tag?: string; sort?: SearchSort; page?: number; from?: string; to?: string }): string {
  const params = new URLSearchParams();
  if (q) params.set('q', q);
  if (tag) params.set('tag', tag);
  if (sort && sort !== 'relevance') params.set('sort', sort);
  if (from) params.set('from', from);
  if (to) params.set('to', to);
  if (page && page > 1) params.set('page', String(page));
  const qs = params.toString();
  return qs ? `/search?${qs}` : '/search';
}

/** "N نتيجة" with the noun Arabic grammar asks for after N. */
export function resultCount(n: number): string {
  return counted(n, { zero: 'لا نتائج', one: 'نتيجة واحدة', two: 'نتيجتان', few: `${n} نتائج`, other: `${n} نتيجة` });
}

function searchForm(data: SearchPageData): Html {
  return html`<form class="search-main" action="/search" method="get" role="search">
  <label for="search-q">ابحث في الأخبار</label>
  <div class="search-row">
    <input id="search-q" name="q" type="search" value="${data.q}" maxlength="${MAX_QUERY_LENGTH}" autocomplete="off">
    ${data.tag ? html`<input type="hidden" name="tag" value="${data.tag}">` : ''}
    <select name="sort" aria-label="الترتيب">
      <option value="relevance"${data.sort === 'relevance' ? trusted(' selected') : ''}>الأكثر صلة</option>
      <option value="date"${data.sort === 'date' ? trusted(' selected') : ''}>الأحدث</option>
    </select>
    <button type="submit">بحث</button>
  </div>
  <details class="search-dates"${data.from || data.to ? trusted(' open') : ''}>
    <summary>تاريخ النشر</summary>
    <label for="search-from">من</label> <input id="search-from" name="from" type="date" value="${data.from ?? ''}">
    <label for="search-to">إلى</label> <input id="search-to" name="to" type="date" value="${data.to ?? ''}">
  </details>
  <p class="search-help">كل الكلمات مطلوبة. «عبارة بين علامتي تنصيص» تُطابَق كما هي، و<bdi>-كلمة</bdi> تستبعد، و<bdi>#وسم</bdi> يحصر النتائج في وسم.</p>
</form>`;
}

/** What every link of the page keeps of the search: its words, its tag, its days (those that were days). */
function kept(data: SearchPageData): { q: string; tag?: string; from?: string; to?: string } {
  return {
    q: data.q,
    ...(data.tag ? { tag: data.tag } : {}),
    ...(data.from && !data.dateError ? { from: data.from } : {}),
    ...(data.to && !data.dateError ? { to: data.to } : {}),
  };
}

/** '2026-11-01' as a reader reads it: "1 نوفمبر 2026". */
const dayLabel = (day: string, site: SiteConfig) => arabicDates(`${day}T12:00:00Z`, 'UTC', site.digits).gregorian;

/** The days the results are in, said in words. */
function daysNotice(data: SearchPageData, site: SiteConfig): Html | null {
  if (data.dateError) return html`<p class="notice dates">${data.dateError}: بحثنا في كل الأيام.</p>`;
  if (data.from && data.to) return html`<p class="notice dates">في الأخبار المنشورة من ${dayLabel(data.from, site)} إلى ${dayLabel(data.to, site)}.</p>`;
  if (data.from) return html`<p class="notice dates">في الأخبار المنشورة منذ ${dayLabel(data.from, site)}.</p>`;
  if (data.to) return html`<p class="notice dates">في الأخبار المنشورة حتى ${dayLabel(data.to, site)}.</p>`;
  return null;
}

function hit(h: SearchResults['hits'][number], site: SiteConfig): Html {
  return html`<li class="result">
  <h2>${genreMark(h.genre)}<a href="${articleUrl(h.slug)}">${trusted(h.titleHtml)}</a></h2>
  <p class="snippet">${trusted(h.snippet)}</p>
  <div class="meta">${publishedLine(h.publishedAt, site)}</div>
  ${tagLinks(h.tags)}
</li>`;
}

function pagination(data: SearchPageData): Html {
  const { total, page, limit } = data.results;
  const pages = Math.ceil(total / limit);
  if (pages <= 1) return html``;
  const at = (p: number) => searchUrl({ ...kept(data), sort: data.sort, page: p });
  return html`<nav class="pagination" aria-label="صفحات النتائج">
${page > 1 ? html`<a rel="prev" href="${at(page - 1)}">→ السابقة</a>` : ''}
<span>صفحة ${page} من ${pages}</span>
${page < pages ? html`<a rel="next" href="${at(page + 1)}">التالية ←</a>` : ''}
</nav>`;
}

function sortLinks(data: SearchPageData): Html {
  const link = (sort: SearchSort, label: string) =>
    data.sort === sort
      ? html`<strong aria-current="true">${label}</strong>`
      : html`<a href="${searchUrl({ ...kept(data), sort })}">${label}</a>`;
  return html`<p class="search-sort">الترتيب: ${link('relevance', 'الأكثر صلة')} · ${link('date', 'الأحدث')}</p>`;
}

function suggestions(data: SearchPageData, site: SiteConfig): Html {
  const { query, suggestions: s } = data.results;
  return html`<div class="search-empty">
${
  query.empty
    ? ''
    : html`<p>لم نجد أخباراً تطابق «${data.q}»${data.tag ? html` في الوسم #${data.tag}` : ''}.</p>
${query.normalized ? html`<p>بحثنا عن الكلمات بهذا الإملاء: <bdi class="normalized">${query.normalized}</bdi>. جرّب كلمات أقل أو أعمّ، أو أزل الاستبعاد والوسوم.</p>` : ''}`
}
${
  s?.tags.length
    ? html`<section class="search-tags" aria-labelledby="popular-tags"><h2 id="popular-tags">وسوم رائجة</h2>
<ul class="tags">${s.tags.map((t) => html`<li><a rel="tag" href="${tagUrl(t.name)}">#${t.name.replace(/ /g, '_')}</a> <small>(${t.count})</small></li>`)}</ul></section>`
    : ''
}
${
  data.latest.length
    ? html`<section class="search-latest" aria-labelledby="latest-news"><h2 id="latest-news">آخر الأخبار</h2>
<ul>${data.latest.map((a) => html`<li><a href="${articleUrl(a.slug)}">${a.title}</a> <span class="meta">${publishedLine(a.publishedAt, site)}</span></li>`)}</ul></section>`
    : ''
}
</div>`;
}

export function searchPage(data: SearchPageData, site: SiteConfig): Html {
  const r = data.results;
  const heading = data.q
    ? html`نتائج البحث عن «${data.q}»`
    : data.tag
      ? html`البحث في الوسم #${data.tag}`
      : html`البحث`;
  const notices: Html[] = [];
  const days = daysNotice(data, site);
  if (days) notices.push(days);
  if (r.fallback) {
    notices.push(html`<p class="notice fallback">لم نجد خبراً يحتوي كل الكلمات، فهذه أخبار تحتوي بعضها.</p>`);
  }
  if (r.query.dropped.length) {
    notices.push(html`<p class="notice dropped">تجاهلنا الكلمات الشائعة: ${r.query.dropped.join('، ')}. ضعها بين علامتي تنصيص للبحث بها.</p>`);
  }
  if (r.query.truncated) notices.push(html`<p class="notice truncated">الاستعلام طويل، فبحثنا بأوله فقط.</p>`);
  const main = html`<section class="search-page">
${searchForm(data)}
<h1 class="list-heading">${heading}</h1>
${r.query.empty ? '' : html`<p class="search-count" role="status">${r.totalExact ? resultCount(r.total) : `أكثر من ${r.total.toLocaleString('en')} نتيجة`}</p>`}
${notices}
${
  r.hits.length
    ? html`${sortLinks(data)}<ol class="search-results">${r.hits.map((h) => hit(h, site))}</ol>${pagination(data)}`
    : r.total > 0
      ? html`<p class="empty">لا نتائج في هذه الصفحة. <a href="${searchUrl({ ...kept(data), sort: data.sort })}">العودة إلى الصفحة الأولى</a></p>`
      : suggestions(data, site)
}
</section>`;
  return layout(
    site,
    {
      title: data.q ? `بحث: ${data.q}` : 'البحث',
      query: data.q,
      head: html`<meta name="robots" content="noindex, follow">
<link rel="stylesheet" href="/assets/search.css">`,
    },
    main,
  );
}
