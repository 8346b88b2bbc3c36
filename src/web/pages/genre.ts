/**
 * What a page says of a story that is not plain news (content/genre.ts): a
 * label over its headline and before its title in lists, and under an
 * opinion or a sponsored piece the line a newsroom owes its readers.
 */
import { GENRE_LABEL, type ArticleGenre } from '../../content/genre.js';
import type { SiteConfig } from '../config.js';
import { html, type Html } from '../html.js';

/** "رأي" over the headline; nothing for news. */
export function genreLabel(genre: ArticleGenre): Html {
  return genre === 'news' ? html`` : html`<p class="genre genre-${genre}" data-genre="${genre}">${GENRE_LABEL[genre]}</p>`;
}

/** The label before a title in a list; nothing for news. */
export function genreMark(genre: ArticleGenre | undefined): Html {
  return !genre || genre === 'news' ? html`` : html`<span class="genre-mark genre-${genre}">${GENRE_LABEL[genre]}</span> `;
}

/** Under the text: whose view an opinion is, and who paid for sponsored content. */
export function genreNote(genre: ArticleGenre, site: SiteConfig): Html {
  if (genre === 'opinion') return html`<p class="genre-note">تعبّر مقالات الرأي عن آراء كتّابها، ولا تعبّر بالضرورة عن رأي ${site.name}.</p>`;
  if (genre === 'sponsored') return html`<p class="genre-note genre-note-sponsored">محتوى ممول: أُعدّ بالاتفاق مع جهة معلنة، ولا تشارك فيه هيئة تحرير ${site.name}.</p>`;
  return html``;
}
