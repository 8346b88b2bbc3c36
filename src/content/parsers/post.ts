/**
 * What the WordPress and Ghost importers share: a post of another platform,
 * reduced to the fields both exports have, becomes an ArticleInput the same
 * way (the body through htmlBody and structureBody, the description from the
 * excerpt or the lead, tags in order with the section first).
 */
import { COAUTHORS_MAX, coAuthorsOf } from '../bylines.js';
import { genreOfTags } from '../genre.js';
import type { ArticleInput, ArticleStatus, AuthorAlias } from '../article.js';
import { leadSentence } from '../lead.js';
import { isValidSlug } from '../slug.js';
import { mergeTags, tagName, type TagAlias } from '../tags.js';
import { cleanLine } from '../text-cleanup.js';
import { validateArticleInput } from '../validate.js';
import { ParseError, throwIfAny } from './errors.js';
import { htmlBody, type BodyImage, type MediaFile } from './html.js';
import { paragraphBlocks, structureBody } from './structure.js';

export interface Post {
  /** Where the post is in the file, for messages: "item 3" or "post 3". */
  where: string;
  title: string;
  html: string;
  /** Plain text, read where the post has no HTML. */
  text?: string;
  excerpt: string;
  /** Names, the primary (section) first. */
  tags: string[];
  slug: string;
  author: string;
  /** The post's other authors, in order (Ghost's multi-author posts). */
  coAuthors?: string[];
  status: ArticleStatus;
  /** ISO 8601, or undefined for a draft never published. */
  publishedAt?: string;
  /** ISO 8601: the old site's last change. */
  modifiedAt?: string;
  /** Ghost's featured post, WordPress's sticky one: the home page leads with it here too. */
  featured: boolean;
  externalId: string;
  url?: string;
  featureImage?: FeatureImage;
  /** Another address of the post on the old site, redirected once imported (WordPress's "?p=109"). */
  shortlink?: string;
}

/** What a post brings besides its article, which the importer handles around the save. */
export interface PostExtras {
  featureImage?: FeatureImage;
  shortlink?: string;
  /** The body's images the old site's media folder may hold (html.ts). */
  bodyImages?: BodyImage[];
}

/** A post's feature image, as the export names it; the importer brings it in (services/feature-images.ts). */
export interface FeatureImage {
  /** Its path inside the old site's media folder (WordPress's uploads, Ghost's content/images), when the export says. */
  file: string | null;
  /** Where the old site served it, for messages. */
  url: string;
  alt: string;
}

/** A file's posts, what it holds besides them (for the import report), and its tags' and authors' old addresses. */
export interface Posts {
  posts: Post[];
  notes: string[];
  aliases: TagAlias[];
  authorAliases: AuthorAlias[];
  /** The export's own way of naming an image's file in the old site's media folder. */
  mediaFile?: MediaFile;
}

/**
 * A MediaFile for exports whose upload addresses name the file after a fixed
 * folder (WordPress's /wp-content/uploads/, Ghost's /content/images/), with
 * any query left out and percent-escapes read.
 */
export function mediaFileUnder(folder: RegExp): MediaFile {
  return (src) => {
    const m = folder.exec(src.split(/[?#]/)[0]!);
    if (!m) return null;
    try {
      return decodeURIComponent(m[1]!);
    } catch {
      return m[1]!;
    }
  };
}

/** One post as an article, what its body could not hold (by kind: image → 2), and the section that made it of a genre. */
function postArticle(p: Post, mediaFile?: MediaFile): { input: ArticleInput; left: Map<string, number>; images: BodyImage[]; filed: ReturnType<typeof genreOfTags> } {
  const title = cleanLine(p.title);
  if (!title) throw new ParseError(`${p.where}: the title is empty`);
  const html = htmlBody(p.html, mediaFile);
  // The excerpt may hold markup (WordPress allows it) and hashtags, like the body.
  const excerpt = htmlBody(p.excerpt);
  const body = structureBody(html.blocks.length === 0 && p.text ? paragraphBlocks(p.text) : html.blocks);
  if (body.paragraphs.length === 0) throw new ParseError(`${p.where} ("${title}"): the body has no text`);
  const slug = cleanLine(p.slug);
  const coAuthors = p.coAuthors?.length ? coAuthorsOf(p.coAuthors, cleanLine(p.author)) : [];
  // Filed under "رأي" (or another genre's section) on the old site: of that genre here.
  const filed = genreOfTags(p.tags);
  const left = new Map(html.left);
  // A story here carries COAUTHORS_MAX names besides the first: the others are named in the report, not dropped unsaid.
  if (coAuthors.length > COAUTHORS_MAX) left.set('byline', coAuthors.length - COAUTHORS_MAX);
  const input: ArticleInput = {
    title,
    description: cleanLine(excerpt.blocks.map((b) => b.text).join(' ')) || leadSentence(body.paragraphs[0]!),
    tags: mergeTags(mergeTags(mergeTags(p.tags.map(tagName).filter(Boolean), excerpt.tags), html.tags), body.tags),
    ...(filed ? { genre: filed.genre } : {}),
    body: body.markdown,
    // A slug Sahifa cannot serve is made again from the title.
    ...(slug && isValidSlug(slug) ? { slug } : {}),
    ...(cleanLine(p.author) ? { author: cleanLine(p.author) } : {}),
    ...(coAuthors.length ? { coAuthors: coAuthors.slice(0, COAUTHORS_MAX) } : {}),
    externalId: p.externalId,
    status: p.status,
    ...(p.publishedAt ? { publishedAt: p.publishedAt } : {}),
    ...(p.modifiedAt ? { modifiedAt: p.modifiedAt } : {}),
    featured: p.featured,
    importMeta: { seeAlso: body.seeAlso, related: body.related, ...(p.url ? { url: p.url } : {}) },
  };
  try {
    // Checked here, so that the message names the post rather than the file.
    validateArticleInput(input);
  } catch (e) {
    throw new ParseError(`${p.where} ("${title}"): ${(e as Error).message}`);
  }
  return { input, left, images: html.images, filed };
}

const counted = (left: Map<string, number>) => [...left].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ');

/**
 * A file's posts as articles, with notes of what was left behind (media the
 * body cannot hold, other kinds of item) and each article's extras (by
 * index). Any bad post fails the file, and the message names up to five of
 * them.
 */
export function postArticles({ posts, notes, aliases, authorAliases, mediaFile }: Posts): {
  inputs: ArticleInput[];
  notes: string[];
  extras: PostExtras[];
  aliases: TagAlias[];
  authorAliases: AuthorAlias[];
} {
  const inputs: ArticleInput[] = [];
  const extras: PostExtras[] = [];
  const left: string[] = [];
  const errors: string[] = [];
  // How many posts came in of another genre than news, by the section that said so: the report says it.
  const genres = new Map<string, number>();
  for (const p of posts) {
    try {
      const imported = postArticle(p, mediaFile);
      inputs.push(imported.input);
      extras.push({
        ...(p.featureImage ? { featureImage: p.featureImage } : {}),
        ...(p.shortlink ? { shortlink: p.shortlink } : {}),
        ...(imported.images.length ? { bodyImages: imported.images } : {}),
      });
      if (imported.left.size) left.push(`${p.where} ("${imported.input.title}"): left out ${counted(imported.left)}`);
      if (imported.filed) {
        const what = `${imported.filed.genre} (filed under "${imported.filed.tag}")`;
        genres.set(what, (genres.get(what) ?? 0) + 1);
      }
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  throwIfAny(errors);
  if (inputs.length === 0) throw new ParseError('no posts in the file');
  const labelled = [...genres].map(([what, n]) => `${n} post${n === 1 ? '' : 's'} imported as ${what}`);
  return { inputs, notes: [...notes, ...labelled, ...left], extras, aliases, authorAliases };
}
