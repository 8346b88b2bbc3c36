/**
 * The Admin API's trash (`/api/admin/trash`): deleted stories kept 30 days,
 * brought back as drafts by whoever could have deleted them.
 * Registered inside the Admin API, whose hooks (role, CSRF, errors) it keeps.
 */
import type { FastifyPluginAsync } from 'fastify';
import { emptyFromTrash, restoreFromTrash, trashFor } from '../../services/trash.js';
import type { Store } from '../../store/store.js';
import { articleJson } from './article-json.js';
import { actorOf } from './http.js';
import * as S from './schemas.js';

const common = { tags: ['workflow'], security: S.ADMIN_SECURITY };
const EntrySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    articleId: { type: 'integer', description: "The story's id when it was deleted" },
    title: { type: 'string' },
    slug: { type: 'string' },
    status: { type: 'string' },
    ownerId: { type: ['integer', 'null'] },
    deletedBy: { type: ['integer', 'null'] },
    deletedByName: { type: ['string', 'null'] },
    deletedAt: { type: 'string' },
  },
} as const;

type Id = S.IdRoute;

export const trashApi: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get('/trash', {
    config: { role: 'author' },
    schema: { ...common, summary: 'Deleted stories you may bring back, newest first (kept 30 days)', response: { 200: { type: 'array', items: EntrySchema }, ...S.errors(401, 403) } },
  }, async (req) => trashFor(store, actorOf(req)));

  app.post<Id>('/trash/:id/restore', {
    config: { role: 'author' },
    schema: { ...common, summary: 'Bring a deleted story back, as a draft (a new id; its old address if still free)', params: S.IdParams, response: { 200: S.AdminArticleSchema, ...S.errors(401, 403, 404) } },
  }, async (req) => articleJson(await restoreFromTrash(store, actorOf(req), req.params.id)));

  app.delete<Id>('/trash/:id', {
    config: { role: 'editor' },
    schema: { ...common, summary: 'Delete a story for good, before its 30 days', params: S.IdParams, response: { 204: { type: 'null' }, ...S.errors(401, 403, 404) } },
  }, async (req, reply) => {
    await emptyFromTrash(store, actorOf(req), req.params.id);
    return reply.code(204).send();
  });
};
