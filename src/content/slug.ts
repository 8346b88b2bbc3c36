/**
 * Slugs. Arabic slugs are first-class: a slug is words of letters and digits
 * joined by hyphens, in any script; URLs percent-encode it.
 */
import { asciiDigits } from './text-cleanup.js';

const MAX_SLUG_LENGTH = 80;
const SLUG_PATTERN = /^[\p{L}\p{N}]+(?:-[\p{L}\p{N}]+)*$/u;

export function isValidSlug(slug: string): boolean {
  return slug.length > 0 && slug.length <= 200 && SLUG_PATTERN.test(slug);
}

/** A slug from a headline: marks, tatweel and punctuation go, words are kept whole. */
export function slugify(title: string): string {
  const words = asciiDigits(title.normalize('NFKC'))
    .toLowerCase()
    .replace(/[\p{M}\u0640]/gu, '')
    .split(/[^\p{L}\p{N}]+/u)
    .filter(Boolean);
  let slug = '';
  for (const word of words) {
    const next = slug ? `${slug}-${word}` : word;
    if (next.length > MAX_SLUG_LENGTH && slug) break;
    slug = next;
  }
  return slug.slice(0, MAX_SLUG_LENGTH) || 'article';
}
