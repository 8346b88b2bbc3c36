/**
 * The editorial workflow (issue #5): draft → submitted → scheduled →
 * published → unpublished, with who may do what. Both the Admin API and the
 * admin pages go through here; every save goes through `saveArticles`, so
 * the store keeps a revision and the links are refreshed as for imports.
 */
import { createHash } from 'node:crypto';
import { CORRECTION_MAX, LIVE_UPDATE_MAX, MAX_CORRECTIONS, MAX_LIVE_UPDATES, type Article, type ArticleInput, type ArticleStatus, type LiveState, type LiveUpdate } from '../content/article.js';
import type { ArticleGenre } from '../content/genre.js';
import { nextUpdateId } from '../content/live.js';
import { isValidSlug } from '../content/slug.js';
import { cleanLine, normalizeNewlines } from '../content/text-cleanup.js';
import { mergeTags, tagName } from '../content/tags.js';
import { imageProblems, parseBody, uploadKeys } from '../content/body.js';
import { uploadKeyOf } from '../content/image.js';
import { ValidationError } from '../content/validate.js';
import { editsAny, mayPublish, type Actor } from '../auth/roles.js';
import { StaleSaveError, type Store } from '../store/store.js';
import { refreshLinks, saveArticles } from './articles.js';
import { resolveLinkRules } from './link-rules.js';
import { announceDeleted, announceSave } from './webhooks.js';
import { trashEntryOf } from './trash.js';
import { AppError, FIELD_NAMES_AR, conflict, forbidden, invalid, notFound } from './newsroom-errors.js';

export interface ArticleDraft {
  title: string;
  description: string;
  tags: string[];
  body: string;
  slug?: string;
  author?: string;
  /** The other bylines, in order; absent: unchanged. */
  coAuthors?: string[];
  featureImage?: number | null;
  /** Led with on the home page; editors' and owners' choice. Absent: unchanged. */
  featured?: boolean;
  /** News, opinion, analysis, or sponsored content (editors' and owners' call, either way). Absent: unchanged. */
  genre?: ArticleGenre;
  /** Sponsored content's advertiser, named in its disclosure (editors' and owners' call). Absent: unchanged. */
  sponsor?: string;
  /** Breaking news ("عاجل") until this instant, null: not (ends it now); editors' and owners' choice. Absent: unchanged. */
  breakingUntil?: string | null;
  /** Live coverage: 'live' starts or resumes it, 'ended' ends it, null makes it an ordinary story again (its updates kept). Absent: unchanged. */
  live?: LiveState | null;
  /** Articles always linked under this one, first (addresses, slugs or ids); absent: unchanged. */
  pinnedLinks?: string[];
  /** Articles never linked under it; absent: unchanged. */
  blockedLinks?: string[];
}

/** 'return': an editor sends a submitted story back to its writer as a draft (services/notes.ts says why). */
export type Action = 'submit' | 'publish' | 'schedule' | 'unpublish' | 'return';

const OWN_EDITABLE_BY_CONTRIBUTOR: ArticleStatus[] = ['draft', 'submitted'];

export function canEdit(actor: Actor, article: Article): boolean {
  if (editsAny(actor)) return true;
  if (article.ownerId !== actor.userId) return false;
  return actor.role !== 'contributor' || OWN_EDITABLE_BY_CONTRIBUTOR.includes(article.status);
}

export function canPublish(actor: Actor, article: Pick<Article, 'ownerId'>): boolean {
  return editsAny(actor) || (mayPublish(actor) && article.ownerId === actor.userId);
}

export const canDelete = canPublish;

/** Splits "#سوريا، روسيا, الشرق_الأوسط" or a list into tag names, dropping repeats and spelling variants. */
export function parseTags(input: string | string[]): string[] {
  const parts = Array.isArray(input) ? input : input.split(/[,،\n]|(?=#)/u);
  return mergeTags(
    [],
    parts.map((p) => tagName(p)).filter(Boolean),
  );
}

async function load(store: Store, id: number): Promise<Article> {
  const article = await store.getArticleById(id);
  if (!article) throw notFound();
  return article;
}

/** The model's validation error, as the newsroom's 400 naming the field. */
function asAppError(e: unknown): never {
  if (e instanceof ValidationError) {
    const field = e.field.split('.')[0]!;
    throw invalid(field, e.message.replace(/^[^:]*: /, ''), `قيمة غير صالحة في حقل ${FIELD_NAMES_AR[field] ?? field}`);
  }
  throw e;
}

/**
 * A body image at an address of this site's uploads (/media/…) must be one:
 * a mistyped or half-pasted address would show readers a broken picture.
 */
async function checkUploads(store: Store, body: string, field = 'body'): Promise<void> {
  const sections = parseBody(body);
  const keys = uploadKeys(sections);
  const known = await store.newsroom.uploads(keys);
  const figures = sections.flatMap((s) => s.blocks).flatMap((b) => (b.figure ? [b.figure.src] : []));
  for (const src of figures) {
    const key = uploadKeyOf(src);
    const ours = src.startsWith('/media/');
    if (ours && (key === null || !known.has(key))) {
      throw invalid(field, `image ${src}: no upload of this site has this address`, `الصورة ${src}: لا توجد صورة مرفوعة بهذا العنوان في الموقع`);
    }
  }
}

/** The longest a story stays breaking news: the strip is for what is happening now. */
export const BREAKING_MAX_HOURS = 72;

const sameInstant = (a: string | null | undefined, b: string | null | undefined) => (a ? Date.parse(a) : null) === (b ? Date.parse(b) : null);

/**
 * What the home page leads with and what the breaking-news strip says are
 * the desk's calls, as WordPress lets only editors make a post sticky: an
 * author or contributor who sends them as they already are (a form or
 * client echoing the article back) is let through.
 */
function checkDeskChoices(actor: Actor, draft: Partial<ArticleDraft>, current?: Pick<Article, 'featured' | 'breakingUntil' | 'genre' | 'sponsor'>): void {
  const featuredChanged = draft.featured !== undefined && draft.featured !== (current?.featured ?? false);
  if (featuredChanged && !editsAny(actor)) throw forbidden('Only editors choose the featured stories', 'اختيار الأخبار البارزة للمحررين وحدهم');
  // Paid content is the business side's word, as is taking its label off: a reporter can do neither.
  const genreBefore = current?.genre ?? 'news';
  if (draft.genre !== undefined && draft.genre !== genreBefore && (draft.genre === 'sponsored' || genreBefore === 'sponsored') && !editsAny(actor)) {
    throw forbidden('Only editors mark or unmark sponsored content', 'وسم المحتوى الممول أو رفع الوسم عنه للمحررين وحدهم');
  }
  if (draft.sponsor !== undefined && draft.sponsor.trim() !== (current?.sponsor ?? '') && !editsAny(actor)) {
    throw forbidden('Only editors name the sponsor', 'تسمية الجهة الراعية للمحررين وحدهم');
  }
  if (draft.breakingUntil === undefined || sameInstant(draft.breakingUntil, current?.breakingUntil)) return;
  if (!editsAny(actor)) throw forbidden('Only editors mark breaking news', 'وسم الخبر بـ«عاجل» للمحررين وحدهم');
  if (draft.breakingUntil !== null && Date.parse(draft.breakingUntil) > Date.now() + BREAKING_MAX_HOURS * 3600_000) {
    throw invalid('breakingUntil', `at most ${BREAKING_MAX_HOURS} hours ahead`, `يبقى الخبر عاجلاً ${BREAKING_MAX_HOURS} ساعة على الأكثر`);
  }
}

async function checkDraft(store: Store, draft: Partial<ArticleDraft>, selfId?: number): Promise<void> {
  // The body's images, with the reason in Arabic too (the model's own check says it in English).
  const image = draft.body === undefined ? undefined : imageProblems(draft.body)[0];
  if (image) throw invalid('body', image.en, image.ar);
  if (draft.body !== undefined) await checkUploads(store, draft.body);
  if (draft.slug !== undefined && draft.slug !== '') {
    if (!isValidSlug(draft.slug)) {
      throw invalid('slug', 'use letters and digits joined by hyphens', 'الرابط المختصر حروف وأرقام تفصل بينها شرطات');
    }
    const owner = await store.newsroom.slugOwner(draft.slug);
    if (owner !== null && owner !== selfId) {
      throw conflict('slug_taken', 'slug', 'Another article has this slug', 'هذا الرابط المختصر مستخدم لخبر آخر');
    }
  }
  if (draft.featureImage !== undefined && draft.featureImage !== null && !(await store.newsroom.getMedia(draft.featureImage))) {
    throw invalid('featureImage', 'no such image', 'الصورة غير موجودة');
  }
}

function futureInstant(publishAt: string | undefined): string {
  const t = publishAt ? Date.parse(publishAt) : NaN;
  if (Number.isNaN(t)) throw invalid('publishAt', 'is required (ISO 8601)', 'حدد موعد النشر');
  if (t <= Date.now()) throw invalid('publishAt', 'must be in the future', 'يجب أن يكون موعد النشر في المستقبل');
  return new Date(t).toISOString();
}

/** Saves, then tells the webhooks what the save changed for readers (services/webhooks.ts). `before`: the article as read, null for a new one. */
async function save(store: Store, input: ArticleInput, before: Article | null): Promise<Article> {
  let saved: Article;
  try {
    const [outcome] = await saveArticles(store, [input]);
    saved = outcome!.article;
  } catch (e) {
    asAppError(e);
  }
  await announceSave(store, before, saved, before === null || editVersion(before) !== editVersion(saved));
  return saved;
}

/** The whole article as the store takes it, from what it is now. */
function inputOf(article: Article, actor: Actor): ArticleInput {
  return {
    id: article.id,
    title: article.title,
    description: article.description,
    tags: article.tags,
    body: article.body,
    slug: article.slug,
    author: article.author,
    coAuthors: article.coAuthors,
    source: article.source,
    status: article.status,
    publishedAt: article.publishedAt ?? undefined,
    importMeta: article.importMeta,
    savedBy: actor.userId,
  };
}

function draftFields(draft: Partial<ArticleDraft>): Partial<ArticleInput> {
  const out: Partial<ArticleInput> = {};
  if (draft.title !== undefined) out.title = draft.title;
  if (draft.description !== undefined) out.description = draft.description;
  if (draft.tags !== undefined) out.tags = parseTags(draft.tags);
  if (draft.body !== undefined) out.body = draft.body;
  if (draft.slug !== undefined && draft.slug !== '') out.slug = draft.slug;
  if (draft.author !== undefined) out.author = draft.author.trim();
  if (draft.coAuthors !== undefined) out.coAuthors = draft.coAuthors;
  if (draft.featureImage !== undefined) out.featureImage = draft.featureImage;
  if (draft.featured !== undefined) out.featured = draft.featured;
  if (draft.genre !== undefined) out.genre = draft.genre;
  if (draft.sponsor !== undefined) out.sponsor = draft.sponsor;
  if (draft.breakingUntil !== undefined) out.breakingUntil = draft.breakingUntil;
  if (draft.live !== undefined) out.live = draft.live;
  return out;
}

export async function createArticle(
  store: Store,
  actor: Actor,
  draft: ArticleDraft,
  options: { status?: 'draft' | 'submitted' | 'published' | 'scheduled'; publishAt?: string } = {},
): Promise<Article> {
  const status = options.status ?? 'draft';
  if ((status === 'published' || status === 'scheduled') && !mayPublish(actor)) {
    throw forbidden('Contributors cannot publish: submit the article for review', 'لا يمكن للمساهم النشر: أرسل الخبر للمراجعة');
  }
  checkDeskChoices(actor, draft);
  await checkDraft(store, draft);
  const linkRules = await resolveLinkRules(store, draft);
  const publishedAt = status === 'scheduled' ? futureInstant(options.publishAt) : undefined;
  return save(store, {
    ...(draftFields(draft) as ArticleInput),
    ...(linkRules ? { linkRules } : {}),
    tags: parseTags(draft.tags),
    author: draft.author?.trim() || actor.name,
    status,
    ...(publishedAt ? { publishedAt } : {}),
    ownerId: actor.userId,
    savedBy: actor.userId,
  }, null);
}

/** How often a change is tried when other saves keep coming between its read and its write. */
const STALE_RETRIES = 20;
const busy = () => new AppError(409, 'busy', 'The article is being changed by others: try again', 'الخبر يُعدَّل الآن من آخرين؛ أعد المحاولة');

/** Someone changed the article after the writer read it: their work is not written over. */
async function editConflict(store: Store, id: number): Promise<AppError> {
  const [last] = await store.newsroom.listRevisions(id);
  const who = last?.userName ? `${last.userName} ` : '';
  return new AppError(
    409,
    'edit_conflict',
    'The article was saved by someone else after you read it: your changes were not saved',
    `حفظ ${who || 'شخص آخر '}هذا الخبر بعد أن فتحته، فلم يُحفظ تعديلك فوق نسخته. نصك باقٍ في النموذج: راجع نسخته الحالية ثم احفظ مرة أخرى لتعتمد نصك.`,
  );
}

/**
 * The version of what an editor edits in an article: its fields, not what
 * is added beside them (a live story's updates and its coverage's state,
 * which the live desk changes, corrections) nor its status. A writer's copy
 * (the editor's form, an Admin API ETag) carries it, so that a reporter's
 * update posted meanwhile is no conflict and another editor's change of the
 * text is.
 */
export function editVersion(a: Article): string {
  // Co-authors only when there are some: the versions of stories signed once stay what they were.
  // The genre likewise only when the story is not plain news.
  const fields = [a.title, a.description, a.tags, a.body, a.slug, a.author, a.featureImageId ?? null, a.featured, a.breakingUntil, ...(a.coAuthors.length ? [a.coAuthors] : []), ...(a.genre !== 'news' ? [{ genre: a.genre }] : [])];
  return createHash('sha256').update(JSON.stringify(fields)).digest('base64url').slice(0, 22);
}

/**
 * Changes an article's fields. With `expectedVersion` (the editVersion of
 * the writer's copy: the editor's form, an If-Match), the change is made only
 * if nobody changed those fields since; else 409 edit_conflict. The check
 * holds to the write: a save that lands in between (a live update, say) is
 * read and the check made again.
 */
export async function updateArticle(
  store: Store,
  actor: Actor,
  id: number,
  draft: Partial<ArticleDraft>,
  options: { expectedVersion?: string } = {},
): Promise<Article> {
  let article = await load(store, id);
  if (!canEdit(actor, article)) throw forbidden('You may not edit this article', 'لا يحق لك تعديل هذا الخبر');
  checkDeskChoices(actor, draft, article);
  if (draft.live === null && article.liveUpdates.length) {
    throw invalid('live', 'a story with live updates stays live or ended: take its updates down first', 'للخبر تحديثات مباشرة: أنهِ التغطية أو احذف التحديثات أولاً');
  }
  await checkDraft(store, draft, id);
  const linkRules = await resolveLinkRules(store, draft, id);
  const fields = { ...draftFields(draft), ...(linkRules ? { linkRules } : {}) };
  if (options.expectedVersion === undefined) return save(store, { ...inputOf(article, actor), ...fields }, article);
  for (let attempt = 1; ; attempt++) {
    if (editVersion(article) !== options.expectedVersion) throw await editConflict(store, id);
    try {
      return await save(store, { ...inputOf(article, actor), ...fields, expectedUpdatedAt: article.updatedAt }, article);
    } catch (e) {
      if (!(e instanceof StaleSaveError)) throw e;
      if (attempt === STALE_RETRIES) throw busy();
      article = await load(store, id);
    }
  }
}

export async function transition(store: Store, actor: Actor, id: number, action: Action, publishAt?: string): Promise<Article> {
  const article = await load(store, id);
  if (action === 'submit') {
    if (!canEdit(actor, article)) throw forbidden('You may not submit this article', 'لا يحق لك إرسال هذا الخبر');
    if (!['draft', 'unpublished', 'submitted'].includes(article.status)) {
      throw new AppError(409, 'bad_transition', `A ${article.status} article cannot be submitted`, 'لا يمكن إرسال خبر بهذه الحالة للمراجعة');
    }
    return save(store, { ...inputOf(article, actor), status: 'submitted' }, article);
  }
  if (action === 'return') {
    if (!editsAny(actor)) throw forbidden('Only editors send a story back to its writer', 'إعادة الخبر إلى كاتبه للمحررين وحدهم');
    if (article.status !== 'submitted') {
      throw new AppError(409, 'bad_transition', 'Only a submitted article is sent back to its writer', 'يُعاد إلى كاتبه خبرٌ أُرسل للمراجعة فقط');
    }
    return save(store, { ...inputOf(article, actor), status: 'draft' }, article);
  }
  if (!canPublish(actor, article)) {
    throw forbidden(
      actor.role === 'contributor' ? 'Contributors cannot publish: submit the article for review' : 'You may not publish this article',
      actor.role === 'contributor' ? 'لا يمكن للمساهم النشر: أرسل الخبر للمراجعة' : 'لا يحق لك نشر هذا الخبر',
    );
  }
  const now = new Date().toISOString();
  if (action === 'publish') {
    // A republished article keeps its first date; a scheduled one published early takes now.
    const publishedAt = article.publishedAt && article.publishedAt <= now ? article.publishedAt : now;
    return save(store, { ...inputOf(article, actor), status: 'published', publishedAt }, article);
  }
  if (action === 'schedule') {
    return save(store, { ...inputOf(article, actor), status: 'scheduled', publishedAt: futureInstant(publishAt) }, article);
  }
  if (!['published', 'scheduled'].includes(article.status)) {
    throw new AppError(409, 'bad_transition', 'Only published or scheduled articles can be unpublished', 'لا يمكن إلغاء نشر خبر غير منشور');
  }
  return save(store, { ...inputOf(article, actor), status: 'unpublished' }, article);
}

export async function deleteArticle(store: Store, actor: Actor, id: number): Promise<void> {
  const article = await load(store, id);
  if (!canDelete(actor, article)) throw forbidden('You may not delete this article', 'لا يحق لك حذف هذا الخبر');
  // The articles whose links pointed at it lose those links with it (ON DELETE CASCADE): link them again.
  const linking = await store.related.linkingTo([id]);
  // Kept in the trash in the same transaction (services/trash.ts): a story deleted by mistake comes back.
  const tagIds = await store.deleteArticle(id, trashEntryOf(article, actor));
  if (tagIds === null) return;
  await announceDeleted(store, article);
  const tagged = tagIds.length ? await store.listIdsByTags(tagIds, Number.MAX_SAFE_INTEGER, []) : [];
  const again = [...new Set([...tagged, ...linking])].filter((other) => other !== id);
  if (again.length) await refreshLinks(store, again);
}

/** Brings back a revision's words (title, description, tags, body, image); status and URL stay as they are. */
export async function restoreRevision(store: Store, actor: Actor, id: number, revisionId: number): Promise<Article> {
  if (!editsAny(actor)) throw forbidden();
  const article = await load(store, id);
  const revision = await store.newsroom.getRevision(id, revisionId);
  if (!revision) throw notFound('revision', 'لم نجد هذه النسخة');
  const s = revision.snapshot;
  const featureImage = s.featureImage !== null && (await store.newsroom.getMedia(s.featureImage)) ? s.featureImage : null;
  return save(store, {
    ...inputOf(article, actor),
    title: s.title,
    description: s.description,
    tags: s.tags,
    body: s.body,
    author: s.author,
    coAuthors: s.coAuthors ?? [],
    featureImage,
  }, article);
}


/**
 * Appends to (or edits) what several people add to one article at once —
 * the corrections, a live story's updates — from the article as it is when
 * written: `change` is given the article just read, and the save counts
 * only if nobody saved it meanwhile (ArticleInput.expectedUpdatedAt), else it
 * is read and tried again. A plain save would drop an update that another
 * reporter posted between this one's read and write.
 */
async function changeAppended(store: Store, id: number, change: (article: Article) => Partial<ArticleInput>, actor: Actor): Promise<Article> {
  for (let attempt = 1; ; attempt++) {
    const article = await load(store, id);
    const fields = change(article);
    try {
      return await save(store, { ...inputOf(article, actor), ...fields, expectedUpdatedAt: article.updatedAt }, article);
    } catch (e) {
      if (!(e instanceof StaleSaveError)) throw e;
      if (attempt === STALE_RETRIES) throw busy();
      // A random pause, longer each time, so that the posts that met here do not meet again.
      await new Promise((resolve) => setTimeout(resolve, Math.random() * 10 * attempt));
    }
  }
}

/**
 * Publishes a correction under a published article, dated now. Whoever may
 * edit the article may correct it; a correction is never edited away (the
 * form and the APIs only add), as newsrooms keep theirs. A draft is simply
 * edited: it takes none.
 */
export async function addCorrection(store: Store, actor: Actor, id: number, text: string): Promise<Article> {
  const clean = cleanLine(text);
  return changeAppended(store, id, (article) => {
    if (!canEdit(actor, article)) throw forbidden('You may not correct this article', 'لا يحق لك تصحيح هذا الخبر');
    if (article.status !== 'published') {
      throw new AppError(409, 'bad_transition', 'Only a published article takes a correction: edit it instead', 'يُضاف التصحيح إلى خبر منشور؛ أما غير المنشور فيُعدَّل');
    }
    if (!clean) throw invalid('correction', 'is required', 'اكتب نص التصحيح');
    if ([...clean].length > CORRECTION_MAX) throw invalid('correction', `at most ${CORRECTION_MAX} characters`, `التصحيح ${CORRECTION_MAX} حرف على الأكثر`);
    if (article.corrections.length >= MAX_CORRECTIONS) throw invalid('correction', `at most ${MAX_CORRECTIONS} corrections`, `${MAX_CORRECTIONS} تصحيحاً على الأكثر لخبر واحد`);
    return { corrections: [...article.corrections, { at: new Date().toISOString(), text: clean }] };
  }, actor);
}

/** An update's text as given, checked as a body is (its images) and for length. */
async function checkUpdateText(store: Store, text: string): Promise<string> {
  const clean = normalizeNewlines(text).trim();
  if (!clean) throw invalid('text', 'is required', 'اكتب نص التحديث');
  if ([...clean].length > LIVE_UPDATE_MAX) throw invalid('text', `at most ${LIVE_UPDATE_MAX} characters`, `التحديث ${LIVE_UPDATE_MAX} حرف على الأكثر`);
  const image = imageProblems(clean)[0];
  if (image) throw invalid('text', image.en, image.ar);
  await checkUploads(store, clean, 'text');
  return clean;
}

function mayChangeUpdates(actor: Actor, article: Article): void {
  if (!canEdit(actor, article)) throw forbidden('You may not post to this story', 'لا يحق لك تحديث هذا الخبر');
}

function requireUpdate(article: Article, updateId: number): void {
  if (!article.liveUpdates.some((u) => u.id === updateId)) throw notFound('live update', 'لم نجد هذا التحديث');
}

/**
 * Posts an update to a live story, dated now. The first update starts the
 * story's live coverage; an ended coverage takes none until it is resumed
 * (an update posted there would read as news to nobody watching).
 */
export async function addLiveUpdate(store: Store, actor: Actor, id: number, text: string, options: { key?: boolean } = {}): Promise<Article> {
  const clean = await checkUpdateText(store, text);
  return changeAppended(store, id, (article) => {
    mayChangeUpdates(actor, article);
    if (article.live === 'ended') {
      throw new AppError(409, 'live_ended', 'The live coverage has ended: resume it to post', 'انتهت التغطية المباشرة لهذا الخبر؛ استأنفها لتنشر تحديثاً');
    }
    if (article.liveUpdates.length >= MAX_LIVE_UPDATES) throw invalid('text', `at most ${MAX_LIVE_UPDATES} updates`, `${MAX_LIVE_UPDATES} تحديث على الأكثر لخبر واحد`);
    const update = { id: nextUpdateId(article.liveUpdates), at: new Date().toISOString(), text: clean, ...(options.key ? { key: true as const } : {}) };
    return { live: 'live', liveUpdates: [...article.liveUpdates, update] };
  }, actor);
}

/**
 * Mends an update (a typo, a figure) or marks it a key development or not:
 * it keeps its number and its time. Absent: as it was.
 */
export async function editLiveUpdate(store: Store, actor: Actor, id: number, updateId: number, change: { text?: string; key?: boolean }): Promise<Article> {
  const clean = change.text === undefined ? undefined : await checkUpdateText(store, change.text);
  return changeAppended(store, id, (article) => {
    mayChangeUpdates(actor, article);
    requireUpdate(article, updateId);
    const mended = (u: LiveUpdate): LiveUpdate => {
      const { key, ...rest } = { ...u, ...(clean === undefined ? {} : { text: clean }) };
      const marked = change.key ?? key === true;
      return marked ? { ...rest, key: true } : rest;
    };
    return { liveUpdates: article.liveUpdates.map((u) => (u.id === updateId ? mended(u) : u)) };
  }, actor);
}

/** Takes an update down (posted in error). */
export async function removeLiveUpdate(store: Store, actor: Actor, id: number, updateId: number): Promise<Article> {
  return changeAppended(store, id, (article) => {
    mayChangeUpdates(actor, article);
    requireUpdate(article, updateId);
    return { liveUpdates: article.liveUpdates.filter((u) => u.id !== updateId) };
  }, actor);
}
