/** Lists of articles: the home page, tag and author pages, with pagination. */
import type { ArticleSummary } from '../../content/article.js';
import { cardFor, type AuthorCard } from '../../content/authors.js';
import type { SectionHeadlines } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { articleCount, pieceCount } from '../counted.js';
import { formatNumber } from '../dates.js';
import { html, trusted, type Html } from '../html.js';
import { mostReadMarker } from '../plugins/most-read.js';
import { authorDescription, listSeo, NOT_FOUND_SEO, tagDescription } from '../seo/pages.js';
import { articleUrl, pageUrl, tagUrl } from '../urls.js';
import { publishedLine, tagLinks } from './article.js';
import { authorHeader } from './author.js';
import { layout } from './layout.js';
import { cardImage } from './media.js';
import { cardByline, genreMark, GENRE_PAGES, type PagedGenre } from './genre.js';

/** How many featured stories the home page leads with. */
export const HOME_LEAD = 3;

/** Headlines in each section's block on the home page. */
export const SECTION_HEADLINES = 4;

export interface ListPage {
  heading: string;
  base: string;
  page: number;
  pageSize: number;
  total: number;
  articles: ArticleSummary[];
  /** The tag a tag page lists (its feeds and CollectionPage); absent on the home page. */
  tag?: string;
  /** What the editors wrote about the tag, shown under its heading. */
  tagAbout?: string;
  /** The byline an author's page lists (its ProfilePage). */
  author?: string;
  /** The genre a genre's page lists (/opinion, /analysis). */
  genre?: PagedGenre;
  /** What that byline's profile says, at the head of their page. */
  authorCard?: AuthorCard | null;
  /** The home page's first page: the featured stories it leads with, above the latest (which leaves them out). */
  lead?: ArticleSummary[];
  /** The home page's first page: each section's newest headlines, below the latest (those shown above left out). */
  sections?: SectionHeadlines[];
  /** The home page's first page: the newest columns (/opinion), in a block before the sections'. */
  columns?: ArticleSummary[];
  /** A genre's page: its writers' profiles (content/authors.ts cardFor), their portraits beside their names. */
  writers?: Record<string, AuthorCard>;
}

/**
 * The sections' blocks under the home page's latest: each section's newest
 * headlines that the page does not show already, and a link to the section.
 */
function sectionBlocks(sections: SectionHeadlines[], columns: ArticleSummary[], shown: Set<number>, site: SiteConfig): Html {
  // The columns' block comes first; a column in it is not repeated under its section.
  const newestColumns = columns.filter((a) => !shown.has(a.id)).slice(0, SECTION_HEADLINES);
  const seen = new Set([...shown, ...newestColumns.map((a) => a.id)]);
  const blocks = sections
    .map((s) => ({ ...s, articles: s.articles.filter((a) => !seen.has(a.id)).slice(0, SECTION_HEADLINES) }))
    .filter((s) => s.articles.length > 0);
  if (blocks.length === 0 && newestColumns.length === 0) return html``;
  return html`<div class="section-blocks">
${columnsBlock(newestColumns)}
${blocks.map(
  (s, i) => html`<section class="section-block" aria-labelledby="section-${i}">
  <h2 id="section-${i}"><a href="${tagUrl(s.tag)}">${s.tag}</a></h2>
  <ul>${s.articles.map((a) => html`<li><a href="${articleUrl(a.slug)}">${a.title}</a> ${publishedLine(a.publishedAt, site, { relative: true })}</li>`)}</ul>
  <a class="more" href="${tagUrl(s.tag)}">المزيد من ${s.tag}</a>
</section>`,
)}
</div>`;
}

/** The newest columns, each with its writer, as Arabic front pages give them a corner of their own. */
function columnsBlock(columns: ArticleSummary[]): Html {
  if (columns.length === 0) return html``;
  const { path, heading } = GENRE_PAGES.opinion;
  return html`<section class="section-block columns-block" aria-labelledby="section-columns">
  <h2 id="section-columns"><a href="${path}">${heading}</a></h2>
  <ul>${columns.map((a) => html`<li><a href="${articleUrl(a.slug)}">${a.title}</a> <span class="byline">${a.author}</span></li>`)}</ul>
  <a class="more" href="${path}">المزيد من ${heading}</a>
</section>`;
}

function pagination(list: ListPage, site: SiteConfig): Html {
  const pages = Math.max(1, Math.ceil(list.total / list.pageSize));
  if (pages === 1) return html``;
  return html`<nav class="pagination" aria-label="الصفحات">
${list.page > 1 ? html`<a rel="prev" href="${pageUrl(list.base, list.page - 1)}">→ الأحدث</a>` : ''}
<span>صفحة ${formatNumber(list.page, site.digits)} من ${formatNumber(pages, site.digits)}</span>
${list.page < pages ? html`<a rel="next" href="${pageUrl(list.base, list.page + 1)}">الأقدم ←</a>` : ''}
</nav>`;
}

/** What the home page's first page has under the latest: the most read (plugins/most-read.ts fills it in) and the sections' blocks. */
function homeBlocks(list: ListPage, shown: Set<number>, site: SiteConfig): Html {
  if (!list.sections) return html``;
  return html`${trusted(mostReadMarker())}
${sectionBlocks(list.sections, list.columns ?? [], shown, site)}`;
}

/** `level`: the card's heading, one below the list's own (h3 under the home page's two h2 sections). */
export function articleCard(a: ArticleSummary, site: SiteConfig, level: 2 | 3 = 2, writers?: Record<string, AuthorCard>): Html {
  const title = html`${a.live ? html`<span class="live-mark">مباشر</span> ` : ''}${genreMark(a.genre)}<a href="${articleUrl(a.slug)}">${a.title}</a>`;
  return html`<li class="card">
  ${cardImage(a.featureImage)}
  ${level === 2 ? html`<h2>${title}</h2>` : html`<h3>${title}</h3>`}
  ${cardByline(a.genre, a.author, writers ? cardFor(writers, a.author) : null)}
  <p>${a.description}</p>
  <div class="meta">${publishedLine(a.publishedAt, site, { relative: true })}</div>
  ${tagLinks(a.tags)}
</li>`;
}

/**
 * The home page with featured stories: the site's name as its (unseen) h1,
 * then two sections, the lead and the latest, whose cards are h3.
 */
function ledList(list: ListPage, lead: ArticleSummary[], site: SiteConfig): Html {
  const shown = new Set(lead.map((a) => a.id));
  const latest = list.articles.filter((a) => !shown.has(a.id));
  for (const a of latest) shown.add(a.id);
  return html`<h1 class="visually-hidden">${site.name}</h1>
<section class="lead" aria-labelledby="lead-heading">
<h2 id="lead-heading" class="list-heading">أبرز الأخبار</h2>
<ol class="cards lead-cards">${lead.map((a) => articleCard(a, site, 3))}</ol>
</section>
${
  latest.length
    ? html`<section aria-labelledby="latest-heading">
<h2 id="latest-heading" class="list-heading">${list.heading}</h2>
<ol class="cards">${latest.map((a) => articleCard(a, site, 3))}</ol>
</section>`
    : ''
}
${homeBlocks(list, shown, site)}
${pagination(list, site)}`;
}

export function listPage(list: ListPage, site: SiteConfig, title = list.heading): Html {
  // A tag's or an author's page says how much it holds; the home page is everything.
  const count =
    list.genre !== undefined
      ? html`<p class="list-count">${pieceCount(list.total, site.digits)}</p>`
      : list.tag !== undefined || list.author !== undefined
        ? html`<p class="list-count">${articleCount(list.total, site.digits)}</p>`
        : '';
  const about = list.tagAbout ? html`<p class="tag-description">${list.tagAbout}</p>` : list.genre ? html`<p class="tag-description">${GENRE_PAGES[list.genre].about(site.name)}</p>` : '';
  const main = list.lead?.length
    ? ledList(list, list.lead, site)
    : html`${list.author !== undefined ? authorHeader(list.author, list.authorCard) : html`<h1 class="list-heading">${list.heading}</h1>`}
${about}${count}
${
  list.articles.length
    ? html`<ol class="cards">${list.articles.map((a) => articleCard(a, site, 2, list.writers))}</ol>`
    : html`<p class="empty">لا توجد أخبار هنا بعد.</p>`
}
${homeBlocks(list, new Set(list.articles.map((a) => a.id)), site)}
${pagination(list, site)}`;
  const description =
    list.author !== undefined
      ? authorDescription(site, list.author, list.authorCard)
      : list.tag !== undefined
        ? tagDescription(site, list.tag, list.tagAbout)
        : list.genre !== undefined
          ? GENRE_PAGES[list.genre].about(site.name)
          : site.description;
  return layout(site, { title, description, seo: listSeo(list, site) }, main);
}

export function notFoundPage(site: SiteConfig, message = 'الصفحة التي تبحث عنها غير موجودة.'): Html {
  return layout(
    site,
    { title: 'الصفحة غير موجودة', seo: NOT_FOUND_SEO },
    html`<section class="not-found"><h1>404 — الصفحة غير موجودة</h1><p>${message}</p><p><a href="/">العودة إلى الصفحة الرئيسية</a></p></section>`,
  );
}
