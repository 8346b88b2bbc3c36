/**
 * The Admin API's notes on a story (`/api/admin/articles/:id/notes`) and
 * sending a submitted story back to its writer (`…/return`, editors).
 * Registered inside the Admin API, whose hooks (role, CSRF, errors) it keeps.
 */
import type { FastifyPluginAsync } from 'fastify';
import { addNote, NOTE_MAX, returnToWriter } from '../../services/notes.js';
import { notFound } from '../../services/newsroom-errors.js';
import type { ArticleNote } from '../../store/article-notes.js';
import type { Store } from '../../store/store.js';
import { articleJson } from './article-json.js';
import { actorOf } from './http.js';
import * as S from './schemas.js';

const common = { tags: ['workflow'], security: S.ADMIN_SECURITY };
const NoteSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    kind: { type: 'string', enum: ['note', 'returned'], description: "'returned': the note an editor sent the story back with" },
    text: { type: 'string' },
    userId: { type: ['integer', 'null'] },
    userName: { type: ['string', 'null'] },
    createdAt: { type: 'string' },
  },
} as const;
const TextBody = { type: 'object', required: ['text'], additionalProperties: false, properties: { text: { type: 'string', minLength: 1, maxLength: NOTE_MAX * 2 } } } as const;

type Id = S.IdRoute;
const noteJson = ({ articleId: _article, ...n }: ArticleNote) => n;

export const notesApi: FastifyPluginAsync<{ store: Store }> = async (app, { store }) => {
  app.get<Id>('/articles/:id/notes', {
    config: { role: 'contributor' },
    schema: { ...common, summary: "The newsroom's notes on a story, oldest first (never shown to readers)", params: S.IdParams, response: { 200: { type: 'array', items: NoteSchema }, ...S.errors(401, 404) } },
  }, async (req) => {
    if (!(await store.getArticleById(req.params.id))) throw notFound();
    return (await store.notes.list(req.params.id)).map(noteJson);
  });

  app.post<Id & { Body: { text: string } }>('/articles/:id/notes', {
    config: { role: 'contributor' },
    schema: { ...common, summary: 'Write a note on a story (whoever may edit it)', params: S.IdParams, body: TextBody, response: { 201: NoteSchema, ...S.errors(400, 401, 403, 404) } },
  }, async (req, reply) => reply.code(201).send(noteJson(await addNote(store, actorOf(req), req.params.id, req.body.text))));

  app.post<Id & { Body: { text: string } }>('/articles/:id/return', {
    config: { role: 'editor' },
    schema: {
      ...common,
      summary: 'Send a submitted story back to its writer as a draft, with a note that says why',
      params: S.IdParams,
      body: TextBody,
      response: { 200: { type: 'object', properties: { article: S.AdminArticleSchema, note: NoteSchema } }, ...S.errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const { article, note } = await returnToWriter(store, actorOf(req), req.params.id, req.body.text);
    return { article: articleJson(article), note: noteJson(note) };
  });
};
