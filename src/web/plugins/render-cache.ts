/**
 * Serves rendered pages from the render cache (src/web/cache/render-cache.ts)
 * without touching the store or the templates, compressed once with brotli
 * or gzip. A route opts in with `reply.cacheFor(deps)`, naming what its page
 * shows; the store's change notifications purge exactly those pages.
 *
 * A hit is answered by `serveCached` on Node's raw request and response:
 * server.ts calls it in front of Fastify, so the page a burst of readers
 * asks for costs no routing, no hooks and no request objects (that halved
 * the cost of a hit against the same answer from an onRequest hook). It is
 * also this plugin's first hook, for requests that reach Fastify another
 * way (inject() in tests).
 */
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { IncomingHttpHeaders, IncomingMessage, OutgoingHttpHeaders, ServerResponse } from 'node:http';
import { changeKeys } from '../../store/changes.js';
import type { Store } from '../../store/store.js';
import { RenderCache, type CachedPage } from '../cache/render-cache.js';
import { isFreshFor } from './conditional.js';

declare module 'fastify' {
  interface FastifyReply {
    /** Marks this response as a cacheable page that shows what `deps` name. */
    cacheFor(deps: string[]): FastifyReply;
    cacheDeps: string[] | null;
  }
}

export interface RenderCacheOptions {
  store: Store;
  /** Bytes of memory for cached pages (all encodings); 0 turns the cache off. */
  budgetBytes: number;
}

type Encoding = 'br' | 'gzip' | null;

function encodingFor(headers: IncomingHttpHeaders): Encoding {
  const accept = headers['accept-encoding'] ?? '';
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

function maxAgeMs(cacheControl: string): number {
  const m = /max-age=(\d+)/.exec(cacheControl);
  return m ? Number(m[1]) * 1000 : 60_000;
}

/** The headers of one representation of a cached page (the compressed ones are other representations, with tags of their own). */
function headersOf(page: CachedPage, encoding: Encoding): OutgoingHttpHeaders {
  const headers: OutgoingHttpHeaders = {
    'content-type': page.contentType,
    'cache-control': page.cacheControl,
    vary: 'accept-encoding',
    etag: encoding ? page.etag.replace(/"$/, `-${encoding === 'br' ? 'br' : 'gz'}"`) : page.etag,
  };
  if (page.lastModified) headers['last-modified'] = page.lastModified;
  if (encoding) headers['content-encoding'] = encoding;
  return headers;
}

const bodyOf = (page: CachedPage, encoding: Encoding) => (encoding === 'br' ? page.br : encoding === 'gzip' ? page.gzip : page.body);

/** Answers a GET or HEAD from the cache, 200 or 304, and says whether it did. */
export function serveCached(cache: RenderCache, req: IncomingMessage, res: ServerResponse): boolean {
  if (req.method !== 'GET' && req.method !== 'HEAD') return false;
  const page = cache.get(req.url ?? '');
  if (!page) return false;
  const encoding = encodingFor(req.headers);
  const headers = headersOf(page, encoding);
  headers['x-cache'] = 'hit';
  if (isFreshFor(req.headers, headers.etag, headers['last-modified'])) {
    // As conditional.ts answers: no body, no type, no length.
    delete headers['content-type'];
    res.writeHead(304, headers).end();
    return true;
  }
  const body = bodyOf(page, encoding);
  headers['content-length'] = body.length;
  res.writeHead(200, headers).end(req.method === 'HEAD' ? undefined : body);
  return true;
}

export function renderCache(app: FastifyInstance, { store, budgetBytes }: RenderCacheOptions): RenderCache | null {
  app.decorateReply('cacheDeps', null);
  app.decorateReply('cacheFor', function (this: FastifyReply, deps: string[]) {
    this.cacheDeps = deps;
    return this;
  });
  if (budgetBytes <= 0) return null;

  const cache = new RenderCache(budgetBytes);
  const unsubscribe = store.changes.subscribe((change) => {
    if (change.everything) cache.clear();
    else cache.purge(changeKeys(change));
  });
  app.addHook('onClose', async () => unsubscribe());

  app.addHook('onRequest', async (req, reply) => {
    if (serveCached(cache, req.raw, reply.raw)) reply.hijack();
  });

  app.addHook('onSend', async (req, reply, payload) => {
    const deps = reply.cacheDeps;
    if (!deps || req.method !== 'GET' || reply.statusCode !== 200 || typeof payload !== 'string') return payload;
    const cacheControl = String(reply.getHeader('cache-control') ?? 'public, max-age=60');
    const lastModified = reply.getHeader('last-modified');
    const page = cache.set(req.url, {
      body: Buffer.from(payload),
      contentType: String(reply.getHeader('content-type') ?? 'text/html; charset=utf-8'),
      cacheControl,
      ...(typeof lastModified === 'string' ? { lastModified } : {}),
      deps,
      expires: Date.now() + maxAgeMs(cacheControl),
    });
    const encoding = encodingFor(req.headers);
    reply.headers({ ...headersOf(page, encoding), 'x-cache': 'miss' });
    return bodyOf(page, encoding);
  });

  return cache;
}
