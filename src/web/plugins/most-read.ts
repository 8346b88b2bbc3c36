/**
 * "الأكثر قراءة": the stories readers visited most in the last day, on the
 * home page and beside every article, as Arabic news sites show them.
 *
 * Counting. A visit is a browser's GET of an article page answered 200 or
 * 304, from the render cache (which answers before Fastify, server.ts) or
 * from the route: not a crawler's, a link preview's, a prefetch, or
 * live.js's checks of a live story (a fetch, not a navigation). Visits are
 * added up in memory, by slug, and written once a minute, each process its
 * own: a page view costs a Map increment, never a write.
 *
 * Showing. Pages are cached, so as with the breaking strip the list is put in
 * as a page is sent, at a marker the template leaves; the page's cache entry
 * depends on `list:most-read`. Each process reads the list again every few
 * minutes and purges its pages when it changed, or at once when one of the
 * stories in it changes (a new headline, unpublished).
 */
import type { FastifyInstance } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage, ServerResponse } from 'node:http';
import { viewHour, type MostReadStory, type Store } from '../../store/store.js';
import { html } from '../html.js';
import { articleUrl } from '../urls.js';
import { setLastModified } from './conditional.js';

/** The template's marker: an article page's names the article, which its own list leaves out. */
export const mostReadMarker = (articleId?: number) => `<!--sahifa:most-read${articleId ? `:${articleId}` : ''}-->`;
const MARKER = /<!--sahifa:most-read(?::(\d+))?-->/;

/** The render cache's dependency key of every page that shows the list. */
export const MOST_READ_KEY = 'list:most-read';

export const MOST_READ_COUNT = 5;
/** The period counted: the last day, by whole hours. */
export const WINDOW_HOURS = 24;
const FLUSH_MS = 60_000;
const REFRESH_MS = 5 * 60_000;
/** Hours a list may count (the Content API's `hours`): a week. */
export const KEPT_HOURS = 7 * 24;
/** Hours kept in the store: a day more than a list may count, so that its first hour is whole. */
const KEEP_HOURS = KEPT_HOURS + 24;

const ARTICLE_PATH = /^\/articles\/([^/?#]+)\/?(?:\?|$)/;
// What announces itself as a program rather than a reader: crawlers, link previews of messengers and
// social sites, monitors, command-line clients, headless browsers.
const NOT_A_READER = /bot|crawl|spider|slurp|facebookexternalhit|whatsapp|telegram|preview|monitor|curl|wget|python|java\/|go-http|headless|lighthouse/i;
/** User agents remembered as browsers or not: a site's readers send a few hundred kinds, each many times. */
const AGENTS_REMEMBERED = 2000;
/** Addresses counted between two writes at most: a minute of a busy site's articles, and a bound on what made-up ones can take. */
const ADDRESSES_COUNTED = 50_000;

const isBrowser = (agent: string) => agent.startsWith('Mozilla/') && !NOT_A_READER.test(agent);

/** Whether a request is a reader's visit by its headers: a browser, navigating, not prefetching. */
export function isReaderVisit(headers: IncomingHttpHeaders, browser = isBrowser): boolean {
  if (!browser(headers['user-agent'] ?? '')) return false;
  // Sent by every current browser: a fetch() (live.js), an image or a frame is no visit.
  const mode = headers['sec-fetch-mode'];
  if (mode !== undefined && mode !== 'navigate') return false;
  const purpose = headers['sec-purpose'] ?? headers.purpose ?? headers['x-moz'];
  return purpose === undefined || !/prefetch|prerender/i.test(String(purpose));
}

/**
 * The visits counted since the last write. A page answered from the render
 * cache is counted as it is answered (server.ts); one that reaches Fastify
 * once it is sent (watch). Counting is a Map increment by address: the
 * addresses become slugs when they are written, once a minute.
 */
export class Readership {
  private counts = new Map<string, number>();
  private agents = new Map<string, boolean>();

  private browser = (agent: string): boolean => {
    let known = this.agents.get(agent);
    if (known === undefined) {
      known = isBrowser(agent);
      if (this.agents.size < AGENTS_REMEMBERED) this.agents.set(agent, known);
    }
    return known;
  };

  /** Counts an answered request if it is a reader's visit of an article page. */
  count(req: IncomingMessage, status: number): void {
    if ((status !== 200 && status !== 304) || req.method !== 'GET') return;
    const url = req.url ?? '';
    if (!url.startsWith('/articles/') || !isReaderVisit(req.headers, this.browser)) return;
    // By path: a query string (a share's tracking tag, or anything made up) names the same article.
    const query = url.indexOf('?');
    const path = query < 0 ? url : url.slice(0, query);
    const n = this.counts.get(path);
    if (n !== undefined) this.counts.set(path, n + 1);
    else if (this.counts.size < ADDRESSES_COUNTED) this.counts.set(path, 1);
  }

  /** Counts the request once it is answered (a page Fastify renders, or serves from the cache in tests). */
  watch(req: IncomingMessage, res: ServerResponse): void {
    if (req.method !== 'GET' || !req.url?.startsWith('/articles/')) return;
    res.once('finish', () => this.count(req, res.statusCode));
  }

  /** Writes the visits counted so far, by slug, and starts again. */
  async flush(store: Store, now = new Date()): Promise<void> {
    if (this.counts.size === 0) return;
    const counts = this.counts;
    this.counts = new Map();
    const bySlug = new Map<string, number>();
    for (const [url, n] of counts) {
      const slug = slugOf(url);
      if (slug) bySlug.set(slug, (bySlug.get(slug) ?? 0) + n);
    }
    const keepSince = viewHour(new Date(now.getTime() - KEEP_HOURS * 3600_000));
    try {
      await store.recordViews(bySlug, now, keepSince);
    } catch (e) {
      // Kept for the next write rather than lost: the database may be back by then.
      for (const [url, n] of counts) this.counts.set(url, (this.counts.get(url) ?? 0) + n);
      throw e;
    }
  }
}

function slugOf(url: string): string | null {
  const raw = ARTICLE_PATH.exec(url)?.[1];
  if (!raw) return null;
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}

/** The hour a list counts from: the last `hours` whole hours and this one. */
export const windowStart = (now: Date, hours = WINDOW_HOURS) => viewHour(new Date(now.getTime() - hours * 3600_000));

/** The list as drawn, one item a story (so that an article's page leaves its own out), and since when it has read so. */
interface Shown {
  stories: MostReadStory[];
  items: string[];
  changedAt: string;
}

const sameList = (a: MostReadStory[], b: MostReadStory[]) => a.length === b.length && a.every((s, i) => s.id === b[i]!.id && s.slug === b[i]!.slug && s.title === b[i]!.title);

function listHtml(shown: Shown, leaveOut: number | undefined): string {
  const items = shown.items.filter((_, i) => shown.stories[i]!.id !== leaveOut).slice(0, MOST_READ_COUNT);
  if (!items.length) return '';
  return `<aside class="most-read" aria-labelledby="most-read-title"><h2 id="most-read-title">الأكثر قراءة</h2><ol>${items.join('')}</ol></aside>`;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Writes the visits counted and reads the list again now, rather than at the next minute's or five minutes' turn (tests; a shutdown flushes anyway). */
    updateMostRead(): Promise<void>;
  }
}

export interface MostReadOptions {
  store: Store;
  /** The visits' counter; null when the site counts none (SAHIFA_MOST_READ=off): the pages then show no list. */
  readership: Readership | null;
  /** Drops the cached pages with these dependency keys (the render cache's purge; nothing when it is off). */
  purge: (keys: string[]) => void;
}

export function mostRead(app: FastifyInstance, { store, readership, purge }: MostReadOptions): void {
  if (!readership) {
    app.decorate('updateMostRead', async () => undefined);
    app.addHook('onSend', async (_req, _reply, payload) => (typeof payload === 'string' ? payload.replace(MARKER, '') : payload));
    return;
  }
  let current: Promise<Shown> | null = null;

  // One more than shown: an article's page leaves itself out and still lists five.
  const load = async (): Promise<Shown> => {
    const now = new Date();
    const stories = await store.mostRead(windowStart(now), now.toISOString(), MOST_READ_COUNT + 1);
    return {
      stories,
      items: stories.map((s) => html`<li><a href="${articleUrl(s.slug)}">${s.title}</a></li>`.value),
      changedAt: now.toISOString(),
    };
  };
  const read = (): Promise<Shown> => {
    if (current) return current;
    const reading = load();
    // A failed read is not kept: the next page asks again.
    reading.catch(() => {
      if (current === reading) current = null;
    });
    current = reading;
    return reading;
  };
  /** Reads the list again; the pages that show it are purged if it changed. */
  const refresh = async () => {
    const before = current ? await current.catch(() => null) : null;
    const next = load();
    const after = await next;
    if (before && sameList(before.stories, after.stories)) return;
    current = next;
    purge([MOST_READ_KEY]);
  };

  const failed = (e: unknown) => app.log.error(e, 'most-read');
  const flusher = setInterval(() => readership.flush(store).catch(failed), FLUSH_MS);
  const refresher = setInterval(() => refresh().catch(failed), REFRESH_MS);
  flusher.unref();
  refresher.unref();

  const unsubscribe = store.changes.subscribe((change) => {
    if (!current) return;
    void current.then(({ stories }) => {
      const touched = change.everything || stories.some((s) => change.pages.includes(s.id) || change.cards.includes(s.id));
      if (touched) refresh().catch(failed);
    }, () => undefined);
  });
  app.decorate('updateMostRead', async () => {
    await readership.flush(store);
    await refresh();
  });
  app.addHook('onClose', async () => {
    clearInterval(flusher);
    clearInterval(refresher);
    unsubscribe();
    await readership.flush(store).catch(failed);
  });

  // Requests that reach Fastify: cache misses, and in tests (inject) every request.
  app.addHook('onRequest', async (req, reply) => readership.watch(req.raw, reply.raw));

  app.addHook('onSend', async (_req, reply, payload) => {
    if (typeof payload !== 'string') return payload;
    const marker = MARKER.exec(payload);
    if (!marker) return payload;
    const shown = await read();
    if (reply.cacheDeps) reply.cacheDeps = [...reply.cacheDeps, MOST_READ_KEY];
    const list = listHtml(shown, marker[1] ? Number(marker[1]) : undefined);
    // A client that revalidates by date alone must not keep a list that changed since its copy.
    const lastModified = reply.getHeader('last-modified');
    if (list && typeof lastModified === 'string') setLastModified(reply, new Date(lastModified).toISOString(), shown.changedAt);
    return payload.replace(marker[0], list);
  });
}
