/**
 * A description cut from the article's lead: what a reader sees under the
 * headline and what search engines show, at most about 160 characters.
 */
export const DESCRIPTION_MAX = 160;

/** The first sentence of the text, cut on a word boundary at `max` characters. */
export function leadSentence(text: string, max = DESCRIPTION_MAX): string {
  const trimmed = text.trim();
  const end = /[.!?؟](?=\s|$)/u.exec(trimmed);
  const sentence = end ? trimmed.slice(0, end.index + 1) : trimmed;
  return cutOnWord(sentence, max);
}

export function cutOnWord(text: string, max = DESCRIPTION_MAX): string {
  if (text.length <= max) return text;
  const cut = text.slice(0, max - 1);
  const space = cut.lastIndexOf(' ');
  return `${(space > max / 2 ? cut.slice(0, space) : cut).replace(/[\s،,؛:]+$/u, '')}…`;
}
