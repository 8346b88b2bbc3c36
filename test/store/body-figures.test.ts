// Body figures of the site's own uploads carry the upload's renditions in the
// stored sections: on save, and, for bodies saved before that, through
// migration 0010 once.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sql } from 'kysely';
import { parseBody, type Section } from '../../src/content/body.js';
import { saveArticles } from '../../src/services/articles.js';
import { article, testDatabase } from '../helpers/store.js';

const KEY = 'a1b2c3d4e5f60718293a4b5c';
const figureOf = (sections: Section[]) => sections.flatMap((s) => s.blocks).find((b) => b.figure)?.figure;

test('an upload shown in a body carries its renditions on save, and migration 0010 adds them to bodies saved before', async () => {
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
    const [saved] = await saveArticles(store, [article({ title: 'قاعة جديدة للمخطوطات في المكتبة الوطنية', body })]);
    const slug = saved!.article.slug;
    const onSave = figureOf((await store.getArticle(slug))!.sections);
    assert.equal(onSave?.image?.width, 1600);
    assert.deepEqual(onSave?.image?.webp.map((r) => r.width), [480, 960, 1600]);

    // As a Sahifa from before left it: the figure without its upload, migration 0010 not run.
    await sql`update articles set sections = ${JSON.stringify(parseBody(body))}`.execute(store.db);
    await sql`delete from kysely_migration where name >= '0010_body_upload_figures'`.execute(store.db);
    await store.close();
    store = await place.open();
    const migrated = figureOf((await store.getArticle(slug))!.sections);
    assert.deepEqual(migrated, onSave);
  } finally {
    await store.close();
    await place.drop();
  }
});
