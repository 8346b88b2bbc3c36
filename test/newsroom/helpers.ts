/** Helpers for the newsroom's tests (issue #5): a site with accounts, sessions that carry cookies and the CSRF token. */
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import sharp from 'sharp';
import { addUser, createApiKey } from '../../src/auth/accounts.js';
import type { Role } from '../../src/auth/roles.js';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { memoryStore, openAt } from '../helpers/store.js';
import { siteConfig } from '../../src/web/config.js';
import type { NewsroomConfig } from '../../src/web/admin/config.js';
import { buildServer } from '../../src/web/server.js';
import { scratchDir } from '../helpers/paths.js';

export const PASSWORD = 'كلمة-سر-طويلة-2026';

export interface Site {
  store: SqliteStore;
  app: FastifyInstance;
  mediaDir: string;
  close(): Promise<void>;
}

/** `file`: a database to open (a SQLite file or a PostgreSQL URL, see testDatabase()); a new, empty one by default. */
export async function newsroomSite(options: { file?: string; config?: Partial<NewsroomConfig>; mediaDir?: string } = {}): Promise<Site> {
  const store = options.file === undefined ? await memoryStore() : await openAt(options.file);
  const mediaDir = options.mediaDir ?? scratchDir('media-test');
  const app = await buildServer({
    store,
    site: siteConfig({ timeZone: 'Asia/Riyadh' }, {}),
    newsroom: { mediaDir, scheduler: false, ...options.config },
  });
  return {
    store,
    app,
    mediaDir,
    async close() {
      await app.close();
      await store.close();
    },
  };
}

export { openAt } from '../helpers/store.js';

let n = 0;
export async function makeUser(store: SqliteStore, role: Role, name = `حساب ${role}`) {
  n++;
  const email = `${role}${n}@example.com`;
  const user = await addUser(store, { email, role, name, password: PASSWORD });
  return { user, email, password: PASSWORD };
}

export interface KeyedSite extends Site {
  /** The Authorization header of a key of the site's role. */
  auth: Record<string, string>;
  /** A call to the site with that key, the payload sent as JSON. */
  api(method: string, url: string, payload?: unknown): Promise<LightMyRequestResponse>;
}

/** A call to the site's APIs with these credentials (none: `{}`), the payload sent as JSON. */
export function apiCaller(app: FastifyInstance, auth: Record<string, string>) {
  return (method: string, url: string, payload?: unknown, headers: Record<string, string> = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: { ...auth, ...headers, ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
}

/** Creates an article through the Admin API (a draft unless `status` says otherwise); its id and slug. */
export async function postArticle(api: ReturnType<typeof apiCaller>, article: Record<string, unknown>): Promise<{ id: number; slug: string }> {
  const res = await api('POST', '/api/admin/articles', article);
  if (res.statusCode !== 201) throw new Error(`creating an article: ${res.statusCode} ${res.body}`);
  const { id, slug } = res.json();
  return { id, slug };
}

/**
 * Runs `work` while every read of an article by id waits `ms` before it is
 * used, as a busy database or network would make it: requests sent at once
 * all read the article before any has written it, so that their writes meet.
 */
export async function withSlowReads<T>(store: SqliteStore, ms: number, work: () => Promise<T>): Promise<T> {
  const read = store.getArticleById.bind(store);
  store.getArticleById = async (n: number) => {
    const found = await read(n);
    await new Promise((resolve) => setTimeout(resolve, ms));
    return found;
  };
  try {
    return await work();
  } finally {
    store.getArticleById = read;
  }
}

/** A new site, an author's API key on it, and a story that author published through the Admin API. */
export async function siteWithStory(article: Record<string, unknown>) {
  const site = await newsroomSite();
  const author = await makeKey(site.store, 'author');
  const { id, slug } = await postArticle(apiCaller(site.app, author.auth), { ...article, status: 'published' });
  return { site, author, id, slug };
}

/** A new site and an API key of `role` on it, for tests that work through the Admin API. */
export async function keyedSite(role: Role = 'editor'): Promise<KeyedSite> {
  const site = await newsroomSite();
  const { auth } = await makeKey(site.store, role);
  return { ...site, auth, api: apiCaller(site.app, auth) };
}

/** A user and an API key of their role. */
export async function makeKey(store: SqliteStore, role: Role) {
  const { user } = await makeUser(store, role);
  const { key, info } = await createApiKey(store, user, `مفتاح ${role}`, role);
  return { user, key, info, auth: { authorization: `Bearer ${key}` } };
}

/** A browser-like client for inject: keeps cookies, knows the page's CSRF token. */
export class Client {
  cookies = new Map<string, string>();
  csrf = '';
  constructor(readonly app: FastifyInstance) {}

  get cookieHeader(): string {
    return [...this.cookies].map(([k, v]) => `${k}=${v}`).join('; ');
  }

  async request(opts: { method: string; url: string; headers?: Record<string, string>; payload?: unknown; form?: Record<string, string> }) {
    const headers: Record<string, string> = { ...(opts.headers ?? {}) };
    if (this.cookies.size) headers.cookie = this.cookieHeader;
    let payload = opts.payload as string | object | undefined;
    if (opts.form) {
      headers['content-type'] = 'application/x-www-form-urlencoded';
      payload = new URLSearchParams(opts.form).toString();
    }
    const res = await this.app.inject({ method: opts.method as 'GET', url: opts.url, headers, ...(payload !== undefined ? { payload } : {}) });
    for (const c of res.cookies as { name: string; value: string; maxAge?: number; expires?: Date }[]) {
      if (c.value === '' || (c.expires && c.expires.getTime() < Date.now())) this.cookies.delete(c.name);
      else this.cookies.set(c.name, c.value);
    }
    const token = /<meta name="csrf-token" content="([^"]+)">/.exec(res.body)?.[1];
    if (token) this.csrf = token;
    return res;
  }

  get(url: string) {
    return this.request({ method: 'GET', url });
  }

  /** A form post with the page's token. */
  post(url: string, form: Record<string, string>, withToken = true) {
    return this.request({ method: 'POST', url, form: withToken ? { _csrf: this.csrf, ...form } : form });
  }

  /** JSON to the Admin API with the session's CSRF header. */
  api(method: string, url: string, payload?: unknown, withToken = true) {
    return this.request({
      method,
      url,
      headers: { ...(withToken ? { 'x-csrf-token': this.csrf } : {}), ...(payload !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(payload !== undefined ? { payload: JSON.stringify(payload) } : {}),
    });
  }

  async login(email: string, password: string) {
    await this.get('/admin/login');
    const res = await this.post('/admin/login', { email, password });
    if (res.statusCode !== 303) throw new Error(`login failed: ${res.statusCode} ${res.body.slice(0, 300)}`);
    await this.get('/admin');
    return res;
  }
}

/** A small PNG of our own: a red and green field. */
export async function testPng(width = 1200, height = 675): Promise<Buffer> {
  return sharp({ create: { width, height, channels: 3, background: { r: 164, g: 22, b: 26 } } })
    .composite([{ input: { create: { width: Math.round(width / 2), height, channels: 3, background: { r: 30, g: 120, b: 60 } } }, left: 0, top: 0 }])
    .png()
    .toBuffer();
}

/** A multipart body, built by hand. */
export function multipart(fields: Record<string, string>, file?: { name: string; filename: string; type: string; data: Buffer }) {
  const boundary = `----sahifa${Math.random().toString(16).slice(2)}`;
  const parts: Buffer[] = [];
  for (const [k, v] of Object.entries(fields)) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`));
  }
  if (file) {
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${file.name}"; filename="${file.filename}"\r\ncontent-type: ${file.type}\r\n\r\n`));
    parts.push(file.data, Buffer.from('\r\n'));
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(parts), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

/** A short Arabic article of our own. */
export function arabicArticle(title = 'افتتاح مكتبة عامة جديدة في عمّان') {
  return {
    title,
    description: 'افتتحت أمانة عمّان مكتبة عامة جديدة تضم آلاف الكتب.',
    tags: ['ثقافة', 'الأردن'],
    body: [
      'افتتحت أمانة عمّان صباح اليوم مكتبة عامة جديدة في وسط المدينة. وتضم المكتبة آلاف الكتب.',
      '## قاعات للقراءة',
      'تضم المكتبة ثلاث قاعات للقراءة وركناً للأطفال.',
      '> «المكتبة بيت لكل قارئ»، قالت مديرة المكتبة.',
      'وتفتح المكتبة أبوابها يومياً من التاسعة صباحاً.',
    ].join('\n\n'),
  };
}
