/** Lists of articles: the home page, tag and author pages, with pagination. */
import type { ArticleSummary } from '../../content/article.js';
import type { SiteConfig } from '../config.js';
import { articleCount } from '../counted.js';
import { formatNumber } from '../dates.js';
import { html, type Html } from '../html.js';
import { authorDescription, listSeo, NOT_FOUND_SEO, tagDescription } from '../seo/pages.js';
import { articleUrl, pageUrl } from '../urls.js';
import { publishedLine, tagLinks } from './article.js';
import { layout } from './layout.js';
import { cardImage } from './media.js';

export interface ListPage {
  heading: string;
  base: string;
  page: number;
  pageSize: number;
  total: number;
  articles: ArticleSummary[];
  /** The tag a tag page lists (its feeds and CollectionPage); absent on the home page. */
  tag?: string;
  /** The byline an author's page lists (its ProfilePage). */
  author?: string;
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

export function articleCard(a: ArticleSummary, site: SiteConfig): Html {
  return html`<li class="card">
  ${cardImage(a.featureImage)}
  <h2><a href="${articleUrl(a.slug)}">${a.title}</a></h2>
  <p>${a.description}</p>
  <div class="meta">${publishedLine(a.publishedAt, site, { relative: true })}</div>
  ${tagLinks(a.tags)}
</li>`;
}

export function listPage(list: ListPage, site: SiteConfig, title = list.heading): Html {
  // A tag's or an author's page says how much it holds; the home page is everything.
  const count = list.tag !== undefined || list.author !== undefined ? html`<p class="list-count">${articleCount(list.total, site.digits)}</p>` : '';
  const main = html`<h1 class="list-heading">${list.heading}</h1>
${count}
${
  list.articles.length
    ? html`<ol class="cards">${list.articles.map((a) => articleCard(a, site))}</ol>`
    : html`<p class="empty">لا توجد أخبار هنا بعد.</p>`
}
${pagination(list, site)}`;
  const description =
    list.author !== undefined ? authorDescription(site, list.author) : list.tag !== undefined ? tagDescription(site, list.tag) : site.description;
  return layout(site, { title, description, seo: listSeo(list, site) }, main);
}

export function notFoundPage(site: SiteConfig, message = 'الصفحة التي تبحث عنها غير موجودة.'): Html {
  return layout(
    site,
    { title: 'الصفحة غير موجودة', seo: NOT_FOUND_SEO },
    html`<section class="not-found"><h1>404 — الصفحة غير موجودة</h1><p>${message}</p><p><a href="/">العودة إلى الصفحة الرئيسية</a></p></section>`,
  );
}
