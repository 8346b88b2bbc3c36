/**
 * The Admin API's preview links of an unpublished story
 * (`/api/admin/articles/:id/preview-links`), for whoever may edit it.
 * Registered inside the Admin API, whose hooks (role, CSRF, errors) it keeps.
 */
import type { FastifyPluginAsync } from 'fastify';
import { PREVIEW_HOURS, PREVIEW_HOURS_MAX, previewLinksOf, revokePreviews, sharePreview } from '../../services/preview-links.js';
import type { Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { actorOf } from './http.js';
import * as S from './schemas.js';

const common = { tags: ['workflow'], security: S.ADMIN_SECURITY };
const LinkSchema = { type: 'object', properties: { createdAt: { type: 'string' }, expiresAt: { type: 'string' }, createdBy: { type: ['integer', 'null'] } } } as const;

type Id = S.IdRoute;

export const previewLinksApi: FastifyPluginAsync<{ store: Store; site: SiteConfig }> = async (app, { store, site }) => {
  app.post<Id & { Body: { hours?: number } | undefined }>('/articles/:id/preview-links', {
    config: { role: 'contributor' },
    schema: {
      ...common,
      summary: 'A secret link that shows the unpublished story as readers will see it, until it expires; in this answer only',
      params: S.IdParams,
      body: { type: ['object', 'null'], additionalProperties: false, properties: { hours: { type: 'integer', minimum: 1, maximum: PREVIEW_HOURS_MAX, default: PREVIEW_HOURS } } },
      response: { 201: { type: 'object', properties: { url: { type: 'string' }, expiresAt: { type: 'string' } } }, ...S.errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    const { token, expiresAt } = await sharePreview(store, actorOf(req), req.params.id, req.body?.hours ?? PREVIEW_HOURS);
    return reply.code(201).send({ url: `${site.baseUrl}/preview/${token}`, expiresAt });
  });

  app.get<Id>('/articles/:id/preview-links', {
    config: { role: 'contributor' },
    schema: { ...common, summary: "The story's preview links still open (never their addresses)", params: S.IdParams, response: { 200: { type: 'array', items: LinkSchema }, ...S.errors(401, 403, 404) } },
  }, async (req) => previewLinksOf(store, actorOf(req), req.params.id));

  app.delete<Id>('/articles/:id/preview-links', {
    config: { role: 'contributor' },
    schema: { ...common, summary: "Ends every preview link of the story, at once", params: S.IdParams, response: { 200: { type: 'object', properties: { revoked: { type: 'integer' } } }, ...S.errors(401, 403, 404) } },
  }, async (req) => ({ revoked: await revokePreviews(store, actorOf(req), req.params.id) }));
};
