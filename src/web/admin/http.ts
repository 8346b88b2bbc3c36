/**
 * The newsroom's HTTP plumbing (issue #5): who is asking (a session cookie
 * or an API key), what the route asks of them (`config.role`), and errors
 * as `{error, message, message_ar, field?}`.
 */
import type {} from '@fastify/cookie';
import type { FastifyError, FastifyReply, FastifyRequest } from 'fastify';
import { apiKeyUser, sessionUser } from '../../auth/accounts.js';
import { atLeast, lowerRole, type Actor, type Role } from '../../auth/roles.js';
import { AppError, FIELD_NAMES_AR, forbidden, invalid, unauthorized } from '../../services/newsroom-errors.js';
import { tooLarge } from '../../media/images.js';
import type { Store } from '../../store/store.js';
import { Readable } from 'node:stream';
import { exportLines } from '../../services/export.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is acting, once the newsroom's auth hook has run. */
    actor: Actor | null;
  }
  interface FastifyContextConfig {
    /** The lowest role a newsroom route admits (default: owner, so a route that forgets is closed). */
    role?: Role;
    /** 'public' marks a newsroom page that needs no account (sign-in, setup). */
    access?: 'public';
    /** The route takes an export to import (exportRoute): its own size limit, and errors that say so. */
    takesExport?: boolean;
  }
}

/** Options of a route that takes an export to import: owners only, up to maxImportBytes (an image's limit is far lower). */
export function exportRoute(config: { maxImportBytes: number }) {
  return {
    config: { role: 'owner' as const, takesExport: true, multipartOptions: { limits: { fileSize: config.maxImportBytes, files: 1 } } },
    bodyLimit: config.maxImportBytes + 1024 * 1024,
  };
}

/** Any error of a newsroom route as the newsroom's (toAppError), an export too large saying so. */
export function routeError(err: unknown, req: FastifyRequest, config: { maxUploadBytes: number; maxImportBytes: number }): AppError {
  const code = (err as { code?: string }).code;
  if (req.routeOptions.config?.takesExport && (code === 'FST_REQ_FILE_TOO_LARGE' || code === 'FST_ERR_CTP_BODY_TOO_LARGE')) {
    const mb = Math.round(config.maxImportBytes / (1024 * 1024));
    return new AppError(413, 'file_too_large', `The export is larger than ${mb} MB (SAHIFA_MAX_IMPORT_MB): split it, or use sahifa import`, `ملف التصدير أكبر من ${mb} ميغابايت: جزّئه، أو استورده بالأمر sahifa import`, 'file');
  }
  return toAppError(err, config.maxUploadBytes);
}

export const SESSION_COOKIE = 'sahifa_session';
export const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export async function resolveActor(store: Store, req: FastifyRequest): Promise<Actor | null> {
  const auth = req.headers.authorization;
  if (auth !== undefined) {
    const m = /^Bearer\s+(\S+)$/i.exec(auth);
    const found = m ? await apiKeyUser(store, m[1]!) : null;
    if (!found) return null;
    const { user, key } = found;
    return { userId: user.id, name: user.name || user.email, email: user.email, role: lowerRole(key.role, user.role), via: 'key', credential: String(key.id) };
  }
  const token = req.cookies?.[SESSION_COOKIE];
  const session = token ? await sessionUser(store, token) : null;
  if (!session) return null;
  const { user, tokenHash } = session;
  return { userId: user.id, name: user.name || user.email, email: user.email, role: user.role, via: 'session', credential: tokenHash };
}

/** An onRequest hook: 401 without an account, 403 below the route's role. */
export function requireRole(store: Store) {
  return async (req: FastifyRequest): Promise<void> => {
    const actor = await resolveActor(store, req);
    if (!actor) throw unauthorized();
    if (!atLeast(actor.role, req.routeOptions.config?.role ?? 'owner')) throw forbidden();
    req.actor = actor;
  };
}

export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw unauthorized();
  return req.actor;
}

interface ValidationItem {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message?: string;
}

/** Any error, as the newsroom's. */
export function toAppError(err: unknown, maxUploadBytes: number): AppError {
  if (err instanceof AppError) return err;
  const e = err as FastifyError & { validation?: ValidationItem[]; validationContext?: string };
  if (e.validation?.length) {
    const v = e.validation[0]!;
    const field =
      v.keyword === 'required'
        ? String(v.params.missingProperty)
        : v.keyword === 'additionalProperties'
          ? String(v.params.additionalProperty)
          : v.instancePath.split('/')[1] || e.validationContext || 'body';
    if (v.keyword === 'additionalProperties') return invalid(field, 'is not a field this request takes', `حقل لا يقبله هذا الطلب: ${field}`);
    return invalid(field, v.message ?? 'is invalid', `قيمة غير صالحة في حقل ${FIELD_NAMES_AR[field] ?? field}`);
  }
  switch (e.code) {
    case 'FST_CSRF_INVALID_TOKEN':
    case 'FST_CSRF_MISSING_SECRET':
      return new AppError(
        403,
        'csrf_invalid',
        'Missing or invalid CSRF token: reload the page and try again',
        'رمز الحماية من الطلبات المزوّرة مفقود أو غير صالح: أعد تحميل الصفحة وحاول مجدداً',
      );
    case 'FST_REQ_FILE_TOO_LARGE':
    case 'FST_ERR_CTP_BODY_TOO_LARGE':
      return tooLarge(maxUploadBytes);
    case 'FST_ERR_CTP_INVALID_MEDIA_TYPE':
      return new AppError(415, 'unsupported_media_type', 'Send JSON (or multipart for uploads)', 'أرسل JSON (أو multipart لرفع الملفات)');
  }
  const status = e.statusCode && e.statusCode >= 400 && e.statusCode < 500 ? e.statusCode : 500;
  if (status === 500) return new AppError(500, 'server_error', 'Server error', 'خطأ في الخادم');
  return new AppError(status, status === 404 ? 'not_found' : 'bad_request', e.message || 'Bad request', 'طلب غير صالح');
}

export function sendJsonError(reply: FastifyReply, error: AppError): FastifyReply {
  const retry = (error as { retryAfter?: number }).retryAfter;
  if (retry) reply.header('retry-after', String(retry));
  return reply.code(error.status).type('application/json; charset=utf-8').send(error.toJSON());
}

/** The site's articles as a JSON-lines download (services/export.ts), streamed: memory holds one batch. */
export function sendExport(reply: FastifyReply, store: Store) {
  const day = new Date().toISOString().slice(0, 10);
  return reply
    .header('content-type', 'application/x-ndjson; charset=utf-8')
    .header('content-disposition', `attachment; filename="sahifa-export-${day}.jsonl"`)
    .header('cache-control', 'no-store')
    .send(Readable.from(exportLines(store)));
}
