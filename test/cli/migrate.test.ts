/**
 * Moving a site to Sahifa: the real WordPress and Ghost exports of
 * ../shared/fixtures through `sahifa import`, then the site they make —
 * pages, drafts kept back, and the old addresses redirecting.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import sharp from 'sharp';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { sahifa } from '../helpers/cli.js';
import { SHARED, scratchDir } from '../helpers/paths.js';
import { testDatabase, type TestDatabase } from '../helpers/store.js';

const WXR = path.join(SHARED, 'fixtures/wordpress-export.xml');
const GHOST = path.join(SHARED, 'fixtures/ghost-export.json');

let place: TestDatabase;
let store: SqliteStore;
let app: Awaited<ReturnType<typeof buildServer>>;
let first: Awaited<ReturnType<typeof sahifa>>;

before(async () => {
  place = testDatabase();
  first = await sahifa('import', '--db', place.location, WXR);
  store = await place.open();
  app = await buildServer({ store, site: siteConfig({}, {}) });
});
after(async () => {
  await app.close();
  await store.close();
  await place.drop();
});

const get = (url: string) => app.inject({ method: 'GET', url });

test('migrate: a WordPress export imports whole; drafts and the scheduled post stay off the site', async () => {
  assert.equal(first.code, 0, first.stderr);
  assert.equal(first.stdout.trim().split('\n').at(-1), 'imported 25, updated 0, failed 0');
  const home = await app.inject({ method: 'GET', url: '/api/articles?limit=50' });
  assert.equal(home.json().total, 22, 'the published posts only');

  const page = await get('/articles/fr-sport-11-20180204');
  assert.equal(page.statusCode, 200);
  assert.equal(page.body.match(/<h2>/g)?.length, 1);
  assert.match(page.body, /<blockquote>/);
  assert.match(page.body, /href="\/tags\/%D8%B1%D9%8A%D8%A7%D8%B6%D8%A9">#رياضة<\/a>/, 'the category is the first tag');
  // Its dates are the old site's: published 2018, last changed when the export's site was made.
  const article = (await get('/api/articles/fr-sport-11-20180204')).json();
  assert.equal(article.publishedAt, '2018-02-04T07:13:06.000Z');
  assert.equal(article.updatedAt, '2026-11-28T22:58:58.000Z', "WordPress's post_modified_gmt, not the import's instant");
  assert.match(page.body, /"dateModified":"2026-11-28T22:58:58.000Z"/);
  assert.equal((await get(`/articles/${encodeURIComponent('المؤلف-الموسيقي-الأيسلندي-الشهير')}`)).statusCode, 200, 'the Arabic slug');
  assert.equal((await get('/articles/al-sport-1-20180218')).statusCode, 404, 'a draft');
  assert.equal((await get('/articles/sk-economy-1011-20180719')).statusCode, 404, 'scheduled for 2027');
});

test('migrate: the old addresses redirect to the articles; other paths are still the site\'s', async () => {
  const moved = async (url: string) => {
    const res = await get(url);
    return res.statusCode === 301 ? String(res.headers.location) : res.statusCode;
  };
  assert.equal(await moved('/fr-sport-11-20180204/'), '/articles/fr-sport-11-20180204');
  assert.equal(await moved('/fr-sport-11-20180204'), '/articles/fr-sport-11-20180204');
  assert.equal(await moved('/2018/02/04/fr-sport-11-20180204/'), '/articles/fr-sport-11-20180204', 'date permalinks');
  assert.equal(await moved('/2018/02/fr-sport-11-20180204/'), '/articles/fr-sport-11-20180204');
  const arabic = encodeURIComponent('المؤلف-الموسيقي-الأيسلندي-الشهير');
  assert.equal(await moved(`/${arabic.toLowerCase()}/`), `/articles/${arabic}`, 'WordPress writes lower-case escapes');
  assert.equal(await moved('/?p=111'), '/articles/fr-sport-11-20180204', "WordPress's plain permalink");
  assert.equal(await moved('/?p=121'), 200, 'a draft: the home page, as for any other p');
  assert.equal(await moved('/?p=abc'), 200);
  assert.equal(await moved('/al-sport-1-20180218/'), 404, 'a draft has no address yet');
  assert.equal(await moved('/no-such-post/'), 404);
  assert.equal(await moved('/news/02/fr-sport-11-20180204/'), 404, 'not a date');
  assert.equal(await moved('/feed.xml'), 200);
  assert.equal(await moved('/search'), 200);
});

test("migrate: the old category and tag archives redirect to the tags' pages", async () => {
  const moved = async (url: string) => {
    const res = await get(url);
    return res.statusCode === 301 ? decodeURIComponent(String(res.headers.location)) : res.statusCode;
  };
  assert.equal(await moved('/category/sports/'), '/tags/رياضة', 'a category by its Latin slug');
  assert.equal(await moved('/category/middle-east'), '/tags/الشرق_الأوسط');
  assert.equal(await moved('/tag/%d8%a7%d9%84%d8%a5%d8%ae%d8%a8%d8%a7%d8%b1%d9%8a/'), '/tags/الإخباري', 'a tag by its percent-encoded Arabic slug');
  assert.equal(await moved('/category/uncategorized/'), 404, "WordPress's default category is no tag here");
  assert.equal(await moved('/tag/no-such-tag/'), 404);
});

test("migrate: the old author archive redirects to the byline's page, which lists the author's public posts", async () => {
  const res = await get('/author/admin/');
  assert.equal(res.statusCode, 301);
  assert.equal(res.headers.location, '/authors/admin');
  assert.equal((await get('/author/ADMIN')).headers.location, '/authors/admin', 'WordPress lower-cases the login');
  const page = await get('/authors/admin');
  assert.equal(page.statusCode, 200);
  // The export's 22 published posts, 12 a page; its drafts and its scheduled post are not listed.
  assert.equal(page.body.match(/<li class="card">/g)?.length, 12);
  assert.match(page.body, /صفحة 1 من 2/);
  assert.equal((await get('/author/no-such-author/')).statusCode, 404);
});

test('migrate: importing the export again updates; the Ghost export of the same posts is reported as copies', async () => {
  const again = await sahifa('import', '--db', place.location, WXR);
  assert.equal(again.stdout.trim().split('\n').at(-1), 'imported 0, updated 25, failed 0');
  assert.ok((await get('/api/articles/fr-sport-11-20180204')).json().updatedAt > '2026-11-28T22:58:58.000Z', 'an update is a change made now');
  const ghost = await sahifa('import', '--db', place.location, '--skip-duplicates', GHOST);
  assert.equal(ghost.code, 0, ghost.stderr);
  assert.equal(ghost.stdout.match(/^duplicate: /gm)?.length, 25);
  assert.equal(ghost.stdout.trim().split('\n').at(-1), 'imported 0, updated 0, failed 0, skipped 25 duplicates');
  // Ghost's transliterated tag slugs (البث → lbth) now lead to the same tags.
  const res = await get('/tag/lbth/');
  assert.equal(res.statusCode, 301);
  assert.equal(decodeURIComponent(String(res.headers.location)), '/tags/البث');
});

test('migrate: a broken export imports nothing and says where it broke', async () => {
  const dir = scratchDir('migrate');
  const broken = path.join(dir, 'export.xml');
  writeFileSync(broken, '<?xml version="1.0"?>\n<rss>\n<channel>\n<item><title>خبر</item>\n</channel></rss>');
  const res = await sahifa('import', '--db', place.location, broken);
  assert.equal(res.code, 1);
  assert.match(res.stderr, /export\.xml: line 4: not well-formed XML/);
  assert.equal(res.stdout.trim(), 'imported 0, updated 0, failed 1');
  const wrong = await sahifa('import', '--db', place.location, '--format', 'ghost', WXR);
  assert.match(wrong.stderr, /not valid JSON/);
});

test('migrate: feature images come in from the old media folder with --media; what cannot come in is a note', async () => {
  const dir = scratchDir('migrate-media');
  const uploads = path.join(dir, 'uploads');
  mkdirSync(path.join(uploads, '2026/10'), { recursive: true });
  await sharp({ create: { width: 1200, height: 630, channels: 3, background: '#2b6cb0' } }).jpeg().toFile(path.join(uploads, '2026/10/port.jpg'));
  writeFileSync(path.join(uploads, '2026/10/broken.jpg'), 'ليست صورة');
  const attachment = (id: number, file: string) => `<item><title>صورة ${id}</title><wp:post_id>${id}</wp:post_id><wp:post_type>attachment</wp:post_type>
<wp:status>inherit</wp:status><wp:attachment_url>https://old.example/wp-content/uploads/${file}</wp:attachment_url>
<wp:postmeta><wp:meta_key>_wp_attached_file</wp:meta_key><wp:meta_value>${file}</wp:meta_value></wp:postmeta></item>`;
  const post = (id: number, title: string, thumbnail: number) => `<item><title>${title}</title><guid>https://old.example/?p=${id}</guid>
<content:encoded><![CDATA[<p>وصلت أول سفينة حاويات إلى ميناء العقبة بعد توسعته، وقالت إدارة الميناء إن الطاقة تضاعفت.</p>]]></content:encoded>
<wp:post_id>${id}</wp:post_id><wp:post_date_gmt>2026-10-02 07:30:00</wp:post_date_gmt><wp:post_name>media-${id}</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type>
<wp:postmeta><wp:meta_key>_thumbnail_id</wp:meta_key><wp:meta_value>${thumbnail}</wp:meta_value></wp:postmeta></item>`;
  const xml = path.join(dir, 'export.xml');
  writeFileSync(
    xml,
    `<?xml version="1.0"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
${attachment(11, '2026/10/port.jpg')}${attachment(12, '2026/10/missing.jpg')}${attachment(13, '2026/10/broken.jpg')}${attachment(14, '../../../etc/passwd')}
${post(1, 'ميناء العقبة: الصورة تصل', 11)}${post(2, 'صورة مفقودة', 12)}${post(3, 'صورة تالفة', 13)}${post(4, 'مسار خارج المجلد', 14)}</channel></rss>`,
  );
  const media = path.join(dir, 'media');
  const db = testDatabase();
  const previous = process.env.SAHIFA_MEDIA_DIR;
  process.env.SAHIFA_MEDIA_DIR = media;
  try {
    const without = await sahifa('import', '--db', db.location, xml);
    assert.equal(without.code, 0, without.stderr);
    assert.match(without.stdout, /note: .*export\.xml: 4 feature images not imported: give the old site's media folder with --media DIR/);

    const res = await sahifa('import', '--db', db.location, '--media', uploads, xml);
    assert.equal(res.code, 0, res.stderr);
    assert.equal(res.stdout.trim().split('\n').at(-1), 'imported 0, updated 4, failed 0');
    assert.match(res.stdout, /note: .*"صورة مفقودة": feature image 2026\/10\/missing\.jpg not imported \(no such file\)/);
    assert.match(res.stdout, /note: .*"صورة تالفة": feature image 2026\/10\/broken\.jpg not imported/);
    assert.match(res.stdout, /note: .*"مسار خارج المجلد": feature image .* is not in the media folder/);

    const store = await db.open();
    try {
      const a = (await store.getArticle('media-1'))!;
      assert.ok(a.featureImage, 'the image came in');
      assert.equal(a.featureImage!.alt, 'صورة 11', "the attachment's title stands in for the missing alt text");
      assert.equal(a.featureImage!.width, 1200);
      assert.equal((await store.getArticle('media-2'))!.featureImage, null);
      assert.equal((await store.newsroom.listMedia(10)).length, 1);
      const app = await buildServer({ store, site: siteConfig({}, {}), newsroom: { mediaDir: media } });
      try {
        const page = (await app.inject({ method: 'GET', url: '/articles/media-1' })).body;
        const src = /<figure class="feature-image">[\s\S]*?<img[^>]* src="([^"]+)"/.exec(page)?.[1];
        assert.ok(src, 'the page shows it');
        assert.equal((await app.inject({ method: 'GET', url: src! })).statusCode, 200);
      } finally {
        await app.close();
      }
      const again = await sahifa('import', '--db', db.location, '--media', uploads, xml);
      assert.equal(again.code, 0, again.stderr);
      assert.equal((await store.newsroom.listMedia(10)).length, 1, 'imported again: the image is kept, not copied');
    } finally {
      await store.close();
    }
    const notAFolder = await sahifa('import', '--db', db.location, '--media', path.join(dir, 'nope'), xml);
    assert.equal(notAFolder.code, 2);
    assert.match(notAFolder.stderr, /--media must be the old site's media folder/);
  } finally {
    if (previous === undefined) delete process.env.SAHIFA_MEDIA_DIR;
    else process.env.SAHIFA_MEDIA_DIR = previous;
    await db.drop();
  }
});

test('migrate: body images come in from the old media folder with --media; without it, web ones stay and Ghost\'s are taken out', async () => {
  const dir = scratchDir('migrate-body');
  const uploads = path.join(dir, 'uploads');
  mkdirSync(path.join(uploads, '2026/10'), { recursive: true });
  await sharp({ create: { width: 2400, height: 1200, channels: 3, background: '#2b6cb0' } }).jpeg().toFile(path.join(uploads, '2026/10/port east.jpg'));
  await sharp({ create: { width: 800, height: 600, channels: 3, background: '#c05621' } }).png().toFile(path.join(uploads, '2026/10/crane.png'));
  const text = '<p>وصلت أول سفينة حاويات إلى ميناء العقبة بعد توسعته، وقالت إدارة الميناء إن الطاقة تضاعفت.</p>';
  const xml = path.join(dir, 'export.xml');
  writeFileSync(
    xml,
    `<?xml version="1.0"?><rss xmlns:content="http://purl.org/rss/1.0/modules/content/" xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>ميناء العقبة: صور الرصيف</title><guid>https://old.example/?p=1</guid>
<content:encoded><![CDATA[${text}<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2026/10/port%20east.jpg" alt="الرصيف الشرقي"/><figcaption>الرصيف بعد التوسعة</figcaption></figure>${text}<p><img src="https://cdn.example/elsewhere.jpg" alt="صورة من مكان آخر"></p>]]></content:encoded>
<wp:post_id>1</wp:post_id><wp:post_date_gmt>2026-10-02 07:30:00</wp:post_date_gmt><wp:post_name>port-pictures</wp:post_name>
<wp:status>publish</wp:status><wp:post_type>post</wp:post_type></item></channel></rss>`,
  );
  const json = path.join(dir, 'ghost.json');
  writeFileSync(
    json,
    JSON.stringify({
      db: [{ meta: { version: '5.130.6' }, data: {
        posts: [{ id: 'g1', title: 'رافعات الميناء: العمل منذ الفجر', slug: 'cranes', plaintext: null, custom_excerpt: null, status: 'published', type: 'post', visibility: 'public', published_at: '2026-10-03 07:30:00', feature_image: null,
          html: `${text}<figure class="kg-card kg-image-card kg-card-hascaption"><img src="__GHOST_URL__/content/images/2026/10/crane.png" class="kg-image" alt=""><figcaption>رافعة في الرصيف</figcaption></figure>${text}<figure class="kg-card kg-image-card"><img src="__GHOST_URL__/content/images/2026/10/missing.png" alt="مفقودة"></figure>` }],
        tags: [], posts_tags: [], users: [], posts_authors: [],
      } }],
    }),
  );
  const media = path.join(dir, 'media');
  const db = testDatabase();
  const previous = process.env.SAHIFA_MEDIA_DIR;
  process.env.SAHIFA_MEDIA_DIR = media;
  const figures = (body: string) => [...body.matchAll(/!\[[^\]]*\]\(([^ )]+)/g)].map((m) => m[1]);
  try {
    const without = await sahifa('import', '--db', db.location, '--skip-duplicates', xml, json);
    assert.equal(without.code, 0, without.stderr);
    assert.match(without.stdout, /note: .*export\.xml: 2 images in the bodies are shown from their addresses on the web: keep them online, or give the old site's media folder with --media DIR/);
    assert.match(without.stdout, /note: .*ghost\.json: 2 images in the bodies not imported: give the old site's media folder with --media DIR/);
    let store = await db.open();
    assert.deepEqual(figures((await store.getArticle('port-pictures'))!.body), ['https://old.example/wp-content/uploads/2026/10/port%20east.jpg', 'https://cdn.example/elsewhere.jpg']);
    assert.deepEqual(figures((await store.getArticle('cranes'))!.body), [], "Ghost's own images have no address on the web: taken out, not left broken");
    await store.close();

    const res = await sahifa('import', '--db', db.location, '--skip-duplicates', '--media', uploads, xml, json);
    assert.equal(res.code, 0, res.stderr);
    assert.match(res.stdout, /note: .*"رافعات الميناء: العمل منذ الفجر": image 2026\/10\/missing\.png not imported \(no such file\)/);
    assert.match(res.stdout, /note: .*export\.xml: 1 image in a body is shown from its address on the web: keep it online/, 'the other host’s image is not in the folder');
    store = await db.open();
    try {
      const port = figures((await store.getArticle('port-pictures'))!.body);
      const cranes = figures((await store.getArticle('cranes'))!.body);
      assert.match(port[0]!, /^\/media\/[0-9a-f]+-1600\.webp$/, 'the largest WebP rendition of the copy');
      assert.equal(port[1], 'https://cdn.example/elsewhere.jpg');
      assert.equal(cranes.length, 1);
      assert.match(cranes[0]!, /^\/media\/[0-9a-f]+-\d+\.webp$/);
      const uploaded = await store.newsroom.listMedia(10);
      assert.equal(uploaded.length, 2);
      assert.ok(uploaded.some((m) => m.alt === 'الرصيف الشرقي'));
      assert.ok(uploaded.some((m) => m.alt === 'رافعة في الرصيف'), 'the caption stands in for a missing alt text');
      const app = await buildServer({ store, site: siteConfig({}, {}), newsroom: { mediaDir: media } });
      try {
        const page = (await app.inject({ method: 'GET', url: '/articles/cranes' })).body;
        // This site's copy, drawn from its renditions like any upload of the site.
        assert.match(page, /<figure><picture>\n<source type="image\/webp" srcset="\/media\/[0-9a-f]+-\d+\.webp \d+w[^"]*"[^>]*>\n<img src="\/media\/[^"]+" alt="" width="\d+" height="\d+" loading="lazy" decoding="async">\n<\/picture><figcaption>رافعة في الرصيف<\/figcaption><\/figure>/);
        assert.equal((await app.inject({ method: 'GET', url: cranes[0]! })).statusCode, 200);
      } finally {
        await app.close();
      }
      const again = await sahifa('import', '--db', db.location, '--skip-duplicates', '--media', uploads, xml, json);
      assert.equal(again.code, 0, again.stderr);
      assert.equal((await store.newsroom.listMedia(10)).length, 2, 'imported again: the copies are kept, not made again');
      assert.deepEqual(figures((await store.getArticle('port-pictures'))!.body), port);
    } finally {
      await store.close();
    }
  } finally {
    if (previous === undefined) delete process.env.SAHIFA_MEDIA_DIR;
    else process.env.SAHIFA_MEDIA_DIR = previous;
    await db.drop();
  }
});
