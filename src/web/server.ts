/**
 * The HTTP server: Fastify with the public site, the JSON API and static
 * assets, each a plugin of its own. It reads through the Store interface only.
 */
import fastifyStatic from '@fastify/static';
import Fastify, { LogController, type FastifyError, type FastifyInstance } from 'fastify';
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
import { conditionalRequests } from './plugins/conditional.js';
import { renderCache, serveCached } from './plugins/render-cache.js';
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
}

const isApi = (url: string) => url.startsWith('/api/');

const DEFAULT_CACHE_BYTES = Number(process.env.SAHIFA_CACHE_MB ?? 64) * 1024 * 1024;

export async function buildServer({ store, site, logger = false, newsroom, cacheBytes = DEFAULT_CACHE_BYTES }: ServerOptions): Promise<FastifyInstance> {
  // Request lines are an access log's job (the proxy or CDN in front); errors are always logged.
  // Cache hits are answered before Fastify sees the request (see plugins/render-cache.ts).
  let cache: RenderCache | null = null;
  const app = Fastify({
    serverFactory: (handler) =>
      createServer((req, res) => {
        if (!cache || !serveCached(cache, req, res)) handler(req, res);
      }),
    logger: logger ? { level: process.env.LOG_LEVEL ?? 'info' } : false,
    logController: new LogController({ disableRequestLogging: process.env.SAHIFA_LOG_REQUESTS !== '1' }),
    routerOptions: { maxParamLength: 500 },
  });

  // Set before the routes: Fastify plugins take the handlers in place when registered.
  app.setNotFoundHandler((req, reply) => {
    if (isApi(req.url)) return reply.code(404).send({ error: 'not_found', message: 'غير موجود / not found' });
    return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(site).value);
  });

  app.setErrorHandler((err: FastifyError, req, reply) => {
    const status = err.statusCode && err.statusCode >= 400 && err.statusCode < 500 ? err.statusCode : 500;
    if (status === 500) req.log.error(err);
    const message = status === 500 ? 'خطأ في الخادم / server error' : err.message;
    if (isApi(req.url)) return reply.code(status).send({ error: status === 500 ? 'server_error' : 'bad_request', message });
    const page = layout(site, { title: 'خطأ' }, html`<section class="not-found"><h1>${status === 500 ? 'حدث خطأ' : 'طلب غير صالح'}</h1><p>${message}</p><p><a href="/">العودة إلى الصفحة الرئيسية</a></p></section>`);
    return reply.code(status).type('text/html; charset=utf-8').send(page.value);
  });

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

  // The render cache's onSend runs before the conditional one, which then sees the cached representation.
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

  return app;
}
