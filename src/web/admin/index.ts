/**
 * The newsroom (issue #5), hooked into the server in one call: cookies,
 * forms, uploads and CSRF for its own routes only; the Admin and Content
 * APIs with their OpenAPI document at /api/docs; the editor at /admin; the
 * uploaded images at /media; and the scheduler and the webhooks' sender,
 * started with the server.
 */
import cookie from '@fastify/cookie';
import csrf from '@fastify/csrf-protection';
import formbody from '@fastify/formbody';
import multipart from '@fastify/multipart';
import fastifyStatic from '@fastify/static';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { mkdirSync } from 'node:fs';
import type { Role } from '../../auth/roles.js';
import { startScheduler, type Scheduler } from '../../services/scheduler.js';
import type { Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { WebhookSender } from '../webhook-sender.js';
import { adminApi } from './api.js';
import { newsroomConfig, type NewsroomConfig } from './config.js';
import { contentApi } from './content-api.js';
import { adminUi } from './ui.js';

export type { NewsroomConfig } from './config.js';

export interface RouteRecord {
  method: string;
  url: string;
  role: Role | undefined;
  access: 'public' | undefined;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The newsroom's configuration, the routes registered after it (for tests), its scheduler and its webhooks' sender. */
    newsroom: { config: NewsroomConfig; routes: RouteRecord[]; scheduler: Scheduler | null; webhooks: WebhookSender | null };
  }
}

export interface NewsroomOptions {
  store: Store;
  site: SiteConfig;
  config?: Partial<NewsroomConfig>;
}

/** The CSRF token: a form's `_csrf` field (urlencoded or multipart) or the `x-csrf-token` header. */
function csrfToken(req: FastifyRequest): string | undefined {
  const body = req.body as Record<string, unknown> | undefined;
  const field = body && typeof body === 'object' ? body._csrf : undefined;
  if (typeof field === 'string') return field;
  const header = req.headers['x-csrf-token'];
  return typeof header === 'string' ? header : undefined;
}

export async function registerNewsroom(app: FastifyInstance, { store, site, config: overrides }: NewsroomOptions): Promise<void> {
  const config = newsroomConfig(overrides);
  const routes: RouteRecord[] = [];
  app.addHook('onRoute', (r) => {
    for (const method of [r.method].flat()) {
      routes.push({ method, url: r.url, role: r.config?.role, access: r.config?.access });
    }
  });
  app.decorate('newsroom', { config, routes, scheduler: null, webhooks: null });

  await app.register(async (scope) => {
    await scope.register(cookie);
    await scope.register(formbody);
    await scope.register(multipart, {
      attachFieldsToBody: 'keyValues',
      limits: { fileSize: config.maxUploadBytes, files: 1, fields: 40, fieldSize: 2 * 1024 * 1024 },
    });
    await scope.register(csrf, {
      cookieKey: 'sahifa_csrf',
      cookieOpts: { path: '/', sameSite: 'lax', httpOnly: true, secure: config.secureCookies },
      getToken: csrfToken,
    });
    scope.decorateRequest('actor', null);
    // Article bodies of 500,000 Arabic characters are about a megabyte of UTF-8.
    scope.addHook('onRoute', (r) => {
      r.bodyLimit ??= 4 * 1024 * 1024;
    });

    mkdirSync(config.mediaDir, { recursive: true });
    await scope.register(fastifyStatic, {
      root: config.mediaDir,
      prefix: '/media/',
      decorateReply: false,
      immutable: true,
      maxAge: 365 * 24 * 60 * 60 * 1000,
      index: false,
      list: false,
    });

    await scope.register(async (api) => {
      await api.register(swagger, {
        openapi: {
          openapi: '3.1.0',
          info: {
            title: `${site.name} API`,
            version: '0.1.0',
            description:
              'Admin API (/api/admin: session cookie with the x-csrf-token header on writes, or Authorization: Bearer sk_...) and Content API (/api/content). Errors: {error, message, message_ar, field?}.',
          },
          components: {
            securitySchemes: {
              session: { type: 'apiKey', in: 'cookie', name: 'sahifa_session' },
              csrf: { type: 'apiKey', in: 'header', name: 'x-csrf-token' },
              apiKey: { type: 'http', scheme: 'bearer', description: 'An API key, sk_…' },
              contentKey: { type: 'http', scheme: 'bearer', description: 'SAHIFA_CONTENT_API_KEY' },
            },
          },
        },
      });
      // Served from the package's own files: nothing is fetched at run time.
      await api.register(swaggerUi, { routePrefix: '/api/docs', uiConfig: { deepLinking: false } });
      await api.register(adminApi, { prefix: '/api/admin', store, site, config });
      await api.register(contentApi, { prefix: '/api/content', store, config, timeZone: site.timeZone });
    });

    await scope.register(adminUi, { prefix: '/admin', store, site, config });
  });

  if (config.scheduler) {
    app.addHook('onReady', async () => {
      app.newsroom.scheduler = startScheduler(store, {
        intervalMs: config.schedulerIntervalMs,
        onPublished: (ids) => app.log.info({ ids }, 'published scheduled articles'),
        onError: (e) => app.log.error(e),
      });
    });
    app.addHook('onClose', async () => {
      await app.newsroom.scheduler?.stop();
    });
  }
  if (config.webhooks) {
    app.addHook('onReady', async () => {
      app.newsroom.webhooks = new WebhookSender(store, { baseUrl: site.baseUrl, pollMs: config.webhookPollMs, onError: (e) => app.log.error(e) });
    });
    app.addHook('onClose', async () => {
      await app.newsroom.webhooks?.stop();
    });
  }
}
