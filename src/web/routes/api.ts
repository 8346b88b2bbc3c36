/** The JSON API of the reader's side: lists and articles. */
import type { FastifyPluginAsync } from 'fastify';
import { relatedLinks } from '../../related/engine.js';
import type { Store } from '../../store/store.js';
import { breakingUntilSchema, correctionsSchema, figureJson, figureProperties, videoJson, videoProperties, linkProperties, listFilter, listQuery, liveSchema, liveUpdatesItems, liveUpdatesJson, summaryProperties, type ListQuerystring } from '../api-schemas.js';
import type { Section } from '../../content/body.js';
import { bodySections } from '../../content/live.js';
import { headlineFields } from '../../content/article.js';

export interface ApiRoutesOptions {
  store: Store;
}


// Response shapes: Fastify serializes only what they declare, so internal
// fields (ids, image records) stay inside.
const link = { type: 'object', properties: linkProperties } as const;
const summary = { type: 'object', properties: summaryProperties } as const;
const sectionProperties = {
  heading: { type: ['string', 'null'] },
  paragraphs: { type: 'array', items: { type: 'string' } },
  quotes: { type: 'array', items: { type: 'integer' } },
  figures: {
    type: 'array',
    items: {
      type: 'object',
      properties: { index: { type: 'integer' }, ...figureProperties },
    },
  },
  videos: { type: 'array', items: { type: 'object', properties: { index: { type: 'integer' }, ...videoProperties } } },
} as const;

function sectionJson(s: Section) {
  return {
    heading: s.heading,
    paragraphs: s.blocks.map((b) => b.text),
    quotes: s.blocks.flatMap((b, i) => (b.kind === 'quote' ? [i] : [])),
    // A figure's entry in paragraphs is its caption; here is its image, by the same index.
    figures: s.blocks.flatMap((b, i) => (b.kind === 'figure' && b.figure ? [{ index: i, ...figureJson(b.figure) }] : [])),
    // Likewise a video's entry in paragraphs is its caption.
    videos: s.blocks.flatMap((b, i) => (b.video ? [{ index: i, ...videoJson(b.video) }] : [])),
  };
}
const listResponse = {
  200: { type: 'object', properties: { total: { type: 'integer' }, page: { type: 'integer' }, articles: { type: 'array', items: summary } } },
} as const;
const articleResponse = {
  200: {
    type: 'object',
    properties: {
      ...summary.properties,
      breakingUntil: breakingUntilSchema,
      corrections: correctionsSchema,
      author: { type: 'string' },
      coAuthors: { type: 'array', items: { type: 'string' } },
      source: { type: 'string' },
      updatedAt: { type: 'string' },
      body: { type: 'string' },
      sections: { type: 'array', items: { type: 'object', properties: sectionProperties } },
      live: liveSchema,
      liveUpdates: liveUpdatesItems(sectionProperties),
      seeAlso: { type: 'array', items: link },
      related: { type: 'array', items: link },
    },
  },
} as const;

export const apiRoutes: FastifyPluginAsync<ApiRoutesOptions> = async (app, { store }) => {
  app.get<{ Querystring: ListQuerystring }>(
    '/api/articles',
    { schema: { querystring: listQuery, response: listResponse } },
    async (req) => {
      const { page, limit } = req.query;
      const { total, articles } = await store.listArticles({ page, limit, ...listFilter(req.query) });
      return { total, page, articles };
    },
  );

  app.get<{ Params: { slug: string } }>('/api/articles/:slug', { schema: { response: articleResponse } }, async (req, reply) => {
    const a = await store.getArticle(req.params.slug);
    if (!a) return reply.code(404).send({ error: 'not_found', message: 'لم نجد هذا الخبر / article not found' });
    return {
      ...headlineFields(a),
      source: a.source,
      publishedAt: a.publishedAt,
      updatedAt: a.updatedAt,
      featured: a.featured,
      genre: a.genre,
      ...(a.genre === 'sponsored' ? { sponsor: a.sponsor } : {}),
      breakingUntil: a.breakingUntil,
      corrections: a.corrections,
      body: a.body,
      sections: bodySections(a.sections).map(sectionJson),
      live: a.live,
      liveUpdates: liveUpdatesJson(a, sectionJson),
      seeAlso: a.seeAlso,
      related: a.related,
    };
  });

  // Related news (issue #4): the engine's best matches for an article, with their scores.
  app.get<{ Params: { slug: string }; Querystring: { limit: number } }>(
    '/api/articles/:slug/related',
    { schema: { querystring: { type: 'object', properties: { limit: { type: 'integer', minimum: 1, maximum: 20, default: 3 } } } } },
    async (req, reply) => {
      const a = await store.getArticle(req.params.slug);
      if (!a) return reply.code(404).send({ error: 'not_found', message: 'لم نجد هذا الخبر / article not found' });
      return { related: await relatedLinks(store, a.id, req.query.limit) };
    },
  );
};
