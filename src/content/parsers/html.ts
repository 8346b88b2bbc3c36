/**
 * The HTML of a WordPress or Ghost post as the blocks of Sahifa's body:
 * paragraphs, subheadings and quotations, with links and emphasis kept as
 * inline Markdown. htmlparser2 parses; this file only decides what each
 * element becomes, because the body model (src/content/body.ts) is narrower
 * than HTML and a generic HTML-to-Markdown converter would produce lists,
 * images and tables the page does not render, and would hide the blocks
 * that the see-also and related-news rules (structure.ts) must read.
 *
 * An image that stands alone (a <figure>, a paragraph holding only the image,
 * an <img> between blocks) becomes a figure, its <figcaption> the caption,
 * when its address is on the web (http, https) or names a file of the old
 * site's media folder (Ghost's __GHOST_URL__/content/images/…): `images`
 * lists them for the importer (services/body-images.ts). A YouTube or
 * Vimeo video (an <iframe>, WordPress's embed block, Ghost's embed card)
 * becomes the body's video (content/video.ts). Nothing readable is dropped
 * silently: other images (inside a sentence, or at no such address), other
 * video and embeds, which the body cannot hold, are counted in `left` for
 * the import report; list items and table rows become paragraphs.
 */
import { parseDocument } from 'htmlparser2';
import { isTag, isText, Text, type ChildNode, type Element } from 'domhandler';
import { findAll, findOne } from 'domutils';
import { unhash } from '../tags.js';
import { cleanLine } from '../text-cleanup.js';
import { videoAt, videoPage, type Video } from '../video.js';
import { escapeMarkdown, type BlockKind, type TextBlock } from './structure.js';

/** A body figure's image, for the importer (services/body-images.ts brings it in with --media). */
export interface BodyImage {
  /** Its address as the body's Markdown writes it: on the web, or a stand-in (pendingImage) where it has none there. */
  src: string;
  /** Its path inside the old site's media folder, when the export's addresses say (always, for a stand-in). */
  file: string | null;
  alt: string;
}

/**
 * The stand-in address of a body image that has no address on the web
 * (Ghost's __GHOST_URL__/content/images/…): a path of this site that no file
 * has, which the importer replaces with the image brought in, or removes
 * with its figure. It never reaches a stored article.
 */
export const pendingImage = (n: number): string => `/.import-pending/${n}`;
export const isPendingImage = (src: string): boolean => src.startsWith('/.import-pending/');

/** Maps an image's address to its path in the old site's media folder, or null (each export format has its own). */
export type MediaFile = (src: string) => string | null;

export interface HtmlBody {
  blocks: TextBlock[];
  /** Its figures' images, in order. */
  images: BodyImage[];
  /** Hashtags written in the text, which read as words there (tags.ts unhash). */
  tags: string[];
  /** What the body cannot hold, by kind ("image", "embed"): counts for the import report. */
  left: Map<string, number>;
}

const HEADINGS = new Set(['h1', 'h2', 'h3', 'h4', 'h5', 'h6']);
/** Elements that hold blocks rather than text. */
const CONTAINERS = new Set(['div', 'section', 'article', 'main', 'header', 'footer', 'aside', 'figure', 'ul', 'ol', 'table', 'thead', 'tbody', 'tfoot', 'details', 'center']);
/** Elements whose content is never text to read. */
const SKIPPED = new Set(['script', 'style', 'noscript', 'template', 'form', 'button', 'select', 'input', 'textarea', 'svg', 'math', 'head']);
const MEDIA: Record<string, string> = {
  img: 'image',
  picture: 'image',
  video: 'video',
  audio: 'audio',
  iframe: 'embed',
  embed: 'embed',
  object: 'embed',
  canvas: 'embed',
};
const EMPHASIS: Record<string, string> = { strong: '**', b: '**', em: '*', i: '*', s: '~~', del: '~~', strike: '~~' };
const SAFE_HREF = /^(?:https?:|mailto:)/i;

type Walk = HtmlBody & { mediaFile: MediaFile };

/** A link's or image's address with the characters that would end it early in Markdown (brackets, spaces) percent-encoded. */
const escapeAddress = (address: string) => address.replace(/[()\s]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0')}`);

function note(w: Walk, kind: string): void {
  w.left.set(kind, (w.left.get(kind) ?? 0) + 1);
}

/** Inline Markdown of a run of nodes; media inside it are noted and left out. */
function inline(nodes: ChildNode[], w: Walk): string {
  let out = '';
  for (const node of nodes) {
    if (isText(node)) out += escapeMarkdown(unhash(node.data.replace(/\s+/g, ' '), w.tags));
    else if (isTag(node)) out += inlineElement(node, w);
  }
  return out;
}

function inlineElement(el: Element, w: Walk): string {
  const name = el.name.toLowerCase();
  if (SKIPPED.has(name)) return '';
  if (MEDIA[name]) {
    note(w, MEDIA[name]!);
    return '';
  }
  if (name === 'br') return ' ';
  const inner = inline(el.children, w);
  if (!inner.trim()) return inner;
  if (name === 'a') {
    const href = el.attribs['href']?.trim() ?? '';
    return SAFE_HREF.test(href) ? `[${inner.trim()}](${escapeAddress(href)})` : inner;
  }
  if (name === 'code') return `\`${plain(el.children).replace(/`/g, '')}\``;
  const mark = EMPHASIS[name];
  return mark ? `${mark}${inner.trim()}${mark}` : inner;
}

/** The words a reader sees: text, without scripts, styles or media. */
function plain(nodes: ChildNode[]): string {
  let out = '';
  for (const node of nodes) {
    if (isText(node)) out += node.data;
    else if (isTag(node) && !SKIPPED.has(node.name) && !MEDIA[node.name]) out += node.name === 'br' ? ' ' : plain(node.children);
  }
  return out;
}

const WEB_IMAGE = /^https?:\/\/\S+$/i;
const escapeTitle = (text: string) => text.replace(/["\\]/g, '\\$&');

/**
 * The image an element stands for, alone (<img>, or <picture> or <a> around
 * one, with no words beside it), or null.
 */
function loneImage(nodes: ChildNode[]): Element | null {
  if (cleanLine(plain(nodes))) return null;
  const images: Element[] = [];
  const media = (ns: ChildNode[]): number =>
    ns.reduce((n, node) => {
      if (!isTag(node)) return n;
      if (node.name === 'img') images.push(node);
      return n + (MEDIA[node.name] && node.name !== 'picture' ? 1 : 0) + media(node.children);
    }, 0);
  return media(nodes) === 1 && images.length === 1 ? images[0]! : null;
}

/**
 * An image as a figure block, when its address is on the web or the old
 * site's media folder may hold it (a stand-in address then); otherwise noted
 * as left out.
 */
function pushFigure(w: Walk, img: Element, caption: string): void {
  const address = (img.attribs['src'] ?? '').trim();
  const file = w.mediaFile(address);
  const web = WEB_IMAGE.test(escapeAddress(address));
  if (!web && !file) {
    note(w, 'image');
    return;
  }
  const src = web ? escapeAddress(address) : pendingImage(w.images.length + 1);
  const alt = cleanLine(img.attribs['alt'] ?? '');
  const title = cleanLine(caption);
  w.images.push({ src, file, alt: alt || title });
  w.blocks.push({
    text: title || alt,
    line: 1,
    kind: 'figure',
    markdown: `![${escapeMarkdown(alt)}](${src}${title ? ` "${escapeTitle(title)}"` : ''})`,
  });
}

/**
 * The video a run of nodes holds alone (content/video.ts): a video site's
 * <iframe> (Ghost's embed cards) or a video's address as its only words
 * (WordPress's embed blocks, a pasted link), or null.
 */
function loneVideo(nodes: ChildNode[]): Video | null {
  const frames = findAll((e) => e.name === 'iframe', nodes);
  const words = cleanLine(plain(nodes));
  if (frames.length === 1 && !words) return videoAt(frames[0]!.attribs['src'] ?? '');
  return frames.length === 0 && /^\S+$/.test(words) ? videoAt(words) : null;
}

/** A video as the body's Markdown holds it: its page's address alone in a paragraph, the caption as the link's words. */
function pushVideo(w: Walk, video: Video, caption: string): void {
  const url = videoPage(video);
  const title = cleanLine(caption);
  w.blocks.push({ text: title || url, line: 1, kind: 'video', markdown: title ? `[${escapeMarkdown(title)}](${url})` : `<${url}>` });
}

/** A <figure>: its one image or video and caption as a figure or video; anything else in it is read as blocks. */
function figure(el: Element, w: Walk, kind: 'paragraph' | 'quote'): void {
  const caption = findOne((e) => e.name === 'figcaption', el.children);
  const rest = el.children.filter((c) => c !== caption);
  const captionText = caption ? plain(caption.children) : '';
  const img = kind === 'paragraph' ? loneImage(rest) : null;
  const video = kind === 'paragraph' && !img ? loneVideo(rest) : null;
  if (img) pushFigure(w, img, captionText);
  else if (video) pushVideo(w, video, captionText);
  else blocks(el.children, w, kind);
}

function push(w: Walk, kind: BlockKind, nodes: ChildNode[]): void {
  const text = cleanLine(unhash(plain(nodes), []));
  const video = kind === 'paragraph' ? loneVideo(nodes) : null;
  if (video) {
    pushVideo(w, video, '');
    return;
  }
  if (!text) {
    // A paragraph holding only an image is the image: a figure, or noted.
    const img = kind === 'paragraph' ? loneImage(nodes) : null;
    if (img) pushFigure(w, img, '');
    else inline(nodes, w);
    return;
  }
  w.blocks.push({ text, line: 1, kind, markdown: cleanLine(inline(nodes, w)) });
}

const isBlock = (node: ChildNode) => isTag(node) && (CONTAINERS.has(node.name) || HEADINGS.has(node.name) || ['p', 'blockquote', 'li', 'tr', 'pre', 'hr', 'dl', 'dt', 'dd', 'figcaption'].includes(node.name));

/**
 * A run of nodes at block level: block elements become blocks, and loose
 * inline content between them is a paragraph of its own, split on blank
 * lines (the classic WordPress editor stores paragraphs that way and adds
 * the <p> only when it renders).
 */
function blocks(nodes: ChildNode[], w: Walk, kind: 'paragraph' | 'quote'): void {
  let run: ChildNode[] = [];
  const flush = () => {
    let paragraph: ChildNode[] = [];
    for (const node of run) {
      const parts = isText(node) ? node.data.split(/\n\s*\n/) : null;
      if (!parts || parts.length === 1) {
        paragraph.push(node);
        continue;
      }
      // A blank line inside the text ends one paragraph and starts the next.
      parts.forEach((part, i) => {
        if (i > 0) {
          push(w, kind, paragraph);
          paragraph = [];
        }
        paragraph.push(new Text(part));
      });
    }
    push(w, kind, paragraph);
    run = [];
  };
  for (const node of nodes) {
    if (!isTag(node)) {
      if (isText(node)) run.push(node);
      continue;
    }
    const name = node.name.toLowerCase();
    if (!isBlock(node) && !SKIPPED.has(name) && !MEDIA[name]) {
      run.push(node);
      continue;
    }
    flush();
    if (SKIPPED.has(name)) continue;
    if (name === 'img' && kind === 'paragraph') pushFigure(w, node, '');
    else if (MEDIA[name] && name === 'picture' && kind === 'paragraph' && loneImage([node])) pushFigure(w, loneImage([node])!, '');
    else if (name === 'iframe' && kind === 'paragraph' && loneVideo([node])) pushVideo(w, loneVideo([node])!, '');
    else if (MEDIA[name]) note(w, MEDIA[name]!);
    else if (name === 'figure') figure(node, w, kind);
    else if (HEADINGS.has(name)) push(w, kind === 'quote' ? 'quote' : 'heading', node.children);
    else if (name === 'blockquote') blocks(node.children, w, 'quote');
    else if (name === 'tr') pushRow(w, kind, node);
    else if (name === 'hr') continue;
    else if (name === 'figcaption' && node.parent && isTag(node.parent) && node.parent.children.some((c) => isTag(c) && MEDIA[c.name] !== undefined)) {
      // The caption of media the body leaves out (counted there) describes nothing that is left. Only
      // its own media: a gallery's caption (WordPress's, Ghost's) beside figures that come in is kept.
      continue;
    } else if (CONTAINERS.has(name) || name === 'li' || name === 'dl') blocks(node.children, w, kind);
    else push(w, kind, node.children);
  }
  flush();
}

/** A table row as one paragraph, its cells joined. */
function pushRow(w: Walk, kind: 'paragraph' | 'quote', row: Element): void {
  const cells = row.children.filter((c): c is Element => isTag(c) && (c.name === 'td' || c.name === 'th'));
  const texts = cells.map((c) => cleanLine(unhash(plain(c.children), []))).filter(Boolean);
  if (texts.length === 0) return;
  w.blocks.push({ text: texts.join(' · '), line: 1, kind, markdown: cells.map((c) => cleanLine(inline(c.children, w))).filter(Boolean).join(' · ') });
}

export function htmlBody(html: string, mediaFile: MediaFile = () => null): HtmlBody {
  const w: Walk = { blocks: [], images: [], tags: [], left: new Map(), mediaFile };
  blocks(parseDocument(html, { decodeEntities: true }).children, w, 'paragraph');
  return { blocks: w.blocks, images: w.images, tags: w.tags, left: w.left };
}
