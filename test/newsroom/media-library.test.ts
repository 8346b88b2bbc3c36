// The media library at /admin/media: upload, correct alt text, see what uses
// an image, delete it when nothing's body shows it — each by role.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { Role } from '../../src/auth/roles.js';
import { articleCount } from '../../src/web/counted.js';
import { Client, arabicArticle, makeKey, makeUser, multipart, newsroomSite, testPng, type Site } from './helpers.js';

let site: Site;
before(async () => {
  site = await newsroomSite();
});
after(() => site.close());

async function signedIn(role: Role) {
  const { email, password } = await makeUser(site.store, role);
  const c = new Client(site.app);
  await c.login(email, password);
  await c.get('/admin/media');
  return c;
}

async function uploadThrough(c: Client, alt: string) {
  const form = multipart({ _csrf: c.csrf, alt }, { name: 'file', filename: 'souq.png', type: 'image/png', data: await testPng(1000, 600) });
  return c.request({ method: 'POST', url: '/admin/media', headers: form.headers, payload: form.payload });
}

test('Arabic counts of articles take the noun form the number asks for', () => {
  assert.deepEqual([1, 2, 3, 10, 11, 99, 100].map((n) => articleCount(n)), ['خبر واحد', 'خبران', '3 أخبار', '10 أخبار', '11 خبراً', '99 خبراً', '100 خبر']);
  assert.equal(articleCount(11, 'arab'), '١١ خبراً', "in the site's digits");
});

test('a contributor uploads from the library and sees the Markdown to use it, but corrects and deletes nothing', async () => {
  const c = await signedIn('contributor');
  const res = await uploadThrough(c, 'سوق الحميدية في دمشق صباحاً');
  assert.equal(res.statusCode, 303, res.body);
  const page = await c.get(res.headers.location as string);
  assert.match(page.body, /<p class="flash" role="status">رُفعت الصورة\.<\/p>/);
  const [media] = await site.store.newsroom.listMedia(1);
  assert.equal(media!.alt, 'سوق الحميدية في دمشق صباحاً');
  assert.ok(page.body.includes(`value="![سوق الحميدية في دمشق صباحاً](/media/${media!.original.file})"`));
  assert.match(page.body, /غير مستخدمة/);
  assert.doesNotMatch(page.body, /حفظ النص البديل|>حذف</);
  assert.equal((await c.post(`/admin/media/${media!.id}`, { alt: 'وصف آخر' })).statusCode, 403);

  // Refused uploads say why, in Arabic, and keep nothing.
  const count = (await site.store.newsroom.listMedia(100)).length;
  const noAlt = await uploadThrough(c, '   ');
  assert.equal(noAlt.statusCode, 400);
  assert.match(noAlt.body, /النص البديل مطلوب/);
  const form = multipart({ _csrf: c.csrf, alt: 'ملف ليس صورة' }, { name: 'file', filename: 'a.png', type: 'image/png', data: Buffer.from('<svg onload=alert(1)>') });
  const notImage = await c.request({ method: 'POST', url: '/admin/media', headers: form.headers, payload: form.payload });
  assert.equal(notImage.statusCode, 415);
  assert.match(notImage.body, /الصيغ المقبولة/);
  assert.equal((await site.store.newsroom.listMedia(100)).length, count);
  // Without the page's token, nothing happens.
  const forged = multipart({ alt: 'بلا رمز' }, { name: 'file', filename: 'b.png', type: 'image/png', data: await testPng(100, 100) });
  assert.equal((await c.request({ method: 'POST', url: '/admin/media', headers: forged.headers, payload: forged.payload })).statusCode, 403);
  assert.equal((await site.store.newsroom.listMedia(100)).length, count);
});

test('an author corrects alt text; an editor deletes what no body shows, and is told which stories show the rest', async () => {
  const author = await signedIn('author');
  await uploadThrough(author, 'صورة بوصف ناقص');
  const [loose] = await site.store.newsroom.listMedia(1);
  const fixed = await author.post(`/admin/media/${loose!.id}`, { alt: 'بائع توابل في سوق الحميدية' });
  assert.equal(fixed.statusCode, 303);
  assert.equal((await site.store.newsroom.getMedia(loose!.id))!.alt, 'بائع توابل في سوق الحميدية');
  assert.equal((await author.post(`/admin/media/${loose!.id}`, { alt: ' ' })).statusCode, 400);
  assert.equal((await author.post(`/admin/media/${loose!.id}/delete`, {})).statusCode, 403);

  // One image is a story's feature image and in another's body; the other only a feature image.
  const { auth } = await makeKey(site.store, 'editor');
  await uploadThrough(author, 'مدخل السوق المسقوف');
  const [shown] = await site.store.newsroom.listMedia(1);
  const post = (payload: unknown) =>
    site.app.inject({ method: 'POST', url: '/api/admin/articles', headers: { ...auth, 'content-type': 'application/json' }, payload: JSON.stringify(payload) });
  const a = arabicArticle('أسواق دمشق القديمة تستعيد زوارها');
  assert.equal((await post({ ...a, featureImage: shown!.id })).statusCode, 201);
  const inBody = { ...a, title: 'سوق الحميدية يحتفل بمئة وخمسين عاماً', body: `${a.body}\n\n![مدخل السوق](/media/${shown!.original.file} "المدخل الغربي")` };
  const bodyStory = (await post(inBody)).json();
  assert.equal((await post({ ...a, title: 'تجار دمشق يستعدون لموسم الأعياد', featureImage: loose!.id })).statusCode, 201);

  const editor = await signedIn('editor');
  const library = (await editor.get('/admin/media')).body;
  const card = (id: number) => new RegExp(`<li class="media-card" id="media-${id}">[\\s\\S]*?</li>`).exec(library)?.[0] ?? '';
  assert.match(card(shown!.id), /صورة رئيسية: خبر واحد · في النص: خبر واحد/);
  assert.match(card(shown!.id), /لا تُحذف ما دامت في نص خبر/);
  assert.doesNotMatch(card(shown!.id), />حذف</);
  assert.match(card(loose!.id), /data-confirm="حذف الصورة؟ ستفقد خبر واحد صورتها الرئيسية\."/);

  // Forced through anyway: refused, named, kept.
  const refused = await editor.post(`/admin/media/${shown!.id}/delete`, {});
  assert.equal(refused.statusCode, 409);
  assert.ok(refused.body.includes(`«${bodyStory.title}» (${bodyStory.id})`), refused.body);
  assert.ok(existsSync(path.join(site.mediaDir, shown!.original.file)));

  const deleted = await editor.post(`/admin/media/${loose!.id}/delete`, {});
  assert.equal(deleted.statusCode, 303);
  assert.equal(await site.store.newsroom.getMedia(loose!.id), null);
  assert.equal(existsSync(path.join(site.mediaDir, loose!.original.file)), false, 'its files go too');
});

test('the library pages through many uploads, newest first', async () => {
  const before = (await site.store.newsroom.listMediaPage(1, 24)).total;
  const c = await signedIn('editor');
  for (let i = 0; i < 25 - (before % 24); i++) await uploadThrough(c, `صورة رقم ${i + 1} من أرشيف المعرض`);
  const { total } = await site.store.newsroom.listMediaPage(1, 24);
  const pages = Math.ceil(total / 24);
  assert.ok(pages >= 2);
  const first = (await c.get('/admin/media')).body;
  assert.match(first, new RegExp(`صفحة 1 من ${pages}`));
  assert.equal((first.match(/class="media-card"/g) ?? []).length, 24);
  const newest = (await site.store.newsroom.listMedia(1))[0]!;
  assert.equal(first.indexOf(`<li class="media-card" id="media-${newest.id}">`), first.indexOf('<li class="media-card"'), 'the newest comes first');
  const last = (await c.get(`/admin/media?page=${pages}`)).body;
  assert.equal((last.match(/class="media-card"/g) ?? []).length, total - 24 * (pages - 1));
  assert.match(last, /rel="prev"/);
});
