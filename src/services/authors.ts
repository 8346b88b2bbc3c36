/**
 * Author profiles (content/authors.ts): what editors write about the people
 * who sign stories, checked before it is stored. Editors may write anyone's;
 * a reporter (author or contributor) may write the profile of the byline
 * that is their own account's name, as a newsroom lets its staff keep their
 * own page.
 */
import {
  AUTHOR_BIO_MAX,
  AUTHOR_LINK_MAX,
  AUTHOR_LINKS_MAX,
  AUTHOR_TITLE_MAX,
  authorBioText,
  authorTitleText,
  profileLink,
  type AuthorCard,
  type AuthorProfile,
  type AuthorProfileInput,
} from '../content/authors.js';
import type { AuthorAlias } from '../content/article.js';
import { bylineKey } from '../content/bylines.js';
import { cutOnWord } from '../content/lead.js';
import { cleanLine } from '../content/text-cleanup.js';
import { editsAny, type Actor } from '../auth/roles.js';
import type { AuthorStat, Store } from '../store/store.js';
import { uploadFromFolder, type MediaImport } from './feature-images.js';
import { forbidden, invalid, notFound } from './newsroom-errors.js';

/** What an editor sent, before it is checked. */
export interface ProfileFields {
  jobTitle?: string;
  bio?: string;
  links?: string[];
  imageId?: number | null;
}

/** Every field empty: saving it removes the profile. */
export const EMPTY_PROFILE: ProfileFields = Object.freeze({ jobTitle: '', bio: '', links: [], imageId: null });

const tooLong = (field: string, max: number, ar: string) => invalid(field, `at most ${max} characters`, `${ar} ${max} حرف على الأكثر`);

/** The profile as it will be stored, or the first field at fault. */
export function checkProfile(fields: ProfileFields, current: AuthorProfileInput | null): AuthorProfileInput {
  const jobTitle = fields.jobTitle === undefined ? (current?.jobTitle ?? '') : authorTitleText(fields.jobTitle);
  if ([...jobTitle].length > AUTHOR_TITLE_MAX) throw tooLong('jobTitle', AUTHOR_TITLE_MAX, 'صفة الكاتب');
  const bio = fields.bio === undefined ? (current?.bio ?? '') : authorBioText(fields.bio);
  if ([...bio].length > AUTHOR_BIO_MAX) throw tooLong('bio', AUTHOR_BIO_MAX, 'نبذة الكاتب');
  let links = current?.links ?? [];
  if (fields.links !== undefined) {
    const given = fields.links.map((l) => l.trim()).filter(Boolean);
    if (given.length > AUTHOR_LINKS_MAX) throw invalid('links', `at most ${AUTHOR_LINKS_MAX} links`, `${AUTHOR_LINKS_MAX} روابط على الأكثر`);
    links = [];
    for (const raw of given) {
      const href = profileLink(raw);
      if (!href) throw invalid('links', `${raw}: not an address beginning with https:// or http://`, `«${raw}» ليس عنواناً يبدأ بـ https:// أو http://`);
      if (href.length > AUTHOR_LINK_MAX) throw invalid('links', `an address of at most ${AUTHOR_LINK_MAX} characters`, `الرابط ${AUTHOR_LINK_MAX} حرف على الأكثر`);
      if (!links.includes(href)) links.push(href);
    }
  }
  const imageId = fields.imageId === undefined ? (current?.imageId ?? null) : fields.imageId;
  return { jobTitle, bio, links, imageId };
}

/** May this account write this byline's profile? */
export const mayEditProfile = (actor: Actor, byline: string): boolean => editsAny(actor) || bylineKey(actor.name) === bylineKey(byline);

/**
 * Saves a byline's profile: fields left out keep their value; a profile
 * emptied of everything is removed (null). The portrait must be an upload
 * of the media library.
 */
export async function saveAuthorProfile(store: Store, actor: Actor, rawByline: string, fields: ProfileFields): Promise<AuthorProfile | null> {
  const byline = cleanLine(rawByline);
  if (!bylineKey(byline)) throw invalid('name', 'is empty', 'اسم الكاتب فارغ');
  if (!mayEditProfile(actor, byline)) {
    throw forbidden('Editors write any author’s profile; others only their own', 'يكتب المحررون ملف أي كاتب، وغيرهم ملفه هو فقط');
  }
  const current = await store.newsroom.authorProfile(byline);
  const profile = checkProfile(fields, current);
  if (fields.imageId != null && !(await store.newsroom.getMedia(fields.imageId))) throw notFound('image', 'لم نجد هذه الصورة');
  return store.newsroom.setAuthorProfile(byline, profile);
}

/**
 * What an import's old site said about its authors (AuthorAlias.profile),
 * kept for bylines with no profile here yet: an editor's own is never
 * replaced. Too long a title or biography is cut on a word; an address that
 * is not http(s) is left out; a portrait comes from the old site's media
 * folder when the import was given it (`media`), like the posts' images.
 * Returns notes of what was brought and what was not.
 */
export async function importProfiles(store: Store, aliases: AuthorAlias[], media?: MediaImport): Promise<string[]> {
  const notes: string[] = [];
  let brought = 0;
  let portraitsLeft = 0;
  const seen = new Set<string>();
  for (const { byline, profile } of aliases) {
    const key = bylineKey(byline);
    if (!profile || !key || seen.has(key)) continue;
    seen.add(key);
    if (await store.newsroom.authorProfile(byline)) continue;
    const links = profile.links.flatMap((l) => {
      const href = profileLink(l);
      return href && href.length <= AUTHOR_LINK_MAX ? [href] : [];
    });
    let imageId: number | null = null;
    if (profile.image && !media) portraitsLeft++;
    else if (profile.image && media) {
      const portrait = profile.image.file ? await uploadFromFolder(store, media, profile.image.file, byline) : ({ outside: true } as const);
      if ('saved' in portrait) imageId = portrait.saved.id;
      else notes.push(`${byline}: portrait ${'why' in portrait ? `${profile.image.file} not imported (${portrait.why})` : `${profile.image.url} is not in the media folder`}`);
    }
    const checked = checkProfile(
      {
        jobTitle: cutOnWord(authorTitleText(profile.jobTitle ?? ''), AUTHOR_TITLE_MAX),
        bio: cutOnWord(authorBioText(profile.bio), AUTHOR_BIO_MAX),
        links: [...new Set(links)].slice(0, AUTHOR_LINKS_MAX),
        imageId,
      },
      null,
    );
    if (await store.newsroom.setAuthorProfile(byline, checked)) brought++;
  }
  if (brought) notes.unshift(`${brought} author profile${brought === 1 ? '' : 's'} imported`);
  if (portraitsLeft) notes.push(`${portraitsLeft} author portrait${portraitsLeft === 1 ? '' : 's'} not imported: give the old site's media folder with --media DIR`);
  return notes;
}

/** A byline with public stories, as the authors' index and the Content API list it. */
export interface IndexedAuthor extends AuthorStat {
  /** What its profile shows beside the name; null without a profile. */
  card: Pick<AuthorProfile, 'jobTitle' | 'image'> | null;
}

/** Every byline with public stories, with its profile's title and portrait, in the alphabet's order. */
export async function authorsIndex(store: Store): Promise<IndexedAuthor[]> {
  const [bylines, profiles] = await Promise.all([store.listAuthors(), store.newsroom.allAuthorProfiles()]);
  const images = await store.newsroom.imageRefs(profiles.map((p) => p.imageId));
  const cards = new Map(profiles.map((p) => [bylineKey(p.byline), { jobTitle: p.jobTitle, image: p.imageId === null ? null : (images.get(p.imageId) ?? null) }]));
  return bylines.map((b) => ({ ...b, card: cards.get(bylineKey(b.byline)) ?? null })).sort((a, b) => a.byline.localeCompare(b.byline, 'ar'));
}

/**
 * The profiles of a few bylines, keyed as a page's view holds them
 * (content/authors.ts cardFor): for pages not read with their cards in one
 * statement (the editor's preview, the opinion and analysis pages). Bylines
 * without a profile are left out.
 */
export async function profileCards(store: Store, bylines: string[]): Promise<Record<string, AuthorCard>> {
  const unique = [...new Map(bylines.filter(Boolean).map((b) => [bylineKey(b), b])).values()];
  const profiles = await Promise.all(unique.map((b) => store.newsroom.authorProfile(b)));
  const cards: Record<string, AuthorCard> = {};
  profiles.forEach((profile, i) => {
    if (profile) cards[bylineKey(unique[i]!)] = profile;
  });
  return cards;
}
