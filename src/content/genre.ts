/**
 * What kind of piece a story is. A newsroom labels what is not plain news,
 * as Arabic news sites do ("رأي", "تحليل") and as readers, search engines and
 * advertising law expect: opinion and analysis are signed views, and
 * sponsored content ("محتوى ممول") is paid for. It is labelled wherever it is
 * shown (its page, lists, search results, feeds) and kept out of what the
 * site picks as news on its own: the links under other stories
 * (src/related/), "الأكثر قراءة" and the Google News sitemap.
 */
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

/** Sponsored content is labelled, never linked: a news story's "related" must not lead to an advertisement. */
export const isLinkable = (genre: string): boolean => genre !== 'sponsored';
