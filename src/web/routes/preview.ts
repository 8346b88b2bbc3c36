/**
 * `/preview/:token`: an unpublished story opened from a link an editor
 * shared (services/preview-links.ts), rendered as its page will be, with a
 * notice over it. Never cached, never indexed, and the page sends no
 * Referer: the token in its address must not reach the sites it links to.
 */
import type { FastifyPluginAsync } from 'fastify';
import { openPreview } from '../../services/preview-links.js';
import type { Store } from '../../store/store.js';
import { renderPreview } from '../admin/preview.js';
import type { SiteConfig } from '../config.js';
import { html } from '../html.js';
import { notFoundPage } from '../pages/list.js';
import { articleUrl } from '../urls.js';

export const previewRoutes: FastifyPluginAsync<{ store: Store; site: SiteConfig }> = async (app, { store, site }) => {
  app.get<{ Params: { token: string } }>('/preview/:token', {
    schema: { params: { type: 'object', properties: { token: { type: 'string', maxLength: 100 } } } },
  }, async (req, reply) => {
    reply.header('cache-control', 'private, no-store').header('x-robots-tag', 'noindex, nofollow').header('referrer-policy', 'no-referrer');
    const found = await openPreview(store, req.params.token);
    if (!found) {
      return reply.code(404).type('text/html; charset=utf-8').send(notFoundPage(site, 'رابط المعاينة غير صالح: انتهت مدته أو ألغاه المحرر.').value);
    }
    if ('published' in found) return reply.redirect(articleUrl(found.published), 302);
    const a = found.article;
    const notice = html`<p class="preview-notice" role="note"><strong>معاينة:</strong> هذا الخبر لم يُنشر بعد، وقد يتغير قبل نشره. لا تنشر هذا الرابط.</p>`;
    const page = await renderPreview(
      store,
      site,
      { id: a.id, slug: a.slug, title: a.title, description: a.description, tags: a.tags, body: a.body, author: a.author, coAuthors: a.coAuthors, featureImage: a.featureImageId ?? null, genre: a.genre, sponsor: a.sponsor, publishedAt: a.publishedAt },
      { notice },
    );
    return reply.type('text/html; charset=utf-8').send(page);
  });
};
