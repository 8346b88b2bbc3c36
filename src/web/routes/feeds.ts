/**
 * Feeds: RSS 2.0, Atom 1.0 and JSON Feed 1.1, for the site (`/feed.xml`,
 * `/atom.xml`, `/feed.json`), each tag (`/tags/:tag/feed.xml` …), each
 * byline (`/authors/:name/feed.xml` …) and the columns and analyses
 * (`/opinion/feed.xml` …),
 * with the articles' full text or their descriptions (`SiteConfig.feedContent`).
 * RSS and Atom come from the `feed` package; it writes JSON Feed 1.0, which
 * `toJsonFeed11` brings up to 1.1 (authors, language).
 */
import { bylineKey, bylinesOf, joinNames } from '../../content/bylines.js';
import { GENRE_LABEL } from '../../content/genre.js';
import { GENRE_PAGES, type PagedGenre } from '../pages/genre.js';
import { tagKey } from '../../content/tags.js';
import type { FastifyPluginAsync, FastifyReply } from 'fastify';
import { Feed, type Item } from 'feed';
import { figureHtml, type Block, type Section } from '../../content/body.js';
import { bodySections, updateSections } from '../../content/live.js';
import { videoPage } from '../../content/video.js';
import { arabicDates } from '../dates.js';
import type { PublicArticleRow, Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { escapeHtml } from '../html.js';
import { CACHE, setLastModified } from '../plugins/conditional.js';
import { absoluteUrl, feedPath, FEED_TYPES, scopePath, scopeTitle, type FeedFormat, type FeedScope } from '../seo/links.js';
import { authorDescription, tagDescription } from '../seo/pages.js';
import { articleUrl, bylineOf, tagUrl } from '../urls.js';

export interface FeedRoutesOptions {
  store: Store;
  site: SiteConfig;
}

/** Items in a feed: the newest articles. */
export const FEED_SIZE = 30;

const GENERATOR = 'Sahifa';
const JSON_FEED_11 = 'https://jsonfeed.org/version/1.1';
const DC = 'http://purl.org/dc/elements/1.1/';

/** Characters XML 1.0 forbids (C0 controls but tab and newlines, non-characters). */
export function xmlText(text: string): string {
  return text.replace(/[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/g, '');
}

/** A block as the page shows it; a figure's site path made absolute, since a feed is read elsewhere. */
function blockHtml(b: Block, site: SiteConfig): string {
  if (b.kind === 'figure') return b.figure ? figureHtml(b.figure, absoluteUrl(site, b.figure.src)) : b.html;
  // A feed reader runs no script: the video is a link to its page.
  if (b.kind === 'video' && b.video) return `<p><a href="${escapeHtml(videoPage(b.video))}">▶ ${escapeHtml(b.text || 'شاهد الفيديو')}</a></p>`;
  return b.kind === 'quote' ? `<blockquote><p>${b.html}</p></blockquote>` : `<p>${b.html}</p>`;
}

/** The article's sections as HTML: the same markup as the page, right to left, a live story's updates newest first under the body, each with its time. */
export function sectionsHtml(sections: Section[], site: SiteConfig): string {
  const section = (s: Section) => (s.heading ? `<h2>${escapeHtml(s.heading)}</h2>` : '') + s.blocks.map((b) => blockHtml(b, site)).join('');
  const updates = updateSections(sections).map((s) => {
    const d = arabicDates(s.update!.at, site.timeZone, site.digits);
    return `<p><strong><time datetime="${s.update!.at}">${escapeHtml(`${d.time} ${d.gregorian}`)}</time></strong></p>${section(s)}`;
  });
  const body = [...bodySections(sections).map(section), ...(updates.length ? ['<h2>التحديثات</h2>', ...updates] : [])].join('\n');
  return `<div dir="rtl" lang="ar">${body}</div>`;
}

interface FeedItem {
  row: PublicArticleRow;
  /** Full HTML, when the site sends full content. */
  html?: string;
}

/** Paid content is disclosed where a feed reader shows the summary, not only in a category some apps hide. */
const disclosed = (row: PublicArticleRow): string =>
  row.genre === 'sponsored' ? `${GENRE_LABEL.sponsored}${row.sponsor ? ` من ${row.sponsor}` : ''}: ${row.description}` : row.description;

const latestOf = (row: PublicArticleRow) => (row.updatedAt > row.publishedAt ? row.updatedAt : row.publishedAt);

/** `description`: the scope's page's own (what the editors wrote about a tag or an author), else the site's. */
function buildFeed(format: FeedFormat, site: SiteConfig, items: FeedItem[], scope: FeedScope, updated: Date, description = site.description): Feed {
  const home = absoluteUrl(site, scopePath(scope));
  const feed = new Feed({
    id: home,
    title: scopeTitle(site, scope),
    description,
    link: home,
    language: 'ar',
    updated,
    generator: GENERATOR,
    image: absoluteUrl(site, site.logo),
    copyright: `© ${site.name}`,
    author: { name: site.name, link: `${site.baseUrl}/` },
    feedLinks: {
      rss: absoluteUrl(site, feedPath('rss', scope)),
      atom: absoluteUrl(site, feedPath('atom', scope)),
      json: absoluteUrl(site, feedPath('json', scope)),
    },
  });
  const scheme = `${site.baseUrl}/tags/`;
  for (const { row, html } of items) {
    const url = absoluteUrl(site, articleUrl(row.slug));
    // Atom's title and summary are typed html, and RSS readers read them as HTML: escape the plain text.
    const item: Item = {
      title: format === 'json' ? xmlText(row.title) : escapeHtml(xmlText(row.title)),
      id: url,
      link: url,
      date: new Date(latestOf(row)),
      published: new Date(row.publishedAt),
      description: format === 'json' ? xmlText(disclosed(row)) : escapeHtml(xmlText(disclosed(row))),
      category: [
        // An opinion, an analysis or paid content says so in readers' apps too, before its tags.
        ...(row.genre !== 'news' ? [{ name: GENRE_LABEL[row.genre], term: row.genre }] : []),
        ...row.tags.map((t) => ({ name: t, term: t, scheme, domain: absoluteUrl(site, tagUrl(t)) })),
      ],
    };
    if (html !== undefined) item.content = xmlText(html);
    const names = bylinesOf(row);
    if (names.length) {
      // RSS's <author> must be an e-mail address; the names go in dc:creator, as the byline joins them.
      if (format === 'rss') item.extensions = [{ name: 'dc:creator', objects: { _text: xmlText(joinNames(names)) } }];
      else item.author = names.map((name) => ({ name }));
    }
    feed.addItem(item);
  }
  return feed;
}

function rss(feed: Feed): string {
  const xml = feed.rss2();
  // `feed` declares the dc namespace only alongside content:encoded.
  return xml.includes('<dc:creator') && !xml.includes('xmlns:dc=') ? xml.replace('<rss version="2.0"', `<rss version="2.0" xmlns:dc="${DC}"`) : xml;
}

type JsonObject = Record<string, unknown>;

/**
 * JSON Feed 1.0 as `feed` writes it, made 1.1: `authors` arrays, `language`,
 * text summaries as content_text. 1.0 has one author an item, so `feed`
 * writes the first: `itemAuthors` (by item id) gives back a story's every byline.
 */
export function toJsonFeed11(json10: string, summaryOnly: boolean, itemAuthors: Map<string, unknown[]> = new Map()): JsonObject {
  const feed = JSON.parse(json10) as JsonObject & { items: JsonObject[] };
  const authors = (o: JsonObject) => {
    if (o.author !== undefined) {
      o.authors = itemAuthors.get(String(o.id)) ?? [o.author];
      delete o.author;
    }
  };
  feed.version = JSON_FEED_11;
  feed.language = 'ar';
  authors(feed);
  for (const item of feed.items) {
    authors(item);
    item.language = 'ar';
    if (summaryOnly) {
      // The description is plain text, not HTML.
      item.content_text = item.content_html;
      delete item.content_html;
    }
  }
  return feed;
}

function send(reply: FastifyReply, format: FeedFormat, feed: Feed, summaryOnly: boolean): string {
  reply.header('cache-control', CACHE.short).type(`${FEED_TYPES[format]}; charset=utf-8`);
  if (format === 'rss') return rss(feed);
  if (format === 'atom') return feed.atom1();
  const itemAuthors = new Map(feed.items.flatMap((i) => (i.id && i.author ? [[i.id, i.author as unknown[]] as const] : [])));
  return JSON.stringify(toJsonFeed11(feed.json1(), summaryOnly, itemAuthors), null, 2);
}

const FILES: Record<FeedFormat, string> = { rss: 'feed.xml', atom: 'atom.xml', json: 'feed.json' };

export const feedRoutes: FastifyPluginAsync<FeedRoutesOptions> = async (app, { store, site }) => {
  /** The scope a feed's address names: the site's, a tag's (found in any spelling) or a byline's. */
  async function render(format: FeedFormat, reply: FastifyReply, wanted: FeedScope = null) {
    let scope: FeedScope = null;
    let description = site.description;
    if (wanted !== null && 'genre' in wanted) {
      scope = wanted;
      description = GENRE_PAGES[wanted.genre].about(site.name);
    } else if (wanted !== null && 'tag' in wanted) {
      const found = await store.getTag(wanted.tag);
      if (!found) {
        // A renamed tag's feed: readers subscribed under the old name follow it.
        const renamed = await store.tagNameByAlias(tagKey(wanted.tag));
        if (renamed) return reply.redirect(`${tagUrl(renamed)}/${FILES[format]}`, 301);
      }
      if (!found || found.count === 0) return reply.callNotFound();
      scope = { tag: found.name };
      description = tagDescription(site, found.name, found.description);
    } else if (wanted !== null) {
      if (!wanted.author) return reply.callNotFound(); // '' would be the articles signed by no one
      scope = wanted;
    }
    const askedKey = scope !== null && 'author' in scope ? bylineKey(scope.author) : '';
    const rows: PublicArticleRow[] = [];
    for await (const row of store.streamPublic({ order: 'desc', limit: FEED_SIZE, ...scope })) {
      rows.push(row);
    }
    if (scope !== null && 'author' in scope) {
      if (rows.length === 0) return reply.callNotFound();
      // Named as the page is: the newest article's spelling of the byline (first or co-author).
      scope = { author: bylinesOf(rows[0]!).find((name) => bylineKey(name) === askedKey) ?? scope.author };
      description = authorDescription(site, scope.author, await store.newsroom.authorProfile(scope.author));
    }
    const full = site.feedContent === 'full';
    const items: FeedItem[] = [];
    for (const row of rows) {
      const view = full ? await store.getArticleView(row.slug) : null;
      items.push(view ? { row, html: sectionsHtml(view.sections, site) } : { row });
    }
    const newest = rows.map(latestOf).sort().at(-1);
    setLastModified(reply, newest);
    const feed = buildFeed(format, site, items, scope, newest ? new Date(newest) : new Date(0), description);
    reply.cacheFor([
      ...(scope === null || 'genre' in scope
        ? ['list:home']
        : 'tag' in scope
          ? [`list:tag:${tagKey(scope.tag)}`]
          : [`list:author:${bylineKey(scope.author)}`, `list:profile:${bylineKey(scope.author)}`]),
      ...rows.map((r) => `card:${r.id}`),
      ...(full ? rows.map((r) => `page:${r.id}`) : []),
    ]);
    return send(reply, format, feed, !full);
  }

  for (const format of ['rss', 'atom', 'json'] as const) {
    app.get(`/${FILES[format]}`, (_req, reply) => render(format, reply));
    app.get<{ Params: { tag: string } }>(`/tags/:tag/${FILES[format]}`, (req, reply) => render(format, reply, { tag: req.params.tag }));
    app.get<{ Params: { name: string } }>(`/authors/:name/${FILES[format]}`, (req, reply) => render(format, reply, { author: bylineOf(req.params.name) }));
    for (const genre of Object.keys(GENRE_PAGES) as PagedGenre[]) app.get(`${GENRE_PAGES[genre].path}/${FILES[format]}`, (_req, reply) => render(format, reply, { genre }));
  }
};
