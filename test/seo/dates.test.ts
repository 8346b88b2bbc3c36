import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import { siteConfig } from '../../src/web/config.js';
import { countWords, localDigits, readingMinutes, readingTime, relativeTime } from '../../src/web/dates.js';
import { closeSite, HOUR, story, testSite, type TestSite } from './fixtures.js';

const INSTANT = '2026-03-10T22:30:00Z';
const serverZone = process.env.TZ;
after(() => {
  if (serverZone === undefined) delete process.env.TZ;
  else process.env.TZ = serverZone;
});

interface Shown {
  gregorian: string;
  hijri: string;
  clock: string;
}

async function shown(s: TestSite): Promise<Shown> {
  const { slug } = (await s.store.listArticles({ page: 1, limit: 1 })).articles[0]!;
  const page = (await s.app.inject(`/articles/${encodeURIComponent(slug)}`)).body;
  const span = (cls: string) => new RegExp(`<span class="${cls}">([^<]*)</span>`).exec(page)?.[1] ?? '';
  assert.match(page, new RegExp(`<time datetime="${INSTANT.replace('Z', '.000Z')}">`));
  return { gregorian: span('gregorian'), hijri: span('hijri'), clock: span('clock') };
}

test('dates follow the site zone, not the server zone', async (t) => {
  // Two server zones on either side of the date line, both unlike the site zones.
  for (const serverTz of ['Pacific/Kiritimati', 'Pacific/Pago_Pago']) {
    await t.test(`server in ${serverTz}`, async () => {
      process.env.TZ = serverTz;
      const localDay = new Date(INSTANT).getDate();
      assert.equal(localDay, serverTz === 'Pacific/Kiritimati' ? 11 : 10, 'the process really is in that zone');

      const riyadh = await testSite([story({ publishedAt: INSTANT })], { timeZone: 'Asia/Riyadh' });
      const newYork = await testSite([story({ publishedAt: INSTANT })], { timeZone: 'America/New_York' });
      try {
        assert.deepEqual(await shown(riyadh), { gregorian: '11 مارس 2026', hijri: '22 رمضان 1447 هـ', clock: '1:30 ص' });
        assert.deepEqual(await shown(newYork), { gregorian: '10 مارس 2026', hijri: '21 رمضان 1447 هـ', clock: '6:30 م' });
      } finally {
        await closeSite(riyadh);
        await closeSite(newYork);
      }
    });
  }
});

test('Arabic-Indic digits by configuration (SAHIFA_DIGITS=arab), in dates, clock, reading time and pagination', async () => {
  assert.equal(siteConfig({}, { SAHIFA_DIGITS: 'arab' }).digits, 'arab');
  assert.equal(siteConfig({}, {}).digits, 'latn');
  const s = await testSite(
    [story({ publishedAt: INSTANT }), story({ publishedAt: '2026-03-01T08:00:00Z' }), story({ publishedAt: '2026-02-01T08:00:00Z' })],
    { digits: 'arab', pageSize: 2 },
  );
  try {
    const { slug } = (await s.store.listArticles({ page: 1, limit: 1 })).articles[0]!;
    const page = (await s.app.inject(`/articles/${encodeURIComponent(slug)}`)).body;
    assert.match(page, /<span class="gregorian">١١ مارس ٢٠٢٦<\/span>/);
    assert.match(page, /<span class="hijri">٢٢ رمضان ١٤٤٧ هـ<\/span>/);
    assert.match(page, /<span class="clock">١:٣٠ ص<\/span>/);
    assert.match(page, /<span class="reading-time">قراءة في دقيقة<\/span>/);
    const home = (await s.app.inject('/')).body;
    assert.match(home, /<span>صفحة ١ من ٢<\/span>/);
    // Only the site's own text changes: URLs and the datetime attribute keep ASCII digits.
    assert.match(page, /<time datetime="2026-03-10T22:30:00.000Z">/);
  } finally {
    await closeSite(s);
  }
});

test('relative times for news under a day old, in good Arabic number forms', () => {
  const now = new Date('2026-03-11T12:00:00Z');
  const ago = (ms: number, digits: 'latn' | 'arab' = 'latn') => relativeTime(new Date(now.getTime() - ms).toISOString(), now, digits);
  const MIN = 60_000;
  assert.equal(ago(20_000), 'الآن');
  assert.equal(ago(MIN), 'منذ دقيقة');
  assert.equal(ago(2 * MIN), 'منذ دقيقتين');
  assert.equal(ago(5 * MIN), 'منذ 5 دقائق');
  assert.equal(ago(11 * MIN), 'منذ 11 دقيقة');
  assert.equal(ago(59 * MIN), 'منذ 59 دقيقة');
  assert.equal(ago(HOUR), 'منذ ساعة');
  assert.equal(ago(2 * HOUR), 'منذ ساعتين');
  assert.equal(ago(3 * HOUR + 20 * MIN), 'منذ 3 ساعات');
  assert.equal(ago(23 * HOUR), 'منذ 23 ساعة');
  assert.equal(ago(24 * HOUR), null, 'a day old: show the date');
  assert.equal(ago(-HOUR), null, 'the future is not "ago"');
  assert.equal(ago(5 * MIN, 'arab'), 'منذ ٥ دقائق');
});

test('lists show fresh news relatively, older news by date; the article page shows both', async () => {
  const now = Date.now();
  const s = await testSite([
    story({ title: 'خبر طازج', publishedAt: new Date(now - 2 * HOUR - 5 * 60_000).toISOString() }),
    story({ title: 'خبر من أمس', publishedAt: new Date(now - 30 * HOUR).toISOString() }),
  ]);
  try {
    const home = (await s.app.inject('/')).body;
    const cards = home.split('<li class="card">').slice(1);
    assert.match(cards[0]!, /خبر طازج/);
    assert.match(cards[0]!, /<span class="relative">منذ ساعتين<\/span>/);
    assert.match(cards[0]!, /<time datetime="[^"]+" title="[^"]+هـ[^"]*">/, 'the dates stay in the title');
    assert.doesNotMatch(cards[0]!, /class="gregorian"/);
    assert.match(cards[1]!, /خبر من أمس/);
    assert.match(cards[1]!, /<span class="gregorian">/);
    assert.match(cards[1]!, /<span class="hijri">[^<]+هـ<\/span>/);
    assert.doesNotMatch(cards[1]!, /class="relative"/);

    const { slug } = (await s.store.listArticles({ page: 1, limit: 1 })).articles[0]!;
    const page = (await s.app.inject(`/articles/${encodeURIComponent(slug)}`)).body;
    assert.match(page, /<span class="gregorian">[^<]+<\/span>.*<span class="hijri">[^<]+<\/span>.*<span class="relative">منذ ساعتين<\/span>/s);
  } finally {
    await closeSite(s);
  }
});

test('reading time in Arabic: the noun agrees with the number', async () => {
  assert.equal(readingTime(1), 'قراءة في دقيقة');
  assert.equal(readingTime(2), 'قراءة في دقيقتين');
  assert.equal(readingTime(3), 'قراءة في 3 دقائق');
  assert.equal(readingTime(10), 'قراءة في 10 دقائق');
  assert.equal(readingTime(11), 'قراءة في 11 دقيقة');
  assert.equal(readingTime(100), 'قراءة في 100 دقيقة');
  assert.equal(readingTime(3, 'arab'), 'قراءة في ٣ دقائق');
  assert.equal(readingMinutes(0), 1);
  assert.equal(countWords('قال المتحدث: «الاتفاق سيوقّع غداً» في 2026.'), 7);
  assert.equal(localDigits('صفحة 12', 'arab'), 'صفحة ١٢');

  // About 450 words: three minutes at 150 words a minute.
  const sentence = 'تواصل فرق الإنقاذ عملها في المناطق المتضررة من السيول منذ ثلاثة أيام';
  const words = countWords(sentence);
  const paragraphs = Array.from({ length: Math.round(450 / words / 5) }, () => Array(5).fill(sentence).join(' '));
  const s = await testSite([story({ body: paragraphs.join('\n\n') })]);
  try {
    const { slug } = (await s.store.listArticles({ page: 1, limit: 1 })).articles[0]!;
    const page = (await s.app.inject(`/articles/${encodeURIComponent(slug)}`)).body;
    assert.match(page, /<span class="reading-time">قراءة في 3 دقائق<\/span>/);
  } finally {
    await closeSite(s);
  }
});
