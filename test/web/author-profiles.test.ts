/**
 * Author profiles: a byline's job title, biography, portrait and links, on
 * their page (heading, meta description, ProfilePage, feed), beside and
 * under each of their stories, in both APIs; written by editors for anyone
 * and by reporters for themselves; brought over from Ghost.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { importUpload } from '../../src/services/import.js';
import { scratchDir } from '../helpers/paths.js';
import { authorUrl } from '../../src/web/urls.js';
import { apiCaller, Client, keyedSite, makeKey, makeUser, multipart, postArticle, testPng, type KeyedSite } from '../newsroom/helpers.js';

const REPORTER = 'ريم الخطيب';
const BIO = 'تغطي ريم الخطيب الشؤون السياسية في الأردن وسوريا منذ عشر سنوات.\n\nعملت مراسلةً ميدانية في عمّان ودمشق.';
const FIRST = 'تغطي ريم الخطيب الشؤون السياسية في الأردن وسوريا منذ عشر سنوات.';

let site: KeyedSite;
let editor: KeyedSite['api'];
let story: { id: number; slug: string };

before(async () => {
  site = await keyedSite('editor');
  editor = site.api;
  story = await postArticle(editor, {
    title: 'عمّان: مؤتمر دولي لدعم اللاجئين السوريين',
    description: 'تعهدات جديدة بتمويل برامج التعليم والصحة للاجئين في الأردن. #الأردن #اللاجئون',
    body: 'افتتح في عمّان مؤتمر دولي لدعم اللاجئين السوريين بمشاركة أربعين دولة.\n\nوقال وزير الخارجية إن الأردن يستضيف أكثر من مليون لاجئ.',
    tags: ['الأردن', 'اللاجئون'],
    author: REPORTER,
    status: 'published',
  });
});
after(() => site.close());

const get = (url: string) => site.app.inject({ method: 'GET', url });
const jsonLd = (page: string) => [...page.matchAll(/<script type="application\/ld\+json">(.*?)<\/script>/gs)].map((m) => JSON.parse(m[1]!) as Record<string, any>);
const profileUrl = (byline: string) => `/api/admin${authorUrl(byline)}`;

test("an editor's profile heads the author's page and is its meta description, ProfilePage and feed description", async () => {
  const page = authorUrl(REPORTER);
  assert.match((await get(page)).body, new RegExp(`<h1 class="list-heading">${REPORTER}</h1>`));
  assert.equal((await get(page)).headers['x-cache'], 'hit', 'cached before the profile is written');

  const res = await editor('PATCH', profileUrl(REPORTER), {
    jobTitle: '  مراسلة   الشؤون السياسية ',
    bio: `  ${BIO.replace('\n\n', '\n  \n')}  `,
    links: ['https://x.com/reem_example', 'https://x.com/reem_example', ' https://reem.example.org/about '],
  });
  assert.equal(res.statusCode, 200, res.body);
  const saved = res.json();
  assert.equal(saved.jobTitle, 'مراسلة الشؤون السياسية', 'one line, spaces folded');
  assert.equal(saved.bio, BIO, 'paragraphs kept');
  assert.deepEqual(saved.links, ['https://x.com/reem_example', 'https://reem.example.org/about'], 'trimmed, once each');

  const html = (await get(page)).body;
  assert.match(html, /<header class="author-profile">/);
  assert.match(html, /<p class="job-title">مراسلة الشؤون السياسية<\/p>/);
  assert.match(html, new RegExp(`<p class="bio">${FIRST}</p><p class="bio">عملت مراسلةً ميدانية في عمّان ودمشق.</p>`));
  assert.match(html, /<a href="https:\/\/x.com\/reem_example" rel="me noopener" dir="ltr">x.com<\/a>/);
  assert.match(html, new RegExp(`<meta name="description" content="${FIRST}">`));
  const person = jsonLd(html).find((d) => d['@type'] === 'ProfilePage')!.mainEntity;
  assert.equal(person.jobTitle, 'مراسلة الشؤون السياسية');
  assert.equal(person.description, FIRST);
  assert.deepEqual(person.sameAs, saved.links);
  assert.match((await get(`${page}/feed.xml`)).body, new RegExp(`<description>${FIRST}</description>`));
});

test("the article's byline carries the job title; the box under the story introduces its author", async () => {
  const html = (await get(`/articles/${encodeURIComponent(story.slug)}`)).body;
  assert.match(html, new RegExp(`rel="author" href="${authorUrl(REPORTER)}">${REPORTER}</a><span class="job-title">، مراسلة الشؤون السياسية</span>`));
  const box = /<aside class="author-box"[\s\S]*?<\/aside>/.exec(html)?.[0] ?? '';
  assert.match(box, new RegExp(`<p class="bio">${FIRST}</p>`), 'the first paragraph');
  assert.doesNotMatch(box, /ميدانية/, 'not the whole biography');
  assert.match(box, new RegExp(`<a class="more" href="${authorUrl(REPORTER)}">كل أخبار ${REPORTER}</a>`));
  const author = jsonLd(html).find((d) => d['@type'] === 'NewsArticle')!.author[0];
  assert.equal(author.jobTitle, 'مراسلة الشؤون السياسية');

  // A change of profile reaches the cached story at once.
  assert.equal((await get(`/articles/${encodeURIComponent(story.slug)}`)).headers['x-cache'], 'hit');
  assert.equal((await editor('PATCH', profileUrl('ريم_الخطيب'), { jobTitle: 'كبيرة المراسلين' })).statusCode, 200);
  const again = (await get(`/articles/${encodeURIComponent(story.slug)}`)).body;
  assert.match(again, /<span class="job-title">، كبيرة المراسلين<\/span>/);
  assert.match(again, new RegExp(`<p class="bio">${FIRST}</p>`), 'fields left out keep their value');
});

test('any spelling of the byline finds the one profile', async () => {
  const res = await editor('GET', profileUrl('ريم الخطيب'.replace('ي', 'ي\u064E')));
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().jobTitle, 'كبيرة المراسلين');
});

test('bad input is refused with the field at fault, and the profile stays as it was', async () => {
  const before = (await editor('GET', profileUrl(REPORTER))).json();
  const cases: [unknown, string][] = [
    [{ links: ['javascript:alert(1)'] }, 'links'],
    [{ links: ['data:text/html,<b>x</b>'] }, 'links'],
    [{ links: ['https://a.example', 'https://b.example', 'https://c.example', 'https://d.example', 'https://e.example', 'https://f.example'] }, 'links'],
    [{ bio: 'ك'.repeat(601) }, 'bio'],
    [{ jobTitle: 'ص'.repeat(81) }, 'jobTitle'],
  ];
  for (const [payload, field] of cases) {
    const res = await editor('PATCH', profileUrl(REPORTER), payload);
    assert.equal(res.statusCode, 400, `${JSON.stringify(payload)}: ${res.body}`);
    assert.equal(res.json().field, field);
    assert.ok(res.json().message_ar);
  }
  assert.equal((await editor('PATCH', profileUrl(REPORTER), { image: 999_999 })).statusCode, 404, 'a portrait that is no upload');
  assert.equal((await editor('PATCH', profileUrl(REPORTER), {})).statusCode, 400, 'nothing to change');
  assert.deepEqual((await editor('GET', profileUrl(REPORTER))).json(), before);
});

test('text of a profile is escaped on every page', async () => {
  const byline = 'كاتب تجريبي';
  await postArticle(editor, { title: 'خبر تجريبي: عنوان للتجربة', body: 'نص الخبر التجريبي في فقرة واحدة.', tags: ['تجربة'], author: byline, status: 'published' });
  assert.equal((await editor('PATCH', profileUrl(byline), { jobTitle: '<img src=x onerror=alert(1)>', bio: '<script>alert(1)</script> نبذة' })).statusCode, 200);
  const html = (await get(authorUrl(byline))).body;
  assert.doesNotMatch(html, /<script>alert|<img src=x/);
  assert.match(html, /&lt;script&gt;alert\(1\)&lt;\/script&gt; نبذة/);
});

test('only editors write anyone’s profile; a reporter writes their own; no key, no write', async () => {
  assert.equal((await apiCaller(site.app, {})('PATCH', profileUrl(REPORTER), { jobTitle: 'س' })).statusCode, 401);
  const author = await makeKey(site.store, 'author');
  const own = apiCaller(site.app, author.auth);
  const other = await own('PATCH', profileUrl(REPORTER), { jobTitle: 'ليست لي' });
  assert.equal(other.statusCode, 403);
  assert.equal((await own('DELETE', profileUrl(REPORTER))).statusCode, 403);
  const session = new Client(site.app);
  const reporter = await makeUser(site.store, 'contributor', 'مساهم من الخارج');
  await session.login(reporter.email, reporter.password);
  const list = (await session.get('/admin/authors')).body;
  assert.doesNotMatch(list, new RegExp(`href="/admin${authorUrl(REPORTER)}"`), 'no way to edit another’s');
  assert.match(list, new RegExp(`<a href="/admin${authorUrl('مساهم من الخارج')}">اكتب ملفك`));
  assert.equal((await session.get(`/admin${authorUrl(REPORTER)}`)).statusCode, 403);
  assert.equal((await session.post(`/admin${authorUrl(REPORTER)}`, { job_title: 'ليست لي' })).statusCode, 403);
  const mine = await own('PATCH', profileUrl(author.user.name), { jobTitle: 'محرر متدرب' });
  assert.equal(mine.statusCode, 200, mine.body);
  assert.equal(mine.json().jobTitle, 'محرر متدرب');
  const listed = (await own('GET', '/api/admin/authors')).json() as { name: string; jobTitle: string | null; count: number }[];
  assert.equal(listed.find((b) => b.name === REPORTER)?.jobTitle, 'كبيرة المراسلين');
  assert.equal(listed.find((b) => b.name === author.user.name)?.count, 0, 'a profile with no stories yet is listed');
});

test('the Content API gives the profile of a byline the site shows, and only that', async () => {
  const res = await get(`/api/content${authorUrl(REPORTER)}`);
  assert.equal(res.statusCode, 200, res.body);
  assert.equal(res.json().name, REPORTER);
  assert.equal(res.json().bio, BIO);
  const article = (await get(`/api/content/articles/${encodeURIComponent(story.slug)}`)).json();
  assert.equal(article.authorProfiles.length, 1);
  assert.equal(article.authorProfiles[0].jobTitle, 'كبيرة المراسلين');
  assert.equal(article.authorProfiles[0].url, authorUrl(REPORTER));
  assert.deepEqual(article.coAuthors, []);
  const author = await makeKey(site.store, 'author');
  await apiCaller(site.app, author.auth)('PATCH', profileUrl(author.user.name), { bio: 'نبذة لم تُنشر لها أخبار بعد.' });
  assert.equal((await get(`/api/content${authorUrl(author.user.name)}`)).statusCode, 404, 'no public stories: not public');
});

test('the admin form uploads a portrait; it shows on the page and in the box; deleting the upload takes it away', async () => {
  const { email, password } = await makeUser(site.store, 'editor');
  const c = new Client(site.app);
  await c.login(email, password);
  const list = (await c.get('/admin/authors')).body;
  assert.match(list, new RegExp(`<td><a href="${authorUrl(REPORTER)}">${REPORTER}</a></td>\\s*<td><a href="/admin\\?byline=${encodeURIComponent(REPORTER)}">1</a></td>\\s*<td>كبيرة المراسلين</td>\\s*<td><a href="/admin${authorUrl(REPORTER)}">تحرير الملف</a></td>`));
  const form = await c.get(`/admin${authorUrl(REPORTER)}`);
  assert.equal(form.statusCode, 200);
  assert.match(form.body, /<input id="job-title" name="job_title" maxlength="80" value="كبيرة المراسلين"/);
  const body = multipart({ _csrf: c.csrf, job_title: 'كبيرة المراسلين', bio: BIO, links: 'https://x.com/reem_example' }, { name: 'image', filename: 'reem.png', type: 'image/png', data: await testPng(400, 400) });
  const saved = await c.request({ method: 'POST', url: `/admin${authorUrl(REPORTER)}`, headers: body.headers, payload: body.payload });
  assert.equal(saved.statusCode, 303, saved.body.slice(0, 500));
  const profile = (await editor('GET', profileUrl(REPORTER))).json();
  assert.ok(profile.image?.id, 'a portrait');
  assert.deepEqual(profile.links, ['https://x.com/reem_example']);

  const page = (await get(authorUrl(REPORTER))).body;
  assert.match(page, /<picture class="portrait">/);
  assert.match(page, new RegExp(`<meta property="og:image" content="[^"]*${profile.image.url.replace(/[.]/g, '\\.')}"`));
  assert.ok(jsonLd(page).find((d) => d['@type'] === 'ProfilePage')!.mainEntity.image.url.endsWith(profile.image.url));
  assert.match((await get(`/articles/${encodeURIComponent(story.slug)}`)).body, /<aside class="author-box"[^>]*>\s*<picture class="portrait">/);

  // A refused field keeps what was typed, and stores nothing.
  const bad = await c.post(`/admin${authorUrl(REPORTER)}`, { job_title: 'كبيرة المراسلين', bio: 'نبذة جديدة', links: 'ftp://old.example' });
  assert.equal(bad.statusCode, 400);
  assert.match(bad.body, /<textarea id="links" name="links" rows="3" dir="ltr" aria-describedby="links-hint" aria-invalid="true"[^>]*>ftp:\/\/old.example<\/textarea>/);
  assert.equal((await editor('GET', profileUrl(REPORTER))).json().bio, BIO);

  assert.equal((await editor('DELETE', `/api/admin/media/${profile.image.id}`)).statusCode, 204);
  assert.doesNotMatch((await get(authorUrl(REPORTER))).body, /class="portrait"/, 'the cached page was purged');
  assert.equal((await editor('GET', profileUrl(REPORTER))).json().image, null);
});

test('an emptied profile is removed: the page goes back to the line made of the name', async () => {
  const res = await editor('PATCH', profileUrl(REPORTER), { jobTitle: '', bio: '', links: [], image: null });
  assert.equal(res.statusCode, 204);
  assert.equal((await editor('GET', profileUrl(REPORTER))).statusCode, 404);
  const html = (await get(authorUrl(REPORTER))).body;
  assert.doesNotMatch(html, /author-profile/);
  assert.match(html, new RegExp(`<meta name="description" content="أخبار بقلم ${REPORTER} في صحيفة">`));
  assert.doesNotMatch((await get(`/articles/${encodeURIComponent(story.slug)}`)).body, /author-box/);
});

test("a Ghost export brings its authors' biographies and networks, never over a profile written here", async () => {
  assert.equal((await editor('PATCH', profileUrl('هدى سالم'), { bio: 'نبذة كتبها المحرر هنا.' })).statusCode, 200);
  const post = (id: string, title: string) => ({ id, title, slug: id, html: '<p>نص قصير للتجربة في فقرة.</p>', status: 'published', type: 'post', visibility: 'public', published_at: '2026-10-05 09:00:00', updated_at: '2026-10-05 09:00:00' });
  const ghost = JSON.stringify({
    db: [
      {
        meta: { version: '5.130.6' },
        data: {
          posts: [post('g1', 'عمّان: افتتاح معرض الكتاب'), post('g2', 'دمشق: عودة الرحلات الجوية')],
          tags: [],
          posts_tags: [],
          users: [
            { id: 'u1', name: 'خالد يوسف', slug: 'khaled', bio: 'مراسل في دمشق يكتب عن الاقتصاد والنقل.', website: 'https://khaled.example.net', twitter: '@khaled_example', facebook: 'khaled.example', linkedin: null },
            { id: 'u2', name: 'هدى سالم', slug: 'huda', bio: 'نبذة من غوست.', website: 'javascript:alert(1)' },
          ],
          posts_authors: [
            { post_id: 'g1', author_id: 'u2', sort_order: 0 },
            { post_id: 'g2', author_id: 'u1', sort_order: 0 },
          ],
        },
      },
    ],
  });
  const report = await importUpload(site.store, 'ghost.json', ghost, {});
  assert.equal(report.imported, 2, JSON.stringify(report));
  assert.equal(report.failed, 0, JSON.stringify(report));
  assert.ok(report.notes.some((n) => /1 author profile imported/.test(n)), JSON.stringify(report.notes));
  const khaled = (await editor('GET', profileUrl('خالد يوسف'))).json();
  assert.equal(khaled.bio, 'مراسل في دمشق يكتب عن الاقتصاد والنقل.');
  assert.deepEqual(khaled.links, ['https://khaled.example.net/', 'https://x.com/khaled_example', 'https://www.facebook.com/khaled.example']);
  assert.equal((await editor('GET', profileUrl('هدى سالم'))).json().bio, 'نبذة كتبها المحرر هنا.', "the editor's stays");
});

test("a Ghost author's portrait comes from the old site's media folder, as the posts' images do", async () => {
  const from = scratchDir('ghost-images');
  mkdirSync(path.join(from, '2026', '11'), { recursive: true });
  writeFileSync(path.join(from, '2026', '11', 'nadia.png'), await testPng(300, 300));
  const user = (id: string, name: string) => ({ id, name, slug: id, bio: `نبذة ${name}.`, profile_image: `__GHOST_URL__/content/images/2026/11/${id}.png` });
  // Each user signs one post; Ghost exports every user of the site.
  const ghost = (users: { id: string; name: string }[]) =>
    JSON.stringify({
      db: [
        {
          meta: { version: '5.130.6' },
          data: {
            posts: users.map((u, i) => ({ id: `p-${u.id}`, title: `خبر للتجربة رقم ${i + 1}: عنوان`, slug: `p-${u.id}`, html: `<p>نص قصير كتبه ${u.name} للتجربة.</p>`, status: 'published', type: 'post', visibility: 'public', published_at: '2026-10-06 09:00:00', updated_at: '2026-10-06 09:00:00' })),
            tags: [],
            posts_tags: [],
            users: users.map((u) => user(u.id, u.name)),
            posts_authors: users.map((u) => ({ post_id: `p-${u.id}`, author_id: u.id, sort_order: 0 })),
          },
        },
      ],
    });
  const media = { from, dir: site.mediaDir, maxBytes: 5_000_000 };
  const report = await importUpload(site.store, 'ghost.json', ghost([{ id: 'nadia', name: 'نادية حمدان' }, { id: 'omar', name: 'عمر الشامي' }]), { media });
  assert.equal(report.failed, 0, JSON.stringify(report));
  const nadia = (await editor('GET', profileUrl('نادية حمدان'))).json();
  assert.ok(nadia.image?.id, 'her portrait came in');
  assert.match((await get(authorUrl('نادية حمدان'))).body, /<picture class="portrait">/);
  assert.equal((await editor('GET', profileUrl('عمر الشامي'))).json().image, null);
  assert.ok(report.notes.some((n) => /عمر الشامي: portrait 2026\/11\/omar.png not imported \(no such file\)/.test(n)), JSON.stringify(report.notes));

  const without = await importUpload(site.store, 'ghost-2.json', ghost([{ id: 'sara', name: 'سارة نوفل' }]), {});
  assert.equal(without.failed, 0, JSON.stringify(without));
  assert.ok(without.notes.some((n) => /1 author portrait not imported: give the old site's media folder with --media DIR/.test(n)), JSON.stringify(without.notes));
  assert.equal((await editor('GET', profileUrl('سارة نوفل'))).json().bio, 'نبذة سارة نوفل.', 'the rest of her profile came in');
});

test("the authors' index lists every byline with public stories, with its title and count, and follows changes", async () => {
  const page = await get('/authors');
  assert.equal(page.statusCode, 200);
  assert.match(page.body, /<h1 class="list-heading">كتّاب صحيفة<\/h1>/);
  assert.match(page.body, new RegExp(`<a class="name" href="${authorUrl('كاتب تجريبي')}">كاتب تجريبي</a>`));
  const names = [...page.body.matchAll(/<a class="name" href="[^"]+">([^<]+)<\/a>/g)].map((m) => m[1]!);
  assert.deepEqual(names, [...names].sort((a, b) => a.localeCompare(b, 'ar')), 'in the order of the alphabet');
  assert.ok(!names.includes('مساهم من الخارج'), 'a byline with no public story is not listed');
  assert.match(page.body, /<a href="\/authors">كتّابنا<\/a>/, 'the footer leads there');
  assert.equal((await get('/authors')).headers['x-cache'], 'hit');

  // A new title purges it; so does a new byline's first public story.
  await editor('PATCH', profileUrl('كاتب تجريبي'), { jobTitle: 'محرر التجارب' });
  assert.match((await get('/authors')).body, /<a class="name" href="[^"]+">كاتب تجريبي<\/a>\s*<p class="job-title">محرر التجارب<\/p>/);
  assert.equal((await get('/authors')).headers['x-cache'], 'hit');
  await postArticle(editor, { title: 'اسم جديد: أول خبر لمراسل جديد', body: 'نص الخبر الأول للمراسل الجديد.', tags: ['تجربة'], author: 'مراسل جديد', status: 'published' });
  assert.match((await get('/authors')).body, />مراسل جديد<\/a>/);
  assert.match((await get('/sitemaps/authors.xml')).body, /<loc>http:\/\/127\.0\.0\.1:3000\/authors<\/loc>/);
  // The Content API's list says the same.
  const listed = (await get('/api/content/authors')).json() as { name: string; jobTitle: string | null; image: { url: string } | null; count: number }[];
  assert.deepEqual(listed.map((a) => a.name), names.concat('مراسل جديد').sort((a, b) => a.localeCompare(b, 'ar')));
  assert.equal(listed.find((a) => a.name === 'كاتب تجريبي')?.jobTitle, 'محرر التجارب');
  assert.equal(listed.find((a) => a.name === 'مراسل جديد')?.jobTitle, null);
});
