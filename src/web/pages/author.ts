/**
 * What the public pages show of an author's profile (content/authors.ts):
 * the head of their page, and the "عن الكاتب" box under each of their
 * stories, as Ghost's themes and news sites close an article with its
 * writer. All of it is text the page escapes; links are checked http(s)
 * addresses (content/authors.ts profileLink) marked rel="me".
 */
import { bioParagraphs, cardFor, linkLabel, type AuthorCard } from '../../content/authors.js';
import type { IndexedAuthor } from '../../services/authors.js';
import type { SiteConfig } from '../config.js';
import { articleCount, writerCount } from '../counted.js';
import { html, type Html } from '../html.js';
import { authorUrl } from '../urls.js';
import { layout } from './layout.js';
import { picture } from './media.js';

const PORTRAIT_SIZES = '6rem';

export function portrait(card: Pick<AuthorCard, 'image'>, byline: string): Html {
  // Beside the name it is decoration: an empty alt unless the editors wrote one.
  return card.image ? picture({ ...card.image, alt: card.image.alt && card.image.alt !== byline ? card.image.alt : '' }, { sizes: PORTRAIT_SIZES, className: 'portrait' }) : html``;
}

function links(card: AuthorCard): Html {
  if (!card.links.length) return html``;
  return html`<ul class="author-links">${card.links.map((href) => html`<li><a href="${href}" rel="me noopener" dir="ltr">${linkLabel(href)}</a></li>`)}</ul>`;
}

/** An author's page's heading, with what their profile says. */
export function authorHeader(byline: string, card: AuthorCard | null | undefined): Html {
  if (!card) return html`<h1 class="list-heading">${byline}</h1>`;
  return html`<header class="author-profile">
${portrait(card, byline)}
<div>
<h1 class="list-heading">${byline}</h1>
${card.jobTitle ? html`<p class="job-title">${card.jobTitle}</p>` : ''}
${bioParagraphs(card.bio).map((p) => html`<p class="bio">${p}</p>`)}
${links(card)}
</div>
</header>`;
}

/**
 * The byline under a headline: each name a link to its page; a story signed
 * once also says its author's job title.
 */
export function bylineLine(bylines: string[], cards: Record<string, AuthorCard> | undefined): Html {
  if (bylines.length === 0) return html``;
  if (bylines.length === 1) {
    const [name] = bylines as [string];
    const title = cardFor(cards, name)?.jobTitle;
    return html` <a class="author" rel="author" href="${authorUrl(name)}">${name}</a>${title ? html`<span class="job-title">، ${title}</span>` : ''}`;
  }
  const names = bylines.map((name, i) => html`${i === 0 ? '' : i === bylines.length - 1 ? ' و' : '، '}<a rel="author" href="${authorUrl(name)}">${name}</a>`);
  return html` <span class="authors">${names}</span>`;
}

/** Under a story: each of its writers with a profile, and a way to their other stories. */
export function authorBoxes(bylines: string[], cards: Record<string, AuthorCard> | undefined): Html {
  return html`${bylines.map((name, i) => authorBox(name, cardFor(cards, name), i))}`;
}

function authorBox(byline: string, card: AuthorCard | null, index: number): Html {
  if (!card || (!card.bio && !card.jobTitle && !card.image)) return html``;
  const id = `author-box-heading-${index + 1}`;
  return html`<aside class="author-box" aria-labelledby="${id}">
${portrait(card, byline)}
<div>
<h2 id="${id}"><span class="visually-hidden">عن الكاتب: </span><a href="${authorUrl(byline)}" rel="author">${byline}</a></h2>
${card.jobTitle ? html`<p class="job-title">${card.jobTitle}</p>` : ''}
${bioParagraphs(card.bio)
  .slice(0, 1)
  .map((p) => html`<p class="bio">${p}</p>`)}
<a class="more" href="${authorUrl(byline)}">كل أخبار ${byline}</a>
</div>
</aside>`;
}

/** The authors' index (/authors), "كتّاب صحيفة": every byline with public stories, in the order of the alphabet. */
export function authorsIndexPage(authors: IndexedAuthor[], site: SiteConfig): Html {
  const main = html`<h1 class="list-heading">كتّاب ${site.name}</h1>
<p class="list-count">${writerCount(authors.length, site.digits)}</p>
<ul class="authors-index">
${authors.map(
  ({ byline, count, card }) => html`<li>
${card ? portrait(card, byline) : ''}
<div>
<a class="name" href="${authorUrl(byline)}">${byline}</a>
${card?.jobTitle ? html`<p class="job-title">${card.jobTitle}</p>` : ''}
<p class="count">${articleCount(count, site.digits)}</p>
</div>
</li>`,
)}
</ul>`;
  return layout(site, { title: `كتّاب ${site.name}`, description: `كتّاب ${site.name} ومراسلوها، وأخبار كل منهم`, seo: { path: '/authors' } }, main);
}
