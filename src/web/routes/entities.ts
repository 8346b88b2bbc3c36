/**
 * /entities/:name — the public articles that name one gazetteer entity
 * (src/related/gazetteer.ts), newest first. Any spelling or alias finds
 * the entity (/entities/ترمب); the page lives at its display name, with _
 * for spaces, and other spellings are redirected there.
 */
import type { FastifyPluginAsync } from 'fastify';
import { lookupEntity } from '../../related/entities.js';
import type { Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { listPage, notFoundPage } from '../pages/list.js';

export interface EntityRoutesOptions {
  store: Store;
  site: SiteConfig;
}

export const entityUrl = (name: string): string => `/entities/${encodeURIComponent(name.replace(/ /g, '_'))}`;

const pageQuery = {
  type: 'object',
  properties: { page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 } },
} as const;

export const entityRoutes: FastifyPluginAsync<EntityRoutesOptions> = async (app, { store, site }) => {
  app.get<{ Params: { name: string }; Querystring: { page: number } }>(
    '/entities/:name',
    { schema: { querystring: pageQuery } },
    async (req, reply) => {
      const entity = lookupEntity(req.params.name);
      const { page } = req.query;
      const list = entity ? await store.listArticles({ page, limit: site.pageSize, entity: entity.name }) : { total: 0, articles: [] };
      if (!entity || list.total === 0) {
        return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(site, 'لا توجد أخبار عن هذا الاسم.').value);
      }
      const base = entityUrl(entity.name);
      if (req.params.name !== entity.name.replace(/ /g, '_')) return reply.redirect(page > 1 ? `${base}?page=${page}` : base, 301);
      reply.header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
      return listPage({ heading: entity.name, base, page, pageSize: site.pageSize, total: list.total, articles: list.articles }, site).value;
    },
  );
};
