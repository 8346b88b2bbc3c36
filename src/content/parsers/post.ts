/**
 * What the WordPress and Ghost importers share: a post of another platform,
 * reduced to the fields both exports have, becomes an ArticleInput the same
 * way (the body through htmlBody and structureBody, the description from the
 * excerpt or the lead, tags in order with the section first).
 */
import type { ArticleInput, ArticleStatus } from '../article.js';
import { leadSentence } from '../lead.js';
import { isValidSlug } from '../slug.js';
import { mergeTags, tagName, type TagAlias } from '../tags.js';
import { cleanLine } from '../text-cleanup.js';
import { validateArticleInput } from '../validate.js';
import { ParseError, throwIfAny } from './errors.js';
import { htmlBody } from './html.js';
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
  status: ArticleStatus;
  /** ISO 8601, or undefined for a draft never published. */
  publishedAt?: string;
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
}

/** A post's feature image, as the export names it; the importer brings it in (services/feature-images.ts). */
export interface FeatureImage {
  /** Its path inside the old site's media folder (WordPress's uploads, Ghost's content/images), when the export says. */
  file: string | null;
  /** Where the old site served it, for messages. */
  url: string;
  alt: string;
}

/** A file's posts, what it holds besides them (for the import report), and its tags' old addresses. */
export interface Posts {
  posts: Post[];
  notes: string[];
  aliases: TagAlias[];
}

/** One post as an article, and what its body could not hold, by kind (image → 2). */
function postArticle(p: Post): { input: ArticleInput; left: Map<string, number>; figures: number } {
  const title = cleanLine(p.title);
  if (!title) throw new ParseError(`${p.where}: the title is empty`);
  const html = htmlBody(p.html);
  // The excerpt may hold markup (WordPress allows it) and hashtags, like the body.
  const excerpt = htmlBody(p.excerpt);
  const body = structureBody(html.blocks.length === 0 && p.text ? paragraphBlocks(p.text) : html.blocks);
  if (body.paragraphs.length === 0) throw new ParseError(`${p.where} ("${title}"): the body has no text`);
  const slug = cleanLine(p.slug);
  const input: ArticleInput = {
    title,
    description: cleanLine(excerpt.blocks.map((b) => b.text).join(' ')) || leadSentence(body.paragraphs[0]!),
    tags: mergeTags(mergeTags(mergeTags(p.tags.map(tagName).filter(Boolean), excerpt.tags), html.tags), body.tags),
    body: body.markdown,
    // A slug Sahifa cannot serve is made again from the title.
    ...(slug && isValidSlug(slug) ? { slug } : {}),
    ...(cleanLine(p.author) ? { author: cleanLine(p.author) } : {}),
    externalId: p.externalId,
    status: p.status,
    ...(p.publishedAt ? { publishedAt: p.publishedAt } : {}),
    importMeta: { seeAlso: body.seeAlso, related: body.related, ...(p.url ? { url: p.url } : {}) },
  };
  try {
    // Checked here, so that the message names the post rather than the file.
    validateArticleInput(input);
  } catch (e) {
    throw new ParseError(`${p.where} ("${title}"): ${(e as Error).message}`);
  }
  return { input, left: html.left, figures: html.blocks.filter((b) => b.kind === 'figure').length };
}

const counted = (left: Map<string, number>) => [...left].map(([kind, n]) => `${n} ${kind}${n === 1 ? '' : 's'}`).join(', ');

/**
 * A file's posts as articles, with notes of what was left behind (media the
 * body cannot hold, other kinds of item) and each article's extras (by
 * index). Any bad post fails the file, and the message names up to five of
 * them.
 */
export function postArticles({ posts, notes, aliases }: Posts): { inputs: ArticleInput[]; notes: string[]; extras: PostExtras[]; aliases: TagAlias[] } {
  const inputs: ArticleInput[] = [];
  const extras: PostExtras[] = [];
  const left: string[] = [];
  const errors: string[] = [];
  let figures = 0;
  for (const p of posts) {
    try {
      const imported = postArticle(p);
      inputs.push(imported.input);
      extras.push({ ...(p.featureImage ? { featureImage: p.featureImage } : {}), ...(p.shortlink ? { shortlink: p.shortlink } : {}) });
      if (imported.left.size) left.push(`${p.where} ("${imported.input.title}"): left out ${counted(imported.left)}`);
      figures += imported.figures;
    } catch (e) {
      errors.push((e as Error).message);
    }
  }
  throwIfAny(errors);
  if (inputs.length === 0) throw new ParseError('no posts in the file');
  // Body images are shown from the old site (html.ts): the operator must know to keep its uploads online.
  const shown = figures ? [`${figures} image${figures === 1 ? ' in a body is' : 's in the bodies are'} shown from ${figures === 1 ? 'its address' : 'their addresses'} on the old site: keep its uploads online`] : [];
  return { inputs, notes: [...notes, ...shown, ...left], extras, aliases };
}
