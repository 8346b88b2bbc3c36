/**
 * The Admin API (issue #5): `/api/admin/...`, JSON in and out, for the
 * editor's page and for programs. A session cookie (plus the CSRF token on
 * writes) or `Authorization: Bearer sk_...` authenticates; each route names
 * the lowest role it admits (`config.role`) and the workflow checks
 * ownership. Schemas sit beside the routes and feed the OpenAPI document.
 */
import type {} from '@fastify/csrf-protection';
import type {} from '@fastify/multipart';
import type {} from '@fastify/swagger';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { addUser, checkRole, createApiKey, setPassword } from '../../auth/accounts.js';
import { generatePassword } from '../../auth/password.js';
import { atLeast } from '../../auth/roles.js';
import type { Article, ArticleStatus } from '../../content/article.js';
import type { ArticleGenre } from '../../content/genre.js';
import { AppError, forbidden, invalid, notFound } from '../../services/newsroom-errors.js';
import { IMPORT_FORMATS, importUpload, type ImportFormat } from '../../services/import.js';
import { suggestFor } from '../../services/suggest.js';
import { draftCopyOf } from '../../related/suggest.js';
import { linkRulesView } from '../../services/link-rules.js';
import { checkTagDescription, describeTag, mergeTags, renameTag } from '../../services/tags.js';
import { EMPTY_PROFILE, saveAuthorProfile, type ProfileFields } from '../../services/authors.js';
import { profileJson } from './profile-json.js';
import * as workflow from '../../services/workflow.js';
import type { AdminDesk, MediaRecord, User } from '../../store/newsroom.js';
import type { Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { checkAlt, deleteUpload, mediaUrl, saveUpload, srcsetOf } from '../../media/images.js';
import { authorUrl, bylineOf } from '../urls.js';
import type { NewsroomConfig } from './config.js';
import { SAFE_METHODS, actorOf, exportRoute, requireRole, routeError, sendExport, sendJsonError } from './http.js';
import { renderPreview } from './preview.js';
import * as S from './schemas.js';
import { articleJson } from './article-json.js';
import { webhooksApi } from './webhooks-api.js';
import { previewLinksApi } from './preview-links-api.js';
import { notesApi } from './notes-api.js';
import { trashApi } from './trash-api.js';

export interface AdminApiOptions {
  store: Store;
  site: SiteConfig;
  config: NewsroomConfig;
}

export function mediaJson(m: MediaRecord) {
  return {
    id: m.id,
    alt: m.alt,
    width: m.width,
    height: m.height,
    format: m.format,
    url: mediaUrl(m.original.file),
    srcset: srcsetOf(m.webp),
    createdAt: m.createdAt,
  };
}

const userJson = (u: User) => ({ id: u.id, email: u.email, name: u.name, role: u.role, createdAt: u.createdAt });

type Id = S.IdRoute;

export const adminApi: FastifyPluginAsync<AdminApiOptions> = async (app, { store, site, config }) => {
  app.addHook('onRequest', requireRole(store));
  // Writes with a session cookie need the CSRF token (header x-csrf-token); API keys are not sent by browsers on their own.
  app.addHook('preValidation', (req, reply, done) => {
    if (req.actor?.via === 'session' && !SAFE_METHODS.has(req.method)) return app.csrfProtection(req, reply, done);
    done();
  });
  app.setErrorHandler((err, req, reply) => {
    const error = routeError(err, req, config);
    if (error.status >= 500) req.log.error(err);
    return sendJsonError(reply, error);
  });
  app.setNotFoundHandler((_req, reply) => sendJsonError(reply, notFound('route', 'غير موجود')));

  const tag = (name: string) => ({ tags: [name], security: S.ADMIN_SECURITY });
  /** One article as the API gives it alone: with the editors' pinned and blocked links. */
  const withRules = async (a: Article) => ({ ...articleJson(a), linkRules: await linkRulesView(store, a.id) });
  /** One article's response, tagged with its version (workflow.editVersion): a PATCH that sends it back in If-Match writes over nobody's change. */
  const versioned = async (reply: FastifyReply, a: Article) => {
    reply.header('etag', `"v${workflow.editVersion(a)}"`);
    return withRules(a);
  };
  const load = async (id: number) => {
    const a = await store.getArticleById(id);
    if (!a) throw notFound();
    return a;
  };

  // --- Who am I ---
  app.get('/me', {
    config: { role: 'contributor' },
    schema: { ...tag('account'), summary: 'The acting account', response: { 200: { type: 'object', properties: { ...S.UserSchema.properties, via: { type: 'string' } } }, ...S.errors(401) } },
  }, async (req) => {
    const actor = actorOf(req);
    const user = await store.newsroom.getUser(actor.userId);
    return { ...userJson(user!), role: actor.role, via: actor.via };
  });

  // --- Articles ---
  app.get<{ Querystring: { status?: ArticleStatus; tag?: string; author?: string; byline?: string; q?: string; desk?: AdminDesk; genre?: ArticleGenre; page: number; limit: number } }>('/articles', {
    config: { role: 'contributor' },
    schema: {
      ...tag('articles'),
      summary: 'Articles of every status, newest change first, with filters',
      querystring: S.ListQuery,
      response: {
        200: { type: 'object', properties: { total: { type: 'integer' }, page: { type: 'integer' }, limit: { type: 'integer' }, articles: { type: 'array', items: { type: 'object', additionalProperties: true } } } },
        ...S.errors(400, 401),
      },
    },
  }, async (req) => {
    const { status, tag: t, author, byline, q, desk, genre, page, limit } = req.query;
    const ownerId = author === 'me' ? actorOf(req).userId : author ? Number(author) : undefined;
    const result = await store.newsroom.listAdmin({
      page,
      limit,
      ...(status ? { status } : {}),
      ...(t ? { tag: t } : {}),
      ...(q ? { q } : {}),
      ...(ownerId ? { ownerId } : {}),
      ...(byline ? { byline } : {}),
      ...(desk ? { desk } : {}),
      ...(genre ? { genre } : {}),
    });
    return { ...result, page, limit };
  });

  app.post<{ Body: Omit<workflow.ArticleDraft, 'description' | 'tags'> & { description?: string; tags?: string[]; status?: 'draft' | 'submitted' | 'published' | 'scheduled'; publishAt?: string } }>('/articles', {
    config: { role: 'contributor' },
    schema: { ...tag('articles'), summary: 'Create an article (a draft unless a status is given)', body: S.CreateArticleBody, response: { 201: S.AdminArticleSchema, ...S.errors(400, 401, 403, 409) } },
  }, async (req, reply) => {
    const { status, publishAt, ...draft } = req.body;
    const article = await workflow.createArticle(store, actorOf(req), { ...draft, description: draft.description ?? '', tags: draft.tags ?? [] }, { ...(status ? { status } : {}), ...(publishAt ? { publishAt } : {}) });
    return reply.code(201).send(await withRules(article));
  });

  app.get<Id>('/articles/:id', {
    config: { role: 'contributor' },
    schema: { ...tag('articles'), summary: 'One article, any status', params: S.IdParams, response: { 200: S.AdminArticleSchema, ...S.errors(401, 404) } },
  }, async (req, reply) => versioned(reply, await load(req.params.id)));

  app.patch<Id & { Body: Partial<workflow.ArticleDraft> }>('/articles/:id', {
    config: { role: 'contributor' },
    schema: {
      ...tag('articles'),
      summary: 'Change an article’s fields (its status stays). With If-Match (the ETag of a GET or an earlier PATCH), only if nobody saved it since: else 412',
      params: S.IdParams,
      body: S.UpdateArticleBody,
      response: { 200: S.AdminArticleSchema, ...S.errors(400, 401, 403, 404, 409, 412) },
    },
  }, async (req, reply) => {
    const ifMatch = req.headers['if-match']?.trim();
    // A tag that is not one of ours names no version, and fails as it should.
    const expectedVersion = ifMatch === undefined || ifMatch === '*' ? undefined : (/^(?:W\/)?"v([\w-]+)"$/.exec(ifMatch)?.[1] ?? '');
    try {
      return await versioned(reply, await workflow.updateArticle(store, actorOf(req), req.params.id, req.body, expectedVersion === undefined ? {} : { expectedVersion }));
    } catch (e) {
      if (e instanceof AppError && e.code === 'edit_conflict') {
        throw new AppError(412, 'precondition_failed', 'If-Match: the article was saved since that version; GET it again', 'حُفظ الخبر بعد هذه النسخة؛ اطلبه من جديد ثم عدّل');
      }
      throw e;
    }
  });

  app.delete<Id>('/articles/:id', {
    config: { role: 'author' },
    schema: { ...tag('articles'), summary: 'Delete an article (authors: their own)', params: S.IdParams, response: { 204: { type: 'null' }, ...S.errors(401, 403, 404) } },
  }, async (req, reply) => {
    await workflow.deleteArticle(store, actorOf(req), req.params.id);
    return reply.code(204).send();
  });

  const action = (name: workflow.Action, role: 'contributor' | 'author', summary: string) =>
    app.post<Id & { Body: { publishAt?: string } }>(`/articles/:id/${name}`, {
      config: { role },
      schema: {
        ...tag('workflow'),
        summary,
        params: S.IdParams,
        ...(name === 'schedule' ? { body: S.ScheduleBody } : {}),
        response: { 200: S.AdminArticleSchema, ...S.errors(400, 401, 403, 404, 409) },
      },
    }, async (req) => articleJson(await workflow.transition(store, actorOf(req), req.params.id, name, req.body?.publishAt)));
  action('submit', 'contributor', 'Submit for review');
  action('publish', 'author', 'Publish now (authors: their own)');
  action('schedule', 'author', 'Publish at a future time');
  action('unpublish', 'author', 'Take off the site');

  app.post<Id & { Body: { text: string } }>('/articles/:id/corrections', {
    config: { role: 'contributor' },
    schema: {
      ...tag('workflow'),
      summary: 'Publish a correction under a published article, dated now (whoever may edit it; corrections are only added, never edited away)',
      params: S.IdParams,
      body: S.CorrectionBody,
      response: { 201: S.AdminArticleSchema, ...S.errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(articleJson(await workflow.addCorrection(store, actorOf(req), req.params.id, req.body.text))));

  // --- Live coverage: updates are posted, mended and taken down one at a time (several reporters post to one story). ---
  type UpdateId = { Params: { id: number; updateId: number } };
  app.post<Id & { Body: { text: string; key?: boolean } }>('/articles/:id/live-updates', {
    config: { role: 'contributor' },
    schema: {
      ...tag('workflow'),
      summary: 'Post an update to a live story, dated now (the first starts its live coverage; whoever may edit it)',
      params: S.IdParams,
      body: S.LiveUpdateBody,
      response: { 201: S.AdminArticleSchema, ...S.errors(400, 401, 403, 404, 409) },
    },
  }, async (req, reply) => reply.code(201).send(articleJson(await workflow.addLiveUpdate(store, actorOf(req), req.params.id, req.body.text, req.body))));
  app.patch<UpdateId & { Body: { text?: string; key?: boolean } }>('/articles/:id/live-updates/:updateId', {
    config: { role: 'contributor' },
    schema: {
      ...tag('workflow'),
      summary: 'Mend an update’s text, or mark it a key development or not; it keeps its number and time',
      params: S.LiveUpdateParams,
      body: S.LiveUpdateChange,
      response: { 200: S.AdminArticleSchema, ...S.errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => articleJson(await workflow.editLiveUpdate(store, actorOf(req), req.params.id, req.params.updateId, req.body)));
  app.delete<UpdateId>('/articles/:id/live-updates/:updateId', {
    config: { role: 'contributor' },
    schema: {
      ...tag('workflow'),
      summary: 'Take an update down',
      params: S.LiveUpdateParams,
      response: { 200: S.AdminArticleSchema, ...S.errors(401, 403, 404, 409) },
    },
  }, async (req) => articleJson(await workflow.removeLiveUpdate(store, actorOf(req), req.params.id, req.params.updateId)));

  // --- Revisions ---
  const RevisionSchema = {
    type: 'object',
    properties: { id: { type: 'integer' }, createdAt: { type: 'string' }, userId: { type: ['integer', 'null'] }, userName: { type: ['string', 'null'] }, snapshot: { type: 'object', additionalProperties: true } },
  } as const;
  app.get<Id>('/articles/:id/revisions', {
    config: { role: 'editor' },
    schema: { ...tag('revisions'), summary: 'Every saved version, newest first', params: S.IdParams, response: { 200: { type: 'array', items: RevisionSchema }, ...S.errors(401, 403, 404) } },
  }, async (req) => {
    await load(req.params.id);
    return store.newsroom.listRevisions(req.params.id);
  });
  const RevParams = { type: 'object', required: ['id', 'rev'], properties: { id: { type: 'integer', minimum: 1 }, rev: { type: 'integer', minimum: 1 } } } as const;
  app.get<{ Params: { id: number; rev: number } }>('/articles/:id/revisions/:rev', {
    config: { role: 'editor' },
    schema: { ...tag('revisions'), summary: 'One saved version', params: RevParams, response: { 200: RevisionSchema, ...S.errors(401, 403, 404) } },
  }, async (req) => {
    const rev = await store.newsroom.getRevision(req.params.id, req.params.rev);
    if (!rev) throw notFound('revision', 'لم نجد هذه النسخة');
    return rev;
  });
  app.post<{ Params: { id: number; rev: number } }>('/articles/:id/revisions/:rev/restore', {
    config: { role: 'editor' },
    schema: { ...tag('revisions'), summary: 'Bring back a version’s words (status and URL stay)', params: RevParams, response: { 200: S.AdminArticleSchema, ...S.errors(401, 403, 404) } },
  }, async (req) => articleJson(await workflow.restoreRevision(store, actorOf(req), req.params.id, req.params.rev)));

  /** A near-duplicate warning must not cost the editor the preview. */
  const copyOf = async (draft: { id?: number | null; title: string; description?: string; body: string }) => {
    try {
      return await draftCopyOf(store, { title: draft.title, description: draft.description ?? '', body: draft.body, ...(draft.id ? { id: draft.id } : {}) });
    } catch {
      return null;
    }
  };

  // --- Writing aids ---
  app.post<{ Body: { id?: number | null; title: string; description?: string; tags?: string[]; body: string; author?: string; coAuthors?: string[]; featureImage?: number | null; genre?: ArticleGenre; sponsor?: string; publishedAt?: string | null } }>('/preview', {
    config: { role: 'contributor' },
    schema: {
      ...tag('editor'),
      summary: 'The article page as readers would see it, for a draft, with the links a save would pick; and the stored article it copies, if any',
      body: S.PreviewBody,
      response: { 200: S.PreviewSchema, ...S.errors(400, 401) },
    },
  }, async (req) => ({ html: await renderPreview(store, site, req.body), copyOf: await copyOf(req.body) }));

  app.post<{ Body: { id?: number; title: string; description?: string; body: string; tags?: string[]; publishedAt?: string | null } }>('/suggest', {
    config: { role: 'contributor' },
    schema: {
      ...tag('editor'),
      summary: 'A suggested description, hashtags, and the links a save would pick, for a draft',
      body: S.SuggestBody,
      response: { 200: S.SuggestionsSchema, ...S.errors(400, 401) },
    },
  }, async (req) => suggestFor(store, req.body));

  // --- Tags ---
  app.get<{ Querystring: { q?: string; limit: number } }>('/tags', {
    config: { role: 'contributor' },
    schema: {
      ...tag('tags'),
      summary: 'Tags of articles of any status, most used first; q matches the start of a name',
      querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 100 }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 50 } } },
      response: { 200: { type: 'array', items: S.TagSchema }, ...S.errors(400, 401) },
    },
  }, async (req) => store.newsroom.listAllTags(req.query.q, req.query.limit));

  app.patch<Id & { Body: { name?: string; description?: string } }>('/tags/:id', {
    config: { role: 'editor' },
    schema: {
      ...tag('tags'),
      summary: 'Rename a tag, or set what its page says under its heading (description, "" for none)',
      params: S.IdParams,
      body: {
        type: 'object',
        minProperties: 1,
        additionalProperties: false,
        properties: { name: { type: 'string', minLength: 1, maxLength: 60 }, description: { type: 'string', maxLength: 2000 } },
      },
      response: { 200: S.TagSchema, ...S.errors(400, 401, 403, 404, 409) },
    },
  }, async (req) => {
    const { name, description } = req.body;
    // Both checked before either is written: a refused description or name leaves the tag as it was.
    if (description !== undefined) checkTagDescription(description);
    let result = name !== undefined ? await renameTag(store, req.params.id, name) : null;
    if (description !== undefined) result = await describeTag(store, req.params.id, description);
    return result!;
  });

  app.post<Id & { Body: { into: number } }>('/tags/:id/merge', {
    config: { role: 'editor' },
    schema: {
      ...tag('tags'),
      summary: 'Merge a tag into another: its articles take the other (an article with both keeps one), it is deleted, and its address redirects to the other',
      params: S.IdParams,
      body: { type: 'object', required: ['into'], additionalProperties: false, properties: { into: { type: 'integer', minimum: 1 } } },
      response: { 200: S.TagSchema, ...S.errors(400, 401, 403, 404) },
    },
  }, async (req) => mergeTags(store, req.params.id, req.body.into));

  // --- Author profiles (content/authors.ts); services/authors.ts lets editors write any, others their own ---
  const NameParams = { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 200 } } } as const;

  app.get<{ Querystring: { q?: string; limit: number } }>('/authors', {
    config: { role: 'contributor' },
    schema: {
      ...tag('authors'),
      summary: 'Bylines of articles of any status, and those with a profile, most used first; q matches the start of a name',
      querystring: { type: 'object', properties: { q: { type: 'string', maxLength: 100 }, limit: { type: 'integer', minimum: 1, maximum: 500, default: 200 } } },
      response: { 200: { type: 'array', items: S.AdminBylineSchema }, ...S.errors(400, 401) },
    },
  }, async (req) => (await store.newsroom.listBylines(req.query.q, req.query.limit)).map((b) => ({ name: b.byline, count: b.count, jobTitle: b.jobTitle, url: authorUrl(b.byline) })));

  app.get<{ Params: { name: string } }>('/authors/:name', {
    config: { role: 'contributor' },
    schema: { ...tag('authors'), summary: "A byline's profile (the name in any spelling; _ for spaces, as in its page's address)", params: NameParams, response: { 200: S.AuthorProfileSchema, ...S.errors(401, 404) } },
  }, async (req) => {
    const profile = await store.newsroom.authorProfile(bylineOf(req.params.name));
    if (!profile) throw notFound('author profile', 'لا يوجد ملف لهذا الكاتب');
    return profileJson(profile.byline, profile);
  });

  app.patch<{ Params: { name: string }; Body: Omit<ProfileFields, 'imageId'> & { image?: number | null } }>('/authors/:name', {
    config: { role: 'contributor' },
    schema: {
      ...tag('authors'),
      summary: "Write a byline's profile (editors: anyone's; others: their own name's). Fields left out keep their value; a profile emptied of everything is removed (204).",
      params: NameParams,
      body: {
        type: 'object',
        minProperties: 1,
        additionalProperties: false,
        properties: {
          jobTitle: { type: 'string', maxLength: 1000 },
          bio: { type: 'string', maxLength: 10000 },
          links: { type: 'array', maxItems: 20, items: { type: 'string', maxLength: 2000 } },
          image: { type: ['integer', 'null'], minimum: 1, description: 'An upload of the media library (POST /media), or null for none' },
        },
      },
      response: { 200: S.AuthorProfileSchema, 204: { type: 'null' }, ...S.errors(400, 401, 403, 404) },
    },
  }, async (req, reply) => {
    const { image, ...fields } = req.body;
    const saved = await saveAuthorProfile(store, actorOf(req), bylineOf(req.params.name), { ...fields, ...(image !== undefined ? { imageId: image } : {}) });
    return saved ? profileJson(saved.byline, saved) : reply.code(204).send();
  });

  app.delete<{ Params: { name: string } }>('/authors/:name', {
    config: { role: 'contributor' },
    schema: { ...tag('authors'), summary: "Remove a byline's profile (its page and stories stay)", params: NameParams, response: { 204: { type: 'null' }, ...S.errors(401, 403) } },
  }, async (req, reply) => {
    await saveAuthorProfile(store, actorOf(req), bylineOf(req.params.name), EMPTY_PROFILE);
    return reply.code(204).send();
  });

  // --- Media ---
  app.get<{ Querystring: { limit: number } }>('/media', {
    config: { role: 'contributor' },
    schema: { ...tag('media'), summary: 'Uploaded images, newest first', querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 200, default: 50 } } }, response: { 200: { type: 'array', items: S.ImageSchema }, ...S.errors(401) } },
  }, async (req) => (await store.newsroom.listMedia(req.query.limit)).map(mediaJson));

  app.post('/media', {
    config: { role: 'contributor' },
    schema: {
      ...tag('media'),
      summary: 'Upload an image (multipart/form-data: file, alt). JPEG, PNG or WebP, checked from the bytes; alt text is required.',
      consumes: ['multipart/form-data'],
      response: { 201: S.ImageSchema, ...S.errors(400, 401, 413, 415) },
    },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send multipart/form-data with file and alt', 'أرسل الصورة بصيغة multipart/form-data');
    const body = (req.body ?? {}) as { file?: unknown; alt?: unknown };
    if (!Buffer.isBuffer(body.file)) throw invalid('file', 'is required', 'اختر صورة لرفعها');
    const media = await saveUpload(store, { dir: config.mediaDir, maxBytes: config.maxUploadBytes }, { bytes: body.file, alt: body.alt, userId: actorOf(req).userId });
    return reply.code(201).send(mediaJson(media));
  });

  app.get('/export', {
    config: { role: 'owner' },
    schema: {
      ...tag('import'),
      summary: 'Every article, any status, as JSON lines (application/x-ndjson) that POST /import and `sahifa import` read back whole (the body as Markdown). Owners.',
      produces: ['application/x-ndjson'],
      response: S.errors(401, 403),
    },
  }, async (_req, reply) => sendExport(reply, store));

  app.post('/import', {
    ...exportRoute(config),
    schema: {
      ...tag('import'),
      summary:
        'Import an export (multipart/form-data: file; optional format wordpress|ghost|jsonl|text, else told from the content; skip_duplicates=on). All or nothing; importing the same export again updates its articles. 422 when the file was refused.',
      consumes: ['multipart/form-data'],
      response: { 200: S.ImportReportSchema, 422: S.ImportReportSchema, ...S.errors(400, 401, 403, 413, 415) },
    },
  }, async (req, reply) => {
    if (!req.isMultipart()) throw new AppError(415, 'unsupported_media_type', 'Send multipart/form-data with the file', 'أرسل الملف بصيغة multipart/form-data');
    const body = (req.body ?? {}) as { file?: unknown; format?: unknown; skip_duplicates?: unknown };
    if (!Buffer.isBuffer(body.file) || body.file.length === 0) throw invalid('file', 'is required', 'اختر ملف التصدير');
    const format = typeof body.format === 'string' && body.format ? body.format : undefined;
    if (format && !(IMPORT_FORMATS as readonly string[]).includes(format)) throw invalid('format', `must be one of ${IMPORT_FORMATS.join(', ')}`, 'صيغة غير معروفة');
    const report = await importUpload(store, 'file', body.file.toString('utf8'), {
      ...(format ? { format: format as ImportFormat } : {}),
      skipDuplicates: body.skip_duplicates === 'on' || body.skip_duplicates === 'true',
    });
    if (report.imported + report.updated > 0) await store.refreshStatistics();
    return reply.code(report.failed ? 422 : 200).send(report);
  });

  app.patch<Id & { Body: { alt: string } }>('/media/:id', {
    config: { role: 'author' },
    schema: {
      ...tag('media'),
      summary: 'Change an image’s alt text',
      params: S.IdParams,
      body: { type: 'object', required: ['alt'], additionalProperties: false, properties: { alt: { type: 'string', maxLength: 300 } } },
      response: { 200: S.ImageSchema, ...S.errors(400, 401, 403, 404) },
    },
  }, async (req) => {
    const media = await store.newsroom.updateMediaAlt(req.params.id, checkAlt(req.body.alt));
    if (!media) throw notFound('image', 'لم نجد هذه الصورة');
    return mediaJson(media);
  });

  app.delete<Id>('/media/:id', {
    config: { role: 'editor' },
    schema: {
      ...tag('media'),
      summary: 'Delete an image and its files (articles using it lose their feature image). 409 while an article\'s body shows it.',
      params: S.IdParams,
      response: { 204: { type: 'null' }, ...S.errors(401, 403, 404, 409) },
    },
  }, async (req, reply) => {
    await deleteUpload(store, req.params.id, config.mediaDir);
    return reply.code(204).send();
  });

  // --- Accounts (owner) ---
  app.get('/users', {
    config: { role: 'owner' },
    schema: { ...tag('users'), summary: 'Accounts', response: { 200: { type: 'array', items: S.UserSchema }, ...S.errors(401, 403) } },
  }, async () => (await store.newsroom.listUsers()).map(userJson));

  app.post<{ Body: { email: string; name?: string; role: string; password?: string } }>('/users', {
    config: { role: 'owner' },
    schema: {
      ...tag('users'),
      summary: 'Add an account; without a password one is generated and returned once',
      body: S.CreateUserBody,
      response: { 201: { type: 'object', properties: { ...S.UserSchema.properties, password: { type: 'string' } } }, ...S.errors(400, 401, 403, 409) },
    },
  }, async (req, reply) => {
    const generated = req.body.password ? undefined : generatePassword();
    const user = await addUser(store, { ...req.body, password: req.body.password ?? generated! });
    return reply.code(201).send({ ...userJson(user), ...(generated ? { password: generated } : {}) });
  });

  const lastOwner = async (id: number) => {
    const owners = (await store.newsroom.listUsers()).filter((u) => u.role === 'owner');
    return owners.length === 1 && owners[0]!.id === id;
  };

  app.patch<Id & { Body: { name?: string; role?: string; password?: string } }>('/users/:id', {
    config: { role: 'owner' },
    schema: { ...tag('users'), summary: 'Change an account’s name, role or password', params: S.IdParams, body: S.UpdateUserBody, response: { 200: S.UserSchema, ...S.errors(400, 401, 403, 404) } },
  }, async (req) => {
    const user = await store.newsroom.getUser(req.params.id);
    if (!user) throw notFound('account', 'لم نجد هذا الحساب');
    const { name, role, password } = req.body;
    if (role !== undefined && role !== 'owner' && (await lastOwner(user.id))) {
      throw new AppError(409, 'last_owner', 'The last owner cannot be demoted', 'لا يمكن تغيير دور المالك الأخير', 'role');
    }
    if (password !== undefined) await setPassword(store, user.id, password);
    const updated = await store.newsroom.updateUser(user.id, { ...(name !== undefined ? { name: name.trim() } : {}), ...(role !== undefined ? { role: checkRole(role) } : {}) });
    return userJson(updated!);
  });

  app.delete<Id>('/users/:id', {
    config: { role: 'owner' },
    schema: { ...tag('users'), summary: 'Remove an account (its articles stay)', params: S.IdParams, response: { 204: { type: 'null' }, ...S.errors(401, 403, 404, 409) } },
  }, async (req, reply) => {
    if (req.params.id === actorOf(req).userId) throw new AppError(409, 'self_delete', 'You cannot remove your own account', 'لا يمكنك حذف حسابك', 'id');
    if (!(await store.newsroom.deleteUser(req.params.id))) throw notFound('account', 'لم نجد هذا الحساب');
    return reply.code(204).send();
  });

  // --- API keys (owner) ---
  app.get('/keys', {
    config: { role: 'owner' },
    schema: { ...tag('keys'), summary: 'API keys (never the keys themselves)', response: { 200: { type: 'array', items: S.KeySchema }, ...S.errors(401, 403) } },
  }, async () => store.newsroom.listApiKeys());

  app.post<{ Body: { name: string; role: string } }>('/keys', {
    config: { role: 'owner' },
    schema: {
      ...tag('keys'),
      summary: 'Make an API key: the key is in this answer only',
      body: S.CreateKeyBody,
      response: { 201: { type: 'object', properties: { ...S.KeySchema.properties, key: { type: 'string' } } }, ...S.errors(400, 401, 403) },
    },
  }, async (req, reply) => {
    const maker = await store.newsroom.getUser(actorOf(req).userId);
    const { key, info } = await createApiKey(store, maker!, req.body.name, req.body.role);
    return reply.code(201).send({ ...info, key });
  });

  app.delete<Id>('/keys/:id', {
    config: { role: 'owner' },
    schema: { ...tag('keys'), summary: 'Revoke an API key, at once', params: S.IdParams, response: { 204: { type: 'null' }, ...S.errors(401, 403, 404) } },
  }, async (req, reply) => {
    if (!(await store.newsroom.revokeApiKey(req.params.id, new Date().toISOString()))) throw notFound('key', 'لم نجد هذا المفتاح');
    return reply.code(204).send();
  });

  // --- Webhooks (owner) ---
  await app.register(webhooksApi, { store });

  // --- Preview links of unpublished stories (whoever may edit them) ---
  await app.register(previewLinksApi, { store, site });

  // --- The newsroom's notes on a story, and sending one back to its writer ---
  await app.register(notesApi, { store });

  // --- Deleted stories, kept 30 days ---
  await app.register(trashApi, { store });
};

/** For tests and docs: does an actor of this role pass a route's role? */
export const admits = (routeRole: Parameters<typeof atLeast>[1], role: Parameters<typeof atLeast>[0]) => atLeast(role, routeRole);
export type { FastifyRequest };
export { forbidden };
