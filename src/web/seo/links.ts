/**
 * Absolute URLs from the configured public base, and the feeds a page
 * advertises: the site's on every page, a tag's or a byline's on its pages.
 */
import type { SiteConfig } from '../config.js';
import { authorUrl, tagUrl } from '../urls.js';
import { GENRE_PAGES, type PagedGenre } from '../pages/genre.js';

/** A path on the site (or an already absolute URL) as an absolute URL. */
export function absoluteUrl(site: SiteConfig, pathOrUrl: string): string {
  if (/^https?:\/\//i.test(pathOrUrl)) return pathOrUrl;
  return `${site.baseUrl}${pathOrUrl.startsWith('/') ? '' : '/'}${pathOrUrl}`;
}

export type FeedFormat = 'rss' | 'atom' | 'json';

export const FEED_TYPES: Record<FeedFormat, string> = {
  rss: 'application/rss+xml',
  atom: 'application/atom+xml',
  json: 'application/feed+json',
};

const FEED_FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };
const FEED_NAMES: Record<FeedFormat, string> = { rss: 'RSS', atom: 'Atom', json: 'JSON Feed' };

export interface FeedLink {
  format: FeedFormat;
  type: string;
  title: string;
  /** A path on the site. */
  href: string;
}

/** Whose articles a feed carries: the site's (null), a tag's or a byline's. */
export type FeedScope = { tag: string } | { author: string } | { genre: PagedGenre } | null;

/** The page of a scope, under which its feeds live. */
export function scopePath(scope: FeedScope): string {
  if (scope === null) return '/';
  if ('genre' in scope) return GENRE_PAGES[scope.genre].path;
  return 'tag' in scope ? tagUrl(scope.tag) : authorUrl(scope.author);
}

/** A feed's title: the site's name, with the hashtag, the byline or the genre's page. */
export function scopeTitle(site: SiteConfig, scope: FeedScope): string {
  if (scope === null) return site.name;
  if ('genre' in scope) return `${site.name}: ${GENRE_PAGES[scope.genre].heading}`;
  return 'tag' in scope ? `${site.name}: #${scope.tag.replace(/ /g, '_')}` : `${site.name}: ${scope.author}`;
}

/** `/feed.xml`, `/atom.xml`, `/feed.json`; a tag's under `/tags/:tag/`, a byline's under `/authors/:name/`, a genre's under `/opinion/`. */
export function feedPath(format: FeedFormat, scope: FeedScope = null): string {
  return scope === null ? `/${FEED_FILES[format]}` : `${scopePath(scope)}/${FEED_FILES[format]}`;
}

export function feedLinks(site: SiteConfig, scope: FeedScope = null): FeedLink[] {
  return (['rss', 'atom', 'json'] as const).map((format) => ({
    format,
    type: FEED_TYPES[format],
    title: `${scopeTitle(site, scope)} (${FEED_NAMES[format]})`,
    href: feedPath(format, scope),
  }));
}
