/**
 * Passwords, hashed with node's scrypt: memory-hard, no native add-on. The
 * stored string carries its own salt and cost, so the cost can rise later
 * without invalidating old hashes.
 */
import { randomBytes, scrypt, timingSafeEqual, type ScryptOptions } from 'node:crypto';

const KEY_LENGTH = 64;
/** N = 2^15, r = 8: 32 MiB of memory per hash, about 0.1 s. */
const DEFAULT = { logN: 15, r: 8, p: 1 };
export const PASSWORD_MIN = 10;
export const PASSWORD_MAX = 1024;

function derive(password: string, salt: Buffer, logN: number, r: number, p: number): Promise<Buffer> {
  const N = 2 ** logN;
  const options: ScryptOptions = { N, r, p, maxmem: 256 * N * r + 1024 * 1024 };
  return new Promise((resolve, reject) =>
    scrypt(password.normalize('NFKC'), salt, KEY_LENGTH, options, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string, cost = DEFAULT): Promise<string> {
  const salt = randomBytes(16);
  const key = await derive(password, salt, cost.logN, cost.r, cost.p);
  return `scrypt$${cost.logN}$${cost.r}$${cost.p}$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const [scheme, logN, r, p, salt, hash] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !hash) return false;
  const expected = Buffer.from(hash, 'base64');
  const key = await derive(password, Buffer.from(salt, 'base64'), Number(logN), Number(r), Number(p));
  return key.length === expected.length && timingSafeEqual(key, expected);
}

/** A hash of nothing, verified against when the account does not exist, so both take as long. */
let decoy: Promise<string> | undefined;
export async function verifyDecoy(password: string): Promise<false> {
  await verifyPassword(password, await (decoy ??= hashPassword(randomBytes(16).toString('hex'))));
  return false;
}

/** A password problem in both languages, or null when it is acceptable. */
export function passwordProblem(password: string): { en: string; ar: string } | null {
  if (password.length < PASSWORD_MIN) {
    return { en: `must be at least ${PASSWORD_MIN} characters`, ar: `يجب ألا تقل كلمة المرور عن ${PASSWORD_MIN} أحرف` };
  }
  if (password.length > PASSWORD_MAX) return { en: 'is too long', ar: 'كلمة المرور أطول من اللازم' };
  return null;
}

/** A random password people can type: 20 characters of letters and digits. */
export function generatePassword(length = 20): string {
  const alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789';
  const bytes = randomBytes(length * 2);
  let out = '';
  for (const b of bytes) {
    if (b >= 256 - (256 % alphabet.length)) continue; // no modulo bias
    out += alphabet[b % alphabet.length];
    if (out.length === length) break;
  }
  return out.length === length ? out : generatePassword(length);
}
