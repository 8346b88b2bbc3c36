/**
 * Absolute URLs from the configured public base, and the feeds a page
 * advertises: the site's on every page, a tag's on its pages.
 */
import type { SiteConfig } from '../config.js';
import { tagUrl } from '../urls.js';

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

/** `/feed.xml`, `/atom.xml`, `/feed.json`; a tag's under `/tags/:tag/`. */
export function feedPath(format: FeedFormat, tag?: string): string {
  return tag === undefined ? `/${FEED_FILES[format]}` : `${tagUrl(tag)}/${FEED_FILES[format]}`;
}

export function feedLinks(site: SiteConfig, tag?: string): FeedLink[] {
  return (['rss', 'atom', 'json'] as const).map((format) => ({
    format,
    type: FEED_TYPES[format],
    title: tag === undefined ? `${site.name} (${FEED_NAMES[format]})` : `${site.name}: #${tag.replace(/ /g, '_')} (${FEED_NAMES[format]})`,
    href: feedPath(format, tag),
  }));
}
