import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import type { FastifyInstance } from 'fastify';
import type { SqliteStore } from '../../src/store/sqlite.js';
import { memoryStore } from '../helpers/store.js';
import { saveArticles } from '../../src/services/articles.js';
import { buildServer } from '../../src/web/server.js';
import { siteConfig } from '../../src/web/config.js';
import { MAX_QUERY_LENGTH } from '../../src/search/query.js';
import { resultCount } from '../../src/web/pages/search.js';
import { ARTICLES } from './fixtures.js';

let store: SqliteStore;
let app: FastifyInstance;

before(async () => {
  store = await memoryStore();
  await saveArticles(store, ARTICLES);
  app = await buildServer({ store, site: siteConfig({ pageSize: 2 }) });
});
after(async () => {
  await app.close();
  await store.close();
});

const api = async (params: Record<string, string>) => {
  const r = await app.inject({ url: `/api/search?${new URLSearchParams(params)}` });
  return { status: r.statusCode, body: r.json() as Record<string, unknown> };
};
const page = async (params: Record<string, string>) => {
  const r = await app.inject({ url: `/search?${new URLSearchParams(params)}` });
  return { status: r.statusCode, html: r.body, type: String(r.headers['content-type']) };
};

test('GET /api/search: the documented shape', async () => {
  const { status, body } = await api({ q: 'ايران' });
  assert.equal(status, 200);
  assert.deepEqual(Object.keys(body).sort(), ['fallback', 'page', 'results', 'total', 'totalExact']);
  assert.equal(body.totalExact, true);
  assert.equal(body.total, 2);
  assert.equal(body.page, 1);
  assert.equal(body.fallback, false);
  const results = body.results as Record<string, unknown>[];
  assert.deepEqual(Object.keys(results[0]!).sort(), ['publishedAt', 'score', 'slug', 'snippet', 'tags', 'title']);
  assert.ok(results.some((r) => String(r.snippet).includes('<mark>إيران</mark>')));
  assert.ok(results.every((r) => typeof r.score === 'number'));
});

test('GET /api/search: page, limit, tag, sort', async () => {
  const p2 = await api({ q: 'المعارضة', limit: '2', page: '2', sort: 'date' });
  assert.equal(p2.body.total, 3);
  assert.deepEqual((p2.body.results as { slug: string }[]).map((r) => r.slug), ['opposition-funding']);
  const tagged = await api({ q: 'المعارضة', tag: 'تقارير' });
  assert.deepEqual((tagged.body.results as { slug: string }[]).map((r) => r.slug), ['opposition-funding']);
  const tagOnly = await api({ tag: 'سوريا' });
  assert.equal(tagOnly.body.total, 1);
  const fallback = await api({ q: 'المنتخب جنيف' });
  assert.equal(fallback.body.fallback, true);
});

test('GET /api/search: bad input is a 400 with {error, message}', async () => {
  const bad: Record<string, string>[] = [
    {},
    { q: '   ' },
    { q: 'ا'.repeat(MAX_QUERY_LENGTH + 1) },
    { q: 'x'.repeat(2500) },
    { q: 'النفط', page: '0' },
    { q: 'النفط', page: '1001' },
    { q: 'النفط', page: 'abc' },
    { q: 'النفط', limit: '0' },
    { q: 'النفط', limit: '500' },
    { q: 'النفط', sort: 'random' },
    { q: 'النفط', tag: 'ا'.repeat(101) },
  ];
  for (const params of bad) {
    const { status, body } = await api(params);
    assert.equal(status, 400, JSON.stringify(params).slice(0, 80));
    assert.equal(body.error, 'bad_request');
    assert.equal(typeof body.message, 'string');
  }
  const twice = await app.inject({ url: '/api/search?q=a&q=b' });
  assert.equal(twice.statusCode, 400);
  assert.match(String(twice.json().message), /q must be one string/);
  const long = await api({ q: 'x'.repeat(2500) });
  assert.match(String(long.body.message), new RegExp(`at most ${MAX_QUERY_LENGTH}`));
});

test('GET /api/search: hostile queries within the limit get answers, not errors', async () => {
  const hostile = [
    '"',
    '"الرئيس',
    'NEAR(a b)',
    'AND OR NOT',
    '* : ^ ( ) { } +',
    "'; DROP TABLE articles; --",
    '-',
    '#',
    '-النفط',
    'في من على',
    '\u0000',
    '%',
    'ا'.repeat(MAX_QUERY_LENGTH),
  ];
  for (const q of hostile) {
    const { status, body } = await api({ q });
    assert.equal(status, 200, q.slice(0, 30));
    assert.equal(typeof body.total, 'number');
  }
  const raw = await app.inject({ url: '/api/search?q=%E0%A4%A' });
  assert.ok(raw.statusCode === 200 || raw.statusCode === 400, String(raw.statusCode));
  assert.equal(await store.countArticles(), ARTICLES.length);
});

test('GET /search: results, count, highlighted snippets, query kept in the box', async () => {
  const { status, html, type } = await page({ q: 'المعارضه' });
  assert.equal(status, 200);
  assert.match(type, /text\/html/);
  assert.match(html, /<input id="search-q" name="q" type="search" value="المعارضه"/);
  assert.match(html, /3 نتائج/);
  assert.match(html, /<mark>المعارضة<\/mark>/);
  assert.match(html, /rel="next" href="\/search\?q=[^"]*page=2"/);
  const second = await page({ q: 'المعارضه', page: '2' });
  assert.match(second.html, /<mark>بالمعارضة<\/mark>/);
  assert.match(second.html, /rel="prev"/);
  assert.match(html, /noindex/);
});

test('GET /search: fallback notice, dropped stop words, zero results with suggestions', async () => {
  assert.match((await page({ q: 'المنتخب جنيف' })).html, /class="notice fallback"/);
  assert.match((await page({ q: 'في الرئيس' })).html, /تجاهلنا الكلمات الشائعة: في/);
  const none = await page({ q: 'الأزمه الغائبة' });
  assert.equal(none.status, 200);
  assert.match(none.html, /لا نتائج/);
  assert.match(none.html, /بحثنا عن الكلمات بهذا الإملاء: <bdi class="normalized">الازمه الغاءبه<\/bdi>/);
  assert.match(none.html, /وسوم رائجة/);
  assert.match(none.html, /آخر الأخبار/);
  assert.match(none.html, /href="\/tags\/%D8%B3%D9%8A%D8%A7%D8%B3%D8%A9"/);
});

test('GET /search: the page escapes the query everywhere', async () => {
  const { html } = await page({ q: '"><script>alert(1)</script>' });
  assert.doesNotMatch(html, /<script>alert/);
  assert.match(html, /&lt;script&gt;/);
});

test('GET /search: no query shows the form; bad input is a 400 page', async () => {
  const empty = await page({});
  assert.equal(empty.status, 200);
  assert.match(empty.html, /id="search-q"/);
  const long = await page({ q: 'x'.repeat(MAX_QUERY_LENGTH + 1) });
  assert.equal(long.status, 400);
  assert.match(long.type, /text\/html/);
  assert.match(long.html, /أطول من 500 حرف/);
});

test('result counts read as Arabic grammar wants', () => {
  assert.deepEqual([0, 1, 2, 3, 10, 11, 100, 103, 111].map(resultCount), [
    'لا نتائج',
    'نتيجة واحدة',
    'نتيجتان',
    '3 نتائج',
    '10 نتائج',
    '11 نتيجة',
    '100 نتيجة',
    '103 نتائج',
    '111 نتيجة',
  ]);
});
