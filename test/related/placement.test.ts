import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Section } from '../../src/content/body.js';
import { seeAlsoSlots } from '../../src/related/placement.js';

const p = { kind: 'paragraph' as const, text: 'x', html: 'x' };
const sections = (...sizes: number[]): Section[] => sizes.map((n, i) => ({ heading: i ? `h${i}` : null, blocks: Array(n).fill(p) }));

for (const sizes of [[14], [2, 2, 2, 2], [1, 1, 1, 1, 1, 1, 1], [3, 1, 5, 2, 3], [9]]) {
  test(`slots for sections ${sizes.join('+')} follow the rules`, () => {
    const total = sizes.reduce((a, b) => a + b, 0);
    const slots = seeAlsoSlots(sections(...sizes), 3);
    assert.equal(slots.length, 3);
    for (const [i, s] of slots.entries()) {
      assert.ok(s >= 1, 'never before the second paragraph');
      assert.ok(s < total - 1, 'never after the last paragraph');
      if (i) assert.ok(s - slots[i - 1]! >= 2, 'never two in a row');
    }
  });
}

test('short bodies get fewer links, never crowded', () => {
  assert.deepEqual(seeAlsoSlots(sections(2), 3), []);
  assert.deepEqual(seeAlsoSlots(sections(3), 3), [1]);
  assert.equal(seeAlsoSlots(sections(5), 3).length, 2);
});
