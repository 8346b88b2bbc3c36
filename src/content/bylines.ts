/**
 * Bylines. An author's page gathers the articles signed with one name, and
 * Arabic names are typed in several spellings (أحمد and احمد, مصطفى and
 * مصطفي, hamza forms, diacritics, tatweel): a byline is matched by the same
 * folded key as a tag, so that every spelling of a name is one author.
 *
 * A story may be signed by several ("بقلم ريم الخطيب وسامر الحداد"): the
 * first byline (`author`) and its co-authors, each with their own page.
 */
import { tagKey } from './tags.js';
import { cleanLine } from './text-cleanup.js';

export const bylineKey = (byline: string): string => tagKey(byline);

/** Names besides the first byline a story may carry. */
export const COAUTHORS_MAX = 4;

/**
 * Co-authors as stored: each name cleaned, in the order given, once each by
 * its folded key, and never the first byline again.
 */
export function coAuthorsOf(names: readonly string[], author: string): string[] {
  const seen = new Set([bylineKey(author)]);
  const out: string[] = [];
  for (const name of names.map(cleanLine)) {
    const key = bylineKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    out.push(name);
  }
  return out;
}

/** Names as an editor types them in one field: separated by commas (، or ,), semicolons or lines. */
export const namesIn = (text: string): string[] =>
  text
    .split(/[،,؛;\n]/)
    .map((name) => name.trim())
    .filter(Boolean);

/** Every byline of a story, the first first; none for an unsigned one. */
export const bylinesOf = (a: { author: string; coAuthors: readonly string[] }): string[] => (a.author ? [a.author, ...a.coAuthors] : [...a.coAuthors]);

/** "ريم الخطيب وسامر الحداد", "أ، ب وج": names as a byline line joins them. */
export function joinNames(names: readonly string[]): string {
  if (names.length <= 1) return names[0] ?? '';
  return `${names.slice(0, -1).join('، ')} و${names.at(-1)}`;
}
