/**
 * What the newsroom (issue #5) asks of storage: accounts, sessions, API
 * keys, the setup token, revisions, redirects, media and the editors' view
 * of articles (every status). The Store exposes it as `store.newsroom`; the
 * Kysely implementation is in newsroom-kysely.ts and runs on either engine.
 */
import type { ArticleStatus, LiveState } from '../content/article.js';
import type { ArticleGenre } from '../content/genre.js';
import type { AuthorProfile, AuthorProfileInput } from '../content/authors.js';
import type { ImageFormat, ImageRef, Rendition } from '../content/image.js';
import type { Role } from './newsroom-schema.js';

export type { Role } from './newsroom-schema.js';

export interface User {
  id: number;
  email: string;
  name: string;
  role: Role;
  createdAt: string;
}

export interface UserWithHash extends User {
  passwordHash: string;
}

export interface ApiKeyInfo {
  id: number;
  name: string;
  prefix: string;
  role: Role;
  userId: number;
  createdAt: string;
  lastUsedAt: string | null;
  revokedAt: string | null;
}

/** What a revision keeps: the article as it was saved. */
export interface RevisionSnapshot {
  title: string;
  description: string;
  tags: string[];
  body: string;
  slug: string;
  status: ArticleStatus;
  publishedAt: string | null;
  featureImage: number | null;
  author: string;
  /** Absent in revisions of a story signed once (and in those kept before co-authors). */
  coAuthors?: string[];
}

export interface Revision {
  id: number;
  articleId: number;
  userId: number | null;
  userName: string | null;
  createdAt: string;
  snapshot: RevisionSnapshot;
}

export interface MediaRecord {
  id: number;
  fileKey: string;
  format: ImageFormat;
  width: number;
  height: number;
  bytes: number;
  alt: string;
  original: Rendition;
  webp: Rendition[];
  userId: number | null;
  createdAt: string;
}

export type NewMedia = Omit<MediaRecord, 'id' | 'createdAt'>;

export interface MediaUse extends MediaRecord {
  /** Articles, any status, with it as their feature image. */
  featureOf: number;
  /** Articles, any status, whose body shows it. */
  bodyOf: number;
}

export interface AdminListQuery {
  status?: ArticleStatus;
  tag?: string;
  ownerId?: number;
  /** Stories signed with this byline, in any spelling, first or co-author. */
  byline?: string;
  /** Words in the title or description. */
  q?: string;
  /** The desk's choices: the featured stories, those marked breaking for now, or those told live now (any status). */
  desk?: AdminDesk;
  /** One genre's pieces (the sponsored ones, say), any status. */
  genre?: ArticleGenre;
  page: number;
  limit: number;
}

export const ADMIN_DESKS = ['featured', 'breaking', 'live'] as const;
export type AdminDesk = (typeof ADMIN_DESKS)[number];

export interface AdminArticleRow {
  id: number;
  slug: string;
  title: string;
  status: ArticleStatus;
  author: string;
  ownerId: number | null;
  ownerName: string | null;
  tags: string[];
  publishedAt: string | null;
  updatedAt: string;
  featureImage: number | null;
  /** Led with on the home page. */
  featured: boolean;
  genre: ArticleGenre;
  /** Breaking news until then; null when it is not. */
  breakingUntil: string | null;
  /** Its live coverage, running or ended; null for an ordinary story. */
  live: LiveState | null;
  /** Readers' visits in the last 24 hours ("الأكثر قراءة" counts them). */
  views: number;
  /** A draft an editor sent back to its writer with a note, not submitted again since. */
  returned: boolean;
}

export interface AdminTag {
  id: number;
  name: string;
  /** Articles of any status. */
  count: number;
  /** Under its page's heading; '' when none. */
  description: string;
}

/** A byline as the editors' list of authors shows it. */
export interface AdminByline {
  byline: string;
  /** Its articles, any status. */
  count: number;
  /** The profile's job title; null when it has no profile. */
  jobTitle: string | null;
}

export interface NewsroomStore {
  countUsers(): Promise<number>;
  createUser(user: { email: string; name: string; role: Role; passwordHash: string }): Promise<User>;
  getUser(id: number): Promise<User | null>;
  findUserByEmail(email: string): Promise<UserWithHash | null>;
  listUsers(): Promise<User[]>;
  updateUser(id: number, changes: { name?: string; role?: Role; passwordHash?: string }): Promise<User | null>;
  deleteUser(id: number): Promise<boolean>;

  createSession(tokenHash: string, userId: number, expiresAt: string): Promise<void>;
  /** The session's account, when the session exists and has not expired. */
  getSession(tokenHash: string, now: string): Promise<User | null>;
  deleteSession(tokenHash: string): Promise<void>;
  deleteUserSessions(userId: number): Promise<void>;

  createSetupToken(tokenHash: string, expiresAt: string): Promise<void>;
  /** True when the token is unused, unexpired, and there is still no account. */
  setupTokenValid(tokenHash: string, now: string): Promise<boolean>;
  /** In one transaction: checks the token, marks it used and creates the first owner. */
  createFirstOwner(tokenHash: string, now: string, user: { email: string; name: string; passwordHash: string }): Promise<User | null>;

  createApiKey(key: { name: string; prefix: string; keyHash: string; role: Role; userId: number }): Promise<ApiKeyInfo>;
  /** An unrevoked key and the account behind it; records the use. */
  useApiKey(keyHash: string, now: string): Promise<{ key: ApiKeyInfo; user: User } | null>;
  listApiKeys(): Promise<ApiKeyInfo[]>;
  revokeApiKey(id: number, now: string): Promise<boolean>;

  listRevisions(articleId: number): Promise<Revision[]>;
  getRevision(articleId: number, revisionId: number): Promise<Revision | null>;

  /** Old addresses of articles (an import's "?p=109"), each to redirect to its article; a later one replaces an earlier. */
  addRedirects(redirects: { from: string; articleId: number }[]): Promise<void>;
  /** The current slug of the public article an old slug now redirects to. */
  resolveRedirect(slug: string): Promise<string | null>;

  createMedia(media: NewMedia): Promise<MediaRecord>;
  getMedia(id: number): Promise<MediaRecord | null>;
  listMedia(limit: number): Promise<MediaRecord[]>;
  updateMediaAlt(id: number, alt: string): Promise<MediaRecord | null>;
  deleteMedia(id: number): Promise<boolean>;
  /** The uploads of the site among these file keys, by key. */
  uploads(keys: string[]): Promise<Map<string, ImageRef>>;
  /** Articles, any status, whose body shows an upload: deleting it would break them. */
  articlesShowingUpload(mediaId: number): Promise<{ id: number; title: string }[]>;
  /** The media library: uploads newest first, a page at a time, each with how many articles use it. */
  listMediaPage(page: number, limit: number): Promise<{ total: number; media: MediaUse[] }>;
  /** Feature images as pages show them, by media id. */
  imageRefs(ids: (number | null | undefined)[]): Promise<Map<number, ImageRef>>;

  listAdmin(query: AdminListQuery): Promise<{ total: number; articles: AdminArticleRow[] }>;
  /** The bylines of the latest articles, most used first: the editor offers them, so that one author keeps one page. */
  recentBylines(limit: number): Promise<string[]>;
  slugOwner(slug: string): Promise<number | null>;
  /** Tags of articles of any status, by name; `q` filters on the start of a folded name. */
  listAllTags(q?: string, limit?: number): Promise<AdminTag[]>;
  renameTag(id: number, name: string, key: string): Promise<AdminTag | null>;
  /**
   * Sets the profile of a byline (any spelling: one profile a folded key),
   * cleaned and checked by services/authors.ts; an empty one removes it
   * (null is returned).
   */
  setAuthorProfile(byline: string, profile: AuthorProfileInput): Promise<AuthorProfile | null>;
  /** The profile of a byline, in any spelling; null when it has none. */
  authorProfile(byline: string): Promise<AuthorProfile | null>;
  /** Every profile, by byline, without its portrait's renditions (an export). */
  allAuthorProfiles(): Promise<(AuthorProfileInput & { byline: string })[]>;
  /** Every tag that has a description, by name (an export). */
  describedTags(): Promise<{ name: string; description: string }[]>;
  /**
   * Bylines of articles of any status, and those with a profile, most used
   * first; `q` filters on the start of a folded name.
   */
  listBylines(q?: string, limit?: number): Promise<AdminByline[]>;
  /** Sets a tag's description ('' for none); null when there is no such tag. */
  describeTag(id: number, description: string): Promise<AdminTag | null>;
  /**
   * Moves every article of one tag to another (an article with both keeps one)
   * and deletes the first; its name becomes an alias of the second (its pages
   * redirect). Null when either is missing or they are the same tag.
   */
  mergeTag(fromId: number, intoId: number): Promise<{ tag: AdminTag; articles: number[] } | null>;
  getAdminTag(id: number): Promise<AdminTag | null>;
}
