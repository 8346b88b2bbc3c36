/**
 * Who may do what. Owners run the newsroom (accounts, keys); editors edit
 * and publish anything; authors write and publish their own; contributors
 * write drafts and submit them for review.
 */
import type { Role } from '../store/newsroom-schema.js';

export { ROLES, type Role } from '../store/newsroom-schema.js';

const RANK: Record<Role, number> = { contributor: 1, author: 2, editor: 3, owner: 4 };

export const atLeast = (role: Role, minimum: Role): boolean => RANK[role] >= RANK[minimum];

/** The lower of two roles (an API key never does more than its maker). */
export const lowerRole = (a: Role, b: Role): Role => (RANK[a] <= RANK[b] ? a : b);

/** The role just below, or null for the lowest. */
export function roleBelow(role: Role): Role | null {
  const below = (Object.keys(RANK) as Role[]).find((r) => RANK[r] === RANK[role] - 1);
  return below ?? null;
}

export const ROLE_NAMES_AR: Record<Role, string> = {
  owner: 'مالك',
  editor: 'محرر',
  author: 'كاتب',
  contributor: 'مساهم',
};

/** The acting account: a signed-in user, or an API key acting as its maker with the key's role. */
export interface Actor {
  userId: number;
  name: string;
  email: string;
  role: Role;
  via: 'session' | 'key';
  /** The session's token hash or the key's id. */
  credential: string;
}

/** May edit any article (editors and owners), or only their own. */
export const editsAny = (actor: Actor): boolean => atLeast(actor.role, 'editor');
export const mayPublish = (actor: Actor): boolean => atLeast(actor.role, 'author');
