/**
 * The parsed form of a Markdown body: sections, each an optional subheading
 * followed by paragraphs, quotations and figures. The page, the search index
 * and the see-also placement all read this form, so it is computed once, on
 * save.
 *
 * A figure is an image alone in its paragraph, its title the caption:
 * `![alt](https://… "caption")`, or a site path such as /media/… for the
 * site's own uploads. An image inside a sentence, or at an address of
 * another kind, is refused on save (imageProblems) rather than dropped.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';
import { uploadKeyOf, type ImageRef } from './image.js';
import { videoAt, videoHtml, type Video } from './video.js';

export type BlockKind = 'paragraph' | 'quote' | 'figure' | 'video';

export interface Figure {
  /** https://…, http://… or a site path (/media/…). */
  src: string;
  alt: string;
  caption: string;
  /**
   * When `src` is one of the site's own uploads: its renditions and size,
   * attached on save (withUploads), so that the page writes a srcset and
   * reserves the image's space without asking the store again.
   */
  image?: ImageRef;
}

export interface Block {
  kind: BlockKind;
  /** Plain text, for the index and the APIs (a figure's: its caption, else its alt text). */
  text: string;
  /** Sanitized inline HTML, for the page (a figure's: the whole <figure>). */
  html: string;
  /** A figure's image. */
  figure?: Figure;
  /** A video's site and id (content/video.ts); its text is its caption. */
  video?: Video;
}

export interface Section {
  heading: string | null;
  blocks: Block[];
  /** Set on a live story's update (content/live.ts): its number and when it was posted. The body's sections have none. */
  update?: { id: number; at: string; key?: true };
}

// Raw HTML in a body is shown as text, never interpreted.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
type Token = ReturnType<typeof md.parse>[number];

/** Text made safe inside HTML (markdown-it's own escaping). */
export const escapeHtml: (text: string) => string = md.utils.escapeHtml;

const INLINE_ALLOWED: sanitizeHtml.IOptions = {
  allowedTags: ['a', 'strong', 'em', 'code', 'br', 's'],
  allowedAttributes: { a: ['href', 'title'] },
  allowedSchemes: ['http', 'https', 'mailto'],
  transformTags: { a: sanitizeHtml.simpleTransform('a', { rel: 'nofollow noopener' }) },
};

function plainText(inline: Token): string {
  return (inline.children ?? [])
    .map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : t.type.endsWith('break') ? ' ' : ''))
    .join('')
    .replace(/\s+/g, ' ')
    .trim();
}

function inlineHtml(inline: Token): string {
  return sanitizeHtml(md.renderer.renderInline(inline.children ?? [], md.options, {}), INLINE_ALLOWED);
}

/** Where a body image may point: the web (http, https) or a path of this site, not // (another host) nor a relative path. */
const IMAGE_SRC = /^(?:https?:\/\/\S+|\/(?!\/)\S*)$/iu;

/** The image a paragraph consists of, alone (spaces and line breaks aside), or null. */
function aloneImage(inline: Token): Token | null {
  const parts = (inline.children ?? []).filter((t) => !(t.type === 'text' && t.content.trim() === '') && !t.type.endsWith('break'));
  return parts.length === 1 && parts[0]!.type === 'image' ? parts[0]! : null;
}

function figureBlock(image: Token): Block | null {
  const src = String(image.attrGet('src') ?? '');
  if (!IMAGE_SRC.test(src)) return null;
  const alt = plainText(image).trim();
  const caption = String(image.attrGet('title') ?? '').replace(/\s+/g, ' ').trim();
  const figure = { src, alt, caption };
  return { kind: 'figure', text: caption || alt, html: figureHtml(figure), figure };
}

/**
 * A paragraph that is only a link to a video (a pasted address, or
 * `[caption](address)`) is that video, the link's words its caption.
 */
function videoBlock(inline: Token): Block | null {
  const parts = (inline.children ?? []).filter((t) => !(t.type === 'text' && t.content.trim() === '') && !t.type.endsWith('break'));
  if (parts[0]?.type !== 'link_open' || parts.at(-1)?.type !== 'link_close' || parts.filter((t) => t.type === 'link_open').length !== 1) return null;
  const href = String(parts[0].attrGet('href') ?? '');
  const video = videoAt(href);
  if (!video) return null;
  const words = parts.slice(1, -1).map((t) => (t.type === 'text' || t.type === 'code_inline' ? t.content : '')).join('').replace(/\s+/g, ' ').trim();
  // An address pasted as it is shows itself: it is no caption.
  const caption = words === href || /^(?:https?:\/\/|www\.)\S+$/i.test(words) ? '' : words;
  return { kind: 'video', text: caption, html: videoHtml(video, caption, escapeHtml), video };
}

/** A figure's markup; `src` in place of its own address where a reader elsewhere needs it absolute (feeds). */
export function figureHtml({ src, alt, caption }: Figure, at: string = src): string {
  const esc = escapeHtml;
  return `<figure><img src="${esc(at)}" alt="${esc(alt)}" loading="lazy" decoding="async">${caption ? `<figcaption>${esc(caption)}</figcaption>` : ''}</figure>`;
}

/** The file keys of the uploads a body's figures show (src/content/image.ts uploadKeyOf). */
export function uploadKeys(sections: Section[]): string[] {
  const keys = sections.flatMap((s) => s.blocks.map((b) => (b.figure ? uploadKeyOf(b.figure.src) : null)));
  return [...new Set(keys.filter((k): k is string => k !== null))];
}

/** The sections with every figure that shows a known upload (`images`, by file key) carrying it; the rest as they were. */
export function withUploads(sections: Section[], images: Map<string, ImageRef>): Section[] {
  if (!images.size) return sections;
  return sections.map((s) => ({
    ...s,
    blocks: s.blocks.map((b) => {
      const image = b.figure && images.get(uploadKeyOf(b.figure.src) ?? '');
      return image && b.figure ? { ...b, figure: { ...b.figure, image } } : b;
    }),
  }));
}

/**
 * What a body's images have wrong, one line each (empty when nothing): an
 * image that is not alone in its paragraph, or whose address is not http(s)
 * or a site path. Markdown-it itself leaves some addresses (javascript:) as
 * text, so the Markdown is also read for every ![…](…).
 */
export function imageProblems(markdown: string): { en: string; ar: string }[] {
  const problems: { en: string; ar: string }[] = [];
  let n = 0;
  for (const m of markdown.matchAll(/!\[[^\]\n]*\]\(\s*<?([^\s)>]*)/gu)) {
    n++;
    if (IMAGE_SRC.test(m[1]!)) continue;
    const src = m[1] || 'no address';
    problems.push({
      en: `image ${n} (${src}): the address must begin with https://, http:// or / (a file of this site)`,
      ar: `الصورة ${n} (${src}): يجب أن يبدأ عنوانها بـ https:// أو http:// أو / (ملف من هذا الموقع)`,
    });
  }
  const tokens = md.parse(markdown, {});
  let quoteDepth = 0;
  for (const t of tokens) {
    if (t.type === 'blockquote_open') quoteDepth++;
    else if (t.type === 'blockquote_close') quoteDepth--;
    else if (t.type === 'inline' && (t.children ?? []).some((c) => c.type === 'image') && (quoteDepth > 0 || !aloneImage(t))) {
      const where = plainText(t).slice(0, 60);
      problems.push({
        en: `an image must stand alone in its paragraph, outside quotations: "${where}"`,
        ar: `يجب أن تكون الصورة وحدها في فقرتها، خارج الاقتباسات: «${where}»`,
      });
    }
  }
  return problems;
}

export function parseBody(markdown: string): Section[] {
  const tokens = md.parse(markdown, {});
  const sections: Section[] = [];
  let current: Section = { heading: null, blocks: [] };
  let quoteDepth = 0;
  for (let i = 0; i < tokens.length; i++) {
    const token = tokens[i]!;
    if (token.type === 'blockquote_open') quoteDepth++;
    else if (token.type === 'blockquote_close') quoteDepth--;
    else if (token.type === 'heading_open') {
      if (current.heading !== null || current.blocks.length) sections.push(current);
      current = { heading: plainText(tokens[i + 1]!), blocks: [] };
    } else if (token.type === 'inline' && tokens[i - 1]?.type !== 'heading_open') {
      const image = quoteDepth === 0 ? aloneImage(token) : null;
      const figure = image ? figureBlock(image) : quoteDepth === 0 ? videoBlock(token) : null;
      if (figure) {
        current.blocks.push(figure);
        continue;
      }
      const text = plainText(token);
      if (text) current.blocks.push({ kind: quoteDepth > 0 ? 'quote' : 'paragraph', text, html: inlineHtml(token) });
    }
  }
  if (current.heading !== null || current.blocks.length) sections.push(current);
  return sections;
}

/** Every paragraph, quotation and figure in reading order. */
export function allBlocks(sections: Section[]): Block[] {
  return sections.flatMap((s) => s.blocks);
}
