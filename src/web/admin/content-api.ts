/**
 * The Content API (issue #5): the read side for other front ends, under
 * `/api/content`. Only public articles (published, their time come). Open,
 * or keyed when SAHIFA_CONTENT_API_KEY is set; CORS for the origins in
 * SAHIFA_CORS_ORIGINS.
 */
import cors from '@fastify/cors';
import type { FastifyPluginAsync } from 'fastify';
import { createHash, timingSafeEqual } from 'node:crypto';
import type { ImageRef } from '../../content/image.js';
import { AppError, notFound } from '../../services/newsroom-errors.js';
import type { Store } from '../../store/store.js';
import { mediaUrl, srcsetOf } from '../../media/images.js';
import { articleUrl, authorUrl, bylineOf, tagUrl } from '../urls.js';
import { portraitJson, profileJson } from './profile-json.js';
import { authorsIndex } from '../../services/authors.js';
import { cardFor } from '../../content/authors.js';
import { bylinesOf } from '../../content/bylines.js';
import { dayRange } from '../zoned.js';
import type { NewsroomConfig } from './config.js';
import { sendJsonError, toAppError } from './http.js';
import * as S from './schemas.js';
import { breakingUntilSchema, correctionsSchema, figureJson, figureProperties, videoJson, videoProperties, linkProperties, listFilter, listQuery, liveSchema, liveUpdatesItems, liveUpdatesJson, summaryProperties, type ListQuerystring } from '../api-schemas.js';
import type { Section } from '../../content/body.js';
import { bodySections } from '../../content/live.js';
import { KEPT_HOURS, MOST_READ_COUNT, WINDOW_HOURS, windowStart } from '../plugins/most-read.js';
import { headlineFields } from '../../content/article.js';
import { CORRECTIONS_SHOWN } from '../pages/corrections.js';

export interface ContentApiOptions {
  store: Store;
  config: NewsroomConfig;
  /** The newsroom's zone, in which a search's days are read. */
  timeZone: string;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

export function imageJson(image: ImageRef | null | undefined) {
  if (!image) return null;
  return {
    alt: image.alt,
    width: image.width,
    height: image.height,
    url: mediaUrl(image.original.file),
    srcset: srcsetOf(image.webp),
  };
}

const SummarySchema = {
  type: 'object',
  properties: {
    ...summaryProperties,
    url: { type: 'string' },
    featureImage: { type: ['object', 'null'], additionalProperties: true },
  },
} as const;

/** A section as the Content API gives it: its blocks' text and sanitized HTML. */
const sectionProperties = {
  heading: { type: ['string', 'null'] },
  blocks: {
    type: 'array',
    items: {
      type: 'object',
      properties: {
        kind: { type: 'string', enum: ['paragraph', 'quote', 'figure', 'video'] },
        text: { type: 'string' },
        html: { type: 'string' },
        figure: { type: 'object', properties: figureProperties },
        video: { type: 'object', properties: videoProperties },
      },
    },
  },
} as const;

function sectionJson(s: Section) {
  return {
    heading: s.heading,
    blocks: s.blocks.map((b) => (b.figure ? { ...b, figure: figureJson(b.figure) } : b.video ? { ...b, video: videoJson(b.video) } : b)),
  };
}

const LinkSchema = { type: 'object', properties: { ...linkProperties, url: { type: 'string' } } } as const;

export const contentApi: FastifyPluginAsync<ContentApiOptions> = async (app, { store, config, timeZone }) => {
  const origins = config.corsOrigins;
  if (origins === '*' || origins.length) {
    await app.register(cors, { origin: origins === '*' ? '*' : origins, methods: ['GET', 'HEAD', 'OPTIONS'], maxAge: 600 });
  }
  const keys = config.contentApiKeys.map(digest);
  if (keys.length) {
    app.addHook('onRequest', async (req) => {
      if (req.method === 'OPTIONS') return;
      const auth = req.headers.authorization;
      const given = /^Bearer\s+(\S+)$/i.exec(auth ?? '')?.[1] ?? (req.headers['x-api-key'] as string | undefined);
      if (!given || !keys.some((k) => timingSafeEqual(k, digest(given)))) {
        throw new AppError(401, 'unauthorized', 'This Content API wants a key: Authorization: Bearer <key>', 'واجهة المحتوى تتطلب مفتاحاً');
      }
    });
  }
  app.setErrorHandler((err, req, reply) => {
    const error = toAppError(err, config.maxUploadBytes);
    if (error.status >= 500) req.log.error(err);
    return sendJsonError(reply, error);
  });
  app.setNotFoundHandler((_req, reply) => sendJsonError(reply, notFound('route', 'غير موجود')));

  const common = { tags: ['content'], ...(keys.length ? { security: [{ contentKey: [] }] } : {}) };

  app.get<{ Querystring: ListQuerystring }>('/articles', {
    schema: {
      ...common,
      summary: 'Public articles, newest first',
      querystring: listQuery,
      response: { 200: { type: 'object', properties: { total: { type: 'integer' }, page: { type: 'integer' }, limit: { type: 'integer' }, articles: { type: 'array', items: SummarySchema } } }, ...S.errors(400, 401) },
    },
  }, async (req) => {
    const { page, limit } = req.query;
    const { total, articles } = await store.listArticles({ page, limit, ...listFilter(req.query) });
    return {
      total,
      page,
      limit,
      articles: articles.map((a) => ({ ...a, url: articleUrl(a.slug), featureImage: imageJson(a.featureImage) })),
    };
  });

  app.get<{ Params: { slug: string } }>('/articles/:slug', {
    schema: {
      ...common,
      summary: 'One public article: text, sections (plain and sanitized HTML), links, feature image',
      params: { type: 'object', properties: { slug: { type: 'string', maxLength: 200 } } },
      response: {
        200: {
          type: 'object',
          properties: {
            ...SummarySchema.properties,
            breakingUntil: breakingUntilSchema,
            corrections: correctionsSchema,
            author: { type: 'string' },
            coAuthors: { type: 'array', items: { type: 'string' }, description: 'The other bylines, in order' },
            authorProfiles: { type: 'array', items: S.AuthorProfileSchema, description: "The profiles of the bylines that have one, in the byline's order" },
            updatedAt: { type: 'string' },
            body: { type: 'string', description: 'Markdown' },
            sections: { type: 'array', items: { type: 'object', properties: sectionProperties } },
            live: liveSchema,
            liveUpdates: liveUpdatesItems(sectionProperties),
            seeAlso: { type: 'array', items: LinkSchema },
            related: { type: 'array', items: LinkSchema },
          },
        },
        ...S.errors(401, 404),
      },
    },
  }, async (req) => {
    const a = await store.getArticle(req.params.slug);
    if (!a) throw notFound();
    const link = (l: { slug: string; title: string }) => ({ ...l, url: articleUrl(l.slug) });
    return {
      ...headlineFields(a),
      authorProfiles: bylinesOf(a).flatMap((name) => {
        const card = cardFor(a.authorCards, name);
        return card ? [profileJson(name, card)] : [];
      }),
      publishedAt: a.publishedAt,
      updatedAt: a.updatedAt,
      featured: a.featured,
      genre: a.genre,
      ...(a.genre === 'sponsored' ? { sponsor: a.sponsor } : {}),
      breakingUntil: a.breakingUntil,
      corrections: a.corrections,
      url: articleUrl(a.slug),
      featureImage: imageJson(a.featureImage),
      body: a.body,
      sections: bodySections(a.sections).map(sectionJson),
      live: a.live,
      liveUpdates: liveUpdatesJson(a, sectionJson),
      seeAlso: a.seeAlso.map(link),
      related: a.related.map(link),
    };
  });

  app.get<{ Querystring: { limit: number } }>('/corrections', {
    schema: {
      ...common,
      summary: 'The corrections published under public stories, newest first (the site\'s /corrections page)',
      querystring: { type: 'object', additionalProperties: false, properties: { limit: { type: 'integer', minimum: 1, maximum: CORRECTIONS_SHOWN, default: 20 } } },
      response: {
        200: {
          type: 'object',
          properties: {
            corrections: {
              type: 'array',
              items: { type: 'object', properties: { at: { type: 'string' }, text: { type: 'string' }, article: { type: 'object', properties: { ...LinkSchema.properties, publishedAt: { type: 'string' } } } } },
            },
          },
        },
        ...S.errors(400, 401),
      },
    },
  }, async (req) => {
    const corrections = await store.listCorrections(req.query.limit);
    return { corrections: corrections.map(({ at, text, article }) => ({ at, text, article: { slug: article.slug, title: article.title, url: articleUrl(article.slug), publishedAt: article.publishedAt } })) };
  });

  app.get('/breaking', {
    schema: {
      ...common,
      summary: 'The breaking news the site shows now ("عاجل"): the newest public story marked breaking, or null',
      response: {
        200: {
          type: 'object',
          properties: {
            breaking: {
              type: ['object', 'null'],
              properties: { ...linkProperties, url: { type: 'string' }, publishedAt: { type: 'string' }, until: { type: 'string' } },
            },
          },
        },
        ...S.errors(401),
      },
    },
  }, async () => {
    const { story } = await store.breakingNews(new Date().toISOString());
    return { breaking: story && { slug: story.slug, title: story.title, url: articleUrl(story.slug), publishedAt: story.publishedAt, until: story.until } };
  });

  app.get<{ Querystring: { limit: number; hours: number } }>('/most-read', {
    schema: {
      ...common,
      summary: 'The public stories most read in the last hours ("الأكثر قراءة"), with their readers’ visits (none when the site counts none)',
      querystring: {
        type: 'object',
        properties: {
          limit: { type: 'integer', minimum: 1, maximum: 50, default: MOST_READ_COUNT },
          hours: { type: 'integer', minimum: 1, maximum: KEPT_HOURS, default: WINDOW_HOURS, description: `The period, in hours up to ${KEPT_HOURS} (a week)` },
        },
      },
      response: {
        200: { type: 'object', properties: { mostRead: { type: 'array', items: { type: 'object', properties: { ...LinkSchema.properties, views: { type: 'integer' } } } } } },
        ...S.errors(400, 401),
      },
    },
  }, async (req) => {
    const now = new Date();
    const stories = await store.mostRead(windowStart(now, req.query.hours), now.toISOString(), req.query.limit);
    return { mostRead: stories.map((s) => ({ slug: s.slug, title: s.title, url: articleUrl(s.slug), views: s.views })) };
  });

  app.get<{ Params: { slug: string } }>('/articles/:slug/related', {
    schema: {
      ...common,
      summary: 'The links shown under a public article: see-also and related news',
      params: { type: 'object', properties: { slug: { type: 'string', maxLength: 200 } } },
      response: { 200: { type: 'object', properties: { seeAlso: { type: 'array', items: LinkSchema }, related: { type: 'array', items: LinkSchema } } }, ...S.errors(401, 404) },
    },
  }, async (req) => {
    const a = await store.getArticle(req.params.slug);
    if (!a) throw notFound();
    const link = (l: { slug: string; title: string }) => ({ ...l, url: articleUrl(l.slug) });
    return { seeAlso: a.seeAlso.map(link), related: a.related.map(link) };
  });

  app.get('/tags', {
    schema: {
      ...common,
      summary: 'Tags with public articles',
      response: {
        200: {
          type: 'array',
          items: {
            type: 'object',
            properties: { name: { type: 'string' }, slug: { type: 'string' }, description: { type: 'string' }, count: { type: 'integer' }, url: { type: 'string' }, lastModified: { type: 'string' } },
          },
        },
        ...S.errors(401),
      },
    },
  }, async () => (await store.listTags()).map((t) => ({ ...t, url: tagUrl(t.name) })));

  app.get('/authors', {
    schema: {
      ...common,
      summary: "Bylines with public articles, each at its page's spelling, with its profile's job title and portrait (the whole profile at /authors/:name; one's articles with /articles?author=)",
      response: {
        200: {
          type: 'array',
          items: {
            type: 'object',
            properties: {
              name: { type: 'string' },
              count: { type: 'integer' },
              url: { type: 'string' },
              lastModified: { type: 'string' },
              jobTitle: { type: ['string', 'null'], description: 'null: no profile' },
              image: S.PortraitSchema,
            },
          },
        },
        ...S.errors(401),
      },
    },
  }, async () =>
    (await authorsIndex(store)).map((a) => ({
      name: a.byline,
      count: a.count,
      url: authorUrl(a.byline),
      lastModified: a.lastModified,
      jobTitle: a.card?.jobTitle ?? null,
      image: portraitJson(a.card?.image ?? null),
    })),
  );

  app.get<{ Params: { name: string } }>('/authors/:name', {
    schema: {
      ...common,
      summary: "An author's profile: job title, biography, portrait and links (the name in any spelling; _ for spaces). 404 for a byline without public articles or without a profile.",
      params: { type: 'object', required: ['name'], properties: { name: { type: 'string', minLength: 1, maxLength: 200 } } },
      response: { 200: S.AuthorProfileSchema, ...S.errors(401, 404) },
    },
  }, async (req) => {
    const byline = bylineOf(req.params.name);
    // Public: only the profile of someone the site shows (a profile kept for a byline with drafts only stays private).
    const [profile, listed] = await Promise.all([store.newsroom.authorProfile(byline), store.listArticles({ page: 1, limit: 1, author: byline })]);
    if (!profile || listed.total === 0) throw notFound('author', 'لا يوجد ملف لهذا الكاتب');
    return profileJson(listed.byline ?? profile.byline, profile);
  });

  // Search, when the store has it (issue #3).
  if (typeof (store as Partial<Store>).search === 'function') {
    app.get<{ Querystring: { q: string; page: number; limit: number; tag?: string; sort?: 'relevance' | 'date'; from?: string; to?: string } }>('/search', {
      schema: {
        ...common,
        summary: 'Search public articles',
        querystring: {
          type: 'object',
          required: ['q'],
          properties: {
            q: { type: 'string', maxLength: 500 },
            page: { type: 'integer', minimum: 1, maximum: 1000, default: 1 },
            limit: { type: 'integer', minimum: 1, maximum: 100, default: 12 },
            tag: { type: 'string', maxLength: 100 },
            sort: { type: 'string', enum: ['relevance', 'date'] },
            from: { type: 'string', maxLength: 10, description: "A day, YYYY-MM-DD in the newsroom's time zone: published on it or after" },
            to: { type: 'string', maxLength: 10, description: 'A day, YYYY-MM-DD: published on it or before' },
          },
        },
        response: { 200: { type: 'object', additionalProperties: true }, ...S.errors(400, 401) },
      },
    }, async (req) => {
      const { q, page, limit, tag, sort, from, to } = req.query;
      const days = dayRange(from?.trim() || undefined, to?.trim() || undefined, timeZone);
      if ('error' in days) {
        const [ar, en] = days.error.split(' / ');
        throw new AppError(400, 'invalid_field', en!, ar!, days.field);
      }
      const results = await store.search({ q, page, limit, ...(tag ? { tag } : {}), ...(sort ? { sort } : {}), ...days });
      return { ...results, hits: results.hits.map((h) => ({ ...h, url: articleUrl(h.slug) })) };
    });
  }
};
