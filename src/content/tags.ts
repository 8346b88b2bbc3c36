/**
 * Tags and hashtags. A hashtag is how Arabic newsrooms tag (#سوريا,
 * #الشرق_الأوسط); the tag's name is the hashtag without # and with spaces
 * for underscores. Tags are matched by a folded key so that #سوريه and
 * #سوريا, or a vocalized spelling, are one tag.
 */
import { asciiDigits, cleanLine } from './text-cleanup.js';

const HASHTAG = /#([\p{L}\p{N}\p{M}_\u0640]+)/gu;
const TRAILING_HASHTAGS = /(?:\s*#[\p{L}\p{N}\p{M}_\u0640]+)+\s*$/u;

/** A tag's address on the site an import came from, e.g. { alias: 'sports', name: 'رياضة' }: its old links redirect. */
export interface TagAlias {
  alias: string;
  name: string;
  /** The old site's description of the tag, for a tag that has none here yet. */
  description?: string;
}

/** The longest description of a tag (a line or two under its page's heading, and its meta description). */
export const TAG_DESCRIPTION_MAX = 300;


export function tagName(raw: string): string {
  return cleanLine(raw.replace(/^#/, '').replace(/_/g, ' '));
}

/** The identity of a tag: spelling variants of one name share it. */
export function tagKey(name: string): string {
  return asciiDigits(name.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\u064B-\u065F\u0670\u0640]/g, '')
    .replace(/[آأإٱ]/g, 'ا')
    .replace(/ى/g, 'ي')
    .replace(/ة/g, 'ه')
    .trim()
    .replace(/[\s_-]+/g, '_');
}

/** The tag's path segment: the hashtag form, which readers recognise. */
export function tagSlug(name: string): string {
  return name.trim().replace(/\s+/g, '_');
}

/** Adds names to a tag list, keeping order and dropping variants already there. */
export function mergeTags(into: string[], names: Iterable<string>): string[] {
  const seen = new Set(into.map(tagKey));
  for (const name of names) {
    const key = tagKey(name);
    if (!key || seen.has(key)) continue;
    seen.add(key);
    into.push(name);
  }
  return into;
}

/**
 * Splits a line that ends in hashtags (a description): the text before them,
 * and the tags. Hashtags inside the text become tags too, and read as plain
 * words there; `stripTrailing: false` treats trailing ones the same way (a
 * body paragraph keeps its words).
 */
export function extractHashtags(
  line: string,
  { stripTrailing = true }: { stripTrailing?: boolean } = {},
): { text: string; tags: string[] } {
  const tags: string[] = [];
  const trailing = stripTrailing ? TRAILING_HASHTAGS.exec(line) : null;
  // The trailing hashtags come first: their first is the article's section.
  if (trailing) {
    for (const m of trailing[0].matchAll(HASHTAG)) mergeTags(tags, [tagName(m[1]!)]);
  }
  const text = unhash(trailing ? line.slice(0, trailing.index) : line, tags);
  return { text: cleanLine(text), tags };
}

/** Hashtags inside text read as their words (#حمزة_لبيض → حمزة لبيض), and are added to `tags`. */
export function unhash(text: string, tags: string[]): string {
  return text.replace(HASHTAG, (_m, raw: string) => {
    mergeTags(tags, [tagName(raw)]);
    return raw.replace(/_/g, ' ');
  });
}
