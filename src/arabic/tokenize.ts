/**
 * Tokenizer: maximal runs of letters, numbers and combining marks.
 *
 * \p{M} keeps harakat attached to their letters, and tatweel (U+0640) is \p{Lm},
 * so both stay inside the token; normalize() removes them later. Offsets are
 * UTF-16 indices into the original string, so `text.slice(start, end) === text`
 * even for vocalized or astral-plane input.
 */
export interface Token {
  text: string;
  start: number;
  end: number;
}

const TOKEN_RE = /[\p{L}\p{N}\p{M}]+/gu;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  // A shared /g regex is safe here: the loop is synchronous and resets lastIndex.
  TOKEN_RE.lastIndex = 0;
  let m: RegExpExecArray | null;
  while ((m = TOKEN_RE.exec(text)) !== null) {
    const start = m.index;
    out.push({ text: m[0], start, end: start + m[0].length });
  }
  return out;
}
