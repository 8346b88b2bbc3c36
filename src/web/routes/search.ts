/**
 * Search, for readers and for programs:
 *   GET /search?q=&page=&tag=&sort=&from=&to=            the results page
 *   GET /api/search?q=&page=&limit=&tag=&sort=&from=&to= {"total","totalExact","page","results":[…],"fallback"}
 *   (from, to: days, YYYY-MM-DD in the newsroom's time zone, both whole)
 *   (past 10,000 matches the count stops: total 10000, totalExact false)
 *
 * Inputs are checked by schema: q at most MAX_QUERY_LENGTH (500) characters,
 * page 1–1000, limit 1–50, sort relevance|date, tag at most 100 characters.
 * Anything else is a 400 with {error, message} (the server's error handler);
 * whatever q holds within those bounds gets an answer (see search/query.ts).
 */
import type { FastifyPluginAsync, FastifySchemaValidationError } from 'fastify';
import { MAX_QUERY_LENGTH } from '../../search/query.js';
import type { SearchSort } from '../../search/types.js';
import type { Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { searchPage } from '../pages/search.js';
import { dayRange } from '../zoned.js';

export interface SearchRoutesOptions {
  store: Store;
  site: SiteConfig;
}

export const MAX_SEARCH_PAGE = 1000;
export const MAX_SEARCH_LIMIT = 50;

interface SearchQuerystring {
  q: string;
  page: number;
  limit?: number;
  tag?: string;
  sort: SearchSort;
  /** Days, 'YYYY-MM-DD' in the newsroom's time zone: published from the first to the last, both whole. */
  from?: string;
  to?: string;
}

const querystring = {
  type: 'object',
  properties: {
    q: { type: 'string', maxLength: MAX_QUERY_LENGTH, default: '' },
    page: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_PAGE, default: 1 },
    limit: { type: 'integer', minimum: 1, maximum: MAX_SEARCH_LIMIT },
    tag: { type: 'string', maxLength: 100 },
    sort: { type: 'string', enum: ['relevance', 'date'], default: 'relevance' },
    from: { type: 'string', maxLength: 10 },
    to: { type: 'string', maxLength: 10 },
  },
} as const;

/** Messages a reader can act on, in Arabic then English. */
function explain(errors: FastifySchemaValidationError[]): Error {
  const e = errors[0];
  const field = e?.instancePath.replace(/^\//, '') || (e?.params as { missingProperty?: string } | undefined)?.missingProperty || '';
  const messages: Record<string, string> = {
    q:
      e?.keyword === 'maxLength'
        ? `نص البحث أطول من ${MAX_QUERY_LENGTH} حرف / q must be at most ${MAX_QUERY_LENGTH} characters`
        : 'نص بحث واحد فقط / q must be one string',
    page: `رقم الصفحة من 1 إلى ${MAX_SEARCH_PAGE} / page must be an integer from 1 to ${MAX_SEARCH_PAGE}`,
    limit: `عدد النتائج من 1 إلى ${MAX_SEARCH_LIMIT} / limit must be an integer from 1 to ${MAX_SEARCH_LIMIT}`,
    tag: 'وسم واحد لا يزيد على 100 حرف / tag must be one string of at most 100 characters',
    sort: 'الترتيب relevance أو date / sort must be relevance or date',
    from: 'اليوم بصيغة YYYY-MM-DD / from must be a day, YYYY-MM-DD',
    to: 'اليوم بصيغة YYYY-MM-DD / to must be a day, YYYY-MM-DD',
  };
  return new Error(messages[field] ?? `طلب بحث غير صالح / invalid search request: ${e?.message ?? ''}`.trim());
}

function badRequest(message: string): Error {
  return Object.assign(new Error(message), { statusCode: 400 });
}

/** The query's days as the store's instants; a 400 when they are not days or run backwards. */
export function searchDays(from: string | undefined, to: string | undefined, timeZone: string): { from?: string; to?: string } {
  const range = dayRange(from?.trim() || undefined, to?.trim() || undefined, timeZone);
  if ('error' in range) throw badRequest(range.error);
  return range;
}

export const searchRoutes: FastifyPluginAsync<SearchRoutesOptions> = async (app, { store, site }) => {
  app.get<{ Querystring: SearchQuerystring }>(
    '/search',
    { schema: { querystring }, schemaErrorFormatter: explain },
    async (req, reply) => {
      const { q, page, tag, sort } = req.query;
      const query = q.trim();
      const days = { from: req.query.from?.trim() ?? '', to: req.query.to?.trim() ?? '' };
      // Days that are not days, or run backwards: the page says so and searches every day (a 400, not a blank page).
      const range = dayRange(days.from || undefined, days.to || undefined, site.timeZone);
      const dateError = 'error' in range ? range.error.split(' / ')[0]! : undefined;
      const results = await store.search({ q: query, page, limit: site.pageSize, sort, ...(tag ? { tag } : {}), ...('error' in range ? {} : range) });
      const latest = results.total === 0 ? (await store.listArticles({ page: 1, limit: 5 })).articles : [];
      reply.code(dateError ? 400 : 200).header('cache-control', 'public, max-age=60').type('text/html; charset=utf-8');
      return searchPage({ q: query, ...(tag ? { tag } : {}), sort, ...days, ...(dateError ? { dateError } : {}), results, latest }, site).value;
    },
  );

  app.get<{ Querystring: SearchQuerystring }>(
    '/api/search',
    { schema: { querystring }, schemaErrorFormatter: explain },
    async (req, reply) => {
      const { q, page, limit = 10, tag, sort, from, to } = req.query;
      if (!q.trim() && !tag?.trim()) throw badRequest('أدخل نص البحث أو وسماً / q or tag is required');
      const r = await store.search({ q: q.trim(), page, limit, sort, ...(tag ? { tag } : {}), ...searchDays(from, to, site.timeZone) });
      reply.header('cache-control', 'public, max-age=60');
      return {
        total: r.total,
        totalExact: r.totalExact,
        page: r.page,
        results: r.hits.map((h) => ({
          slug: h.slug,
          title: h.title,
          snippet: h.snippet,
          publishedAt: h.publishedAt,
          tags: h.tags,
          ...(h.genre ? { genre: h.genre } : {}),
          score: h.score,
        })),
        fallback: r.fallback,
      };
    },
  );
};
