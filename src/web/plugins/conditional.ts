/**
 * Conditional requests for pages, feeds and sitemaps: a strong ETag from a
 * hash of every body the server renders, Last-Modified where a route knows
 * its date (`setLastModified`), and 304 Not Modified when the client's copy
 * is current (If-None-Match first; If-Modified-Since only without it, as
 * RFC 9110 §13.2.2 orders). Streamed bodies (sitemaps) cannot be hashed, so
 * they answer to If-Modified-Since alone. Static files keep @fastify/static's
 * own validators; site.css, which has no hash in its name, is cached briefly.
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * Cache-Control by kind of response (routes set theirs; these are the shared
 * values). stale-while-revalidate lets a CDN in front answer from its copy
 * while it fetches a fresh one, so a burst never waits on us.
 */
export const CACHE = {
  /** Home, tag pages, feeds, the news sitemap: news changes by the minute. */
  short: 'public, max-age=60, stale-while-revalidate=30',
  /** An article page. */
  article: 'public, max-age=300, stale-while-revalidate=60',
  /** Sitemaps of the archive, robots.txt. */
  long: 'public, max-age=900',
  /** The stylesheet and the scripts: their names carry no hash, so readers must see a new one soon. */
  unhashed: 'public, max-age=300',
} as const;

const UNHASHED_ASSETS = new Set(['/assets/site.css', '/assets/live.js', '/assets/video.js', '/assets/gallery.js']);

/** A strong validator: the same bytes, the same tag. */
export function strongEtag(body: string | Buffer): string {
  return `"${createHash('sha256').update(body).digest('base64url').slice(0, 32)}"`;
}

/** Sets Last-Modified from an ISO 8601 instant (or the latest of several); nothing when none. */
export function setLastModified(reply: FastifyReply, ...isos: (string | null | undefined)[]): void {
  const times = isos.filter((t): t is string => !!t).map((t) => Date.parse(t)).filter((t) => !Number.isNaN(t));
  if (times.length) reply.header('last-modified', new Date(Math.max(...times)).toUTCString());
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const v = headers[name];
  return Array.isArray(v) ? v.join(', ') : v;
}

/** If-None-Match against our tag, with the weak comparison the RFC asks of it. */
function etagMatches(ifNoneMatch: string, etag: string): boolean {
  const ours = etag.replace(/^W\//, '');
  return ifNoneMatch.split(',').some((t) => {
    const tag = t.trim();
    return tag === '*' || tag.replace(/^W\//, '') === ours;
  });
}

function notModifiedSince(headers: IncomingHttpHeaders, lastModified: unknown): boolean {
  const since = header(headers, 'if-modified-since');
  if (!since || typeof lastModified !== 'string') return false;
  const sinceMs = Date.parse(since);
  const lastMs = Date.parse(lastModified);
  if (Number.isNaN(sinceMs) || Number.isNaN(lastMs)) return false;
  return Math.floor(lastMs / 1000) <= Math.floor(sinceMs / 1000);
}

/**
 * Whether the client's copy (its request headers) is current for a response
 * with these validators, by the precedence RFC 9110 gives. Takes Node's raw
 * headers so that the render cache's hit path, which runs before Fastify,
 * answers exactly as the routes do.
 */
export function isFreshFor(headers: IncomingHttpHeaders, etag: unknown, lastModified: unknown): boolean {
  const ifNoneMatch = header(headers, 'if-none-match');
  if (ifNoneMatch !== undefined) return typeof etag === 'string' && etagMatches(ifNoneMatch, etag);
  return notModifiedSince(headers, lastModified);
}

export function isFresh(req: FastifyRequest, reply: FastifyReply): boolean {
  return isFreshFor(req.headers, reply.getHeader('etag'), reply.getHeader('last-modified'));
}

/**
 * Turns the reply into a 304. A GET's body goes; a HEAD keeps its payload,
 * which Fastify's HEAD handler only measures (a 304 may state the length
 * the 200 would have had) and never sends.
 */
function notModified<T>(req: FastifyRequest, reply: FastifyReply, payload: T): T | null {
  reply.code(304);
  reply.removeHeader('content-type');
  reply.removeHeader('content-length');
  return req.method === 'HEAD' ? payload : null;
}

type Stream = { pipe: unknown; destroy?: () => void };
const isStream = (p: unknown): p is Stream => typeof p === 'object' && p !== null && typeof (p as Stream).pipe === 'function';

/** Adds the hook at the root, so that every route, whatever plugin holds it, is covered. */
export function conditionalRequests(app: FastifyInstance): void {
  app.addHook('onSend', async (req, reply, payload) => {
    if ((req.method !== 'GET' && req.method !== 'HEAD') || reply.statusCode !== 200) return payload;
    const path = req.url.split('?', 1)[0]!;
    if (UNHASHED_ASSETS.has(path)) {
      reply.header('cache-control', CACHE.unhashed);
      return payload;
    }
    if (typeof payload === 'string' || Buffer.isBuffer(payload)) {
      // Encoded once: hashing a string encodes it to UTF-8, and sending it would again.
      const body = typeof payload === 'string' ? Buffer.from(payload) : payload;
      if (!reply.hasHeader('etag')) reply.header('etag', strongEtag(body));
      return isFresh(req, reply) ? notModified(req, reply, body) : body;
    }
    // A stream of our own (a sitemap) with a date: If-Modified-Since is all we can answer.
    if (isStream(payload) && !reply.hasHeader('etag') && header(req.headers, 'if-none-match') === undefined && notModifiedSince(req.headers, reply.getHeader('last-modified'))) {
      if (req.method === 'GET') payload.destroy?.();
      return notModified(req, reply, payload);
    }
    return payload;
  });
}
