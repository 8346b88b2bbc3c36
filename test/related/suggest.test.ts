import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseTextArticle } from '../../src/content/parsers/text.js';
import { suggest } from '../../src/related/suggest.js';
import { saveArticles } from '../../src/services/articles.js';
import { SEED } from '../helpers/paths.js';
import { memoryStore } from '../helpers/store.js';
import { BRIDGE, BRIDGE_FOLLOW_UP, OTHERS } from './articles.js';

const seed = parseTextArticle(readFileSync(SEED, 'utf8'));

test('suggestions for the seed article: سوريا and روسيا among the hashtags, a description of at most 160 characters', async () => {
  const store = await memoryStore();
  await saveArticles(store, OTHERS);
  const s = await suggest(store, { title: seed.title, body: seed.body });
  assert.ok(s.hashtags.includes('سوريا'), s.hashtags.join(' '));
  assert.ok(s.hashtags.includes('روسيا'), s.hashtags.join(' '));
  assert.ok(s.hashtags.length <= 8);
  assert.ok(s.hashtags.every((h) => !h.includes(' ') && !h.startsWith('#')));
  assert.ok(s.description.length > 40 && s.description.length <= 160, s.description);
  assert.ok(s.description.includes('بوتين'), 'the lead sentence, about the meeting');
  assert.ok(['سوريا', 'روسيا', 'بشار الأسد', 'فلاديمير بوتين', 'تركيا'].every((e) => s.entities.includes(e)), s.entities.join(', '));
  assert.deepEqual(s.desk, { name: 'politics', label: 'سياسة' }, 'a summit of presidents is the politics desk\'s');
  await store.close();
});

test('existing tags of similar articles come first', async () => {
  const store = await memoryStore();
  await saveArticles(store, [...OTHERS, BRIDGE, BRIDGE_FOLLOW_UP]);
  const draft = { title: 'فرق الإنقاذ تواصل البحث عن مفقودين بعد انهيار جسر الموصل', body: BRIDGE_FOLLOW_UP.body };
  const s = await suggest(store, draft);
  assert.equal(s.hashtags[0], 'العراق', s.hashtags.join(' '));
  assert.ok(s.hashtags.includes('الموصل'));
  await store.close();
});

test('a long lead is cut on a word boundary', async () => {
  const store = await memoryStore();
  const long = 'أعلنت وزارة الصحة في العراق عن تسجيل إصابات جديدة بالكوليرا في محافظة البصرة الجنوبية خلال الأسبوع الماضي بعد أسابيع من انتشار المرض في الأحياء الفقيرة التي تعاني من شح المياه الصالحة للشرب وانقطاع الكهرباء';
  const s = await suggest(store, { title: 'الكوليرا في البصرة', body: `${long}\n\nفقرة ثانية قصيرة.` });
  assert.ok(s.description.length <= 160);
  assert.ok(s.description.endsWith('…'));
  assert.ok(long.startsWith(s.description.slice(0, -1)), 'cut between words');
  await store.close();
});
