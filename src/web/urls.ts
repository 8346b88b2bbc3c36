/** The site's URLs, in one place. Arabic slugs are percent-encoded. */
import { tagSlug } from '../content/tags.js';

export const articleUrl = (slug: string): string => `/articles/${encodeURIComponent(slug)}`;
export const tagUrl = (name: string): string => `/tags/${encodeURIComponent(tagSlug(name))}`;
/**
 * An author's page: the byline as typed, with _ for spaces like a hashtag.
 * Read back, _ is a space again; the byline's key (content/bylines.ts)
 * folds both alike, so a byline that holds _ itself still finds its page.
 */
export const authorUrl = (byline: string): string => `/authors/${encodeURIComponent(byline.trim().replace(/\s+/g, '_'))}`;
export const bylineOf = (segment: string): string => segment.replace(/_/g, ' ').trim();
export const pageUrl = (base: string, page: number): string => (page <= 1 ? base : `${base}?page=${page}`);
