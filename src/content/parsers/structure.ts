/**
 * Turns the blocks of an imported article (lines of the seed's shape,
 * blank-line separated paragraphs of a JSON line, or the block elements of a
 * WordPress or Ghost post) into a Markdown body: subheadings, paragraphs and
 * quotations, with the other site's "see also" and "related news"
 * boilerplate set aside instead of lost.
 */
import { extractHashtags } from '../tags.js';
import { cleanLine, normalizeNewlines } from '../text-cleanup.js';
import { videoAt, videoPage } from '../video.js';

export type BlockKind = 'heading' | 'paragraph' | 'quote' | 'figure' | 'video';

export interface TextBlock {
  /** Plain text: what the see-also and heading rules read. */
  text: string;
  /** 1-based line in the source, for error messages. */
  line: number;
  /** Known from the source's markup (HTML); plain text has its kind inferred. */
  kind?: BlockKind;
  /** The block as inline Markdown already (HTML's links and emphasis, a figure's image); plain text is escaped instead. */
  markdown?: string;
}

export interface StructuredBody {
  markdown: string;
  tags: string[];
  seeAlso: string[];
  related: string[];
  paragraphs: string[];
}

// "شاهد أيضاً: …", "شاهد ايضا …", "اقرأ أيضاً: …", "للمزيد: …" in their usual spellings.
const SEE_ALSO = /^(?:(?:شاهد|اقرأ|اقرا|إقرأ)\s+[اأإ]يض[اًَ]*|للمزيد)\s*[:：\-–]?\s*(.*)$/u;
const RELATED_HEADER = /^أخبار\s+ذات\s+صلة\s*[:：]?$/u;
const QUOTE = /^>\s?(.*)$/u;
// Closing sentence punctuation, looked for after any closing quotes/brackets.
const SENTENCE_END = /[.!?؟…:;؛]$/u;
const CLOSERS = /["'»”’)\]}]+$/u;
const MAX_HEADING_WORDS = 12;
const MAX_HEADING_CHARS = 90;

export function isSeeAlso(text: string): string | null {
  const m = SEE_ALSO.exec(text);
  return m ? m[1]!.trim() : null;
}

function endsSentence(text: string): boolean {
  return SENTENCE_END.test(text.replace(CLOSERS, '').trimEnd()) || SENTENCE_END.test(text);
}

function looksLikeHeading(text: string): boolean {
  return (
    text.length <= MAX_HEADING_CHARS &&
    text.split(/\s+/).length <= MAX_HEADING_WORDS &&
    !endsSentence(text) &&
    !QUOTE.test(text)
  );
}

/** Markdown-escapes plain text so that imported words never turn into markup. */
export function escapeMarkdown(text: string): string {
  return text
    .replace(/([\\`*_[\]<>|])/g, '\\$1')
    .replace(/^([#+\-=])/, '\\$1')
    .replace(/^(\d+)([.)])/, '$1\\$2');
}

/** Plain text cut into blocks at blank lines (a JSON line's body, a Ghost post without HTML). */
export function paragraphBlocks(text: string, line = 1): TextBlock[] {
  return normalizeNewlines(text)
    .split(/\n\s*\n/)
    .map((p) => ({ text: cleanLine(p), line }))
    .filter((b) => b.text !== '');
}

export function structureBody(blocks: TextBlock[]): StructuredBody {
  const seeAlso: string[] = [];
  const related: string[] = [];
  const content: TextBlock[] = [];
  let inRelated = false;
  for (const block of blocks) {
    // A video's address on a line of its own is the video (content/video.ts), written as the address alone.
    const video = block.kind === undefined ? videoAt(block.text) : null;
    // A figure or a video is kept where it stands; its caption is never a see-also line or a list's header.
    if ((block.kind === 'figure' || block.kind === 'video' || video) && !inRelated) {
      content.push(video ? { ...block, kind: 'video', markdown: `<${videoPage(video)}>` } : block);
      continue;
    }
    if (inRelated) {
      related.push(block.text);
      continue;
    }
    if (RELATED_HEADER.test(block.text)) {
      inRelated = true;
      continue;
    }
    const link = isSeeAlso(block.text);
    if (link !== null) {
      if (link) seeAlso.push(link);
      continue;
    }
    content.push(block);
  }

  // A short line without closing punctuation is a subheading only when a
  // paragraph (or a quotation) follows it; otherwise it is a short paragraph.
  const kinds: BlockKind[] = content.map((b) => b.kind ?? (QUOTE.test(b.text) ? 'quote' : 'paragraph'));
  for (let i = content.length - 2; i >= 0; i--) {
    if (!content[i]!.kind && kinds[i] === 'paragraph' && looksLikeHeading(content[i]!.text) && kinds[i + 1] !== 'heading') {
      kinds[i] = 'heading';
    }
  }

  const tags: string[] = [];
  const paragraphs: string[] = [];
  const parts = content.map((block, i) => {
    if (block.markdown !== undefined) {
      if (kinds[i] === 'figure' || kinds[i] === 'video') return block.markdown;
      if (kinds[i] === 'heading') return `## ${block.markdown}`;
      paragraphs.push(block.text);
      return kinds[i] === 'quote' ? `> ${block.markdown}` : block.markdown;
    }
    const raw = kinds[i] === 'quote' && !block.kind ? QUOTE.exec(block.text)![1]! : block.text;
    const { text, tags: inline } = extractHashtags(raw, { stripTrailing: false });
    tags.push(...inline);
    if (kinds[i] === 'heading') return `## ${escapeMarkdown(text)}`;
    paragraphs.push(text);
    return kinds[i] === 'quote' ? `> ${escapeMarkdown(text)}` : escapeMarkdown(text);
  });
  return { markdown: parts.join('\n\n'), tags, seeAlso, related, paragraphs };
}
