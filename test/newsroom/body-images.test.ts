// Images in an article's body that are the site's own uploads: drawn from
// their renditions on the page, described in both APIs, and kept from being
// deleted while a story shows them.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticles } from '../../src/services/articles.js';
import { arabicArticle, keyedSite, multipart, testPng, type KeyedSite } from './helpers.js';

let site: KeyedSite;
before(async () => {
  site = await keyedSite('editor');
});
after(() => site.close());

const json = (method: string, url: string, payload?: unknown) => site.api(method, url, payload);

async function upload(alt: string) {
  const form = multipart({ alt }, { name: 'file', filename: 'harbour.png', type: 'image/png', data: await testPng(1200, 800) });
  const res = await site.app.inject({ method: 'POST', url: '/api/admin/media', headers: { ...site.auth, ...form.headers }, payload: form.payload });
  assert.equal(res.statusCode, 201, res.body);
  return res.json() as { id: number; url: string; srcset: string; width: number; height: number };
}

function withFigure(markdown: string) {
  const a = arabicArticle('ميناء العقبة يستقبل أول سفينة سياحية هذا الموسم');
  const paragraphs = a.body.split('\n\n');
  paragraphs.splice(1, 0, markdown);
  return { ...a, body: paragraphs.join('\n\n'), status: 'published' as const };
}

test('an uploaded image in the body is drawn from its renditions, with its size, in the page and the APIs', async () => {
  const media = await upload('رصيف الميناء عند الفجر');
  // The editor inserts the original's address; an import inserts the largest rendition's. Both are the upload.
  const rendition = media.srcset.split(', ').at(-1)!.split(' ')[0]!;
  for (const src of [media.url, rendition]) {
    const created = await json('POST', '/api/admin/articles', withFigure(`![سفينة سياحية عند رصيف العقبة](${src} "السفينة لدى وصولها صباح اليوم")`));
    assert.equal(created.statusCode, 201, created.body);
    const { slug } = created.json();
    const page = (await site.app.inject(`/articles/${encodeURIComponent(slug)}`)).body;
    const figure = /<figure><picture>[\s\S]*?<\/figure>/.exec(page)?.[0] ?? '';
    assert.ok(figure, 'the body figure is a <picture>');
    assert.ok(figure.includes(`srcset="${media.srcset}"`), figure);
    assert.match(figure, new RegExp(`width="${media.width}" height="${media.height}"`), 'the page keeps the image\'s space while it loads');
    assert.match(figure, /alt="سفينة سياحية عند رصيف العقبة"/, 'the body\'s own alt text, not the upload\'s');
    assert.match(figure, /<figcaption>السفينة لدى وصولها صباح اليوم<\/figcaption>/);
    assert.match(figure, /loading="lazy"/);

    const api = (await site.app.inject(`/api/articles/${encodeURIComponent(slug)}`)).json();
    const fig = api.sections.flatMap((s: { figures: unknown[] }) => s.figures)[0];
    assert.deepEqual(
      { src: fig.src, width: fig.width, height: fig.height, srcset: fig.srcset },
      { src, width: media.width, height: media.height, srcset: media.srcset },
    );
    const content = (await site.app.inject(`/api/content/articles/${encodeURIComponent(slug)}`)).json();
    const block = content.sections.flatMap((s: { blocks: { figure?: { srcset?: string } }[] }) => s.blocks).find((b: { figure?: unknown }) => b.figure);
    assert.equal(block.figure.srcset, media.srcset);
  }
});

test('a /media/ address that is no upload: an editor is told, an import keeps it as a plain image', async () => {
  const missing = withFigure('![صورة قديمة](/media/0123456789abcdef01234567.jpg)');
  const refused = await json('POST', '/api/admin/articles', missing);
  assert.equal(refused.statusCode, 400);
  assert.equal(refused.json().field, 'body');
  assert.match(refused.json().message_ar, /لا توجد صورة مرفوعة بهذا العنوان/);
  const typo = await json('POST', '/api/admin/articles', withFigure('![صورة](/media/harbour.jpg)'));
  assert.equal(typo.statusCode, 400, 'an address of the media folder that names no upload at all');

  // What an import brings is kept as it came (its notes say what did not come in).
  const [saved] = await saveArticles(site.store, [{ ...missing, tags: [], externalId: 'old:1' }]);
  const page = (await site.app.inject(`/articles/${encodeURIComponent(saved!.article.slug)}`)).body;
  assert.match(page, /<figure><img src="\/media\/0123456789abcdef01234567\.jpg" alt="صورة قديمة"/);
  assert.doesNotMatch(page, /<figure><picture>/);
});

test('an image a body shows cannot be deleted until no story shows it', async () => {
  const media = await upload('خريطة مسار السفينة');
  const created = (await json('POST', '/api/admin/articles', withFigure(`![خريطة المسار](${media.url})`))).json();
  const refused = await json('DELETE', `/api/admin/media/${media.id}`);
  assert.equal(refused.statusCode, 409);
  const error = refused.json();
  assert.equal(error.error, 'image_in_use');
  assert.ok(error.message_ar.includes(created.title), error.message_ar);
  assert.equal((await site.app.inject(media.url)).statusCode, 200, 'its files are still there');

  const edited = await json('PATCH', `/api/admin/articles/${created.id}`, { body: arabicArticle().body });
  assert.equal(edited.statusCode, 200, edited.body);
  // A draft counts too: it may be published later.
  const draft = (await json('POST', '/api/admin/articles', { ...withFigure(`![خريطة المسار](${media.url})`), status: 'draft' })).json();
  assert.equal((await json('DELETE', `/api/admin/media/${media.id}`)).statusCode, 409);
  assert.equal((await json('DELETE', `/api/admin/articles/${draft.id}`)).statusCode, 204);
  const deleted = await json('DELETE', `/api/admin/media/${media.id}`);
  assert.equal(deleted.statusCode, 204, deleted.body);
  assert.equal((await site.app.inject(media.url)).statusCode, 404);
});
