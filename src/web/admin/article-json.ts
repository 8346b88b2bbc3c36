/** An article as the Admin API gives it: every field an editor edits, with its status and owner. */
import type { Article } from '../../content/article.js';
import { articleUrl } from '../urls.js';

export function articleJson(a: Article) {
  return {
    id: a.id,
    slug: a.slug,
    title: a.title,
    description: a.description,
    tags: a.tags,
    body: a.body,
    author: a.author,
    coAuthors: a.coAuthors,
    status: a.status,
    publishedAt: a.publishedAt,
    updatedAt: a.updatedAt,
    featureImage: a.featureImageId ?? null,
    featured: a.featured,
    genre: a.genre,
    sponsor: a.sponsor,
    breakingUntil: a.breakingUntil,
    corrections: a.corrections,
    live: a.live,
    liveUpdates: a.liveUpdates,
    ownerId: a.ownerId ?? null,
    url: a.status === 'published' ? articleUrl(a.slug) : null,
  };
}
