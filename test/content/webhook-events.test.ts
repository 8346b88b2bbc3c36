import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { Article } from '../../src/content/article.js';
import { eventsBetween } from '../../src/content/webhook-events.js';

const NOW = '2026-11-29T12:00:00.000Z';
const hoursFromNow = (h: number) => new Date(Date.parse(NOW) + h * 3600_000).toISOString();

function story(overrides: Partial<Article> = {}): Article {
  return {
    id: 7,
    slug: 'افتتاح-جسر-جديد-في-بغداد',
    title: 'افتتاح جسر جديد في بغداد: تخفيف الزحام',
    description: 'افتتحت أمانة بغداد جسراً جديداً فوق نهر دجلة.',
    tags: ['العراق'],
    body: 'افتتحت أمانة بغداد صباح اليوم جسراً جديداً فوق نهر دجلة.',
    author: 'علي الموسوي',
    coAuthors: [],
    source: 'newsroom',
    externalId: null,
    status: 'published',
    publishedAt: hoursFromNow(-2),
    updatedAt: hoursFromNow(-2),
    createdAt: hoursFromNow(-3),
    featured: false,
    genre: 'news',
    sponsor: '',
    breakingUntil: null,
    corrections: [],
    live: null,
    liveUpdates: [],
    importMeta: { seeAlso: [], related: [] },
    ...overrides,
  };
}
const names = (before: Article | null, after: Article, edited = false) => eventsBetween(before, after, edited, NOW).map((e) => e.event);

test('only what readers can see is an event', () => {
  assert.deepEqual(names(null, story({ status: 'draft', publishedAt: null }), true), []);
  assert.deepEqual(names(story({ status: 'draft', publishedAt: null }), story({ status: 'submitted', publishedAt: null }), true), []);
  // Scheduled, or "published" with a time still to come (an import's), is not yet public.
  assert.deepEqual(names(null, story({ status: 'scheduled', publishedAt: hoursFromNow(1) }), true), []);
  assert.deepEqual(names(null, story({ publishedAt: hoursFromNow(1) }), true), []);
  assert.deepEqual(names(null, story(), true), ['article.published']);
  assert.deepEqual(names(story({ status: 'unpublished' }), story(), false), ['article.published'], 'published again');
  assert.deepEqual(names(story(), story({ status: 'unpublished' })), ['article.unpublished']);
  assert.deepEqual(names(story({ status: 'unpublished' }), story({ status: 'draft' })), []);
});

test('an edit is an update only when its words changed; corrections and live updates are their own', () => {
  assert.deepEqual(names(story(), story()), []);
  assert.deepEqual(names(story(), story({ title: 'افتتاح جسر ثانٍ في بغداد: تخفيف الزحام' }), true), ['article.updated']);
  const correction = { at: NOW, text: 'الجسر فوق دجلة لا الفرات.' };
  const corrected = eventsBetween(story(), story({ corrections: [correction] }), false, NOW);
  assert.deepEqual(corrected, [{ event: 'article.corrected', correction }]);
  const old = { id: 1, at: hoursFromNow(-1), text: 'بدأ الافتتاح.' };
  const fresh = { id: 2, at: NOW, text: 'عبرت أول سيارة الجسر.' };
  const live = eventsBetween(story({ live: 'live', liveUpdates: [old] }), story({ live: 'live', liveUpdates: [old, fresh] }), false, NOW);
  assert.deepEqual(live, [{ event: 'live.updated', update: fresh }]);
  // An update mended keeps its number: no new event.
  assert.deepEqual(names(story({ liveUpdates: [old] }), story({ liveUpdates: [{ ...old, text: 'بدأ حفل الافتتاح.' }] })), []);
});

test('breaking news is one alert: when it starts, or starts again after its time ran out', () => {
  assert.deepEqual(names(story(), story({ breakingUntil: hoursFromNow(3) }), true), ['article.updated', 'article.breaking']);
  assert.deepEqual(names(null, story({ breakingUntil: hoursFromNow(3) }), true), ['article.published', 'article.breaking']);
  assert.deepEqual(names(story({ breakingUntil: hoursFromNow(3) }), story({ breakingUntil: hoursFromNow(6) }), true), ['article.updated'], 'a longer strip is no new alert');
  assert.deepEqual(names(story({ breakingUntil: hoursFromNow(-1) }), story({ breakingUntil: hoursFromNow(2) }), true), ['article.updated', 'article.breaking']);
  assert.deepEqual(names(story({ status: 'draft', publishedAt: null }), story({ status: 'draft', publishedAt: null, breakingUntil: hoursFromNow(2) }), true), []);
});
