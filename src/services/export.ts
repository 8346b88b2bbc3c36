/**
 * A site's articles as JSON lines, in the shape `sahifa import` reads back
 * (content/parsers/jsonl.ts, the body as Markdown): every status, with tags,
 * byline, dates, slug, the featured flag, the genre, the corrections and a live story's updates, so that a newsroom can leave
 * Sahifa, or move between SQLite and PostgreSQL, with its words whole. After
 * the articles, what the newsroom wrote about its tags and its authors, a
 * line each (`"kind": "tag"` or `"author"`). Feature images, uploads and
 * portraits are files: `sahifa backup` copies them with the database.
 */
import type { Article } from '../content/article.js';
import type { Store } from '../store/store.js';

/** One article as its JSON line's object. */
export function exportedArticle(a: Article) {
  return {
    // An imported article keeps its old id, so that importing the export again updates rather than repeats it.
    id: a.externalId ?? `sahifa:${a.id}`,
    title: a.title,
    description: a.description,
    tags: a.tags,
    slug: a.slug,
    format: 'markdown' as const,
    body: a.body,
    status: a.status,
    ...(a.publishedAt ? { published_at: a.publishedAt } : {}),
    updated_at: a.updatedAt,
    ...(a.author ? { author: a.author } : {}),
    ...(a.coAuthors.length ? { co_authors: a.coAuthors } : {}),
    ...(a.source ? { source: a.source } : {}),
    ...(a.importMeta.url ? { url: a.importMeta.url } : {}),
    featured: a.featured,
    ...(a.genre !== 'news' ? { genre: a.genre } : {}),
    ...(a.sponsor ? { sponsor: a.sponsor } : {}),
    ...(a.corrections.length ? { corrections: a.corrections } : {}),
    ...(a.live ? { live: a.live } : {}),
    ...(a.liveUpdates.length ? { live_updates: a.liveUpdates } : {}),
  };
}

export type ExportKind = 'article' | 'tag' | 'author';

/** The export, a line at a time, each with what it holds: memory holds one batch of articles whatever the site's size. */
export async function* exportRecords(store: Store): AsyncIterable<{ kind: ExportKind; line: string }> {
  for await (const article of store.streamAll()) yield { kind: 'article', line: `${JSON.stringify(exportedArticle(article))}\n` };
  for (const { name, description } of await store.newsroom.describedTags()) {
    yield { kind: 'tag', line: `${JSON.stringify({ kind: 'tag', name, description })}\n` };
  }
  for (const p of await store.newsroom.allAuthorProfiles()) {
    yield { kind: 'author', line: `${JSON.stringify({ kind: 'author', name: p.byline, job_title: p.jobTitle, bio: p.bio, links: p.links })}\n` };
  }
}

export async function* exportLines(store: Store): AsyncIterable<string> {
  for await (const { line } of exportRecords(store)) yield line;
}
