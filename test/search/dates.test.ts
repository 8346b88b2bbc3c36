/**
 * Searching between two days: the newsroom's days (Asia/Riyadh here, UTC+3),
 * the first and the last both whole, on the store (both engines), the page,
 * the search API and the Content API; days that are not days are said so.
 */
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticles } from '../../src/services/articles.js';
import { dayRange } from '../../src/web/zoned.js';
import { article } from '../helpers/store.js';
import { newsroomSite, type Site } from '../newsroom/helpers.js';

let site: Site;
const FLOODS = 'سيول';

// UTC instants and the Riyadh day each falls on.
const STORIES = [
  { at: '2026-10-31T20:59:00.000Z', day: '2026-10-31', title: 'سيول جدة: أمطار غزيرة تغلق الطرق' }, // 23:59 Riyadh
  { at: '2026-10-31T21:00:00.000Z', day: '2026-11-01', title: 'سيول مكة: الدفاع المدني يحذر السكان' }, // 00:00 Riyadh
  { at: '2026-11-02T12:00:00.000Z', day: '2026-11-02', title: 'سيول الطائف: إجلاء عشرات الأسر' },
  { at: '2026-11-03T20:59:00.000Z', day: '2026-11-03', title: 'سيول تبوك: عودة الحركة إلى الطرق' }, // 23:59 Riyadh
  { at: '2026-11-03T21:00:00.000Z', day: '2026-11-04', title: 'سيول المدينة: تعويضات للمتضررين' }, // 00:00 Riyadh, the next day
];

before(async () => {
  site = await newsroomSite();
  await saveArticles(
    site.store,
    STORIES.map((s) =>
      article({ title: s.title, publishedAt: s.at, tags: ['طقس'], body: `${s.title}. تواصل فرق الدفاع المدني عملها في المناطق التي ضربتها السيول.\n\nوقالت السلطات إن الأمطار ستستمر يومين.` }),
    ),
  );
});
after(() => site.close());

const titles = (hits: { title: string }[]) => hits.map((h) => h.title).sort();
const between = (from: string, to: string) => STORIES.filter((s) => s.day >= from && s.day <= to).map((s) => s.title).sort();

test("days are the newsroom's, the first and the last both whole", () => {
  assert.deepEqual(dayRange('2026-11-01', '2026-11-03', 'Asia/Riyadh'), { from: '2026-10-31T21:00:00.000Z', to: '2026-11-03T21:00:00.000Z' });
  assert.deepEqual(dayRange(undefined, undefined, 'Asia/Riyadh'), {});
  assert.equal((dayRange('2026-02-30', undefined, 'UTC') as { field: string }).field, 'from');
  assert.equal((dayRange(undefined, '1 نوفمبر', 'UTC') as { field: string }).field, 'to');
  assert.match((dayRange('2026-11-05', '2026-11-01', 'UTC') as { error: string }).error, /بعد/);
});

test('the store finds only the stories of those days, by words or by tag, on either engine', async () => {
  const search = (from?: string, to?: string, q = FLOODS) => {
    const range = dayRange(from, to, 'Asia/Riyadh') as { from?: string; to?: string };
    return site.store.search({ q, limit: 20, ...range });
  };
  assert.deepEqual(titles((await search('2026-11-01', '2026-11-03')).hits), between('2026-11-01', '2026-11-03'));
  assert.equal((await search('2026-11-01', '2026-11-03')).total, 3);
  assert.deepEqual(titles((await search('2026-11-04')).hits), between('2026-11-04', '9999'));
  assert.deepEqual(titles((await search(undefined, '2026-10-31')).hits), between('0000', '2026-10-31'));
  assert.equal((await search()).total, STORIES.length);
  assert.deepEqual(titles((await search('2026-11-02', '2026-11-02', '#طقس')).hits), between('2026-11-02', '2026-11-02'), 'a tag alone');
  assert.equal((await search('2026-12-01', '2026-12-31')).total, 0);
});

test('the page keeps the days in its form and its links, and says which days it searched', async () => {
  const res = await site.app.inject({ url: `/search?q=${encodeURIComponent(FLOODS)}&from=2026-11-01&to=2026-11-03&sort=date` });
  assert.equal(res.statusCode, 200);
  assert.match(res.body, /<details class="search-dates" open>/);
  assert.match(res.body, /<input id="search-from" name="from" type="date" value="2026-11-01">/);
  assert.match(res.body, /في الأخبار المنشورة من 1 نوفمبر 2026 إلى 3 نوفمبر 2026\./);
  assert.match(res.body, /3 نتائج/);
  assert.match(res.body, /href="\/search\?q=[^"]*&amp;from=2026-11-01&amp;to=2026-11-03">الأكثر صلة/, 'the sort link keeps them');
  const any = await site.app.inject({ url: `/search?q=${encodeURIComponent(FLOODS)}&from=&to=` });
  assert.equal(any.statusCode, 200, 'empty days are any day');
  assert.match(any.body, /<details class="search-dates">/);
  assert.match(any.body, /5 نتائج/);
});

test('days that are not days, or backwards, get a clear 400 and lose nothing else of the search', async () => {
  const page = await site.app.inject({ url: `/search?q=${encodeURIComponent(FLOODS)}&from=2026-11-05&to=2026-11-01` });
  assert.equal(page.statusCode, 400);
  assert.match(page.body, /يوم البداية بعد يوم النهاية: بحثنا في كل الأيام\./);
  assert.match(page.body, /5 نتائج/, 'the words were still searched');
  assert.match(page.body, /<input id="search-q" name="q" type="search" value="سيول"/);

  const api = await site.app.inject({ url: `/api/search?q=${encodeURIComponent(FLOODS)}&from=2026-13-01` });
  assert.equal(api.statusCode, 400);
  assert.match(api.json().message, /from must be a day/);
  const ok = await site.app.inject({ url: `/api/search?q=${encodeURIComponent(FLOODS)}&from=2026-11-04` });
  assert.equal(ok.json().total, 1);

  const content = await site.app.inject({ url: `/api/content/search?q=${encodeURIComponent(FLOODS)}&to=yesterday` });
  assert.equal(content.statusCode, 400);
  assert.equal(content.json().field, 'to');
  assert.ok(content.json().message_ar);
  const listed = await site.app.inject({ url: `/api/content/search?q=${encodeURIComponent(FLOODS)}&from=2026-11-02&to=2026-11-03` });
  assert.deepEqual(titles(listed.json().hits), between('2026-11-02', '2026-11-03'));
});
