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

test('a link never splits the pictures of a gallery; it may follow the gallery', () => {
  const figure = { kind: 'figure' as const, text: 'صورة', html: '<figure></figure>', figure: { src: '/media/a.png', alt: 'صورة', caption: '' } };
  // p p F F F F p p p p: the even spread would put the first link among the pictures.
  const blocks = [p, p, figure, figure, figure, figure, p, p, p, p];
  const slots = seeAlsoSlots([{ heading: null, blocks }], 3);
  assert.ok(slots.length >= 2, String(slots));
  for (const s of slots) assert.ok(!(s >= 2 && s <= 4), `slot ${s} is between two pictures`);
  // The same body with the pictures as paragraphs takes slots there.
  assert.ok(seeAlsoSlots([{ heading: null, blocks: Array(10).fill(p) }], 3).some((s) => s >= 2 && s <= 4));
});
