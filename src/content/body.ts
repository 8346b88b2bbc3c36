/**
 * The parsed form of a Markdown body: sections, each an optional subheading
 * followed by paragraphs and quotations. The page, the search index and the
 * see-also placement all read this form, so it is computed once, on save.
 */
import MarkdownIt from 'markdown-it';
import sanitizeHtml from 'sanitize-html';

export type BlockKind = 'paragraph' | 'quote';

export interface Block {
  kind: BlockKind;
  /** Plain text, for the index and the APIs. */
  text: string;
  /** Sanitized inline HTML, for the page. */
  html: string;
}

export interface Section {
  heading: string | null;
  blocks: Block[];
}

// Raw HTML in a body is shown as text, never interpreted.
const md = new MarkdownIt({ html: false, linkify: true, typographer: false });
type Token = ReturnType<typeof md.parse>[number];

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
      const text = plainText(token);
      if (text) current.blocks.push({ kind: quoteDepth > 0 ? 'quote' : 'paragraph', text, html: inlineHtml(token) });
    }
  }
  if (current.heading !== null || current.blocks.length) sections.push(current);
  return sections;
}

/** Every paragraph and quotation in reading order. */
export function allBlocks(sections: Section[]): Block[] {
  return sections.flatMap((s) => s.blocks);
}
