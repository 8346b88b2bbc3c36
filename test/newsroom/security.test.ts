import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { setupLink } from '../../src/auth/accounts.js';
import { Client, PASSWORD, arabicArticle, makeKey, makeUser, multipart, newsroomSite, testPng, type Site } from './helpers.js';

let site: Site;
before(async () => {
  site = await newsroomSite({ config: { loginLimits: { perAccount: 3, perAddress: 6, windowMs: 60_000 } } });
});
after(() => site.close());

const XSS = '<script>alert(1)</script><img src=x onerror=alert(2)>';
/** Nothing a browser would run: no live script tag, no live event handler attribute. */
function assertInert(page: string, where: string) {
  // Quoted attribute values hold text only: blank them, then look for live markup.
  const markup = page.replace(/="[^"]*"/g, '=""');
  assert.ok(!markup.includes('<script>alert'), `${where}: a live <script>`);
  assert.ok(!/<[a-z]+[^>]*\son[a-z]+=/i.test(markup), `${where}: a live event handler`);
  assert.ok(!/<(iframe|img)[^>]*src=x/i.test(markup), `${where}: an injected element`);
  const scripts = [...markup.matchAll(/<script([^>]*)>/g)].map((m) => m[1]!);
  assert.ok(scripts.every((attrs) => /type=""|src=""/.test(attrs)), `${where}: only our own scripts: ${scripts.join(' | ')}`);
}

test('HTML and script in every field are inert on the public site and in the admin', async () => {
  const { email, password } = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.login(email, password);
  const png = await testPng(800, 450);
  const upload = multipart({ alt: `صورة ${XSS}` }, { name: 'file', filename: `${XSS}.png`, type: 'image/png', data: png });
  const media = await site.app.inject({
    method: 'POST',
    url: '/api/admin/media',
    headers: { ...upload.headers, cookie: c.cookieHeader, 'x-csrf-token': c.csrf },
    payload: upload.payload,
  });
  assert.equal(media.statusCode, 201, media.body);
  const created = await c.api('POST', '/api/admin/articles', {
    title: `عنوان ${XSS}`,
    description: `وصف ${XSS} "'`,
    tags: [`وسم ${XSS}`, 'ثقافة'],
    body: `## عنوان فرعي ${XSS}\n\nفقرة فيها ${XSS} و[رابط](javascript:alert(3)).\n\n> اقتباس ${XSS}\n\n<iframe src="https://evil.example"></iframe>`,
    author: `كاتب ${XSS}`,
    featureImage: media.json().id,
    status: 'published',
  });
  assert.equal(created.statusCode, 201, created.body);
  const a = created.json();
  // A slug with markup is refused (and so never reaches a page).
  const badSlug = await c.api('PATCH', `/api/admin/articles/${a.id}`, { slug: `x"><script>alert(1)</script>` });
  assert.equal(badSlug.statusCode, 400);
  assert.equal(badSlug.json().field, 'slug');

  const articlePath = `/articles/${encodeURIComponent(a.slug)}`;
  const article = (await site.app.inject(articlePath)).body;
  assert.ok(article.includes('&lt;script&gt;alert(1)&lt;/script&gt;'), 'the title is shown as text');
  assert.ok(!/href="javascript:/i.test(article), 'no javascript: link');
  assert.ok(!article.includes('<iframe src="https://evil'), 'raw HTML in the body stays text');
  assertInert(article, 'article page');
  const tagPage = await site.app.inject(`/tags/${encodeURIComponent(`وسم ${XSS}`.replace(/ /g, '_'))}`);
  for (const [where, url] of [
    ['home', '/'],
    ['tag page', tagPage.statusCode === 200 ? `/tags/${encodeURIComponent(`وسم ${XSS}`.replace(/ /g, '_'))}` : '/tags/ثقافة'],
    ['content API page', `/api/content/articles/${encodeURIComponent(a.slug)}`],
    ['search', `/search?q=${encodeURIComponent(XSS)}`],
    ['404 with markup in the URL', `/articles/${encodeURIComponent(XSS)}`],
  ] as const) {
    const res = await site.app.inject(url);
    if (res.headers['content-type']?.toString().includes('html')) assertInert(res.body, where);
  }
  for (const [where, url] of [
    ['admin list', '/admin'],
    ['admin list search', `/admin?q=${encodeURIComponent(XSS)}`],
    ['editor', `/admin/articles/${a.id}`],
  ] as const) {
    const res = await c.get(url);
    assert.equal(res.statusCode, 200, where);
    assertInert(res.body, where);
  }
  // The editor re-shows a refused slug, escaped.
  const form = await c.request({
    method: 'POST',
    url: `/admin/articles/${a.id}`,
    form: { _csrf: c.csrf, title: 't', description: '', tags: '', body: 'نص', slug: `"><script>alert(1)</script>`, action: 'save' },
  });
  assert.equal(form.statusCode, 400);
  assertInert(form.body, 'editor with a refused slug');
  assert.ok(form.body.includes('&quot;&gt;&lt;script&gt;'));
  // The preview is rendered by the same page code, and shown in a sandbox without scripts.
  const preview = await c.api('POST', '/api/admin/preview', { title: XSS, body: `فقرة ${XSS}`, tags: [XSS] });
  assertInert(preview.json().html, 'preview');
  assert.match((await c.get(`/admin/articles/${a.id}`)).body, /<iframe id="preview-frame"[^>]*sandbox="allow-same-origin"/);
  // Admin pages send a strict CSP.
  assert.match((await c.get('/admin')).headers['content-security-policy'] as string, /script-src 'self'/);
});

test('form posts without the CSRF token are refused', async () => {
  const { email, password } = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.get('/admin/login');
  // Sign-in itself needs the token.
  const login = await c.post('/admin/login', { email, password }, false);
  assert.equal(login.statusCode, 403);
  assert.ok(!c.cookies.has('sahifa_session'));
  await c.login(email, password);
  const before = await site.store.countArticles();
  const create = await c.post('/admin/articles', { title: 'خبر بلا رمز', description: '', tags: '', body: 'نص', action: 'publish' }, false);
  assert.equal(create.statusCode, 403);
  const forged = await c.post('/admin/articles', { _csrf: 'forged-token', title: 'خبر برمز مزور', description: '', tags: '', body: 'نص', action: 'save' }, false);
  assert.equal(forged.statusCode, 403);
  assert.equal(await site.store.countArticles(), before);
  // Multipart too.
  const m = multipart({ title: 'خبر', body: 'نص', action: 'save' });
  const multi = await site.app.inject({ method: 'POST', url: '/admin/articles', headers: { ...m.headers, cookie: c.cookieHeader }, payload: m.payload });
  assert.equal(multi.statusCode, 403);
  // The Admin API with the session cookie wants the header; with a key it does not.
  const api = await c.api('POST', '/api/admin/articles', arabicArticle(), false);
  assert.equal(api.statusCode, 403);
  assert.equal(api.json().error, 'csrf_invalid');
  assert.equal((await c.api('POST', '/api/admin/articles', arabicArticle())).statusCode, 201);
  const key = await makeKey(site.store, 'author');
  const withKey = await site.app.inject({ method: 'POST', url: '/api/admin/articles', headers: { ...key.auth, 'content-type': 'application/json' }, payload: JSON.stringify(arabicArticle()) });
  assert.equal(withKey.statusCode, 201);
  // Logging out needs it as well, and then the session is gone.
  assert.equal((await c.post('/admin/logout', {}, false)).statusCode, 403);
  assert.equal((await c.post('/admin/logout', {})).statusCode, 303);
  assert.equal((await c.get('/admin')).statusCode, 303);
});

test('the login rate limit holds, per account and per address', async () => {
  const { email } = await makeUser(site.store, 'author');
  const c = new Client(site.app);
  await c.get('/admin/login');
  for (let i = 0; i < 3; i++) assert.equal((await c.post('/admin/login', { email, password: `wrong-${i}-password` })).statusCode, 401);
  // Locked: even the right password is refused, with Retry-After.
  const locked = await c.post('/admin/login', { email, password: PASSWORD });
  assert.equal(locked.statusCode, 429);
  assert.ok(Number(locked.headers['retry-after']) > 0);
  assert.match(locked.body, /محاولات دخول فاشلة كثيرة/);
  assert.ok(!c.cookies.has('sahifa_session'));

  // Per address: failures against other accounts add up (3 above + 3 here = 6).
  for (let i = 0; i < 3; i++) assert.equal((await c.post('/admin/login', { email: `nobody${i}@example.com`, password: 'wrong-password' })).statusCode, 401);
  const other = await makeUser(site.store, 'author');
  assert.equal((await c.post('/admin/login', { email: other.email, password: PASSWORD })).statusCode, 429);
  // Another address still signs in.
  const elsewhere = await site.app.inject({ method: 'GET', url: '/admin/login', remoteAddress: '127.0.0.9' });
  const csrf = /name="_csrf" value="([^"]+)"/.exec(elsewhere.body)![1]!;
  const secret = (elsewhere.cookies as { name: string; value: string }[]).find((k) => k.name === 'sahifa_csrf')!.value;
  const ok = await site.app.inject({
    method: 'POST',
    url: '/admin/login',
    remoteAddress: '127.0.0.9',
    headers: { 'content-type': 'application/x-www-form-urlencoded', cookie: `sahifa_csrf=${secret}` },
    payload: new URLSearchParams({ _csrf: csrf, email: other.email, password: PASSWORD }).toString(),
  });
  assert.equal(ok.statusCode, 303);
});

test('sessions: HttpOnly, SameSite=Lax, Secure over https; stored hashed', async () => {
  const secure = await newsroomSite({ config: { secureCookies: true } });
  const { email, password } = await makeUser(secure.store, 'editor');
  const c = new Client(secure.app);
  const res = await c.login(email, password);
  const cookie = [res.headers['set-cookie']].flat().find((h) => h?.startsWith('sahifa_session='))!;
  assert.match(cookie, /HttpOnly/i);
  assert.match(cookie, /SameSite=Lax/i);
  assert.match(cookie, /Secure/i);
  const token = c.cookies.get('sahifa_session')!;
  const rows = await secure.store.db.withTables<{ sessions: { token_hash: string } }>().selectFrom('sessions').select('token_hash').execute();
  assert.ok(rows.length === 1 && rows[0]!.token_hash !== token && /^[0-9a-f]{64}$/.test(rows[0]!.token_hash));
  await secure.close();
});

test('a fresh install has no password: a one-time setup link makes the first owner', async () => {
  const fresh = await newsroomSite();
  const link = await setupLink(fresh.store, 'http://127.0.0.1:3000');
  assert.ok(link);
  const url = new URL(link);
  const c = new Client(fresh.app);
  assert.equal((await c.get('/admin/login')).statusCode, 200);
  const page = await c.get(`${url.pathname}${url.search}`);
  assert.equal(page.statusCode, 200);
  assert.equal((await c.get('/admin/setup?token=guess')).statusCode, 403);
  const token = url.searchParams.get('token')!;
  const made = await c.post('/admin/setup', { token, email: 'owner@example.com', name: 'المالكة', password: 'طويلة-بما-يكفي-2026' });
  assert.equal(made.statusCode, 303);
  assert.equal((await c.get('/admin')).statusCode, 200);
  assert.equal((await fresh.store.newsroom.listUsers())[0]?.role, 'owner');
  // Used once: the link is spent.
  const again = new Client(fresh.app);
  assert.equal((await again.get(`${url.pathname}${url.search}`)).statusCode, 403);
  assert.equal(await setupLink(fresh.store, 'http://x'), null, 'no link once an account exists');
  await fresh.close();
});
