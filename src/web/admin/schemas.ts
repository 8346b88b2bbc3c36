/** JSON schemas of the Admin and Content APIs (issue #5), shared by validation and the OpenAPI document. */
import { ADMIN_DESKS } from '../../store/newsroom.js';
import { ARTICLE_STATUSES, LIVE_UPDATE_MAX } from '../../content/article.js';
import { TAG_MAX, TAGS_MAX, TITLE_MAX } from '../../content/validate.js';
import { ROLES } from '../../auth/roles.js';
import { COAUTHORS_MAX } from '../../content/bylines.js';
import { ARTICLE_GENRES, SPONSOR_MAX } from '../../content/genre.js';
import { breakingUntilSchema, correctionsSchema, liveSchema, liveUpdatesSchema } from '../api-schemas.js';

const nullableString = { type: ['string', 'null'] } as const;
const nullableInt = { type: ['integer', 'null'] } as const;

export const ErrorSchema = {
  type: 'object',
  description: 'An error: a stable code, English and Arabic messages, and the field at fault.',
  properties: {
    error: { type: 'string', description: 'Stable code, e.g. invalid_field, unauthorized, forbidden, not_found' },
    message: { type: 'string' },
    message_ar: { type: 'string' },
    field: { type: 'string' },
  },
  required: ['error', 'message', 'message_ar'],
} as const;

export const errors = (...codes: number[]) => Object.fromEntries(codes.map((c) => [c, ErrorSchema]));

/** Who may call an Admin API route: a session with its CSRF token, or an API key. */
export const ADMIN_SECURITY: { [label: string]: string[] }[] = [{ session: [], csrf: [] }, { apiKey: [] }];

/** A route's `:id`, typed. */
export type IdRoute = { Params: { id: number } };

export const IdParams = {
  type: 'object',
  required: ['id'],
  properties: { id: { type: 'integer', minimum: 1 } },
} as const;

export const ImageSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    alt: { type: 'string' },
    width: { type: 'integer' },
    height: { type: 'integer' },
    format: { type: 'string' },
    url: { type: 'string', description: 'The original format, at most 1600 wide' },
    srcset: { type: 'string', description: 'WebP renditions for srcset' },
    createdAt: { type: 'string' },
  },
} as const;

export const AdminArticleSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    slug: { type: 'string' },
    title: { type: 'string' },
    description: { type: 'string' },
    tags: { type: 'array', items: { type: 'string' } },
    body: { type: 'string' },
    author: { type: 'string' },
    coAuthors: { type: 'array', items: { type: 'string' } },
    status: { type: 'string', enum: [...ARTICLE_STATUSES] },
    publishedAt: nullableString,
    updatedAt: { type: 'string' },
    featureImage: nullableInt,
    featured: { type: 'boolean', description: 'The home page leads with it' },
    genre: { type: 'string', enum: [...ARTICLE_GENRES], description: 'News, opinion, analysis or sponsored content' },
    sponsor: { type: 'string', description: "Sponsored content's advertiser, named in its disclosure ('' none)" },
    breakingUntil: breakingUntilSchema,
    corrections: correctionsSchema,
    live: liveSchema,
    liveUpdates: liveUpdatesSchema,
    ownerId: nullableInt,
    url: { ...nullableString, description: 'The public URL once published' },
    linkRules: {
      type: 'object',
      description: 'The editors’ pinned and blocked links (one article’s responses only)',
      properties: {
        pinned: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, slug: { type: 'string' }, title: { type: 'string' } } } },
        blocked: { type: 'array', items: { type: 'object', properties: { id: { type: 'integer' }, slug: { type: 'string' }, title: { type: 'string' } } } },
      },
    },
  },
} as const;

const draftProperties = {
  title: { type: 'string', minLength: 1, maxLength: TITLE_MAX },
  description: { type: 'string', maxLength: 1000 },
  tags: { type: 'array', maxItems: TAGS_MAX, items: { type: 'string', minLength: 1, maxLength: TAG_MAX } },
  body: { type: 'string', minLength: 1, maxLength: 500_000 },
  slug: { type: 'string', maxLength: 200, description: 'Letters and digits joined by hyphens (any script); generated from the title when empty' },
  author: { type: 'string', maxLength: 200, description: 'The byline; defaults to the account name' },
  coAuthors: {
    type: 'array',
    maxItems: COAUTHORS_MAX,
    items: { type: 'string', maxLength: 200 },
    description: 'The other bylines, in order, each with its own page (replaces the list; absent: unchanged)',
  },
  featureImage: { ...nullableInt, minimum: 1, description: 'A media id (POST /api/admin/media)' },
  featured: { type: 'boolean', description: 'Lead the home page with it (editors and owners; absent: unchanged)' },
  genre: {
    type: 'string',
    enum: [...ARTICLE_GENRES],
    description: 'What the piece is, labelled on its page and in lists: news, opinion, analysis, or sponsored content (only editors and owners mark or unmark sponsored content; absent: unchanged)',
  },
  sponsor: { type: 'string', maxLength: SPONSOR_MAX, description: "Sponsored content's advertiser, named in its disclosure; '' none (editors and owners; absent: unchanged)" },
  breakingUntil: {
    type: ['string', 'null'],
    format: 'date-time',
    description: 'Breaking news ("عاجل", the strip on every page) until then, at most 72 hours ahead; null ends it (editors and owners; absent: unchanged)',
  },
  live: {
    ...liveSchema,
    description: 'Live coverage: "live" starts or resumes it, "ended" ends it, null makes it an ordinary story again, its updates kept (absent: unchanged)',
  },
  pinnedLinks: {
    type: 'array',
    maxItems: 6,
    items: { type: 'string', maxLength: 500 },
    description: 'Articles always linked under this one, first and in this order: addresses, slugs or ids (replaces the list)',
  },
  blockedLinks: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 500 }, description: 'Articles never linked under this one (replaces the list)' },
} as const;

export const CreateArticleBody = {
  type: 'object',
  required: ['title', 'body'],
  additionalProperties: false,
  properties: {
    ...draftProperties,
    status: { type: 'string', enum: ['draft', 'submitted', 'published', 'scheduled'], default: 'draft' },
    publishAt: { type: 'string', format: 'date-time', description: 'With status scheduled: when to publish' },
  },
} as const;

export const UpdateArticleBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: draftProperties,
} as const;

export const ListQuery = {
  type: 'object',
  properties: {
    status: { type: 'string', enum: [...ARTICLE_STATUSES] },
    tag: { type: 'string', minLength: 1, maxLength: 100 },
    author: { type: 'string', pattern: '^(me|[0-9]+)$', description: 'An account id, or "me"' },
    byline: { type: 'string', minLength: 1, maxLength: 200, description: 'A byline, in any spelling: the stories it signs, first or co-author' },
    q: { type: 'string', maxLength: 200 },
    desk: { type: 'string', enum: [...ADMIN_DESKS], description: 'The featured stories, those marked breaking for now, or those told live now' },
    genre: { type: 'string', enum: [...ARTICLE_GENRES], description: 'One genre: news, opinion, analysis or sponsored content' },
    page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 },
    limit: { type: 'integer', minimum: 1, maximum: 100, default: 20 },
  },
} as const;

export const CorrectionBody = {
  type: 'object',
  required: ['text'],
  additionalProperties: false,
  properties: { text: { type: 'string', minLength: 1, maxLength: 2000, description: 'What was wrong and what is right (at most 1,000 letters once spaces are folded)' } },
} as const;

const liveUpdateProperties = {
  text: {
    type: 'string',
    minLength: 1,
    maxLength: LIVE_UPDATE_MAX,
    description: 'Markdown, as in a body: paragraphs, quotations, figures; a subheading at its top is the update’s title',
  },
  key: { type: 'boolean', description: 'One of the key developments ("أبرز التطورات"), listed above the updates' },
} as const;

export const LiveUpdateBody = { type: 'object', required: ['text'], additionalProperties: false, properties: liveUpdateProperties } as const;

/** Mending an update: its text, its mark, or both. */
export const LiveUpdateChange = { type: 'object', minProperties: 1, additionalProperties: false, properties: liveUpdateProperties } as const;

export const LiveUpdateParams = {
  type: 'object',
  required: ['id', 'updateId'],
  properties: { id: { type: 'integer', minimum: 1 }, updateId: { type: 'integer', minimum: 1 } },
} as const;

export const ScheduleBody = {
  type: 'object',
  required: ['publishAt'],
  additionalProperties: false,
  properties: { publishAt: { type: 'string', format: 'date-time' } },
} as const;

export const PreviewBody = {
  type: 'object',
  required: ['title', 'body'],
  properties: {
    id: nullableInt,
    title: { type: 'string', maxLength: TITLE_MAX },
    description: { type: 'string', maxLength: 1000 },
    tags: { type: 'array', maxItems: TAGS_MAX, items: { type: 'string', maxLength: TAG_MAX } },
    body: { type: 'string', maxLength: 500_000 },
    author: { type: 'string', maxLength: 200 },
    coAuthors: { type: 'array', maxItems: COAUTHORS_MAX, items: { type: 'string', maxLength: 200 } },
    featureImage: nullableInt,
    genre: { type: 'string', enum: [...ARTICLE_GENRES] },
    sponsor: { type: 'string', maxLength: SPONSOR_MAX },
    publishedAt: { type: ['string', 'null'], format: 'date-time', description: 'When it is (or will be) published, if not now' },
    pinnedLinks: { type: 'array', maxItems: 6, items: { type: 'string', maxLength: 500 }, description: 'The pinned links as the form has them (else the stored ones)' },
    blockedLinks: { type: 'array', maxItems: 50, items: { type: 'string', maxLength: 500 }, description: 'The blocked links as the form has them (else the stored ones)' },
  },
} as const;

export const SuggestBody = {
  type: 'object',
  required: ['title', 'body'],
  properties: {
    id: { type: 'integer', minimum: 1, description: 'The article being edited, if saved: its links never point at itself' },
    title: { type: 'string', maxLength: TITLE_MAX },
    description: { type: 'string', maxLength: 1000 },
    body: { type: 'string', maxLength: 500_000 },
    tags: { type: 'array', maxItems: TAGS_MAX, items: { type: 'string', maxLength: TAG_MAX } },
    publishedAt: { type: ['string', 'null'], format: 'date-time', description: 'When it is (or will be) published, if not now' },
  },
} as const;

const SuggestedLinkSchema = { type: 'object', properties: { id: { type: 'integer' }, slug: { type: 'string' }, title: { type: 'string' }, score: { type: 'number' } } } as const;

export const PreviewSchema = {
  type: 'object',
  properties: {
    html: { type: 'string' },
    copyOf: {
      anyOf: [{ type: 'null' }, { ...SuggestedLinkSchema, description: 'The stored article (any status) this draft is a near-duplicate of; score: the MinHash similarity' }],
    },
  },
} as const;

export const SuggestionsSchema = {
  type: 'object',
  properties: {
    hashtags: { type: 'array', items: { type: 'string' } },
    description: { type: 'string' },
    entities: { type: 'array', items: { type: 'string' } },
    desk: {
      type: ['object', 'null'],
      description: 'The desk whose words hold most of the text (politics, economy, sport, technology, culture, health), when one holds at least 40 %',
      properties: { name: { type: 'string' }, label: { type: 'string' } },
    },
    links: {
      type: 'object',
      description: 'The links a save would pick now: the related list at the end of the page, the see-also links in the text',
      properties: { related: { type: 'array', items: SuggestedLinkSchema }, seeAlso: { type: 'array', items: SuggestedLinkSchema } },
    },
    source: { type: 'string' },
  },
} as const;

export const UserSchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    email: { type: 'string' },
    name: { type: 'string' },
    role: { type: 'string', enum: [...ROLES] },
    createdAt: { type: 'string' },
  },
} as const;

export const CreateUserBody = {
  type: 'object',
  required: ['email', 'role'],
  additionalProperties: false,
  properties: {
    email: { type: 'string', maxLength: 254 },
    name: { type: 'string', maxLength: 100 },
    role: { type: 'string', enum: [...ROLES] },
    password: { type: 'string', maxLength: 1024, description: 'Generated (and returned once) when left out' },
  },
} as const;

export const UpdateUserBody = {
  type: 'object',
  additionalProperties: false,
  minProperties: 1,
  properties: {
    name: { type: 'string', maxLength: 100 },
    role: { type: 'string', enum: [...ROLES] },
    password: { type: 'string', maxLength: 1024 },
  },
} as const;

export const KeySchema = {
  type: 'object',
  properties: {
    id: { type: 'integer' },
    name: { type: 'string' },
    prefix: { type: 'string' },
    role: { type: 'string', enum: [...ROLES] },
    userId: { type: 'integer' },
    createdAt: { type: 'string' },
    lastUsedAt: nullableString,
    revokedAt: nullableString,
  },
} as const;

export const CreateKeyBody = {
  type: 'object',
  required: ['name', 'role'],
  additionalProperties: false,
  properties: { name: { type: 'string', minLength: 1, maxLength: 100 }, role: { type: 'string', enum: [...ROLES] } },
} as const;

export const TagSchema = {
  type: 'object',
  properties: { id: { type: 'integer' }, name: { type: 'string' }, count: { type: 'integer' }, description: { type: 'string' } },
} as const;

/** An author's portrait, as both APIs give it (profile-json.ts portraitJson); null without one. */
export const PortraitSchema = { anyOf: [{ type: 'null' }, { type: 'object', properties: { id: { type: 'integer' }, url: { type: 'string' }, alt: { type: 'string' } } }] } as const;

/** An author's profile (content/authors.ts), as both APIs give it. */
export const AuthorProfileSchema = {
  type: 'object',
  properties: {
    name: { type: 'string', description: 'The byline, as the profile was last saved under (any spelling finds it)' },
    url: { type: 'string', description: "The author's page" },
    jobTitle: { type: 'string' },
    bio: { type: 'string', description: 'Plain text; paragraphs separated by a blank line' },
    links: { type: 'array', items: { type: 'string' }, description: 'Their pages elsewhere (schema.org sameAs)' },
    image: PortraitSchema,
    updatedAt: { type: 'string' },
  },
} as const;

export const AdminBylineSchema = {
  type: 'object',
  properties: {
    name: { type: 'string' },
    count: { type: 'integer', description: 'Articles of any status' },
    jobTitle: { ...nullableString, description: 'null: no profile' },
    url: { type: 'string' },
  },
} as const;

const lines = { type: 'array', items: { type: 'string' } } as const;
export const ImportReportSchema = {
  type: 'object',
  properties: {
    imported: { type: 'integer', description: 'articles created' },
    updated: { type: 'integer', description: 'articles of an earlier import (same external id) updated' },
    failed: { type: 'integer', description: '1 when the file was refused: nothing of it was imported' },
    skipped: { type: 'integer', description: 'near-duplicates left out (skip_duplicates)' },
    errors: { ...lines, description: 'why the file was refused, naming the bad lines or posts' },
    duplicates: { ...lines, description: 'posts that are near-duplicates of articles already present' },
    notes: { ...lines, description: 'what the file held that did not come in (media, pages)' },
  },
} as const;
