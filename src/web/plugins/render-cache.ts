/**
 * Serves rendered pages from the render cache (src/web/cache/render-cache.ts)
 * without touching the store or the templates, compressed once with brotli
 * or gzip. A route opts in with `reply.cacheFor(deps)`, naming what its page
 * shows; the store's change notifications purge exactly those pages.
 */
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { changeKeys } from '../../store/changes.js';
import type { Store } from '../../store/store.js';
import { RenderCache, type CachedPage } from '../cache/render-cache.js';

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

function encodingFor(req: FastifyRequest): Encoding {
  const accept = req.headers['accept-encoding'] ?? '';
  if (/\bbr\b/.test(accept)) return 'br';
  if (/\bgzip\b/.test(accept)) return 'gzip';
  return null;
}

function maxAgeMs(cacheControl: string): number {
  const m = /max-age=(\d+)/.exec(cacheControl);
  return m ? Number(m[1]) * 1000 : 60_000;
}

/** Puts one representation of a cached page on the reply, returning its bytes. */
function represent(reply: FastifyReply, page: CachedPage, encoding: Encoding): Buffer {
  reply
    .header('content-type', page.contentType)
    .header('cache-control', page.cacheControl)
    .header('vary', 'accept-encoding')
    .header('etag', encoding ? page.etag.replace(/"$/, `-${encoding === 'br' ? 'br' : 'gz'}"`) : page.etag);
  if (page.lastModified) reply.header('last-modified', page.lastModified);
  if (!encoding) return page.body;
  reply.header('content-encoding', encoding);
  return encoding === 'br' ? page.br : page.gzip;
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
    if (req.method !== 'GET' && req.method !== 'HEAD') return;
    const page = cache.get(req.url);
    if (!page) return;
    reply.header('x-cache', 'hit');
    return reply.send(represent(reply, page, encodingFor(req)));
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
    reply.header('x-cache', 'miss');
    return represent(reply, page, encodingFor(req));
  });

  return cache;
}
