/**
 * The editor's routes (issue #5), under /admin: sign-in, the first owner's
 * setup, the article list, the editor (a plain form that works without
 * script, multipart so the feature image travels with it), revisions,
 * accounts, API keys, webhooks and importing an export. Writes need the CSRF token;
 * pages need an account.
 */
import type {} from '@fastify/csrf-protection';
import type {} from '@fastify/multipart';
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { addUser, authenticate, checkRole, createApiKey, createFirstOwner, setPassword, startSession } from '../../auth/accounts.js';
import { generatePassword } from '../../auth/password.js';
import { LoginLimiter } from '../../auth/rate-limit.js';
import { atLeast, editsAny, type Actor, type Role } from '../../auth/roles.js';
import { hashToken } from '../../auth/tokens.js';
import { ARTICLE_STATUSES, isPublicNow, type Article, type ArticleStatus } from '../../content/article.js';
import { checkAlt, deleteUpload, saveUpload } from '../../media/images.js';
import { AppError, forbidden, notFound } from '../../services/newsroom-errors.js';
import { ADMIN_DESKS } from '../../store/newsroom.js';
import { IMPORT_FORMATS, importUpload, type ImportFormat } from '../../services/import.js';
import { linkRulesView, type LinkRulesView } from '../../services/link-rules.js';
import { describeTag, mergeTags, renameTag, tagNamed } from '../../services/tags.js';
import { checkProfile, EMPTY_PROFILE, mayEditProfile, saveAuthorProfile } from '../../services/authors.js';
import { cleanLine } from '../../content/text-cleanup.js';
import { authorProfilePage, authorsPage, profileValues, type ProfileValues } from './author-pages.js';
import * as workflow from '../../services/workflow.js';
import type { Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import type { NewsroomConfig } from './config.js';
import { SAFE_METHODS, SESSION_COOKIE, exportRoute, resolveActor, routeError, sendExport } from './http.js';
import * as P from './pages.js';
import { renderPreview } from './preview.js';
import { zonedToUtc } from '../zoned.js';
import { bylineOf } from '../urls.js';
import { namesIn } from '../../content/bylines.js';
import { isGenre } from '../../content/genre.js';
import { isWebhookEvent } from '../../content/webhook-events.js';
import { createWebhook, loadWebhook, retryDelivery, rotateWebhookSecret, testWebhook, updateWebhook } from '../../services/webhooks.js';
import { revokePreviews, sharePreview } from '../../services/preview-links.js';
import type { Webhook } from '../../store/webhooks.js';
import { webhookPage, webhooksPage } from './webhooks-pages.js';
import { notesBox, previewLinksBox, returnedBanner } from './editor-boxes.js';
import { trashPage } from './trash-pages.js';
import { emptyFromTrash, restoreFromTrash, trashFor } from '../../services/trash.js';
import { addNote, pendingReturn, returnToWriter } from '../../services/notes.js';
import { html } from '../html.js';

export interface AdminUiOptions {
  store: Store;
  site: SiteConfig;
  config: NewsroomConfig;
}

type Form = Record<string, unknown>;
const str = (v: unknown): string => (typeof v === 'string' ? v : Array.isArray(v) && typeof v[0] === 'string' ? v[0] : '');

/** The editor's "عاجل" choice as the draft's breakingUntil: hours from now, 'off' to end it, anything else as it is. */
function breakingChoice(choice: string): { breakingUntil?: string | null } {
  if (choice === 'off') return { breakingUntil: null };
  const hours = P.BREAKING_HOURS.find(([h]) => String(h) === choice)?.[0];
  return hours ? { breakingUntil: new Date(Date.now() + hours * 3600_000).toISOString() } : {};
}

const FLASH: Record<string, string> = {
  save: 'حُفظ الخبر.',
  submit: 'أُرسل الخبر للمراجعة.',
  publish: 'نُشر الخبر.',
  schedule: 'جُدول الخبر للنشر.',
  unpublish: 'أُلغي نشر الخبر.',
  restore: 'استُعيدت النسخة.',
  'previews-revoked': 'أُلغيت روابط المعاينة.',
  note: 'أُضيفت الملاحظة.',
  restored: 'استُعيد الخبر من المحذوفات مسودةً.',
  returned: 'أُعيد الخبر إلى كاتبه مسودةً مع ملاحظتك.',
};

export const adminUi: FastifyPluginAsync<AdminUiOptions> = async (app, { store, site, config }) => {
  const limiter = new LoginLimiter(config.loginLimits);
  const cookieOptions = { path: '/', httpOnly: true, sameSite: 'lax' as const, secure: config.secureCookies };

  const send = (reply: FastifyReply, page: { value: string }, code = 200) =>
    reply
      .code(code)
      .header('cache-control', 'no-store')
      .header('x-frame-options', 'DENY')
      .header('x-content-type-options', 'nosniff')
      .header('referrer-policy', 'same-origin')
      .header(
        'content-security-policy',
        "default-src 'self'; img-src 'self' blob: data:; script-src 'self'; style-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'",
      )
      .type('text/html; charset=utf-8')
      .send(page.value);

  const ctx = (req: FastifyRequest, reply: FastifyReply, title: string, extra: { flash?: string; error?: string } = {}): P.PageContext => ({
    site,
    actor: req.actor,
    csrf: reply.generateCsrf(),
    title,
    ...extra,
  });

  // Who is asking: pages need an account (else the sign-in page), and the route's role.
  app.addHook('onRequest', async (req, reply) => {
    if (req.routeOptions.config?.access === 'public') {
      req.actor = await resolveActor(store, req);
      return;
    }
    const actor = await resolveActor(store, req);
    if (!actor) {
      const next = req.method === 'GET' ? `?next=${encodeURIComponent(req.url)}` : '';
      return reply.redirect(`/admin/login${next}`, 303);
    }
    req.actor = actor;
    if (!atLeast(actor.role, req.routeOptions.config?.role ?? 'owner')) throw forbidden();
  });
  app.addHook('preValidation', (req, reply, done) => {
    if (!SAFE_METHODS.has(req.method)) return app.csrfProtection(req, reply, done);
    done();
  });
  app.setErrorHandler((err, req, reply) => {
    const error = routeError(err, req, config);
    if (error.status >= 500) req.log.error(err);
    const retry = (error as { retryAfter?: number }).retryAfter;
    if (retry) reply.header('retry-after', String(retry));
    const heading = error.status === 403 ? 'غير مسموح' : error.status === 404 ? 'غير موجود' : 'تعذّر تنفيذ الطلب';
    return send(reply, P.messagePage(ctx(req, reply, heading), heading, error.messageAr), error.status);
  });
  app.setNotFoundHandler((req, reply) => send(reply, P.messagePage(ctx(req, reply, 'غير موجود'), 'غير موجود', 'الصفحة غير موجودة.'), 404));

  const actorOf = (req: FastifyRequest): Actor => req.actor!;
  const role = (r: Role) => ({ config: { role: r } });
  const open = { config: { access: 'public' as const } };

  // --- Sign-in and out ---
  const safeNext = (next: string) => (/^\/admin(?:[/?#]|$)/.test(next) && !next.startsWith('//') ? next : '/admin');

  app.get<{ Querystring: { next?: string } }>('/login', open, async (req, reply) => {
    if (req.actor) return reply.redirect(safeNext(req.query.next ?? ''), 303);
    if ((await store.newsroom.countUsers()) === 0) {
      return send(reply, P.messagePage(ctx(req, reply, 'لا توجد حسابات'), 'لا توجد حسابات بعد', 'أنشئ حساب المالك من رابط الإعداد الذي يطبعه الخادم عند تشغيله، أو بالأمر sahifa user add.'));
    }
    return send(reply, P.loginPage(ctx(req, reply, 'تسجيل الدخول'), { next: req.query.next ?? '' }));
  });

  app.post<{ Body: Form }>('/login', open, async (req, reply) => {
    const email = str(req.body?.email);
    const next = str(req.body?.next);
    try {
      const user = await authenticate(store, limiter, email, str(req.body?.password), req.ip);
      const { token, expires } = await startSession(store, user.id);
      reply.setCookie(SESSION_COOKIE, token, { ...cookieOptions, expires });
      return reply.redirect(safeNext(next), 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const retry = (e as { retryAfter?: number }).retryAfter;
      if (retry) reply.header('retry-after', String(retry));
      return send(reply, P.loginPage(ctx(req, reply, 'تسجيل الدخول', { error: e.messageAr }), { email, next }), e.status);
    }
  });

  app.post('/logout', open, async (req, reply) => {
    const token = req.cookies[SESSION_COOKIE];
    if (token) await store.newsroom.deleteSession(hashToken(token));
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.redirect('/admin/login', 303);
  });

  // --- The first owner ---
  app.get<{ Querystring: { token?: string } }>('/setup', open, async (req, reply) => {
    const token = req.query.token ?? '';
    const valid = token.length > 0 && token.length < 200 && (await store.newsroom.setupTokenValid(hashToken(token), new Date().toISOString()));
    return send(reply, P.setupPage(ctx(req, reply, 'إعداد الموقع'), token, valid), valid ? 200 : 403);
  });

  app.post<{ Body: Form }>('/setup', open, async (req, reply) => {
    const token = str(req.body?.token);
    const values = { email: str(req.body?.email), name: str(req.body?.name) };
    try {
      const user = await createFirstOwner(store, token, { ...values, password: str(req.body?.password) });
      const { token: session, expires } = await startSession(store, user.id);
      reply.setCookie(SESSION_COOKIE, session, { ...cookieOptions, expires });
      return reply.redirect('/admin', 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const valid = await store.newsroom.setupTokenValid(hashToken(token), new Date().toISOString());
      return send(reply, P.setupPage(ctx(req, reply, 'إعداد الموقع', { error: e.messageAr }), token, valid, values), e.status);
    }
  });

  // --- Articles ---
  app.get<{ Querystring: { status?: string; q?: string; page?: string; desk?: string; byline?: string; genre?: string } }>('/', role('contributor'), async (req, reply) => {
    const status = (ARTICLE_STATUSES as readonly string[]).includes(req.query.status ?? '') ? (req.query.status as ArticleStatus) : undefined;
    const desk = ADMIN_DESKS.find((d) => d === req.query.desk);
    const q = (req.query.q ?? '').slice(0, 200).trim() || undefined;
    const page = Math.min(100000, Math.max(1, Number.parseInt(req.query.page ?? '1', 10) || 1));
    const limit = 25;
    const byline = cleanLine(req.query.byline ?? '').slice(0, 200) || undefined;
    const genre = isGenre(req.query.genre) ? req.query.genre : undefined;
    const filters = { ...(status ? { status } : {}), ...(q ? { q } : {}), ...(desk ? { desk } : {}), ...(byline ? { byline } : {}), ...(genre ? { genre } : {}) };
    const { total, articles } = await store.newsroom.listAdmin({ page, limit, ...filters });
    const flash = (req.query as { deleted?: string }).deleted ? 'حُذف الخبر، ويبقى في المحذوفات 30 يوماً يمكن استعادته خلالها.' : undefined;
    return send(
      reply,
      P.listPage(ctx(req, reply, 'الأخبار', { ...(flash ? { flash } : {}) }), { rows: articles, total, page, limit, ...filters }),
    );
  });

  const editor = async (
    req: FastifyRequest,
    reply: FastifyReply,
    article: Article | null,
    extra: { values?: P.EditorValues; error?: AppError; flash?: string; madePreview?: { url: string; expiresAt: string } } = {},
  ) => {
    const actor = actorOf(req);
    const image = article?.featureImageId ? ((await store.newsroom.imageRefs([article.featureImageId])).get(article.featureImageId) ?? null) : null;
    const revisions = article && editsAny(actor) ? await store.newsroom.listRevisions(article.id) : null;
    const rules = article ? await linkRulesView(store, article.id) : undefined;
    const title = article ? `تحرير: ${article.title}` : 'خبر جديد';
    const pageCtx = ctx(req, reply, title, { ...(extra.flash ? { flash: extra.flash } : {}), ...(extra.error ? { error: extra.error.messageAr } : {}) });
    const page = P.editorPage(pageCtx, {
      article,
      image,
      values: extra.values ?? P.valuesOf(article, image, site, rules),
      revisions,
      links: article ? await currentLinks(article.id, rules!) : [],
      bylines: await store.newsroom.recentBylines(50),
      ...(article ? await editorExtras(pageCtx, actor, article, extra.madePreview) : {}),
      ...(extra.error?.field ? { errorField: extra.error.field } : {}),
    });
    return send(reply, page, extra.error?.status ?? 200);
  };

  /** A saved story's banner (the note it was sent back with) and boxes (preview links, notes). */
  const editorExtras = async (c: P.PageContext, actor: Actor, article: Article, madePreview?: { url: string; expiresAt: string }) => {
    const notes = await store.notes.list(article.id);
    const returned = pendingReturn(article, notes);
    const may = { write: workflow.canEdit(actor, article), sendBack: editsAny(actor) && article.status === 'submitted' };
    const now = new Date().toISOString();
    const previews = may.write && !isPublicNow(article, now) ? previewLinksBox(c, article, { links: await store.previewLinks.list(article.id, now), ...(madePreview ? { made: madePreview } : {}) }) : '';
    return { ...(returned ? { banner: returnedBanner(c, returned) } : {}), boxes: html`${previews}${notesBox(c, article, notes, may)}` };
  };

  /** The links stored under an article now, as the editor lists them. */
  const currentLinks = async (id: number, rules: LinkRulesView) => {
    const links = (await store.related.links([id])).get(id) ?? { related: [], seeAlso: [] };
    const all = [...links.related.map((l) => ({ ...l, kind: 'related' as const })), ...links.seeAlso.map((l) => ({ ...l, kind: 'see_also' as const }))];
    const about = await store.related.describe(all.map((l) => l.targetId));
    const pinned = new Set(rules.pinned.map((p) => p.id));
    return all.flatMap((l) => {
      const a = about.get(l.targetId);
      return a ? [{ id: l.targetId, slug: a.slug, title: a.title, kind: l.kind, pinned: pinned.has(l.targetId) }] : [];
    });
  };

  const loadArticle = async (id: string) => {
    const n = Number(id);
    const article = Number.isSafeInteger(n) && n > 0 ? await store.getArticleById(n) : null;
    if (!article) throw notFound();
    return article;
  };

  app.get('/articles/new', role('contributor'), async (req, reply) => editor(req, reply, null));

  app.get<{ Params: { id: string }; Querystring: { saved?: string } }>('/articles/:id', role('contributor'), async (req, reply) => {
    const article = await loadArticle(req.params.id);
    const flash = FLASH[req.query.saved ?? ''];
    return editor(req, reply, article, flash ? { flash } : {});
  });

  // A preview link for someone outside the newsroom: its address shown once, in the editor.
  app.post<{ Params: { id: string }; Body: Form }>('/articles/:id/preview-links', role('contributor'), async (req, reply) => {
    const article = await loadArticle(req.params.id);
    try {
      const { token, expiresAt } = await sharePreview(store, actorOf(req), article.id, Number(str(req.body?.hours)) || undefined);
      return editor(req, reply, article, { madePreview: { url: `${site.baseUrl}/preview/${token}`, expiresAt } });
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return editor(req, reply, article, { error: e });
    }
  });

  app.post<{ Params: { id: string } }>('/articles/:id/preview-links/revoke', role('contributor'), async (req, reply) => {
    const article = await loadArticle(req.params.id);
    await revokePreviews(store, actorOf(req), article.id);
    return reply.redirect(`/admin/articles/${article.id}?saved=previews-revoked`, 303);
  });

  // A note on the story, or (an editor, a submitted story) the note that sends it back to its writer.
  app.post<{ Params: { id: string }; Body: Form }>('/articles/:id/notes', role('contributor'), async (req, reply) => {
    const article = await loadArticle(req.params.id);
    const sendBack = str(req.body?.action) === 'return';
    try {
      if (sendBack) await returnToWriter(store, actorOf(req), article.id, str(req.body?.note));
      else await addNote(store, actorOf(req), article.id, str(req.body?.note));
      return reply.redirect(`/admin/articles/${article.id}?saved=${sendBack ? 'returned' : 'note'}#notes-title`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return editor(req, reply, article, { error: e });
    }
  });

  /** Saves the editor's form: the image first (if one came), then the fields, then the action. */
  const saveForm = async (req: FastifyRequest<{ Body: Form }>, reply: FastifyReply, existing: Article | null) => {
    const actor = actorOf(req);
    const body = req.body ?? {};
    const values: P.EditorValues = {
      title: str(body.title),
      description: str(body.description),
      tags: str(body.tags),
      body: str(body.body),
      slug: str(body.slug).trim(),
      author: str(body.author),
      coAuthors: str(body.co_authors),
      publishAt: str(body.publish_at),
      imageAlt: str(body.image_alt),
      pinnedLinks: str(body.pinned_links),
      blockedLinks: str(body.blocked_links),
      featured: str(body.featured) === '1',
      // A disabled field (a sponsored piece, to a reporter) sends nothing: the piece stays what it is.
      genre: isGenre(body.genre) ? body.genre : (existing?.genre ?? 'news'),
      sponsor: str(body.sponsor),
      breaking: str(body.breaking),
      correction: str(body.correction),
      version: str(body.version),
    };
    // The links ticked "استبعد" join the blocked ones.
    const ticked = (Array.isArray(body.block) ? body.block : [body.block]).filter((v): v is string => typeof v === 'string' && /^\d+$/.test(v));
    const lines = (text: string) => text.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
    const action = (['save', 'submit', 'publish', 'schedule', 'unpublish'] as const).find((a) => a === str(body.action)) ?? 'save';
    try {
      if (action !== 'save' && action !== 'submit') {
        const mayPublish = existing ? workflow.canPublish(actor, existing) : atLeast(actor.role, 'author');
        if (!mayPublish) {
          throw forbidden('Contributors cannot publish: submit the article for review', 'لا يمكن للمساهم النشر: أرسل الخبر للمراجعة');
        }
      }
      if (existing && !workflow.canEdit(actor, existing)) throw forbidden('You may not edit this article', 'لا يحق لك تعديل هذا الخبر');
      let publishAt: string | undefined;
      if (action === 'schedule') {
        publishAt = zonedToUtc(values.publishAt, site.timeZone) ?? undefined;
        if (!publishAt) throw new AppError(400, 'invalid_field', 'publishAt: is required', 'حدد موعد النشر المجدول', 'publishAt');
        if (Date.parse(publishAt) <= Date.now()) throw new AppError(400, 'invalid_field', 'publishAt: must be in the future', 'يجب أن يكون موعد النشر في المستقبل', 'publishAt');
      }
      let featureImage: number | null | undefined;
      const file = body.image;
      if (Buffer.isBuffer(file) && file.length > 0) {
        const media = await saveUpload(store, { dir: config.mediaDir, maxBytes: config.maxUploadBytes }, { bytes: file, alt: values.imageAlt, userId: actor.userId }, 'alt');
        featureImage = media.id;
      } else if (str(body.remove_image)) {
        featureImage = null;
      } else if (existing?.featureImageId && values.imageAlt.trim() && values.imageAlt.trim() !== (await store.newsroom.getMedia(existing.featureImageId))?.alt) {
        await store.newsroom.updateMediaAlt(existing.featureImageId, values.imageAlt.replace(/\s+/g, ' ').trim());
      }
      const draft: workflow.ArticleDraft = {
        title: values.title,
        description: values.description,
        tags: workflow.parseTags(values.tags),
        body: values.body,
        ...(values.slug ? { slug: values.slug } : {}),
        ...(values.author.trim() ? { author: values.author } : {}),
        coAuthors: namesIn(values.coAuthors),
        ...(featureImage !== undefined ? { featureImage } : {}),
        // Only a form that showed the box (an editor's) says anything about it.
        ...(str(body.featured_field) ? { featured: values.featured } : {}),
        ...(isGenre(body.genre) ? { genre: body.genre } : {}),
        // Only an editor's form has the field: a reporter's says nothing of it.
        ...(typeof body.sponsor === 'string' ? { sponsor: body.sponsor } : {}),
        ...breakingChoice(values.breaking),
        pinnedLinks: lines(values.pinnedLinks),
        blockedLinks: [...lines(values.blockedLinks), ...ticked],
      };
      let article: Article;
      if (!existing) {
        const status = action === 'save' ? 'draft' : action === 'submit' ? 'submitted' : action === 'publish' ? 'published' : action === 'schedule' ? 'scheduled' : 'draft';
        article = await workflow.createArticle(store, actor, draft, { status, ...(publishAt ? { publishAt } : {}) });
      } else {
        article = await workflow.updateArticle(store, actor, existing.id, draft, values.version ? { expectedVersion: values.version } : {});
        // Published under the story as it now reads, before any change of status.
        if (values.correction.trim()) article = await workflow.addCorrection(store, actor, article.id, values.correction);
        if (action !== 'save') article = await workflow.transition(store, actor, article.id, action, publishAt);
      }
      return reply.redirect(`/admin/articles/${article.id}?saved=${action}`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      const current = existing ? await store.getArticleById(existing.id) : null;
      // After a conflict the form is the writer's text over the other's version: saving it again is a choice made knowing.
      if (e.code === 'edit_conflict' && current) values.version = workflow.editVersion(current);
      return editor(req, reply, current, { values, error: e });
    }
  };

  app.post<{ Body: Form }>('/articles', role('contributor'), async (req, reply) => saveForm(req, reply, null));
  app.post<{ Params: { id: string }; Body: Form }>('/articles/:id', role('contributor'), async (req, reply) =>
    saveForm(req, reply, await loadArticle(req.params.id)),
  );

  app.post<{ Params: { id: string } }>('/articles/:id/delete', role('author'), async (req, reply) => {
    const article = await loadArticle(req.params.id);
    await workflow.deleteArticle(store, actorOf(req), article.id);
    return reply.redirect('/admin?deleted=1', 303);
  });

  // --- The live desk: one story's updates (workflow.addLiveUpdate and the rest check who may). ---
  const LIVE_FLASH: Record<string, string> = { posted: 'نُشر التحديث.', edited: 'عُدّل التحديث.', deleted: 'حُذف التحديث.', live: 'التغطية جارية.', ended: 'انتهت التغطية.' };
  const liveDesk = async (req: FastifyRequest, reply: FastifyReply, article: Article, extra: { flash?: string; error?: AppError; text?: string } = {}, code = 200) => {
    if (!workflow.canEdit(actorOf(req), article)) throw forbidden('You may not post to this story', 'لا يحق لك تحديث هذا الخبر');
    const context = ctx(req, reply, `التغطية المباشرة: ${article.title}`, { ...(extra.flash ? { flash: extra.flash } : {}), ...(extra.error ? { error: extra.error.messageAr } : {}) });
    return send(reply, P.liveDeskPage(context, article, { text: extra.text ?? '', ...(extra.error?.field ? { errorField: extra.error.field } : {}) }), code);
  };
  type LiveRequest = FastifyRequest<{ Params: { id: string; n?: string }; Body: Form }>;
  const liveAction = (done: string | ((req: LiveRequest) => string), act: (req: FastifyRequest<{ Params: { id: string; n?: string }; Body: Form }>, article: Article) => Promise<unknown>) =>
    async (req: FastifyRequest<{ Params: { id: string; n?: string }; Body: Form }>, reply: FastifyReply) => {
      const article = await loadArticle(req.params.id);
      try {
        await act(req, article);
      } catch (e) {
        if (!(e instanceof AppError) || e.status === 403) throw e;
        // The text typed stays in the box: nothing a reporter wrote is lost to an error.
        return liveDesk(req, reply, (await store.getArticleById(article.id)) ?? article, { error: e, text: str(req.body?.text) }, e.status);
      }
      return reply.redirect(`/admin/articles/${article.id}/live?done=${typeof done === 'string' ? done : done(req)}`, 303);
    };
  const updateNumber = (n: string | undefined) => Number(n) || 0;
  const liveState = (value: unknown) => (str(value) === 'ended' ? 'ended' : 'live');

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/articles/:id/live', role('contributor'), async (req, reply) => {
    const flash = LIVE_FLASH[req.query.done ?? ''];
    return liveDesk(req, reply, await loadArticle(req.params.id), flash ? { flash } : {});
  });
  app.post<{ Params: { id: string }; Body: Form }>('/articles/:id/live', role('contributor'), liveAction('posted', (req, a) => workflow.addLiveUpdate(store, actorOf(req), a.id, str(req.body?.text), { key: str(req.body?.key) === '1' })));
  app.post<{ Params: { id: string }; Body: Form }>('/articles/:id/live/state', role('contributor'), liveAction(
    (req) => liveState(req.body?.state),
    (req, a) => workflow.updateArticle(store, actorOf(req), a.id, { live: liveState(req.body?.state) }),
  ));
  app.post<{ Params: { id: string; n: string }; Body: Form }>('/articles/:id/live/:n', role('contributor'), liveAction('edited', (req, a) => workflow.editLiveUpdate(store, actorOf(req), a.id, updateNumber(req.params.n), { text: str(req.body?.text), key: str(req.body?.key) === '1' })));
  app.post<{ Params: { id: string; n: string }; Body: Form }>('/articles/:id/live/:n/delete', role('contributor'), liveAction('deleted', (req, a) => workflow.removeLiveUpdate(store, actorOf(req), a.id, updateNumber(req.params.n))));

  // --- Revisions ---
  app.get<{ Params: { id: string; rev: string } }>('/articles/:id/revisions/:rev', role('editor'), async (req, reply) => {
    const article = await loadArticle(req.params.id);
    const revision = await store.newsroom.getRevision(article.id, Number(req.params.rev) || 0);
    if (!revision) throw notFound('revision', 'لم نجد هذه النسخة');
    const s = revision.snapshot;
    // The version's words; its links would be today's, not the version's.
    const preview = await renderPreview(store, site, { ...s, featureImage: s.featureImage }, { links: false });
    return send(reply, P.revisionPage(ctx(req, reply, 'نسخة سابقة'), article, revision, preview));
  });

  app.post<{ Params: { id: string; rev: string } }>('/articles/:id/revisions/:rev/restore', role('editor'), async (req, reply) => {
    const article = await loadArticle(req.params.id);
    await workflow.restoreRevision(store, actorOf(req), article.id, Number(req.params.rev) || 0);
    return reply.redirect(`/admin/articles/${article.id}?saved=restore`, 303);
  });

  // --- The media library ---
  const MEDIA_PAGE = 24;
  const MEDIA_FLASH: Record<string, string> = { uploaded: 'رُفعت الصورة.', alt: 'حُفظ النص البديل.', deleted: 'حُذفت الصورة.' };
  const mediaLibrary = async (req: FastifyRequest, reply: FastifyReply, page: number, extra: { flash?: string; error?: string } = {}, code = 200) => {
    const data = await store.newsroom.listMediaPage(page, MEDIA_PAGE);
    return send(reply, P.mediaPage(ctx(req, reply, 'الصور', extra), { ...data, page, limit: MEDIA_PAGE }), code);
  };

  app.get<{ Querystring: { page?: string; done?: string } }>('/media', role('contributor'), async (req, reply) => {
    const page = Math.min(Math.max(1, Math.floor(Number(req.query.page)) || 1), 10_000);
    const flash = MEDIA_FLASH[req.query.done ?? ''];
    return mediaLibrary(req, reply, page, flash ? { flash } : {});
  });

  app.post<{ Body: Form }>('/media', role('contributor'), async (req, reply) => {
    const file = req.body?.file;
    try {
      if (!Buffer.isBuffer(file) || file.length === 0) throw new AppError(400, 'invalid_field', 'file: is required', 'اختر صورة لرفعها', 'file');
      await saveUpload(store, { dir: config.mediaDir, maxBytes: config.maxUploadBytes }, { bytes: file, alt: req.body?.alt, userId: actorOf(req).userId });
      return reply.redirect('/admin/media?done=uploaded', 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return mediaLibrary(req, reply, 1, { error: e.messageAr }, e.status);
    }
  });

  app.post<{ Params: { id: string }; Body: Form }>('/media/:id', role('author'), async (req, reply) => {
    const id = Number(req.params.id) || 0;
    let alt: string;
    try {
      alt = checkAlt(req.body?.alt);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return mediaLibrary(req, reply, 1, { error: e.messageAr }, e.status);
    }
    if (!(await store.newsroom.updateMediaAlt(id, alt))) throw notFound('image', 'لم نجد هذه الصورة');
    return reply.redirect(`/admin/media?done=alt#media-${id}`, 303);
  });

  app.post<{ Params: { id: string } }>('/media/:id/delete', role('editor'), async (req, reply) => {
    try {
      await deleteUpload(store, Number(req.params.id) || 0, config.mediaDir);
    } catch (e) {
      if (!(e instanceof AppError) || e.status !== 409) throw e;
      return mediaLibrary(req, reply, 1, { error: e.messageAr }, e.status);
    }
    return reply.redirect('/admin/media?done=deleted', 303);
  });

  // --- Tags (editors) ---
  const TAGS_SHOWN = 100;
  const TAGS_FLASH: Record<string, string> = { renamed: 'غُيّر اسم الوسم.', merged: 'دُمج الوسم.', described: 'حُفظ وصف الوسم.' };
  const tagsList = async (req: FastifyRequest, reply: FastifyReply, q: string, extra: { flash?: string; error?: string } = {}, code = 200) =>
    send(reply, P.tagsPage(ctx(req, reply, 'الوسوم', extra), { tags: await store.newsroom.listAllTags(q || undefined, TAGS_SHOWN), q, limit: TAGS_SHOWN }), code);

  app.get<{ Querystring: { q?: string; done?: string } }>('/tags', role('editor'), async (req, reply) => {
    const flash = TAGS_FLASH[req.query.done ?? ''];
    return tagsList(req, reply, str(req.query.q).slice(0, 100), flash ? { flash } : {});
  });

  const tagAction = (done: string, act: (req: FastifyRequest<{ Params: { id: string }; Body: Form }>, id: number) => Promise<unknown>) =>
    async (req: FastifyRequest<{ Params: { id: string }; Body: Form }>, reply: FastifyReply) => {
      try {
        await act(req, Number(req.params.id) || 0);
      } catch (e) {
        if (!(e instanceof AppError) || e.status === 403) throw e;
        return tagsList(req, reply, '', { error: e.messageAr }, e.status);
      }
      return reply.redirect(`/admin/tags?done=${done}`, 303);
    };
  app.post<{ Params: { id: string }; Body: Form }>('/tags/:id', role('editor'), tagAction('renamed', (req, id) => renameTag(store, id, str(req.body?.name))));
  app.post<{ Params: { id: string }; Body: Form }>('/tags/:id/description', role('editor'), tagAction('described', (req, id) => describeTag(store, id, str(req.body?.description))));
  app.post<{ Params: { id: string }; Body: Form }>('/tags/:id/merge', role('editor'), tagAction('merged', async (req, id) => {
    const into = await tagNamed(store, str(req.body?.into));
    if (!into) throw new AppError(404, 'not_found', 'tag not found', `لا يوجد وسم باسم «${str(req.body?.into).trim()}»`, 'into');
    return mergeTags(store, id, into.id);
  }));

  // --- Author profiles (editors: anyone's; others: their own) ---
  const BYLINES_SHOWN = 200;
  app.get<{ Querystring: { q?: string; done?: string } }>('/authors', role('contributor'), async (req, reply) => {
    const q = str(req.query.q).slice(0, 100);
    const flash = req.query.done === 'saved' ? 'حُفظ ملف الكاتب.' : req.query.done === 'deleted' ? 'حُذف ملف الكاتب.' : undefined;
    const bylines = await store.newsroom.listBylines(q || undefined, BYLINES_SHOWN);
    return send(reply, authorsPage(ctx(req, reply, 'الكتّاب', flash ? { flash } : {}), { bylines, q, limit: BYLINES_SHOWN }));
  });

  const profileForm = async (req: FastifyRequest, reply: FastifyReply, byline: string, extra: { error?: string; errorField?: string; values?: ProfileValues } = {}, code = 200) => {
    const profile = await store.newsroom.authorProfile(byline);
    const { error, errorField, values } = extra;
    const page = authorProfilePage(ctx(req, reply, `ملف ${byline}`, error ? { error } : {}), { byline, profile, values: values ?? profileValues(profile), ...(errorField ? { errorField } : {}) });
    return send(reply, page, code);
  };

  app.get<{ Params: { name: string } }>('/authors/:name', role('contributor'), async (req, reply) => {
    const byline = cleanLine(bylineOf(req.params.name));
    if (!mayEditProfile(actorOf(req), byline)) throw forbidden('Editors write any author’s profile; others only their own', 'يكتب المحررون ملف أي كاتب، وغيرهم ملفه هو فقط');
    return profileForm(req, reply, byline);
  });

  app.post<{ Params: { name: string }; Body: Form }>('/authors/:name', role('contributor'), async (req, reply) => {
    const actor = actorOf(req);
    const byline = cleanLine(bylineOf(req.params.name));
    const body = req.body ?? {};
    const values: ProfileValues = { jobTitle: str(body.job_title), bio: str(body.bio), links: str(body.links) };
    try {
      // Checked before the portrait is stored: a refused profile leaves no orphan upload.
      if (!mayEditProfile(actor, byline)) throw forbidden('Editors write any author’s profile; others only their own', 'يكتب المحررون ملف أي كاتب، وغيرهم ملفه هو فقط');
      const fields = { jobTitle: values.jobTitle, bio: values.bio, links: values.links.split(/\r?\n/) };
      checkProfile(fields, null);
      let imageId: number | null | undefined;
      if (Buffer.isBuffer(body.image) && body.image.length > 0) {
        imageId = (await saveUpload(store, { dir: config.mediaDir, maxBytes: config.maxUploadBytes }, { bytes: body.image, alt: byline, userId: actor.userId }, 'file')).id;
      } else if (str(body.remove_image)) {
        imageId = null;
      }
      await saveAuthorProfile(store, actor, byline, { ...fields, ...(imageId !== undefined ? { imageId } : {}) });
    } catch (e) {
      if (!(e instanceof AppError) || e.status === 403) throw e;
      return profileForm(req, reply, byline, { error: e.messageAr, ...(e.field ? { errorField: e.field } : {}), values }, e.status);
    }
    return reply.redirect('/admin/authors?done=saved', 303);
  });

  app.post<{ Params: { name: string } }>('/authors/:name/delete', role('contributor'), async (req, reply) => {
    await saveAuthorProfile(store, actorOf(req), cleanLine(bylineOf(req.params.name)), EMPTY_PROFILE);
    return reply.redirect('/admin/authors?done=deleted', 303);
  });

  // --- Accounts and keys (owner) ---
  app.get('/users', role('owner'), async (req, reply) => send(reply, P.usersPage(ctx(req, reply, 'الحسابات'), await store.newsroom.listUsers())));

  app.post<{ Body: Form }>('/users', role('owner'), async (req, reply) => {
    const password = str(req.body?.password) || generatePassword();
    try {
      const user = await addUser(store, { email: str(req.body?.email), name: str(req.body?.name), role: str(req.body?.role), password });
      return send(reply, P.usersPage(ctx(req, reply, 'الحسابات'), await store.newsroom.listUsers(), { email: user.email, password }), 201);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return send(reply, P.usersPage(ctx(req, reply, 'الحسابات', { error: e.messageAr }), await store.newsroom.listUsers()), e.status);
    }
  });

  app.post<{ Params: { id: string }; Body: Form }>('/users/:id', role('owner'), async (req, reply) => {
    const user = await store.newsroom.getUser(Number(req.params.id) || 0);
    if (!user) throw notFound('account', 'لم نجد هذا الحساب');
    const newRole = checkRole(str(req.body?.role));
    const owners = (await store.newsroom.listUsers()).filter((u) => u.role === 'owner');
    if (newRole !== 'owner' && owners.length === 1 && owners[0]!.id === user.id) {
      throw new AppError(409, 'last_owner', 'The last owner cannot be demoted', 'لا يمكن تغيير دور المالك الأخير', 'role');
    }
    await store.newsroom.updateUser(user.id, { role: newRole });
    if (str(req.body?.password)) await setPassword(store, user.id, str(req.body?.password));
    return reply.redirect('/admin/users', 303);
  });

  app.post<{ Params: { id: string } }>('/users/:id/delete', role('owner'), async (req, reply) => {
    const id = Number(req.params.id) || 0;
    if (id === actorOf(req).userId) throw new AppError(409, 'self_delete', 'You cannot remove your own account', 'لا يمكنك حذف حسابك');
    if (!(await store.newsroom.deleteUser(id))) throw notFound('account', 'لم نجد هذا الحساب');
    return reply.redirect('/admin/users', 303);
  });

  app.get('/keys', role('owner'), async (req, reply) => send(reply, P.keysPage(ctx(req, reply, 'مفاتيح الواجهة'), await store.newsroom.listApiKeys())));

  app.post<{ Body: Form }>('/keys', role('owner'), async (req, reply) => {
    const maker = await store.newsroom.getUser(actorOf(req).userId);
    try {
      const { key, info } = await createApiKey(store, maker!, str(req.body?.name), str(req.body?.role));
      return send(reply, P.keysPage(ctx(req, reply, 'مفاتيح الواجهة'), await store.newsroom.listApiKeys(), { name: info.name, key }), 201);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return send(reply, P.keysPage(ctx(req, reply, 'مفاتيح الواجهة', { error: e.messageAr }), await store.newsroom.listApiKeys()), e.status);
    }
  });

  app.post<{ Params: { id: string } }>('/keys/:id/revoke', role('owner'), async (req, reply) => {
    await store.newsroom.revokeApiKey(Number(req.params.id) || 0, new Date().toISOString());
    return reply.redirect('/admin/keys', 303);
  });

  // --- The trash: deleted stories kept 30 days (author and up: what they could have deleted) ---
  app.get<{ Querystring: { done?: string } }>('/trash', role('author'), async (req, reply) =>
    send(reply, trashPage(ctx(req, reply, 'المحذوفات', req.query.done === 'deleted' ? { flash: 'حُذف الخبر نهائياً.' } : {}), await trashFor(store, actorOf(req)))),
  );

  app.post<{ Params: { id: string } }>('/trash/:id/restore', role('author'), async (req, reply) => {
    const article = await restoreFromTrash(store, actorOf(req), Number(req.params.id) || 0);
    return reply.redirect(`/admin/articles/${article.id}?saved=restored`, 303);
  });

  app.post<{ Params: { id: string } }>('/trash/:id/delete', role('editor'), async (req, reply) => {
    await emptyFromTrash(store, actorOf(req), Number(req.params.id) || 0);
    return reply.redirect('/admin/trash?done=deleted', 303);
  });

  // --- Webhooks (owner) ---
  const WEBHOOK_FLASH: Record<string, string> = {
    saved: 'حُفظ الخطاف.',
    test: 'أُرسلت تجربة: يظهر جوابها في السجل بعد لحظات.',
    on: 'شُغّل الخطاف.',
    off: 'أُوقف الخطاف: لن يُرسل إليه ما كان ينتظر.',
    retry: 'سيُعاد الإرسال الآن.',
  };
  const eventsOf = (v: unknown): string[] => (Array.isArray(v) ? v.filter((e): e is string => typeof e === 'string') : typeof v === 'string' ? [v] : []);
  const formValues = (body: Form | undefined) => ({ name: str(body?.name), url: str(body?.url), events: eventsOf(body?.events).filter(isWebhookEvent) });
  const hookOf = (id: string) => loadWebhook(store, Number(id) || 0);
  const hookPage = async (req: FastifyRequest, reply: FastifyReply, hook: Webhook, extra: Parameters<typeof webhookPage>[3] & { flash?: string; error?: string } = {}, code = 200) =>
    send(reply, webhookPage(ctx(req, reply, hook.name, { flash: extra.flash, error: extra.error }), hook, await store.webhooks.deliveries(hook.id, 50), extra), code);

  /** Does `act`, then goes back to the hook's page saying so; a refusal is said on the page. */
  const hookAction = async (req: FastifyRequest, reply: FastifyReply, hook: Webhook, act: () => Promise<unknown>, done: string) => {
    try {
      await act();
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return hookPage(req, reply, hook, { error: e.messageAr }, e.status);
    }
    return reply.redirect(`/admin/webhooks/${hook.id}?done=${done}`, 303);
  };

  app.get('/webhooks', role('owner'), async (req, reply) => send(reply, webhooksPage(ctx(req, reply, 'خطافات الويب'), await store.webhooks.list())));

  app.post<{ Body: Form }>('/webhooks', role('owner'), async (req, reply) => {
    try {
      const hook = await createWebhook(store, actorOf(req), { name: str(req.body?.name), url: str(req.body?.url), events: eventsOf(req.body?.events) });
      return send(reply, webhooksPage(ctx(req, reply, 'خطافات الويب'), await store.webhooks.list(), { created: hook }), 201);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return send(reply, webhooksPage(ctx(req, reply, 'خطافات الويب', { error: e.messageAr }), await store.webhooks.list(), { values: formValues(req.body) }), e.status);
    }
  });

  app.get<{ Params: { id: string }; Querystring: { done?: string } }>('/webhooks/:id', role('owner'), async (req, reply) =>
    hookPage(req, reply, await hookOf(req.params.id), { flash: WEBHOOK_FLASH[req.query.done ?? ''] }),
  );

  app.post<{ Params: { id: string }; Body: Form }>('/webhooks/:id', role('owner'), async (req, reply) => {
    const hook = await hookOf(req.params.id);
    try {
      await updateWebhook(store, hook.id, { name: str(req.body?.name), url: str(req.body?.url), events: eventsOf(req.body?.events) });
      return reply.redirect(`/admin/webhooks/${hook.id}?done=saved`, 303);
    } catch (e) {
      if (!(e instanceof AppError)) throw e;
      return hookPage(req, reply, hook, { error: e.messageAr, values: formValues(req.body) }, e.status);
    }
  });

  app.post<{ Params: { id: string }; Body: Form }>('/webhooks/:id/active', role('owner'), async (req, reply) => {
    const on = str(req.body?.active) === 'on';
    await updateWebhook(store, (await hookOf(req.params.id)).id, { active: on });
    return reply.redirect(`/admin/webhooks/${req.params.id}?done=${on ? 'on' : 'off'}`, 303);
  });

  app.post<{ Params: { id: string } }>('/webhooks/:id/test', role('owner'), async (req, reply) => {
    const hook = await hookOf(req.params.id);
    return hookAction(req, reply, hook, () => testWebhook(store, hook.id), 'test');
  });

  app.post<{ Params: { id: string } }>('/webhooks/:id/secret', role('owner'), async (req, reply) => {
    const hook = await rotateWebhookSecret(store, (await hookOf(req.params.id)).id);
    return hookPage(req, reply, hook, { secret: hook.secret });
  });

  app.post<{ Params: { id: string } }>('/webhooks/:id/delete', role('owner'), async (req, reply) => {
    await store.webhooks.delete((await hookOf(req.params.id)).id);
    return reply.redirect('/admin/webhooks', 303);
  });

  app.post<{ Params: { id: string; delivery: string } }>('/webhooks/:id/deliveries/:delivery/retry', role('owner'), async (req, reply) => {
    const hook = await hookOf(req.params.id);
    return hookAction(req, reply, hook, () => retryDelivery(store, hook.id, Number(req.params.delivery) || 0), 'retry');
  });

  // --- Import (owner): a WordPress or Ghost export, or the text and JSON-lines shapes ---
  app.get('/import', role('owner'), async (req, reply) => send(reply, P.importPage(ctx(req, reply, 'استيراد'))));
  app.get('/export', role('owner'), async (_req, reply) => sendExport(reply, store));

  app.post<{ Body: Form }>('/import', exportRoute(config), async (req, reply) => {
    const file = req.body?.file;
    const format = str(req.body?.format);
    if (!Buffer.isBuffer(file) || file.length === 0 || (format && !(IMPORT_FORMATS as readonly string[]).includes(format))) {
      const error = !Buffer.isBuffer(file) || file.length === 0 ? 'اختر ملف التصدير الذي تريد استيراده.' : 'صيغة غير معروفة.';
      return send(reply, P.importPage(ctx(req, reply, 'استيراد', { error })), 400);
    }
    const report = await importUpload(store, 'الملف', file.toString('utf8'), {
      ...(format ? { format: format as ImportFormat } : {}),
      skipDuplicates: str(req.body?.skip_duplicates) === 'on',
    });
    if (report.imported + report.updated > 0) await store.refreshStatistics();
    return send(reply, P.importPage(ctx(req, reply, 'استيراد'), report), report.failed ? 422 : 200);
  });
};
