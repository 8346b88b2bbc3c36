/**
 * Ghost's export (the JSON of Settings › Labs › Export, or the Admin API's
 * /db/): its posts as articles.
 *
 * - Posts only (pages are counted in the notes); the rest of the file —
 *   settings, members, newsletters, and the install's secrets — is never read.
 * - Status: published → published, scheduled → scheduled, draft → draft,
 *   sent (a newsletter only, never on the site) → draft. A post for members
 *   only is imported as a draft: Sahifa has no paywall, and a migration must
 *   not publish what was paid for.
 * - Tags in Ghost's order (the primary tag first, the section); internal
 *   tags (#name) are Ghost's own plumbing and are left out.
 * - The body is the HTML Ghost stores beside its editor's document
 *   (lexical or mobiledoc), or the plain text where a post has no HTML.
 * - The feature image is named with its path under content/images (and its
 *   alt text from posts_meta), for the importer to bring in.
 * - The post's id is the external id, so importing again updates; the slug
 *   is kept (Ghost's own slugs of Arabic titles are transliterations, but
 *   they are the addresses readers and search engines know).
 */
import { z } from 'zod';
import type { ArticleStatus } from '../article.js';
import { cleanLine } from '../text-cleanup.js';
import { ParseError } from './errors.js';
import { mediaFileUnder, type Post, type Posts } from './post.js';

const text = z.string().nullish();
const GhostPost = z.object({
  id: z.union([z.string(), z.number()]),
  title: text,
  slug: text,
  html: text,
  plaintext: text,
  custom_excerpt: text,
  status: z.string(),
  type: text,
  page: z.union([z.boolean(), z.number()]).nullish(),
  visibility: text,
  published_at: text,
  updated_at: text,
  feature_image: text,
  // Ghost 5 writes a boolean; older exports 0 or 1.
  featured: z.union([z.boolean(), z.number()]).nullish(),
});
const id = z.union([z.string(), z.number()]);
const GhostData = z.object({
  posts: z.array(GhostPost),
  tags: z.array(z.object({ id, name: z.string(), slug: text, visibility: text, description: text })).default([]),
  posts_tags: z.array(z.object({ post_id: id, tag_id: id, sort_order: z.number().nullish() })).default([]),
  users: z
    .array(
      z.object({
        id,
        name: z.string(),
        slug: text,
        bio: text,
        profile_image: text,
        website: text,
        twitter: text,
        facebook: text,
        linkedin: text,
        instagram: text,
        bluesky: text,
        threads: text,
      }),
    )
    .default([]),
  posts_meta: z.array(z.object({ post_id: id, feature_image_alt: text, meta_description: text })).default([]),
  posts_authors: z.array(z.object({ post_id: id, author_id: id, sort_order: z.number().nullish() })).default([]),
});
const GhostExport = z.object({ db: z.array(z.object({ data: GhostData })).min(1) });
/** Ghost keeps uploads under content/images; its URLs start with the site's address or __GHOST_URL__. */
const mediaFile = mediaFileUnder(/\/content\/images\/(.+)$/);

/**
 * A Ghost user's pages elsewhere as addresses. Ghost keeps the website as an
 * address and each network as a handle ("@name", or a page's path for
 * Facebook), which it turns into the network's address on its author pages.
 */
function ghostProfileLinks(u: Partial<Record<'website' | 'twitter' | 'facebook' | 'linkedin' | 'instagram' | 'bluesky' | 'threads', string | null>>): string[] {
  const handle = (h: string | null | undefined) => h?.trim().replace(/^@/, '').replace(/^\/+/, '') || null;
  const on = (base: string, h: string | null | undefined) => {
    const name = handle(h);
    if (!name) return null;
    return /^https?:\/\//i.test(name) ? name : `${base}${name}`;
  };
  return [
    u.website?.trim() || null,
    on('https://x.com/', u.twitter),
    on('https://www.facebook.com/', u.facebook),
    on('https://www.linkedin.com/in/', u.linkedin),
    on('https://www.instagram.com/', u.instagram),
    on('https://bsky.app/profile/', u.bluesky),
    on('https://www.threads.net/@', u.threads),
  ].filter((l): l is string => l !== null);
}

const STATUS: Record<string, ArticleStatus> = { published: 'published', scheduled: 'scheduled', draft: 'draft', sent: 'draft' };

/** Ghost writes UTC times as "2018-01-20 10:53:54" (older exports: ISO 8601 or epoch ms). */
function utc(value: string | null | undefined): string | undefined {
  if (!value) return undefined;
  const d = new Date(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}$/.test(value) ? `${value.replace(' ', 'T')}Z` : value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

/** Items of a join table for one post, in Ghost's order. */
function ordered<T extends { post_id: string | number; sort_order?: number | null | undefined }>(rows: T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(String(r.post_id), [...(out.get(String(r.post_id)) ?? []), r]);
  for (const list of out.values()) list.sort((a, b) => (a.sort_order ?? 0) - (b.sort_order ?? 0));
  return out;
}

export function parseGhost(json: string): Posts {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch (e) {
    throw new ParseError(`not valid JSON (${(e as Error).message})`);
  }
  // Exports of Ghost before 1.0 had no db array around the data.
  if (value && typeof value === 'object' && 'data' in value && !('db' in value)) value = { db: [value] };
  const parsed = GhostExport.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new ParseError(`not a Ghost export: ${issue.path.join('.') || 'the file'}: ${issue.message}`);
  }
  const data = parsed.data.db[0]!.data;
  const tags = new Map(data.tags.map((t) => [String(t.id), t]));
  const users = new Map(data.users.map((u) => [String(u.id), u.name]));
  const tagsOf = ordered(data.posts_tags);
  const authorsOf = ordered(data.posts_authors);
  const meta = new Map(data.posts_meta.map((m) => [String(m.post_id), m]));
  const alts = new Map(data.posts_meta.map((m) => [String(m.post_id), m.feature_image_alt ?? '']));

  const posts: Post[] = [];
  const notes: string[] = [];
  let pages = 0;
  data.posts.forEach((p, i) => {
    if ((p.type ?? (p.page ? 'page' : 'post')) !== 'post') {
      pages++;
      return;
    }
    const where = `post ${i + 1}`;
    let status = STATUS[p.status] ?? 'draft';
    if (p.visibility && p.visibility !== 'public' && status !== 'draft') {
      notes.push(`${where} ("${p.title ?? ''}") is for ${p.visibility} members only: imported as a draft`);
      status = 'draft';
    }
    // Ghost's posts may have several authors, the first the primary one: each is a byline here.
    const [author, ...others] = (authorsOf.get(String(p.id)) ?? []).map((a) => users.get(String(a.author_id)) ?? '');
    posts.push({
      where,
      title: p.title ?? '',
      html: p.html ?? '',
      ...(p.plaintext ? { text: p.plaintext } : {}),
      // The meta description an editor wrote for search engines stands in for an empty excerpt.
      excerpt: p.custom_excerpt?.trim() || meta.get(String(p.id))?.meta_description?.trim() || '',
      tags: (tagsOf.get(String(p.id)) ?? [])
        .map((r) => tags.get(String(r.tag_id)))
        .filter((t) => t !== undefined && t.visibility !== 'internal' && !t.name.startsWith('#'))
        .map((t) => t!.name),
      slug: p.slug ?? '',
      author: author ?? '',
      ...(others.length ? { coAuthors: others } : {}),
      status,
      publishedAt: status === 'draft' ? undefined : utc(p.published_at),
      modifiedAt: utc(p.updated_at),
      featured: p.featured === true || p.featured === 1,
      externalId: `ghost:${p.id}`,
      ...(p.feature_image
        ? {
            featureImage: {
              file: mediaFile(p.feature_image),
              url: p.feature_image,
              alt: alts.get(String(p.id)) ?? '',
            },
          }
        : {}),
    });
  });
  if (pages) notes.push(`${pages} page${pages === 1 ? '' : 's'} not imported (Sahifa imports posts)`);
  // The tags' slugs, for their old addresses (/tag/x/).
  const aliases = data.tags.flatMap((t) =>
    t.slug && t.name.trim() && t.visibility !== 'internal' ? [{ alias: t.slug, name: t.name, ...(t.description ? { description: t.description } : {}) }] : [],
  );
  // The authors' slugs, for their archives (/author/x/), with what their Ghost profiles say.
  const authorAliases = data.users.flatMap((u) => {
    if (!u.slug || !cleanLine(u.name)) return [];
    const links = ghostProfileLinks(u);
    const image = u.profile_image ? { image: { file: mediaFile(u.profile_image), url: u.profile_image } } : {};
    const profile = u.bio?.trim() || links.length || u.profile_image ? { profile: { bio: u.bio ?? '', links, ...image } } : {};
    return [{ alias: u.slug.toLowerCase(), byline: cleanLine(u.name), ...profile }];
  });
  return { posts, notes, aliases, authorAliases, mediaFile };
}
