/**
 * What a page says of a story that is not plain news (content/genre.ts): a
 * label over its headline and before its title in lists, and under an
 * opinion or a sponsored piece the line a newsroom owes its readers.
 */
import { GENRE_LABEL, type ArticleGenre } from '../../content/genre.js';
import type { SiteConfig } from '../config.js';
import { html, type Html } from '../html.js';
import { authorUrl } from '../urls.js';
import type { AuthorCard } from '../../content/authors.js';
import { portrait } from './author.js';

/** The genres with a page of their own, newest first: the columns and the analyses. Sponsored content has none. */
export const GENRE_PAGES = {
  opinion: { path: '/opinion', heading: 'مقالات الرأي', about: (site: string) => `مقالات الرأي في ${site}: آراء كتّابها في الأحداث وما وراءها.` },
  analysis: { path: '/analysis', heading: 'تحليلات', about: (site: string) => `تحليلات ${site}: قراءة في ما وراء الأخبار.` },
} as const;
export type PagedGenre = keyof typeof GENRE_PAGES;
const hasPage = (genre: ArticleGenre): genre is PagedGenre => genre in GENRE_PAGES;

/** "رأي" over the headline, leading to the genre's page; nothing for news. */
export function genreLabel(genre: ArticleGenre): Html {
  if (genre === 'news') return html``;
  const label = hasPage(genre) ? html`<a href="${GENRE_PAGES[genre].path}">${GENRE_LABEL[genre]}</a>` : html`${GENRE_LABEL[genre]}`;
  return html`<p class="genre genre-${genre}" data-genre="${genre}">${label}</p>`;
}

/** The label before a title in a list; nothing for news. */
export function genreMark(genre: ArticleGenre | undefined): Html {
  return !genre || genre === 'news' ? html`` : html`<span class="genre-mark genre-${genre}">${GENRE_LABEL[genre]}</span> `;
}

/** Under the text: that an opinion is its writer's view, and that sponsored content is paid for (by whom, when the editors named them), not the newsroom's. */
export function genreNote(genre: ArticleGenre, site: SiteConfig, sponsor = ''): Html {
  if (genre === 'opinion') return html`<p class="genre-note">تعبّر مقالات الرأي عن آراء كتّابها، ولا تعبّر بالضرورة عن رأي ${site.name}.</p>`;
  if (genre === 'sponsored') {
    const by = sponsor ? html`محتوى ممول من ${sponsor}: أُعدّ بالاتفاق مع الجهة الراعية` : html`محتوى ممول: أُعدّ بالاتفاق مع جهة معلنة`;
    return html`<p class="genre-note genre-note-sponsored">${by}، ولا تشارك فيه هيئة تحرير ${site.name}.</p>`;
  }
  return html``;
}

/** A column's or an analysis's writer, under its title in a list (with their portrait, when given): what such a piece is read for. */
export function cardByline(genre: ArticleGenre | undefined, author: string, card?: AuthorCard | null): Html {
  if (!genre || !hasPage(genre) || !author) return html``;
  return html`<p class="card-byline">${card ? portrait(card, author) : ''}<span>بقلم <a href="${authorUrl(author)}">${author}</a></span></p>`;
}
