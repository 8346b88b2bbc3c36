// Body figures of the site's own uploads carry the upload's renditions in the
// stored sections, and article_uploads records which articles show which
// upload: on save, and, for bodies saved before that, through migration 0010.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { parseBody, type Section } from '../../src/content/body.js';
import { saveArticles } from '../../src/services/articles.js';
import { article, testDatabase } from '../helpers/store.js';

const KEY = 'a1b2c3d4e5f60718293a4b5c';
const figureOf = (sections: Section[]) => sections.flatMap((s) => s.blocks).find((b) => b.figure)?.figure;

test('an upload shown in a body carries its renditions on save and is recorded as shown; migration 0010 does both for bodies saved before', async () => {
  const place = testDatabase();
  let store = await place.open();
  try {
    await store.newsroom.createMedia({
      fileKey: KEY,
      format: 'jpeg',
      width: 1600,
      height: 900,
      bytes: 200_000,
      alt: 'وصف المكتبة',
      original: { file: `${KEY}.jpg`, width: 1600, height: 900, format: 'jpeg' },
      webp: [480, 960, 1600].map((w) => ({ file: `${KEY}-${w}.webp`, width: w, height: Math.round((w * 9) / 16), format: 'webp' as const })),
      userId: null,
    });
    const body = `افتتحت المكتبة الوطنية قاعة جديدة للمخطوطات.\n\n![قاعة المخطوطات](/media/${KEY}-1600.webp "القاعة يوم افتتاحها")\n\nوتضم القاعة ألف مخطوطة.`;
    const [saved] = await saveArticles(store, [article({ title: 'قاعة جديدة للمخطوطات في المكتبة الوطنية', body, externalId: 'library-hall' })]);
    const slug = saved!.article.slug;
    const onSave = figureOf((await store.getArticle(slug))!.sections);
    assert.equal(onSave?.image?.width, 1600);
    assert.deepEqual(onSave?.image?.webp.map((r) => r.width), [480, 960, 1600]);

    const showing = await store.newsroom.articlesShowingUpload(onSave!.image!.id);
    assert.deepEqual(showing.map((a) => a.id), [saved!.article.id]);

    // As a Sahifa from before left it: the figure without its upload, migration 0010 not run.
    await sql`update articles set sections = ${JSON.stringify(parseBody(body))}`.execute(store.db);
    await sql`drop index articles_by_feature_image`.execute(store.db);
    await sql`drop table article_uploads`.execute(store.db);
    await sql`delete from kysely_migration where name >= '0010'`.execute(store.db);
    await store.close();
    store = await place.open();
    const migrated = figureOf((await store.getArticle(slug))!.sections);
    assert.deepEqual(migrated, onSave);
    assert.deepEqual(await store.newsroom.articlesShowingUpload(onSave!.image!.id), showing);

    // A save that drops the image drops the record of it.
    await saveArticles(store, [article({ title: 'قاعة جديدة للمخطوطات في المكتبة الوطنية', body: 'افتتحت المكتبة الوطنية قاعة جديدة.', externalId: 'library-hall' })]);
    assert.deepEqual(await store.newsroom.articlesShowingUpload(onSave!.image!.id), []);
  } finally {
    await store.close();
    await place.drop();
  }
});
