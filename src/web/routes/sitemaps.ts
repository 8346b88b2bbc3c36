/**
 * Sitemaps and robots.txt. `/sitemap.xml` is an index of:
 * - `/sitemaps/articles-N.xml`: every public article, oldest first, 50,000 a
 *   file (the protocol's limit), each with its lastmod;
 * - `/sitemaps/tags.xml`: every tag with public articles, the opinion and
 *   analysis pages, and the corrections page once there is a correction;
 * - `/sitemaps/authors.xml`: every byline with public articles (its page);
 * - `/sitemaps/news.xml`: the Google News sitemap, articles published in the
 *   last 48 hours (at most 1,000, Google's limit).
 * Article sitemaps are streamed from the store's keyset-paginated reader
 * through the `sitemap` package's SitemapStream, so memory holds one batch of
 * rows whatever the size of the archive.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { Readable, pipeline } from 'node:stream';
import { SitemapIndexStream, SitemapStream, streamToPromise, type IndexItem, type SitemapItemLoose } from 'sitemap';
import type { PublicArticleRow, Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { CACHE, isFresh, setLastModified } from '../plugins/conditional.js';
import { absoluteUrl } from '../seo/links.js';
import { articleUrl, authorUrl, tagUrl } from '../urls.js';
import { GENRE_PAGES, type PagedGenre } from '../pages/genre.js';

export interface SitemapRoutesOptions {
  store: Store;
  site: SiteConfig;
}

/** URLs in one sitemap file: the protocol's maximum. */
export const SITEMAP_PAGE_SIZE = 50_000;
/** What the news sitemap covers: Google News reads the last two days. */
export const NEWS_WINDOW_MS = 48 * 60 * 60 * 1000;
/** Google News reads at most this many URLs from one news sitemap. */
export const NEWS_MAX = 1000;

const XML = 'application/xml; charset=utf-8';
const SITEMAP_NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';
const NEWS_NS = 'http://www.google.com/schemas/sitemap-news/0.9';

const latestOf = (row: PublicArticleRow) => (row.updatedAt > row.publishedAt ? row.updatedAt : row.publishedAt);

export const articleSitemapPath = (page: number): string => `/sitemaps/articles-${page}.xml`;

async function* map<T, U>(source: AsyncIterable<T>, f: (t: T) => U): AsyncIterable<U> {
  for await (const item of source) yield f(item);
}

async function* filter<T>(source: AsyncIterable<T>, keep: (t: T) => boolean): AsyncIterable<T> {
  for await (const item of source) if (keep(item)) yield item;
}

/**
 * A sitemap streamed from items. SitemapStream refuses to write an empty
 * sitemap; an empty `<urlset>` is what a site with nothing (new) to list has.
 */
export async function sitemapStream(items: AsyncIterable<SitemapItemLoose>, { news = false } = {}): Promise<Readable> {
  const it = items[Symbol.asyncIterator]();
  const first = await it.next();
  if (first.done) {
    return Readable.from([`<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="${SITEMAP_NS}"${news ? ` xmlns:news="${NEWS_NS}"` : ''}></urlset>`]);
  }
  async function* all(): AsyncIterable<SitemapItemLoose> {
    yield first.value;
    for (let next = await it.next(); !next.done; next = await it.next()) yield next.value;
  }
  const out = new SitemapStream({ xmlns: { news, xhtml: false, image: false, video: false } });
  // On a failure the pipeline destroys `out`, and Fastify ends the response.
  pipeline(Readable.from(all()), out, () => {});
  return out;
}

function pageNumber(file: string): number | null {
  const m = /^articles-([1-9]\d{0,5})\.xml$/.exec(file);
  return m ? Number(m[1]) : null;
}

export const sitemapRoutes: FastifyPluginAsync<SitemapRoutesOptions> = async (app, { store, site }) => {
  /** Sets the validators; true when the client's copy is current (then it has its 304). */
  function notModified(req: FastifyRequest, reply: FastifyReply, lastModified: string | null, cache: string): boolean {
    reply.header('cache-control', cache);
    setLastModified(reply, lastModified);
    if (lastModified && isFresh(req, reply)) {
      reply.code(304).send();
      return true;
    }
    reply.type(XML);
    return false;
  }

  const newsSince = () => new Date(Date.now() - NEWS_WINDOW_MS).toISOString();

  app.get('/robots.txt', async (_req, reply) => {
    reply.header('cache-control', CACHE.long).type('text/plain; charset=utf-8');
    return ['User-agent: *', 'Allow: /', 'Disallow: /api/', 'Disallow: /search', '', `Sitemap: ${absoluteUrl(site, '/sitemap.xml')}`, ''].join('\n');
  });

  app.get('/sitemap.xml', async (_req, reply) => {
    const count = await store.countPublic();
    const pages = Math.max(1, Math.ceil(count / SITEMAP_PAGE_SIZE));
    const items: IndexItem[] = [];
    for (let page = 1; page <= pages; page++) {
      const lastmod = await store.lastModifiedPublic({ offset: (page - 1) * SITEMAP_PAGE_SIZE, limit: SITEMAP_PAGE_SIZE });
      items.push({ url: absoluteUrl(site, articleSitemapPath(page)), ...(lastmod ? { lastmod } : {}) });
    }
    const all = await store.lastModifiedPublic();
    items.push({ url: absoluteUrl(site, '/sitemaps/tags.xml'), ...(all ? { lastmod: all } : {}) });
    items.push({ url: absoluteUrl(site, '/sitemaps/authors.xml'), ...(all ? { lastmod: all } : {}) });
    const news = await store.lastModifiedPublic({ since: newsSince() });
    items.push({ url: absoluteUrl(site, '/sitemaps/news.xml'), ...(news ? { lastmod: news } : {}) });
    const index = new SitemapIndexStream();
    const xml = streamToPromise(index);
    for (const item of items) index.write(item);
    index.end();
    setLastModified(reply, all);
    reply.header('cache-control', CACHE.long).type(XML);
    return (await xml).toString('utf8');
  });

  app.get('/sitemaps/tags.xml', async (req, reply) => {
    // Any change to a public article may change a tag's lastmod: the site's latest change dates the file.
    if (notModified(req, reply, await store.lastModifiedPublic(), CACHE.long)) return reply;
    const tags = await store.listTags();
    const items: SitemapItemLoose[] = tags.map((t) => ({ url: absoluteUrl(site, tagUrl(t.name)), lastmod: t.lastModified }));
    // The columns' and the analyses' pages, once they have a public piece: collections like a tag's.
    for (const genre of Object.keys(GENRE_PAGES) as PagedGenre[]) {
      const newest = await store.lastModifiedPublic({ genre });
      if (newest) items.push({ url: absoluteUrl(site, GENRE_PAGES[genre].path), lastmod: newest });
    }
    const [correction] = await store.listCorrections(1);
    if (correction) items.push({ url: absoluteUrl(site, '/corrections'), lastmod: correction.at });
    return reply.send(await sitemapStream(Readable.from(items)));
  });

  app.get('/sitemaps/authors.xml', async (req, reply) => {
    // As for tags: the site's latest change dates the file.
    if (notModified(req, reply, await store.lastModifiedPublic(), CACHE.long)) return reply;
    const authors = await store.listAuthors();
    const newest = authors.map((a) => a.lastModified).sort().at(-1);
    // The authors' index first, changed when any of them last was.
    const items = [
      ...(authors.length ? [{ url: absoluteUrl(site, '/authors'), ...(newest ? { lastmod: newest } : {}) }] : []),
      ...authors.map((a) => ({ url: absoluteUrl(site, authorUrl(a.byline)), lastmod: a.lastModified })),
    ];
    return reply.send(await sitemapStream(Readable.from(items)));
  });

  app.get('/sitemaps/news.xml', async (req, reply) => {
    const since = newsSince();
    if (notModified(req, reply, await store.lastModifiedPublic({ since }), CACHE.short)) return reply;
    // Paid content is no news: it stays out of what news aggregators read (content/genre.ts).
    const rows = filter(store.streamPublic({ since, order: 'desc', limit: NEWS_MAX }), (row) => row.genre !== 'sponsored');
    const items = map(rows, (row) => ({
      url: absoluteUrl(site, articleUrl(row.slug)),
      lastmod: latestOf(row),
      news: {
        publication: { name: site.name, language: 'ar' },
        publication_date: row.publishedAt,
        title: row.title,
      },
    }));
    return reply.send(await sitemapStream(items, { news: true }));
  });

  app.get<{ Params: { file: string } }>('/sitemaps/:file', async (req, reply) => {
    const page = pageNumber(req.params.file);
    if (page === null) return reply.callNotFound();
    if (page > 1 && (page - 1) * SITEMAP_PAGE_SIZE >= (await store.countPublic())) return reply.callNotFound();
    const range = { offset: (page - 1) * SITEMAP_PAGE_SIZE, limit: SITEMAP_PAGE_SIZE };
    if (notModified(req, reply, await store.lastModifiedPublic(range), CACHE.long)) return reply;
    const items = map(store.streamPublic({ ...range, order: 'asc' }), (row) => ({
      url: absoluteUrl(site, articleUrl(row.slug)),
      lastmod: latestOf(row),
    }));
    return reply.send(await sitemapStream(items));
  });
};
