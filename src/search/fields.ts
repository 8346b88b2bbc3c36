/**
 * Turning an article into the index's columns.
 *
 * The engine cannot run our analyzer (better-sqlite3 cannot register FTS5
 * tokenizers, and PostgreSQL would need a C extension), so the index is fed
 * text that is already analysed: for each field, one column of light stems
 * and one of normalized, unstemmed forms, each the space-separated analysis
 * of the field's words, one token per original word, stop words included.
 * Token i of a column is word i of the field, so phrases stay phrases.
 *
 * The FTS5 table uses the `ascii` tokenizer: it splits only on ASCII
 * punctuation and space, and treats every non-ASCII character as part of a
 * token. Our tokens are runs of letters, digits and marks, so they hold no
 * ASCII punctuation — except where NFKC made some (⑴ → "(1)"), which
 * indexToken() strips so that one word always stays one token.
 */
import type { Section } from '../content/body.js';
import { analyseWord, scanWords } from './analysis.js';

export { indexToken, normToken, stemToken, NORM_MARK, STOP_MARK } from './analysis.js';

/** A token that a word whose analysis is empty indexes as: it keeps the positions aligned and no query can produce it. */
export const EMPTY_TOKEN = '\u2400';

export interface AnalysedField {
  stems: string;
  norms: string;
  /** How many words (tokens) the field has. */
  words: number;
}

export function analyseField(text: string): AnalysedField {
  const stems: string[] = [];
  const norms: string[] = [];
  scanWords(text, (start, end) => {
    const a = analyseWord(text.slice(start, end));
    stems.push(a.stemToken || EMPTY_TOKEN);
    norms.push(a.normToken || EMPTY_TOKEN);
  });
  return { stems: stems.join(' '), norms: norms.join(' '), words: stems.length };
}

/** The body as one text: subheadings and blocks in reading order, one per line. */
export function bodyText(sections: Section[]): string {
  const parts: string[] = [];
  for (const s of sections) {
    if (s.heading) parts.push(s.heading);
    for (const b of s.blocks) parts.push(b.text);
  }
  return parts.join('\n');
}

export interface IndexColumns {
  title_stem: string;
  title_norm: string;
  desc_stem: string;
  desc_norm: string;
  body_stem: string;
  body_norm: string;
}

/** The column order of the index, which bm25() weights follow. */
export const COLUMNS = ['title_stem', 'title_norm', 'desc_stem', 'desc_norm', 'body_stem', 'body_norm'] as const;
export const STEM_COLUMNS = ['title_stem', 'desc_stem', 'body_stem'] as const;
export const NORM_COLUMNS = ['title_norm', 'desc_norm', 'body_norm'] as const;

export function indexColumns(title: string, description: string, sections: Section[]): IndexColumns {
  const t = analyseField(title);
  const d = analyseField(description);
  const b = analyseField(bodyText(sections));
  return {
    title_stem: t.stems,
    title_norm: t.norms,
    desc_stem: d.stems,
    desc_norm: d.norms,
    body_stem: b.stems,
    body_norm: b.norms,
  };
}
