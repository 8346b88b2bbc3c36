/**
 * Author profiles: what a newsroom says about the people who sign its
 * stories — a title ("مراسل الشؤون السورية"), a few lines of biography, a
 * portrait, and their pages elsewhere. A profile belongs to a byline (by its
 * folded key, content/bylines.ts), not to an account: agency bylines and
 * contributors without a login have pages too.
 */
import { bylineKey } from './bylines.js';
import { cleanLine } from './text-cleanup.js';
import type { ImageRef } from './image.js';

/** What an editor writes; the portrait is an upload of the media library. */
export interface AuthorProfileInput {
  /** Their work in the newsroom, "مراسل الشؤون السورية" (schema.org's jobTitle). */
  jobTitle: string;
  bio: string;
  links: string[];
  imageId: number | null;
}

export interface AuthorProfile extends AuthorProfileInput {
  /** The byline as the profile was last saved under (any spelling of it finds the profile). */
  byline: string;
  image: ImageRef | null;
  updatedAt: string;
}

/** What an article's page shows of its author: the title beside the byline, the box under the story. */
export type AuthorCard = Pick<AuthorProfile, 'jobTitle' | 'bio' | 'image' | 'links' | 'updatedAt'>;

export const AUTHOR_TITLE_MAX = 80;
export const AUTHOR_BIO_MAX = 600;
export const AUTHOR_LINKS_MAX = 5;
export const AUTHOR_LINK_MAX = 300;

/** One line, spaces folded. */
export const authorTitleText = (raw: string): string => cleanLine(raw);

/** Paragraphs kept (a blank line between them), every other run of spaces folded. */
export function authorBioText(raw: string): string {
  return raw
    .split(/\n\s*\n/)
    .map(cleanLine)
    .filter(Boolean)
    .join('\n\n');
}

export const bioParagraphs = (bio: string): string[] => bio.split('\n\n').filter(Boolean);

/**
 * A profile link as stored: an absolute http(s) address, or null when it is
 * not one (a javascript: or data: address must never reach a page's href).
 */
export function profileLink(raw: string): string | null {
  const text = raw.trim();
  if (!/^https?:\/\//i.test(text)) return null;
  try {
    const url = new URL(text);
    return url.hostname.includes('.') ? url.href : null;
  } catch {
    return null;
  }
}

/** The name a reader recognises a link by: its host without "www.". */
export const linkLabel = (href: string): string => new URL(href).hostname.replace(/^www\./, '');

/** The card of one of a story's bylines, from the cards of its page (by folded key); null without a profile. */
export const cardFor = (cards: Record<string, AuthorCard> | undefined, byline: string): AuthorCard | null => cards?.[bylineKey(byline)] ?? null;

/** True when a profile says nothing (saving one removes it). */
export const isEmptyProfile = (p: AuthorProfileInput): boolean => !p.jobTitle && !p.bio && p.links.length === 0 && p.imageId === null;
