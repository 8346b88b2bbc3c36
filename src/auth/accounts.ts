/**
 * Accounts, sessions, the setup link and API keys (issue #5), over the
 * store's newsroom tables. Tokens are random and kept only as hashes.
 */
import { AppError, conflict, invalid } from '../services/newsroom-errors.js';
import type { ApiKeyInfo, Role, User } from '../store/newsroom.js';
import type { Store } from '../store/store.js';
import { hashPassword, passwordProblem, verifyDecoy, verifyPassword } from './password.js';
import type { LoginLimiter } from './rate-limit.js';
import { ROLES, lowerRole } from './roles.js';
import { API_KEY_PREFIX, hashToken, newApiKey, randomToken } from './tokens.js';

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
export const SETUP_TTL_MS = 60 * 60 * 1000;
const EMAIL = /^[^\s@<>"']+@[^\s@<>"']+\.[^\s@<>"']+$/u;

export function normalizeEmail(email: string): string {
  const e = email.trim().toLowerCase();
  if (!EMAIL.test(e) || e.length > 254) throw invalid('email', 'is not an email address', 'البريد الإلكتروني غير صالح');
  return e;
}

function checkPassword(password: string): void {
  const problem = passwordProblem(password);
  if (problem) throw invalid('password', problem.en, problem.ar);
}

export function checkRole(role: string): Role {
  if (!(ROLES as readonly string[]).includes(role)) {
    throw invalid('role', `must be one of ${ROLES.join(', ')}`, 'الدور غير معروف');
  }
  return role as Role;
}

function checkName(name: string): string {
  const n = name.trim();
  if (n.length > 100) throw invalid('name', 'is too long', 'الاسم أطول من اللازم');
  return n;
}

export async function addUser(store: Store, u: { email: string; name?: string; role: string; password: string }): Promise<User> {
  const email = normalizeEmail(u.email);
  const role = checkRole(u.role);
  const name = checkName(u.name ?? '');
  checkPassword(u.password);
  if (await store.newsroom.findUserByEmail(email)) {
    throw conflict('email_taken', 'email', 'An account with this email exists', 'يوجد حساب بهذا البريد الإلكتروني');
  }
  return store.newsroom.createUser({ email, name, role, passwordHash: await hashPassword(u.password) });
}

export async function setPassword(store: Store, userId: number, password: string): Promise<void> {
  checkPassword(password);
  await store.newsroom.updateUser(userId, { passwordHash: await hashPassword(password) });
  // A new password ends every session: whoever knew the old one is signed out.
  await store.newsroom.deleteUserSessions(userId);
}

/** Checks a sign-in against the limits and the password; throws 429 or 401. */
export async function authenticate(store: Store, limiter: LoginLimiter, email: string, password: string, address: string): Promise<User> {
  const wait = limiter.retryAfter(email, address);
  if (wait > 0) {
    const error = new AppError(
      429,
      'rate_limited',
      `Too many failed sign-ins; try again in ${Math.ceil(wait / 60)} minutes`,
      `محاولات دخول فاشلة كثيرة؛ حاول مجدداً بعد ${Math.ceil(wait / 60)} دقيقة`,
    );
    Object.assign(error, { retryAfter: wait });
    throw error;
  }
  const user = email.length <= 254 && password.length <= 1024 ? await store.newsroom.findUserByEmail(email) : null;
  const ok = user ? await verifyPassword(password, user.passwordHash) : await verifyDecoy(password);
  if (!user || !ok) {
    limiter.fail(email, address);
    throw new AppError(401, 'invalid_credentials', 'Wrong email or password', 'البريد الإلكتروني أو كلمة المرور غير صحيحة');
  }
  limiter.succeed(email);
  const { passwordHash: _hash, ...plain } = user;
  return plain;
}

export async function startSession(store: Store, userId: number, ttlMs = SESSION_TTL_MS): Promise<{ token: string; expires: Date }> {
  const token = randomToken();
  const expires = new Date(Date.now() + ttlMs);
  await store.newsroom.createSession(hashToken(token), userId, expires.toISOString());
  return { token, expires };
}

export async function sessionUser(store: Store, token: string): Promise<{ user: User; tokenHash: string } | null> {
  if (!token || token.length > 200) return null;
  const tokenHash = hashToken(token);
  const user = await store.newsroom.getSession(tokenHash, new Date().toISOString());
  return user ? { user, tokenHash } : null;
}

/** A one-time link to create the first owner, when there is no account yet; null otherwise. */
export async function setupLink(store: Store, baseUrl: string): Promise<string | null> {
  if ((await store.newsroom.countUsers()) > 0) return null;
  const token = randomToken();
  await store.newsroom.createSetupToken(hashToken(token), new Date(Date.now() + SETUP_TTL_MS).toISOString());
  return `${baseUrl}/admin/setup?token=${encodeURIComponent(token)}`;
}

export async function createFirstOwner(store: Store, token: string, u: { email: string; name?: string; password: string }): Promise<User> {
  const email = normalizeEmail(u.email);
  const name = checkName(u.name ?? '');
  checkPassword(u.password);
  const user = await store.newsroom.createFirstOwner(hashToken(token), new Date().toISOString(), {
    email,
    name,
    passwordHash: await hashPassword(u.password),
  });
  if (!user) throw new AppError(403, 'setup_closed', 'This setup link is used, expired or no longer needed', 'رابط الإعداد مستخدم أو منتهي الصلاحية أو لم تعد هناك حاجة إليه');
  return user;
}

/** Makes an API key; the key itself is returned once and never stored. A key never outranks its maker. */
export async function createApiKey(store: Store, maker: User, name: string, role: string): Promise<{ key: string; info: ApiKeyInfo }> {
  const n = name.trim();
  if (!n || n.length > 100) throw invalid('name', 'is required (at most 100 characters)', 'اسم المفتاح مطلوب');
  const key = newApiKey();
  const info = await store.newsroom.createApiKey({
    name: n,
    prefix: key.slice(0, API_KEY_PREFIX.length + 6),
    keyHash: hashToken(key),
    role: lowerRole(checkRole(role), maker.role),
    userId: maker.id,
  });
  return { key, info };
}

export async function apiKeyUser(store: Store, key: string): Promise<{ user: User; key: ApiKeyInfo } | null> {
  if (!key.startsWith(API_KEY_PREFIX) || key.length > 200) return null;
  return store.newsroom.useApiKey(hashToken(key), new Date().toISOString());
}
