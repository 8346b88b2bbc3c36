/**
 * JSON lines, one article per line: `title` and `body` required;
 * `description`, `tags`, `slug`, `id`, `published_at`, `updated_at` (the
 * source's last change), `author`, `source`, `url`, `featured` (true: the
 * home page leads with it), `status` (published by default), `corrections`
 * (`[{"at", "text"}]`, published under the article), `live` ("live" or
 * "ended": live coverage) and `live_updates` (`[{"id", "at", "text", "key"}]`,
 * its updates, the text Markdown, `key` true for a key development) optional;
 * anything else is ignored. Body paragraphs are separated by blank lines and
 * follow the same subheading rule as the text format; with `"format":
 * "markdown"` the body is Sahifa's own Markdown, taken as it is (what
 * `sahifa export` writes, so that an export imports back whole).
 */
import { z } from 'zod';
import { ARTICLE_STATUSES, LIVE_STATES, type ArticleInput } from '../article.js';
import { allBlocks, parseBody } from '../body.js';
import { leadSentence } from '../lead.js';
import { extractHashtags, mergeTags, tagName } from '../tags.js';
import { cleanLine, normalizeNewlines } from '../text-cleanup.js';
import { ParseError, throwIfAny } from './errors.js';
import { paragraphBlocks, structureBody } from './structure.js';

const nonEmpty = z.string().trim().min(1);
const JsonArticle = z.object({
  title: nonEmpty,
  body: nonEmpty,
  description: z.string().optional(),
  tags: z.array(z.string()).optional(),
  slug: z.string().optional(),
  id: z.union([z.string(), z.number()]).optional(),
  published_at: z.iso.datetime({ offset: true, local: true }).optional().or(z.iso.date().optional()),
  updated_at: z.iso.datetime({ offset: true, local: true }).optional().or(z.iso.date().optional()),
  author: z.string().optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  featured: z.boolean().optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
  format: z.enum(['text', 'markdown']).optional(),
  corrections: z.array(z.object({ at: z.iso.datetime({ offset: true }), text: z.string() })).optional(),
  live: z.enum(LIVE_STATES).optional(),
  live_updates: z.array(z.object({ id: z.number().int().positive(), at: z.iso.datetime({ offset: true }), text: nonEmpty, key: z.boolean().optional() })).optional(),
});

/** A Markdown body as it is: its first paragraph stands in for a missing description. */
function markdownBody(markdown: string, line: number) {
  const body = normalizeNewlines(markdown).trim();
  const paragraphs = allBlocks(parseBody(body))
    .filter((b) => b.kind === 'paragraph')
    .map((b) => b.text);
  if (paragraphs.length === 0) throw new ParseError('body: no paragraphs', line);
  return { markdown: body, paragraphs, tags: [] as string[], seeAlso: [] as string[], related: [] as string[] };
}

export function parseJsonArticle(value: unknown, line = 1): ArticleInput {
  const parsed = JsonArticle.safeParse(value);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const field = issue.path.join('.') || 'the line';
    throw new ParseError(`${field}: ${issue.message}`, line);
  }
  const a = parsed.data;
  const body = a.format === 'markdown' ? markdownBody(a.body, line) : structureBody(paragraphBlocks(a.body, line));
  if (body.paragraphs.length === 0) throw new ParseError('body: no paragraphs', line);

  const described = extractHashtags(cleanLine(a.description ?? ''));
  const tags = mergeTags((a.tags ?? []).map(tagName).filter(Boolean), described.tags);
  mergeTags(tags, body.tags);
  return {
    title: cleanLine(a.title),
    description: described.text || leadSentence(body.paragraphs[0]!),
    tags,
    body: body.markdown,
    ...(a.slug ? { slug: a.slug.trim() } : {}),
    ...(a.id !== undefined ? { externalId: String(a.id) } : {}),
    ...(a.published_at ? { publishedAt: new Date(a.published_at).toISOString() } : {}),
    ...(a.updated_at ? { modifiedAt: new Date(a.updated_at).toISOString() } : {}),
    ...(a.author ? { author: cleanLine(a.author) } : {}),
    ...(a.source ? { source: cleanLine(a.source) } : {}),
    ...(a.featured !== undefined ? { featured: a.featured } : {}),
    ...(a.status ? { status: a.status } : {}),
    ...(a.corrections ? { corrections: a.corrections } : {}),
    ...(a.live ? { live: a.live } : {}),
    ...(a.live_updates ? { liveUpdates: a.live_updates.map(({ key, ...u }) => ({ ...u, text: normalizeNewlines(u.text).trim(), ...(key ? { key: true as const } : {}) })) } : {}),
    importMeta: { seeAlso: body.seeAlso, related: body.related, ...(a.url ? { url: a.url } : {}) },
  };
}

/** Parses a whole file; any bad line fails the file, naming every bad line. */
export function parseJsonLines(source: string): ArticleInput[] {
  const articles: ArticleInput[] = [];
  const errors: string[] = [];
  normalizeNewlines(source)
    .split('\n')
    .forEach((text, i) => {
      if (!text.trim()) return;
      try {
        let value: unknown;
        try {
          value = JSON.parse(text);
        } catch (e) {
          throw new ParseError(`not valid JSON (${(e as Error).message})`, i + 1);
        }
        articles.push(parseJsonArticle(value, i + 1));
      } catch (e) {
        errors.push((e as Error).message);
      }
    });
  throwIfAny(errors);
  if (articles.length === 0) throw new ParseError('no articles in the file');
  return articles;
}
