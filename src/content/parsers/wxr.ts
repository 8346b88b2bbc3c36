/**
 * Reading WordPress's export format (WXR) once it is parsed to plain
 * objects: what the posts' reader (wordpress.ts) and the bylines' reader
 * (wordpress-bylines.ts) both need.
 */

export type Node = Record<string, unknown>;

/** The text of an element that may carry attributes ({#text, @attr}) or be empty. */
export function text(v: unknown): string {
  if (typeof v === 'string') return v;
  if (typeof v === 'number') return String(v);
  if (v && typeof v === 'object' && '#text' in v) return text((v as Node)['#text']);
  return '';
}

/** An item's postmeta as key → value. */
export function postmeta(item: Node): Map<string, string> {
  return new Map(((item['wp:postmeta'] as Node[] | undefined) ?? []).map((m) => [text(m['wp:meta_key']), text(m['wp:meta_value'])]));
}

/** WordPress stores slugs percent-encoded, in lower case. */
export function decodeSlug(slug: string): string {
  try {
    return decodeURIComponent(slug.trim());
  } catch {
    return '';
  }
}

/** The archive slug WordPress makes of a login (sanitize_title, roughly): /author/<nicename>/. */
export const nicenameOf = (login: string): string =>
  login
    .toLowerCase()
    .trim()
    .replace(/[^\p{L}\p{N}_.-]+/gu, '-')
    .replace(/^-+|-+$/g, '');

/** A term an item names: <category domain="post_tag" nicename="slug">Name</category>. */
export interface ItemTerm {
  domain: unknown;
  nicename: unknown;
  name: string;
}

export const itemTerms = (item: Node): ItemTerm[] =>
  ((item['category'] as unknown[] | undefined) ?? []).map((c) => ({
    domain: (c as Node)['@domain'],
    nicename: (c as Node)['@nicename'],
    name: text(c),
  }));
