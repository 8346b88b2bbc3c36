/**
 * The addresses a site migrated from WordPress or Ghost gave its posts:
 * /slug/ (Ghost's default, and WordPress's "post name" permalinks) and
 * /2018/01/20/slug/ or /2018/01/slug/ (WordPress's date permalinks). The
 * importers keep each post's slug, so the last segment finds the article,
 * and the old address answers with a permanent redirect to the article's:
 * links from other sites and search engines' entries keep working. So do
 * the archives of a category or tag (/category/sports/, /tag/x/), through
 * the slugs the import recorded (tag_aliases), and an author's (/author/x/)
 * through author_aliases. Anything else is the site's
 * 404. The site's own routes are static paths, which the router tries
 * before these parametric ones.
 */
import type { FastifyPluginAsync, FastifyReply, FastifyRequest } from 'fastify';
import { isValidSlug } from '../../content/slug.js';
import type { Store } from '../../store/store.js';
import { articleUrl, authorUrl, bylineOf, tagUrl } from '../urls.js';

export interface OldAddressOptions {
  store: Store;
}

interface Params {
  slug: string;
  year?: string;
  month?: string;
  day?: string;
}

const DATE_PART: Record<'year' | 'month' | 'day', RegExp> = { year: /^\d{4}$/, month: /^\d{2}$/, day: /^\d{2}$/ };

export const oldAddressRoutes: FastifyPluginAsync<OldAddressOptions> = async (app, { store }) => {
  const handler = async (req: FastifyRequest<{ Params: Params }>, reply: FastifyReply) => {
    const { slug, ...date } = req.params;
    const datesOk = (Object.keys(date) as (keyof typeof DATE_PART)[]).every((k) => DATE_PART[k].test(date[k]!));
    if (datesOk && isValidSlug(slug)) {
      const article = await store.getArticleView(slug);
      const target = article ? article.slug : await store.newsroom.resolveRedirect(slug);
      if (target) return reply.redirect(articleUrl(target), 301);
    }
    return reply.callNotFound();
  };
  for (const path of ['/:slug', '/:year/:month/:slug', '/:year/:month/:day/:slug']) {
    app.get(path, handler);
    app.get(`${path}/`, handler);
  }

  // A tag's or category's archive: its slug there, as the import recorded it, or its name.
  const tagHandler = async (req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) => {
    const name = (await store.tagNameByAlias(req.params.slug.toLowerCase())) ?? req.params.slug;
    const tag = await store.getTag(name);
    if (tag && tag.count > 0) return reply.redirect(tagUrl(tag.name), 301);
    return reply.callNotFound();
  };
  for (const path of ['/category/:slug', '/category/:parent/:slug', '/tag/:slug']) {
    app.get(path, tagHandler);
    app.get(`${path}/`, tagHandler);
  }

  // An author's archive: the login or slug there, as the import recorded it, or the byline itself.
  const authorHandler = async (req: FastifyRequest<{ Params: { slug: string } }>, reply: FastifyReply) => {
    const byline = (await store.bylineByAlias(req.params.slug.toLowerCase())) ?? bylineOf(req.params.slug);
    const signed = byline ? await store.listArticles({ page: 1, limit: 1, author: byline }) : null;
    if (signed?.byline) return reply.redirect(authorUrl(signed.byline), 301);
    return reply.callNotFound();
  };
  app.get('/author/:slug', authorHandler);
  app.get('/author/:slug/', authorHandler);
};
