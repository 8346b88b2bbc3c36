/** What the newsroom (issue #5) is configured with; every field has a working default. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { DEFAULT_LOGIN_LIMITS, type RateLimitOptions } from '../../auth/rate-limit.js';

export interface NewsroomConfig {
  /**
   * Where uploaded images and their renditions go: `<dbdir>/media` when served
   * from the CLI. A server built with none (tests, embedding) gets a scratch
   * folder that is removed when the process exits.
   */
  mediaDir: string;
  /** Largest upload accepted, in bytes (SAHIFA_MAX_UPLOAD_MB, default 10). */
  maxUploadBytes: number;
  /** Largest export the import page accepts, in bytes (SAHIFA_MAX_IMPORT_MB, default 100). */
  maxImportBytes: number;
  /** Secure cookies: 'auto' sets them when the request came over https (SAHIFA_SECURE_COOKIES=always|never|auto). */
  secureCookies: boolean | 'auto';
  /** When set, the Content API wants `Authorization: Bearer <key>` (SAHIFA_CONTENT_API_KEY, comma-separated for several). */
  contentApiKeys: string[];
  /** Origins the Content API answers cross-origin requests from (SAHIFA_CORS_ORIGINS: comma-separated, or *). */
  corsOrigins: string[] | '*';
  loginLimits: RateLimitOptions;
  /** Publish scheduled articles from this process (on start and every interval). */
  scheduler: boolean;
  /** How often (SAHIFA_SCHEDULER_MS, default 30 s). */
  schedulerIntervalMs: number;
  /** Send the webhooks' deliveries from this process (web/webhook-sender.ts). */
  webhooks: boolean;
  /** How often it looks for deliveries written by other processes or due again (SAHIFA_WEBHOOK_POLL_MS, default 5 s). */
  webhookPollMs: number;
}

/**
 * A temporary media folder for a process given none, removed at exit: without
 * the removal every test process left one behind (thousands in a machine's
 * temporary folder after a few hundred runs).
 */
function scratchMediaDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'sahifa-media-'));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

export function newsroomConfig(overrides: Partial<NewsroomConfig> = {}, env = process.env): NewsroomConfig {
  const list = (v: string | undefined) => (v ?? '').split(',').map((s) => s.trim()).filter(Boolean);
  const cors = list(env.SAHIFA_CORS_ORIGINS);
  const secure = env.SAHIFA_SECURE_COOKIES;
  const megabytes = (v: string | undefined, fallback: number) => Math.round((Number.isFinite(Number(v)) && Number(v) > 0 ? Number(v) : fallback) * 1024 * 1024);
  return {
    mediaDir: overrides.mediaDir ?? env.SAHIFA_MEDIA_DIR ?? scratchMediaDir(),
    maxUploadBytes: megabytes(env.SAHIFA_MAX_UPLOAD_MB, 10),
    maxImportBytes: megabytes(env.SAHIFA_MAX_IMPORT_MB, 100),
    secureCookies: secure === 'always' ? true : secure === 'never' ? false : 'auto',
    contentApiKeys: list(env.SAHIFA_CONTENT_API_KEY),
    corsOrigins: cors.includes('*') ? '*' : cors,
    loginLimits: DEFAULT_LOGIN_LIMITS,
    scheduler: true,
    schedulerIntervalMs: Number(env.SAHIFA_SCHEDULER_MS) > 0 ? Number(env.SAHIFA_SCHEDULER_MS) : 30_000,
    webhooks: true,
    webhookPollMs: Number(env.SAHIFA_WEBHOOK_POLL_MS) > 0 ? Number(env.SAHIFA_WEBHOOK_POLL_MS) : 5_000,
    ...overrides,
  };
}
