/**
 * The bylines of a WordPress export: the posts' authors, and the several
 * names and "guest authors" (writers with no account on the site) of
 * Co-Authors Plus, the plugin WordPress newsrooms use for them. WXR
 * carries the plugin's data in three places:
 *
 * - each post names its bylines as terms of the taxonomy "author",
 *   `<category domain="author" nicename="cap-<nicename>">login</category>`.
 *   WordPress writes a post's terms sorted by name, so the plugin's own
 *   order is lost: the post's author (dc:creator) leads when it is one of
 *   them, the others follow as the file lists them. When it is none of them
 *   (a story only guests signed) it is no byline, as on the old site;
 * - a guest author is an item of type "guest-author": its postmeta holds
 *   the name and profile (cap-display_name, cap-user_login, cap-description,
 *   cap-website, cap-linked_account), its feature image the portrait;
 * - the site's author terms (wp:term) describe each name as "display first
 *   last login id email": the only place that names an account which never
 *   led a story, since WXR lists only the posts' own authors (wp:author).
 *
 * A post without such terms is signed by its author alone, as WordPress
 * shows it.
 */
import { textContent } from 'domutils';
import { parseDocument } from 'htmlparser2';
import type { AuthorAlias } from '../article.js';
import { cleanLine } from '../text-cleanup.js';
import type { FeatureImage } from './post.js';
import { decodeSlug, itemTerms, nicenameOf, postmeta, text, type Node } from './wxr.js';

export const GUEST_AUTHOR = 'guest-author';
/** The plugin prefixes its terms' slugs with "cap-"; the archive's address is the rest (/author/<nicename>/). */
const archiveOf = (termSlug: string): string => termSlug.replace(/^cap-/, '');

interface Guest {
  login: string;
  byline: string;
  /** The account whose stories this profile signs (the plugin's "linked account"). */
  account: string;
  profile?: AuthorAlias['profile'];
}

export interface WordPressBylines {
  /** A post's first byline and the names it shares it with, in order. */
  of(item: Node): { author: string; coAuthors: string[] };
  /** The bylines' old archives (/author/<nicename>/), once each, with the guest authors' profiles. */
  aliases: AuthorAlias[];
  /** The attachments that are guest authors' portraits: brought with the profiles, not left behind. */
  portraits: Set<string>;
}

/** The plugin lets a biography hold some HTML (links, emphasis); a profile here is text, in paragraphs. */
const bioText = (html: string): string =>
  html
    .split(/\n\s*\n|<\/p\s*>/i)
    .map((p) => cleanLine(textContent(parseDocument(p))))
    .filter(Boolean)
    .join('\n\n');

const escapeRegExp = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * The display name in an author term's description, "display first last
 * login id email"; the first and last names repeat it when they make it up
 * ("ريم الخطيب ريم الخطيب"). Empty when the description is not of that shape.
 */
export function describedName(description: string, login: string): string {
  const m = new RegExp(`^(.*?)\\s+${escapeRegExp(login)}\\s+\\d+(?:\\s+\\S+)?$`, 'u').exec(description.trim());
  if (!m) return '';
  const words = m[1]!.trim().split(/\s+/).filter(Boolean);
  const half = words.length / 2;
  if (Number.isInteger(half) && words.slice(0, half).join(' ') === words.slice(half).join(' ')) return words.slice(0, half).join(' ');
  return words.join(' ');
}

export function wordPressBylines(channel: Node, items: Node[], attachments: Map<string, FeatureImage>): WordPressBylines {
  const users = new Map<string, string>();
  for (const a of (channel['wp:author'] as Node[] | undefined) ?? []) {
    const login = text(a['wp:author_login']);
    users.set(login, cleanLine(text(a['wp:author_display_name'])) || login);
  }
  const described = new Map<string, string>();
  const termSlugs: { slug: string; login: string }[] = [];
  for (const t of (channel['wp:term'] as Node[] | undefined) ?? []) {
    if (text(t['wp:term_taxonomy']) !== 'author') continue;
    const login = text(t['wp:term_name']).trim();
    const name = describedName(text(t['wp:term_description']), login);
    if (login && name) described.set(login, name);
    termSlugs.push({ slug: decodeSlug(text(t['wp:term_slug'])), login });
  }

  const guests = new Map<string, Guest>();
  const portraits = new Set<string>();
  for (const item of items) {
    if (text(item['wp:post_type']) !== GUEST_AUTHOR || text(item['wp:status']) === 'trash') continue;
    const meta = postmeta(item);
    // Logins in other scripts are stored percent-encoded.
    const login = decodeSlug(meta.get('cap-user_login') ?? '') || archiveOf(decodeSlug(text(item['wp:post_name'])));
    const byline = cleanLine(meta.get('cap-display_name') ?? '') || cleanLine(text(item['title']));
    if (!login || !byline) continue;
    const thumbnail = meta.get('_thumbnail_id')?.trim();
    const image = thumbnail ? attachments.get(thumbnail) : undefined;
    if (image) portraits.add(thumbnail!);
    const bio = bioText(meta.get('cap-description') ?? '');
    const website = meta.get('cap-website')?.trim() ?? '';
    guests.set(login, {
      login,
      byline,
      account: meta.get('cap-linked_account')?.trim() ?? '',
      ...(bio || website || image ? { profile: { bio, links: website ? [website] : [], ...(image ? { image: { file: image.file, url: image.url } } : {}) } } : {}),
    });
  }
  const byAccount = new Map([...guests.values()].filter((g) => g.account).map((g) => [g.account, g]));

  // An account with a guest profile linked to it signs as that profile, as on the old site.
  const bylineOf = (login: string): string => guests.get(login)?.byline ?? byAccount.get(login)?.byline ?? users.get(login) ?? described.get(login) ?? login;

  const aliases = new Map<string, AuthorAlias>();
  const alias = (slug: string, login: string, profile?: AuthorAlias['profile']) => {
    const byline = cleanLine(bylineOf(login));
    if (slug && byline && !aliases.has(slug)) aliases.set(slug, { alias: slug, byline, ...(profile ? { profile } : {}) });
  };
  for (const g of guests.values()) alias(nicenameOf(g.login), g.login, g.profile);
  for (const login of users.keys()) alias(nicenameOf(login), login);
  for (const t of termSlugs) alias(archiveOf(t.slug), t.login);

  return {
    of(item) {
      const lead = cleanLine(bylineOf(text(item['dc:creator'])));
      const named: string[] = [];
      for (const t of itemTerms(item)) {
        if (t.domain !== 'author' || !t.name.trim()) continue;
        const byline = cleanLine(bylineOf(t.name.trim()));
        if (byline && !named.includes(byline)) named.push(byline);
        // An export of some posts only lists no terms apart: the posts' own name the archives too.
        if (typeof t.nicename === 'string') alias(archiveOf(decodeSlug(t.nicename)), t.name.trim());
      }
      if (named.length === 0) return { author: lead, coAuthors: [] };
      const ordered = named.includes(lead) ? [lead, ...named.filter((n) => n !== lead)] : named;
      return { author: ordered[0]!, coAuthors: ordered.slice(1) };
    },
    get aliases() {
      return [...aliases.values()];
    },
    portraits,
  };
}
