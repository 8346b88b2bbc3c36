/** The site's URLs, in one place. Arabic slugs are percent-encoded. */
import { tagSlug } from '../content/tags.js';

export const articleUrl = (slug: string): string => `/articles/${encodeURIComponent(slug)}`;
export const tagUrl = (name: string): string => `/tags/${encodeURIComponent(tagSlug(name))}`;
export const pageUrl = (base: string, page: number): string => (page <= 1 ? base : `${base}?page=${page}`);
