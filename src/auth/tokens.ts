/** Random tokens (sessions, setup links, API keys), kept only as their SHA-256. */
import { createHash, randomBytes } from 'node:crypto';

export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');
export const hashToken = (token: string): string => createHash('sha256').update(token).digest('hex');

export const API_KEY_PREFIX = 'sk_';
export const newApiKey = (): string => `${API_KEY_PREFIX}${randomToken(32)}`;
