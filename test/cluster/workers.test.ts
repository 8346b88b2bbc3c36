import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import path from 'node:path';
import { addUser, createApiKey } from '../../src/auth/accounts.js';
import { saveArticles } from '../../src/services/articles.js';
import { openSqliteStore } from '../../src/store/sqlite.js';
import { ROOT, scratchDir } from '../helpers/paths.js';
import { article } from '../helpers/store.js';

let server: ChildProcess;
let base: string;
let key: string;
let output = '';
let db: string;

function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const s = createServer().listen(0, '127.0.0.1', () => {
      const { port } = s.address() as { port: number };
      s.close(() => resolve(port));
    });
  });
}

before(async () => {
  db = path.join(scratchDir('workers'), 'site.db');
  const store = await openSqliteStore(db);
  await saveArticles(store, Array.from({ length: 5 }, () => article({ tags: ['اقتصاد'] })));
  const owner = await addUser(store, { email: 'owner@example.com', role: 'owner', name: 'المالك', password: 'كلمة-سر-طويلة-2026' });
  key = (await createApiKey(store, owner, 'اختبار', 'editor')).key;
  await store.close();

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  server = spawn(process.execPath, [path.join(ROOT, 'dist/src/cli/main.js'), 'serve', '--db', db, '--port', String(port), '--workers', '2'], {
    env: { ...process.env, SAHIFA_SCHEDULER_MS: '300', LOG_LEVEL: 'info' },
  });
  server.stdout!.on('data', (d) => (output += d));
  server.stderr!.on('data', (d) => (output += d));
  // Both workers answer once two "listening" lines are out.
  for (let i = 0; i < 200 && (output.match(/Server listening/g) ?? []).length < 2; i++) await new Promise((r) => setTimeout(r, 50));
  assert.equal((output.match(/Server listening/g) ?? []).length, 2, output);
});

after(() => {
  server?.kill('SIGTERM');
});

async function home(): Promise<{ body: string; cache: string | null }> {
  const res = await fetch(`${base}/`, { headers: { connection: 'close' } });
  return { body: await res.text(), cache: res.headers.get('x-cache') };
}

async function admin(method: string, url: string, body: unknown) {
  const res = await fetch(`${base}/api/admin${url}`, {
    method,
    headers: { authorization: `Bearer ${key}`, 'content-type': 'application/json', connection: 'close' },
    body: JSON.stringify(body),
  });
  return { status: res.status, json: (await res.json()) as { id: number; slug: string } };
}

test('two workers serve one port, each with its own cache', async () => {
  const states = [];
  for (let i = 0; i < 6; i++) states.push((await home()).cache);
  assert.ok(states.filter((s) => s === 'miss').length <= 2, `each worker renders once: ${states}`);
  assert.ok(states.filter((s) => s === 'hit').length >= 4, `${states}`);
});

test('a publish through one worker is visible at once through the other', async () => {
  for (let i = 0; i < 4; i++) await home();
  const created = await admin('POST', '/articles', {
    title: 'خبر نشر عبر عامل واحد: التفاصيل',
    description: 'وصف الخبر.',
    tags: ['اقتصاد'],
    body: '## مقدمة\n\nفقرة أولى.\n\nفقرة ثانية.',
    status: 'published',
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  // Round-robin hands consecutive connections to alternate workers: both must show it now.
  for (let i = 0; i < 4; i++) assert.match((await home()).body, /خبر نشر عبر عامل واحد/, `request ${i}`);
});

test('scheduled publishing fires once with several workers', async () => {
  const at = new Date(Date.now() + 1500).toISOString();
  const created = await admin('POST', '/articles', {
    title: 'خبر مجدول: موعد النشر',
    description: 'وصف.',
    tags: ['اقتصاد'],
    body: 'فقرة.',
    status: 'scheduled',
    publishAt: at,
  });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  const id = created.json.id;
  for (let i = 0; i < 60 && !(await home()).body.includes('خبر مجدول'); i++) await new Promise((r) => setTimeout(r, 100));
  assert.match((await home()).body, /خبر مجدول/);
  await new Promise((r) => setTimeout(r, 1000));
  const published = output
    .split('\n')
    .filter((l) => l.includes('published scheduled articles'))
    .filter((l) => (JSON.parse(l) as { ids: number[] }).ids.includes(id));
  assert.equal(published.length, 1, output);
});

test('an import by another process on the same file reaches both workers’ caches without waiting for max-age', async () => {
  for (let i = 0; i < 4; i++) await home(); // both workers hold the home page
  assert.equal((await home()).cache, 'hit');
  // What `sahifa import` does while the site runs: its own store on the file, no channel to the workers.
  const outsider = await openSqliteStore(db);
  await saveArticles(outsider, [article({ title: 'خبر استورده أمر الاستيراد: بينما الموقع يعمل', tags: ['اقتصاد'] })]);
  await outsider.close();
  let seen = 0;
  for (let i = 0; i < 40 && seen < 4; i++) {
    seen = (await home()).body.includes('خبر استورده أمر الاستيراد') ? seen + 1 : 0;
    if (seen === 0) await new Promise((r) => setTimeout(r, 100));
  }
  assert.equal(seen, 4, 'four requests in a row, so both workers, show the imported article');
});

test('breaking news marked through one worker is in both workers’ cached pages, and leaves both when its time runs out', async () => {
  const strip = (body: string) => /<div class="breaking"[\s\S]*?<a href="[^"]+">([^<]+)<\/a>/.exec(body)?.[1] ?? null;
  const created = await admin('POST', '/articles', { title: 'انفجار في مرفأ تجاري: فرق الإنقاذ في الموقع', tags: ['اقتصاد'], body: 'فقرة أولى.', status: 'published' });
  assert.equal(created.status, 201, JSON.stringify(created.json));
  for (let i = 0; i < 4; i++) await home();
  assert.equal((await home()).cache, 'hit');
  const marked = await admin('PATCH', `/articles/${created.json.id}`, { breakingUntil: new Date(Date.now() + 2500).toISOString() });
  assert.equal(marked.status, 200, JSON.stringify(marked.json));
  for (let i = 0; i < 4; i++) assert.equal(strip((await home()).body), 'انفجار في مرفأ تجاري: فرق الإنقاذ في الموقع', `request ${i}`);
  await new Promise((r) => setTimeout(r, 2700));
  // Each worker's own clock ends it: no write tells them.
  for (let i = 0; i < 4; i++) assert.equal(strip((await home()).body), null, `request ${i}`);
});
