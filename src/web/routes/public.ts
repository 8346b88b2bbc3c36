/** The reader's site: home, tag pages, author pages, article pages. */
import type { FastifyPluginAsync } from 'fastify';
import { bylineKey, bylinesOf } from '../../content/bylines.js';
import { tagKey } from '../../content/tags.js';
import type { Store } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { articlePage } from '../pages/article.js';
import { authorsIndexPage } from '../pages/author.js';
import { authorsIndex, profileCards } from '../../services/authors.js';
import { SECTIONS } from '../pages/layout.js';
import { HOME_LEAD, SECTION_HEADLINES, listPage, notFoundPage } from '../pages/list.js';
import { GENRE_PAGES, type PagedGenre } from '../pages/genre.js';
import { CORRECTIONS_SHOWN, correctionsPage } from '../pages/corrections.js';
import { CACHE, setLastModified } from '../plugins/conditional.js';
import { articleUrl, authorUrl, bylineOf, pageUrl, tagUrl } from '../urls.js';

export interface PublicRoutesOptions {
  store: Store;
  site: SiteConfig;
}

const pageQuery = {
  type: 'object',
  properties: { page: { type: 'integer', minimum: 1, maximum: 100000, default: 1 } },
} as const;

/** The home page's query: a page, or a WordPress post's "plain" permalink (?p=109) on a migrated site. */
const homeQuery = {
  type: 'object',
  properties: { ...pageQuery.properties, p: { type: 'string' } },
} as const;

export const publicRoutes: FastifyPluginAsync<PublicRoutesOptions> = async (app, { store, site }) => {
  app.get<{ Querystring: { page: number; p?: string } }>('/', { schema: { querystring: homeQuery } }, async (req, reply) => {
    const { page, p } = req.query;
    if (p !== undefined && /^\d{1,12}$/.test(p)) {
      // Recorded by the WordPress import (services/import.ts). Anything else is the home page: a `p` may be anyone's.
      const moved = await store.newsroom.resolveRedirect(`?p=${p}`);
      if (moved) return reply.redirect(articleUrl(moved), 301);
    }
    // One store read (one round trip on PostgreSQL): the page, its count, its Last-Modified and, on the
    // first page, the featured stories it leads with. The latest below leave those out; later pages
    // are the plain list, so that no article is skipped between page 1 and page 2. The first page
    // also ends with the sections' blocks (a second read): enough of each that those shown above can
    // be left out.
    const first = page === 1;
    const [{ total, articles, lastModified, lead = [] }, sections, newestColumns] = await Promise.all([
      store.listArticles({ page, limit: site.pageSize, ...(first ? { lead: HOME_LEAD } : {}) }),
      // Enough of each section for its block after those shown above and in the columns' block.
      first ? store.listSections(SECTIONS, 2 * SECTION_HEADLINES + HOME_LEAD + site.pageSize) : [],
      // The columns' block: as many as the sections', past those the page shows above.
      first ? store.listArticles({ page: 1, limit: SECTION_HEADLINES + HOME_LEAD + site.pageSize, genre: 'opinion' }) : null,
    ]);
    const headlines = sections.flatMap((s) => s.articles);
    const columns = newestColumns?.articles ?? [];
    // The blocks' headlines date the page too (one edited changes it).
    setLastModified(reply, lastModified ?? null, newestColumns?.lastModified ?? null, ...headlines.flatMap((a) => [a.publishedAt, a.updatedAt]));
    reply.header('cache-control', CACHE.short).type('text/html; charset=utf-8');
    // A section's new story or column changes the home list too (ChangeSet.listings), so the cards are all it adds.
    reply.cacheFor(['list:home', ...[...lead, ...articles, ...headlines, ...columns].map((a) => `card:${a.id}`)]);
    return listPage({ heading: 'آخر الأخبار', base: '/', page, pageSize: site.pageSize, total, articles, lead, sections, columns }, site, site.name).value;
  });

  // The columns and the analyses, newest first: the home list narrowed to a genre (migration 0023's index).
  for (const [genre, { path, heading }] of Object.entries(GENRE_PAGES) as [PagedGenre, (typeof GENRE_PAGES)[PagedGenre]][]) {
    app.get<{ Querystring: { page: number } }>(path, { schema: { querystring: pageQuery } }, async (req, reply) => {
      const { page } = req.query;
      const { total, articles, lastModified } = await store.listArticles({ page, limit: site.pageSize, genre });
      // Each writer's portrait beside their name: the page's few bylines' profiles.
      const bylines = articles.map((a) => a.author).filter(Boolean);
      const writers = await profileCards(store, bylines);
      setLastModified(reply, lastModified ?? null);
      reply.header('cache-control', CACHE.short).type('text/html; charset=utf-8');
      // Which pieces it lists changes with the home list (a publication, a change of genre: ChangeSet.listings); a portrait with its profile.
      reply.cacheFor(['list:home', ...articles.map((a) => `card:${a.id}`), ...new Set(bylines.map((b) => `list:profile:${bylineKey(b)}`))]);
      return listPage({ heading, base: path, page, pageSize: site.pageSize, total, articles, genre, writers }, site).value;
    });
  }

  app.get<{ Params: { tag: string }; Querystring: { page: number } }>(
    '/tags/:tag',
    { schema: { querystring: pageQuery } },
    async (req, reply) => {
      const { page } = req.query;
      // One store read: the tag, its count, the page and its Last-Modified.
      const { total, articles, lastModified, tag } = await store.listArticles({ page, limit: site.pageSize, tag: req.params.tag });
      if (!tag || tag.count === 0) {
        // A renamed tag's old address (tag_aliases, kept by the rename) moves for good.
        const renamed = tag ? null : await store.tagNameByAlias(tagKey(req.params.tag));
        if (renamed) return reply.redirect(pageUrl(tagUrl(renamed), page), 301);
        return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(site, 'لا يوجد وسم بهذا الاسم.').value);
      }
      setLastModified(reply, lastModified ?? null);
      reply.header('cache-control', CACHE.short).type('text/html; charset=utf-8');
      reply.cacheFor([`list:tag:${tagKey(tag.name)}`, ...articles.map((a) => `card:${a.id}`)]);
      return listPage({ heading: `#${tag.slug}`, base: tagUrl(tag.name), page, pageSize: site.pageSize, total, articles, tag: tag.name, tagAbout: tag.description }, site).value;
    },
  );

  // The authors' index: every byline with public stories, with what its profile says, in the alphabet's order.
  app.get('/corrections', async (_req, reply) => {
    const corrections = await store.listCorrections(CORRECTIONS_SHOWN);
    reply.header('cache-control', CACHE.short).type('text/html; charset=utf-8');
    reply.cacheFor(['list:corrections']);
    return correctionsPage(corrections, site).value;
  });

  app.get('/authors', async (_req, reply) => {
    const authors = await authorsIndex(store);
    reply.header('cache-control', CACHE.short).type('text/html; charset=utf-8');
    reply.cacheFor(['list:authors', ...authors.map((a) => `list:profile:${bylineKey(a.byline)}`)]);
    return authorsIndexPage(authors, site).value;
  });

  // Every byline has a page, as WordPress and Ghost give each author an archive: the articles signed
  // with it. It is the article's "اسم الكاتب" as typed, not an account (a newsroom signs agency copy too),
  // in any spelling (أحمد, احمد: content/bylines.ts); other spellings' addresses redirect to the newest's.
  app.get<{ Params: { name: string }; Querystring: { page: number } }>(
    '/authors/:name',
    { schema: { querystring: pageQuery } },
    async (req, reply) => {
      const { page } = req.query;
      const asked = bylineOf(req.params.name);
      const { total, articles, lastModified, byline } = asked ? await store.listArticles({ page, limit: site.pageSize, author: asked }) : { total: 0, articles: [], byline: null };
      if (total === 0 || !byline) return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(site, 'لا توجد أخبار بهذا الاسم.').value);
      // Compared as addresses: a byline's spaces and underscores all read as one _ there (no redirect loop).
      if (authorUrl(asked) !== authorUrl(byline)) return reply.redirect(pageUrl(authorUrl(byline), page), 301);
      const authorCard = await store.newsroom.authorProfile(byline);
      setLastModified(reply, lastModified, authorCard?.updatedAt);
      reply.header('cache-control', CACHE.short).type('text/html; charset=utf-8');
      reply.cacheFor([`list:author:${bylineKey(byline)}`, `list:profile:${bylineKey(byline)}`, ...articles.map((a) => `card:${a.id}`)]);
      return listPage({ heading: byline, base: authorUrl(byline), page, pageSize: site.pageSize, total, articles, author: byline, authorCard }, site).value;
    },
  );

  app.get<{ Params: { slug: string } }>('/articles/:slug', async (req, reply) => {
    const article = await store.getArticleView(req.params.slug);
    if (!article) {
      // Newsroom (issue #5): a published article whose slug changed keeps its old URL.
      const moved = await store.newsroom.resolveRedirect(req.params.slug);
      if (moved) return reply.redirect(articleUrl(moved), 301);
      return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(site, 'لم نجد هذا الخبر.').value);
    }
    setLastModified(reply, article.updatedAt, article.publishedAt, ...Object.values(article.authorCards ?? {}).map((c) => c.updatedAt));
    // A live story changes by the minute, as lists do.
    reply.header('cache-control', article.live === 'live' ? CACHE.short : CACHE.article).type('text/html; charset=utf-8');
    reply.cacheFor([
      `page:${article.id}`,
      ...bylinesOf(article).map((name) => `list:profile:${bylineKey(name)}`),
      ...[...article.seeAlso, ...article.related].map((l) => `card:${l.id}`),
    ]);
    return articlePage(article, site).value;
  });
};
