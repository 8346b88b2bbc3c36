import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { ArticleInput } from '../../src/content/article.js';
import { findDuplicates } from '../../src/related/duplicates.js';
import { isNearDuplicate, NEAR_DUPLICATE_THRESHOLD, signatureOf, similarity, SIGNATURE_SIZE } from '../../src/related/minhash.js';
import { saveArticles } from '../../src/services/articles.js';
import { importFiles } from '../../src/services/import.js';
import { memoryStore } from '../helpers/store.js';
import { BRIDGE, BRIDGE_FOLLOW_UP, OTHERS } from './articles.js';

test('near-duplicates are detected at the documented threshold and not below it', () => {
  assert.equal(NEAR_DUPLICATE_THRESHOLD, 0.5);
  const a = signatureOf(BRIDGE.body);
  const agreeing = (n: number) => Uint32Array.from(a, (v, i) => (i < n ? v : v ^ 1));
  const at = agreeing(Math.ceil(NEAR_DUPLICATE_THRESHOLD * SIGNATURE_SIZE));
  const below = agreeing(Math.ceil(NEAR_DUPLICATE_THRESHOLD * SIGNATURE_SIZE) - 1);
  assert.equal(similarity(a, at), 0.5);
  assert.ok(isNearDuplicate(a, at));
  assert.ok(similarity(a, below) < 0.5);
  assert.ok(!isNearDuplicate(a, below));
});

/** A wire copy: another headline, the last paragraph dropped, two words changed. */
const wireCopy = {
  ...BRIDGE,
  title: 'مقتل ثلاثة بانهيار جسر في الموصل',
  externalId: 'wire:bridge',
  body: BRIDGE.body.split('\n\n').slice(0, -1).join('\n\n').replace('صباح الأحد', 'صباح يوم الأحد').replace('سبعة', '7'),
};

test('a wire copy is well above the threshold, a follow-up on the same story well below', () => {
  const original = signatureOf(`${BRIDGE.title}\n${BRIDGE.body}`);
  assert.ok(similarity(original, signatureOf(`${wireCopy.title}\n${wireCopy.body}`)) >= 0.6);
  assert.ok(similarity(original, signatureOf(`${BRIDGE_FOLLOW_UP.title}\n${BRIDGE_FOLLOW_UP.body}`)) < 0.2);
  // Spelling variants and harakat do not hide a copy: shingles are of normalized words.
  const respelled = BRIDGE.body.replace(/أ/g, 'ا').replace(/ة/g, 'ه').replace('انهار', 'انهارَ');
  assert.ok(similarity(signatureOf(BRIDGE.body), signatureOf(respelled)) >= 0.9);
});

test('the importer reports wire copies of stored articles and of earlier ones in the file, and --skip-duplicates skips them', async () => {
  const store = await memoryStore();
  await saveArticles(store, [...OTHERS, BRIDGE]);
  const found = await findDuplicates(store, [BRIDGE_FOLLOW_UP, wireCopy, { ...wireCopy, externalId: 'wire:again', title: 'نسخة ثانية' }]);
  assert.deepEqual(
    found.map((d) => [d.index, 'slug' in d.of ? d.of.title : `input ${d.of.index}`]),
    [
      [1, BRIDGE.title],
      [2, 'input 1'], // the closest: the same copy, earlier in the batch
    ],
  );
  // Re-importing an article (same external id) is an update, not a copy.
  assert.deepEqual(await findDuplicates(store, [BRIDGE]), []);

  const dir = mkdtempSync(path.join(os.tmpdir(), 'sahifa-dup-'));
  try {
    const file = path.join(dir, 'wire.jsonl');
    const line = (a: ArticleInput, id: string) => JSON.stringify({ id, title: a.title, description: a.description, body: a.body.replace(/^## .*$/gm, '').replace(/^> /gm, '') });
    writeFileSync(file, [line(wireCopy, 'w1'), line(BRIDGE_FOLLOW_UP, 'w2'), line(wireCopy, 'w3')].join('\n'));
    const reported = await importFiles(store, [file], { skipDuplicates: true });
    assert.equal(reported.imported, 1, 'only the follow-up is imported');
    assert.equal(reported.skipped, 2);
    assert.equal(reported.duplicates.length, 2);
    assert.match(reported.duplicates[0]!, /near-duplicate of "انهيار جسر قديم في الموصل ومقتل ثلاثة أشخاص"/);
    assert.match(reported.duplicates[1]!, /article 3 .* near-duplicate of/);
    const kept = await importFiles(store, [path.join(dir, 'wire.jsonl')]);
    assert.equal(kept.duplicates.length, 2, 'reported without the flag too');
    assert.equal(kept.skipped, 0);
  } finally {
    rmSync(dir, { recursive: true, force: true });
    await store.close();
  }
});
