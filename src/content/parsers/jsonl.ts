/**
 * JSON lines, one article per line: `title` and `body` required;
 * `description`, `tags`, `slug`, `id`, `published_at`, `updated_at` (the
 * source's last change), `author`, `co_authors` (the other bylines), `source`, `url`, `featured` (true: the
 * home page leads with it), `genre` ("news", "opinion", "analysis" or "sponsored"; news by default),
 * `sponsor` (sponsored content's advertiser),
 * `status` (published by default), `corrections`
 * (`[{"at", "text"}]`, published under the article), `live` ("live" or
 * "ended": live coverage) and `live_updates` (`[{"id", "at", "text", "key"}]`,
 * its updates, the text Markdown, `key` true for a key development) optional;
 * anything else is ignored. Body paragraphs are separated by blank lines and
 * follow the same subheading rule as the text format; with `"format":
 * "markdown"` the body is Sahifa's own Markdown, taken as it is (what
 * `sahifa export` writes, so that an export imports back whole).
 *
 * Besides articles, an export holds what the newsroom wrote about its tags
 * and authors, a line each with a `kind`: `{"kind": "tag", "name",
 * "description"}` and `{"kind": "author", "name", "job_title", "bio",
 * "links"}`. They are kept for tags and bylines that have none yet.
 */
import { z } from 'zod';
import { ARTICLE_STATUSES, LIVE_STATES, type ArticleInput, type AuthorAlias } from '../article.js';
import { allBlocks, parseBody } from '../body.js';
import { COAUTHORS_MAX, coAuthorsOf } from '../bylines.js';
import { ARTICLE_GENRES, SPONSOR_MAX } from '../genre.js';
import { leadSentence } from '../lead.js';
import { extractHashtags, mergeTags, tagName, type TagAlias } from '../tags.js';
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
  co_authors: z.array(z.string()).max(COAUTHORS_MAX).optional(),
  source: z.string().optional(),
  url: z.string().optional(),
  featured: z.boolean().optional(),
  genre: z.enum(ARTICLE_GENRES).optional(),
  sponsor: z.string().max(SPONSOR_MAX).optional(),
  status: z.enum(ARTICLE_STATUSES).optional(),
  format: z.enum(['text', 'markdown']).optional(),
  corrections: z.array(z.object({ at: z.iso.datetime({ offset: true }), text: z.string() })).optional(),
  live: z.enum(LIVE_STATES).optional(),
  live_updates: z.array(z.object({ id: z.number().int().positive(), at: z.iso.datetime({ offset: true }), text: nonEmpty, key: z.boolean().optional() })).optional(),
});

const JsonTag = z.object({ kind: z.literal('tag'), name: nonEmpty, description: z.string() });
const JsonAuthor = z.object({
  kind: z.literal('author'),
  name: nonEmpty,
  job_title: z.string().optional(),
  bio: z.string().optional(),
  links: z.array(z.string()).optional(),
});

/** A JSON lines file: its articles, and what it says of tags and authors (as an import's aliases without an address). */
export interface JsonLinesFile {
  inputs: ArticleInput[];
  aliases: TagAlias[];
  authorAliases: AuthorAlias[];
}

/** The first problem of a value against a schema, as a line's error. */
function checked<T>(schema: z.ZodType<T>, value: unknown, line: number): T {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0]!;
  throw new ParseError(`${issue.path.join('.') || 'the line'}: ${issue.message}`, line);
}

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
  const a = checked(JsonArticle, value, line);
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
    ...(a.co_authors?.length ? { coAuthors: coAuthorsOf(a.co_authors, cleanLine(a.author ?? '')) } : {}),
    ...(a.source ? { source: cleanLine(a.source) } : {}),
    ...(a.featured !== undefined ? { featured: a.featured } : {}),
    ...(a.genre ? { genre: a.genre } : {}),
    ...(a.sponsor !== undefined ? { sponsor: cleanLine(a.sponsor) } : {}),
    ...(a.status ? { status: a.status } : {}),
    ...(a.corrections ? { corrections: a.corrections } : {}),
    ...(a.live ? { live: a.live } : {}),
    ...(a.live_updates ? { liveUpdates: a.live_updates.map(({ key, ...u }) => ({ ...u, text: normalizeNewlines(u.text).trim(), ...(key ? { key: true as const } : {}) })) } : {}),
    importMeta: { seeAlso: body.seeAlso, related: body.related, ...(a.url ? { url: a.url } : {}) },
  };
}

/** One line's record: an article, or what the newsroom wrote about a tag or an author. */
function parseRecord(value: unknown, line: number, file: JsonLinesFile): void {
  const kind = typeof value === 'object' && value !== null && 'kind' in value ? (value as { kind: unknown }).kind : undefined;
  if (kind === undefined) {
    file.inputs.push(parseJsonArticle(value, line));
  } else if (kind === 'tag') {
    const t = checked(JsonTag, value, line);
    file.aliases.push({ alias: '', name: tagName(t.name), description: t.description });
  } else if (kind === 'author') {
    const a = checked(JsonAuthor, value, line);
    file.authorAliases.push({ alias: '', byline: cleanLine(a.name), profile: { jobTitle: a.job_title ?? '', bio: a.bio ?? '', links: a.links ?? [] } });
  } else {
    throw new ParseError('kind: "tag" or "author" (an article has none)', line);
  }
}

/** Parses a whole file; any bad line fails the file, naming every bad line. */
export function parseJsonLines(source: string): JsonLinesFile {
  const file: JsonLinesFile = { inputs: [], aliases: [], authorAliases: [] };
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
        parseRecord(value, i + 1, file);
      } catch (e) {
        errors.push((e as Error).message);
      }
    });
  throwIfAny(errors);
  if (file.inputs.length === 0) throw new ParseError('no articles in the file');
  return file;
}
