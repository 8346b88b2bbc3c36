/**
 * The HTTP server: Fastify with the public site, the JSON API and static
 * assets, each a plugin of its own. It reads through the Store interface only.
 */
import { healthRoutes } from './routes/health.js';
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyError, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Store } from '../store/store.js';
import type { SiteConfig } from './config.js';
import { notFoundPage } from './pages/list.js';
import { apiRoutes } from './routes/api.js';
import { publicRoutes } from './routes/public.js';
import { entityRoutes } from './routes/entities.js';
import { searchRoutes } from './routes/search.js';
import { oldAddressRoutes } from './routes/old-addresses.js';
import { previewRoutes } from './routes/preview.js';
import { conditionalRequests } from './plugins/conditional.js';
import { renderCache, serveCached } from './plugins/render-cache.js';
import { breakingNews } from './plugins/breaking.js';
import { mostRead, Readership } from './plugins/most-read.js';
import type { RenderCache } from './cache/render-cache.js';
import { feedRoutes } from './routes/feeds.js';
import { sitemapRoutes } from './routes/sitemaps.js';
import { layout } from './pages/layout.js';
import { html } from './html.js';
import { registerNewsroom, type NewsroomConfig } from './admin/index.js';

const require = createRequire(import.meta.url);
const ASSETS = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../src/web/assets');
const fontDir = (pkg: string) => path.dirname(require.resolve(`${pkg}/package.json`));

export interface ServerOptions {
  store: Store;
  site: SiteConfig;
  logger?: boolean;
  /** Memory for the render cache, in bytes (default SAHIFA_CACHE_MB, 64 MB); 0 turns it off. */
  cacheBytes?: number;
  /** The newsroom (issue #5): media folder, cookies, Content API, scheduler. */
  newsroom?: Partial<NewsroomConfig>;
  /** Count readers' visits for "الأكثر قراءة" (default: unless SAHIFA_MOST_READ=off); off, no list is shown. */
  mostRead?: boolean;
}

const isApi = (url: string) => url.startsWith('/api/');

const ARABIC = /[\u0600-\u06FF]/;
const BAD_ADDRESS = 'في عنوان هذه الصفحة ما لا يصلح: رقم صفحة أو حرف غير مقروء.';

const DEFAULT_CACHE_BYTES = Number(process.env.SAHIFA_CACHE_MB ?? 64) * 1024 * 1024;

export async function buildServer({
  store,
  site,
  logger = false,
  newsroom,
  cacheBytes = DEFAULT_CACHE_BYTES,
  mostRead: countVisits = process.env.SAHIFA_MOST_READ !== 'off',
}: ServerOptions): Promise<FastifyInstance> {
  // Request lines are an access log's job (the proxy or CDN in front); errors are always logged.
  // Cache hits are answered before Fastify sees the request (see plugins/render-cache.ts).
  let cache: RenderCache | null = null;
  const readership = countVisits ? new Readership() : null;
  const app = Fastify({
    serverFactory: (handler) =>
      createServer((req, res) => {
        if (!cache || !serveCached(cache, req, res)) handler(req, res);
        else readership?.count(req, res.statusCode);
      }),
    logger: logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    logController: new LogController({ disableRequestLogging: process.env.SAHIFA_LOG_REQUESTS !== '1' }),
    routerOptions: { maxParamLength: 500 },
    // A body's field that its schema does not know (additionalProperties: false) is refused with its name,
    // not dropped in silence as by Fastify's default: a client that misspells one, or sends one no one may
    // set, must hear so. Query strings declare no such rule: a cache-buster or a tracking tag is let be.
    ajv: { customOptions: { removeAdditional: false } },
    // A path Fastify cannot decode (/tags/%E0%A4%A) never reaches a route: answered like any other bad request.
    frameworkErrors: (err, req, reply) =>
      err.code === 'FST_ERR_BAD_URL' ? badRequest(req.url, reply, 400, 'bad address', BAD_ADDRESS) : serverError(req, reply, err),
  });

  // Set before the routes: Fastify plugins take the handlers in place when registered.
  app.setNotFoundHandler((req, reply) => {
    if (isApi(req.url)) return reply.code(404).send({ error: 'not_found', message: 'غير موجود / not found' });
    return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(site).value);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) return serverError(req, reply, err);
    return badRequest(req.url, reply, status, err.message, err.validation && !ARABIC.test(err.message) ? BAD_ADDRESS : err.message);
  });

  /**
   * A 4xx: the API keeps the validator's message for developers. A reader
   * gets a route's own Arabic message (search explains its limits), and in
   * place of the validator's English one that the address they followed is
   * wrong (a page number of 0, a broken percent-encoding).
   */
  function badRequest(url: string, reply: FastifyReply, status: number, apiMessage: string, readerMessage: string) {
    if (isApi(url)) return reply.code(status).send({ error: 'bad_request', message: apiMessage });
    return errorPage(reply, status, 'طلب غير صالح', readerMessage);
  }

  function serverError(req: FastifyRequest, reply: FastifyReply, err: Error) {
    req.log.error(err);
    if (isApi(req.url)) return reply.code(500).send({ error: 'server_error', message: 'خطأ في الخادم / server error' });
    return errorPage(reply, 500, 'حدث خطأ', 'خطأ في الخادم / server error');
  }

  function errorPage(reply: FastifyReply, status: number, heading: string, message: string) {
    const page = layout(site, { title: 'خطأ' }, html`<section class="not-found"><h1>${heading}</h1><p>${message}</p><p><a href="/">العودة إلى الصفحة الرئيسية</a></p></section>`);
    return reply.code(status).type('text/html; charset=utf-8').send(page.value);
  }

  const day = 24 * 60 * 60;
  await app.register(fastifyStatic, { root: ASSETS, prefix: '/assets/', maxAge: day * 1000 });
  await app.register(fastifyStatic, {
    root: fontDir('@fontsource/noto-naskh-arabic'),
    prefix: '/assets/fonts/naskh/',
    decorateReply: false,
    immutable: true,
    maxAge: 365 * day * 1000,
  });
  await app.register(fastifyStatic, {
    root: fontDir('@fontsource/noto-kufi-arabic'),
    prefix: '/assets/fonts/kufi/',
    decorateReply: false,
    immutable: true,
    maxAge: 365 * day * 1000,
  });

  // The strip's onSend fills the page before the render cache keeps it (hooks run in the order added),
  // and the render cache's runs before the conditional one, which then sees the cached representation.
  breakingNews(app, { store, site, purge: (keys) => cache?.purge(keys) });
  mostRead(app, { store, readership, purge: (keys) => cache?.purge(keys) });
  cache = renderCache(app, { store, budgetBytes: cacheBytes });
  conditionalRequests(app);
  await app.register(publicRoutes, { store, site });
  await app.register(feedRoutes, { store, site });
  await app.register(sitemapRoutes, { store, site });
  await app.register(apiRoutes, { store });
  await app.register(entityRoutes, { store, site }); // related news (issue #4)
  await registerNewsroom(app, { store, site, ...(newsroom ? { config: newsroom } : {}) }); // issue #5
  await app.register(searchRoutes, { store, site });
  await app.register(oldAddressRoutes, { store }); // a site migrated from WordPress or Ghost
  await app.register(previewRoutes, { store, site }); // unpublished stories shared by a link
  await app.register(healthRoutes, { store });

  return app;
}
