import { test } from 'node:test';
import assert from 'node:assert/strict';
import { normalize, tokenize } from '../../src/arabic/index.js';
import { findEntities, lookupEntity } from '../../src/related/entities.js';
import { GAZETTEER } from '../../src/related/gazetteer.js';
import { saveArticles } from '../../src/services/articles.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { memoryStore } from '../helpers/store.js';
import { BRIDGE, OTHERS } from './articles.js';

const names = (text: string) => findEntities(text).map((e) => e.entity.name);

test('the gazetteer finds entities under the prefixes و ف ب ل ك and ال', () => {
  assert.deepEqual(names('وبإيران'), ['إيران']);
  assert.deepEqual(names('فلإيران ولسوريا وبالعراق'), ['إيران', 'سوريا', 'العراق']);
  assert.deepEqual(names('للسعودية والسعودية بالسعودية'), ['السعودية']);
  assert.deepEqual(findEntities('للسعودية والسعودية بالسعودية')[0]!.count, 3);
  assert.deepEqual(names('وصل وفد إلى طهران وموسكو'), ['طهران', 'موسكو']);
  // Spelling variants fold: ة/ه, hamza on alef, ى/ي, harakat.
  assert.deepEqual(names('سوريه وسورية وإسبانيا واسبانيا'), ['سوريا', 'إسبانيا']);
});

test('multi-word names are matched as phrases, the longest first', () => {
  assert.deepEqual(names('قالت الأمم المتحدة'), ['الأمم المتحدة']);
  assert.deepEqual(names('وللأمم المتحدة وبالأمم المتحدة'), ['الأمم المتحدة']);
  assert.deepEqual(names('وفد من صندوق النقد الدولي ومنظمة الصحة العالمية'), ['صندوق النقد الدولي', 'منظمة الصحة العالمية']);
  assert.deepEqual(names('الجمعية العامة للأمم المتحدة'), ['الجمعية العامة للأمم المتحدة']);
  assert.deepEqual(names('رئيس جنوب أفريقيا في أفريقيا'), ['جنوب أفريقيا', 'أفريقيا']);
  // Names are not found inside other words, nor common words taken for names.
  assert.deepEqual(names('الإيراني والسوريون وإيرانيون'), []);
  assert.deepEqual(names('صور الجنين في المشهد'), []);
});

test('people are found by their common names and by office', () => {
  assert.deepEqual(names('قال ترمب إن ترامب'), ['دونالد ترامب']);
  assert.deepEqual(names('التقى الرئيس الروسي فلاديمير بوتين'), ['الرئيس الروسي', 'فلاديمير بوتين']);
  assert.equal(lookupEntity('ترمب')?.name, 'دونالد ترامب');
  assert.equal(lookupEntity('الأمم_المتحدة')?.name, 'الأمم المتحدة');
  assert.equal(lookupEntity('لا_أحد'), undefined);
});

test('no alias names two entities', () => {
  const owner = new Map<string, string>();
  for (const e of GAZETTEER) {
    for (const alias of [e.name, ...e.aliases]) {
      const key = tokenize(alias).map((t) => normalize(t.text)).join(' ');
      assert.ok(!owner.has(key) || owner.get(key) === e.name, `${alias}: ${owner.get(key)} and ${e.name}`);
      owner.set(key, e.name);
    }
    if (e.country) assert.ok(GAZETTEER.some((c) => c.name === e.country), `${e.name}: unknown country ${e.country}`);
  }
  assert.ok(GAZETTEER.filter((e) => e.kind === 'country').length >= 100);
});

test('/entities/:name lists the articles naming an entity; other spellings redirect there', async () => {
  const store = await memoryStore();
  await saveArticles(store, [...OTHERS, BRIDGE]);
  const app = await buildServer({ store, site: siteConfig({}, {}) });
  try {
    const page = await app.inject({ method: 'GET', url: `/entities/${encodeURIComponent('الموصل')}` });
    assert.equal(page.statusCode, 200);
    assert.match(page.body, /<h1 class="list-heading">الموصل<\/h1>/);
    assert.equal(page.body.match(/class="card"/g)?.length, 1);
    assert.ok(page.body.includes(BRIDGE.title));
    const imf = await app.inject({ method: 'GET', url: `/entities/${encodeURIComponent('صندوق_النقد_الدولي')}` });
    assert.equal(imf.statusCode, 200);
    assert.ok(imf.body.includes('البرلمان اللبناني'));
    const alias = await app.inject({ method: 'GET', url: `/entities/${encodeURIComponent('منظمة_التعاون_الإسلامي')}` });
    assert.equal(alias.statusCode, 404, 'an entity no article names');
    const moved = await app.inject({ method: 'GET', url: `/entities/${encodeURIComponent('برنت')}` });
    assert.equal(moved.statusCode, 404, 'not an entity');
    const spelled = await app.inject({ method: 'GET', url: `/entities/${encodeURIComponent('أوبك')}` });
    assert.equal(spelled.statusCode, 200);
    const variant = await app.inject({ method: 'GET', url: `/entities/${encodeURIComponent('منظمة_الدول_المصدرة_للنفط')}` });
    assert.equal(variant.statusCode, 301);
    assert.equal(variant.headers.location, `/entities/${encodeURIComponent('أوبك')}`);
  } finally {
    await app.close();
    await store.close();
  }
});
