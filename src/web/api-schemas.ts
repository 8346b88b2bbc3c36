/** What the public API and the Content API share: the list query, an article's summary, links and body figures. */
import type { LiveUpdate } from '../content/article.js';
import { ARTICLE_GENRES, type ArticleGenre } from '../content/genre.js';
import type { Figure, Section } from '../content/body.js';
import { videoPage, type Video } from '../content/video.js';
import { srcsetOf } from '../media/images.js';

export const listQuery = {
  type: 'object',
  properties: {
    page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 12 },
    tag: { type: 'string', minLength: 1, maxLength: 100 },
    author: { type: 'string', minLength: 1, maxLength: 200, description: 'A byline, in any spelling, first or co-author (not with tag)' },
    featured: { type: 'boolean', description: 'true: only the featured stories (the home page leads with them), with tag or author too' },
    genre: { type: 'string', enum: [...ARTICLE_GENRES], description: 'Only the pieces of this genre (opinion, analysis, sponsored or news), with tag or author too' },
  },
} as const;

export interface ListQuerystring {
  page: number;
  limit: number;
  tag?: string;
  author?: string;
  featured?: boolean;
  genre?: ArticleGenre;
}

/** The list's filter: a tag or a byline (both at once is refused with a reason: the store lists one or the other), featured or not, and a genre. */
export function listFilter({ tag, author, featured, genre }: ListQuerystring): { tag?: string; author?: string; featured?: boolean; genre?: ArticleGenre } {
  if (tag && author) throw Object.assign(new Error('give tag or author, not both / وسم أو كاتب، لا الاثنان معاً'), { statusCode: 400 });
  return { ...(tag ? { tag } : author ? { author } : {}), ...(featured ? { featured } : {}), ...(genre ? { genre } : {}) };
}

export const summaryProperties = {
  slug: { type: 'string' },
  title: { type: 'string' },
  description: { type: 'string' },
  author: { type: 'string', description: 'The first byline' },
  tags: { type: 'array', items: { type: 'string' } },
  publishedAt: { type: ['string', 'null'] },
  featured: { type: 'boolean', description: 'One of the stories the home page leads with' },
  live: { type: 'boolean', description: 'true while its live coverage runs (absent otherwise)' },
  genre: { type: 'string', enum: [...ARTICLE_GENRES], description: 'What the piece is: news, opinion, analysis or sponsored content (lists leave it out for news)' },
  sponsor: { type: 'string', description: "One sponsored article's advertiser, as its disclosure names it ('' when none)" },
} as const;

export const linkProperties = { slug: { type: 'string' }, title: { type: 'string' } } as const;

/** A body figure; an upload of the site's own adds its size and WebP renditions. */
export const figureProperties = {
  src: { type: 'string' },
  alt: { type: 'string' },
  caption: { type: 'string' },
  width: { type: 'integer' },
  height: { type: 'integer' },
  srcset: { type: 'string' },
} as const;

export function figureJson({ src, alt, caption, image }: Figure) {
  return { src, alt, caption, ...(image ? { width: image.width, height: image.height, srcset: srcsetOf(image.webp) } : {}) };
}

/** A body video: its site, its id there, its page. */
export const videoProperties = {
  provider: { type: 'string', enum: ['youtube', 'vimeo'] },
  id: { type: 'string' },
  url: { type: 'string', description: 'The video’s page on its site' },
} as const;

export function videoJson(video: Video) {
  return { provider: video.provider, id: video.id, url: videoPage(video) };
}

/** Until when an article is breaking news; null when it is not. */
export const breakingUntilSchema = { type: ['string', 'null'], description: 'Breaking news ("عاجل") until then; null when not' } as const;

/** Live coverage: 'live' while it runs, 'ended' after; null for an ordinary story. */
export const liveSchema = { type: ['string', 'null'], enum: ['live', 'ended', null], description: 'Live coverage ("تغطية مباشرة"): live, ended, or null' } as const;

/** A live story's updates as the Admin API gives them (the Markdown), oldest first. */
export const liveUpdatesSchema = {
  type: 'array',
  description: 'A live story’s updates, oldest first; the page shows them newest first, at #update-{id}',
  items: { type: 'object', properties: { id: { type: 'integer' }, at: { type: 'string' }, text: { type: 'string', description: 'Markdown' }, key: { type: 'boolean', description: 'A key development (present only then)' } } },
} as const;

/** The corrections under an article, oldest first. */
export const correctionsSchema = {
  type: 'array',
  description: 'Corrections published under the article ("تصحيح"), oldest first',
  items: { type: 'object', properties: { at: { type: 'string' }, text: { type: 'string' } } },
} as const;

/** The public APIs' live updates, oldest first: each one's number, time and Markdown, and its parsed section as `section` shapes it. */
export function liveUpdatesJson<T extends object>(a: { liveUpdates: LiveUpdate[]; sections: Section[] }, section: (s: Section) => T) {
  const parsed = new Map(a.sections.flatMap((s) => (s.update ? [[s.update.id, s] as const] : [])));
  return a.liveUpdates.map((u) => ({ id: u.id, at: u.at, text: u.text, ...(u.key ? { key: true } : {}), ...section(parsed.get(u.id) ?? { heading: null, blocks: [] }) }));
}

/** The schema of liveUpdatesJson's items, given the section's own properties. */
export function liveUpdatesItems<P extends object>(sectionProperties: P) {
  return {
    type: 'array',
    description: 'A live story’s updates, oldest first (the page shows them newest first, at #update-{id})',
    items: { type: 'object', properties: { id: { type: 'integer' }, at: { type: 'string' }, text: { type: 'string', description: 'Markdown' }, key: { type: 'boolean' }, ...sectionProperties } },
  } as const;
}
