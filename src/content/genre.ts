/**
 * What kind of piece a story is. A newsroom labels what is not plain news,
 * as Arabic news sites do ("رأي", "تحليل") and as readers, search engines and
 * advertising law expect: opinion and analysis are signed views, and
 * sponsored content ("محتوى ممول") is paid for. It is labelled wherever it is
 * shown (its page, lists, search results, feeds) and kept out of what the
 * site picks as news on its own: the links under other stories
 * (src/related/), "الأكثر قراءة" and the Google News sitemap.
 */
import { tagKey } from './tags.js';

export const ARTICLE_GENRES = ['news', 'opinion', 'analysis', 'sponsored'] as const;
export type ArticleGenre = (typeof ARTICLE_GENRES)[number];

/** The genres a page labels; plain news carries no label. */
export type LabelledGenre = Exclude<ArticleGenre, 'news'>;

export const isGenre = (value: unknown): value is ArticleGenre => typeof value === 'string' && (ARTICLE_GENRES as readonly string[]).includes(value);

/** What the page, the lists and the editor call each genre. */
export const GENRE_LABEL: Record<ArticleGenre, string> = {
  news: 'خبر',
  opinion: 'رأي',
  analysis: 'تحليل',
  sponsored: 'محتوى ممول',
};

/**
 * The categories (WordPress) and tags (Ghost) under which sites file what is
 * not news, by their folded key (tags.ts): an imported post filed under one
 * comes in of that genre, so that a migrated site's columns are columns here.
 */
const GENRE_SECTIONS: Record<LabelledGenre, string[]> = {
  opinion: ['رأي', 'الرأي', 'آراء', 'مقالات الرأي', 'مقالات رأي', 'مقال رأي', 'opinion', 'opinions', 'op-ed'],
  analysis: ['تحليل', 'تحليلات', 'analysis'],
  sponsored: ['محتوى ممول', 'محتوى مدفوع', 'محتوى إعلاني', 'sponsored', 'sponsored content'],
};
const BY_SECTION = new Map(Object.entries(GENRE_SECTIONS).flatMap(([genre, names]) => names.map((n) => [tagKey(n), genre as LabelledGenre] as const)));

/** The genre the first of these tags that names one says, and that tag; undefined when none does. */
export function genreOfTags(tags: readonly string[]): { genre: LabelledGenre; tag: string } | undefined {
  for (const tag of tags) {
    const genre = BY_SECTION.get(tagKey(tag));
    if (genre) return { genre, tag };
  }
  return undefined;
}

/** The longest advertiser's name a disclosure carries. */
export const SPONSOR_MAX = 120;

/** Sponsored content is labelled, never linked: a news story's "related" must not lead to an advertisement. */
export const isLinkable = (genre: string): boolean => genre !== 'sponsored';
