/** Figures in an article's body on the public page, in the feeds (absolute addresses) and in the Content API. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { saveArticles } from '../../src/services/articles.js';
import { siteConfig } from '../../src/web/config.js';
import { buildServer } from '../../src/web/server.js';
import { article, memoryStore } from '../helpers/store.js';

const PORT_STORY = article({
  slug: 'port-cranes',
  title: 'المرفأ يستقبل أول سفينة: الرافعات تعمل منذ الفجر',
  tags: ['اقتصاد'],
  body: [
    '## المشهد في المرفأ',
    'وصلت السفينة الأولى إلى المرفأ صباح الأحد بعد أسابيع من الانتظار.',
    '![رافعات المرفأ عند الفجر](/media/port-cranes.webp "الرافعات تعمل منذ الفجر")',
    'وقال مدير المرفأ إن العمل سيستمر حتى المساء، وإن سفينتين أخريين تنتظران.',
    '![سفينة الحاويات](https://images.example.org/ship.jpg)',
    'وتوقع المدير أن يعود المرفأ إلى طاقته الكاملة قبل نهاية الشهر.',
  ].join('\n\n'),
});

test('a figure shows on the page, in the full-content feed with an absolute address, and in the Content API', async () => {
  const store = await memoryStore();
  await saveArticles(store, [PORT_STORY]);
  const app = await buildServer({ store, site: siteConfig({ baseUrl: 'https://sahifa.example' }, {}) });
  try {
    const page = await app.inject({ url: `/articles/${PORT_STORY.slug}` });
    assert.equal(page.statusCode, 200);
    assert.match(
      page.body,
      /<figure><img src="\/media\/port-cranes\.webp" alt="رافعات المرفأ عند الفجر" loading="lazy" decoding="async"><figcaption>الرافعات تعمل منذ الفجر<\/figcaption><\/figure>/,
    );
    assert.match(page.body, /<figure><img src="https:\/\/images\.example\.org\/ship\.jpg" alt="سفينة الحاويات"/);
    assert.doesNotMatch(page.body, /<p><figure>/, 'a figure is not wrapped in a paragraph');

    const feed = await app.inject({ url: '/feed.xml' });
    assert.equal(feed.statusCode, 200);
    assert.match(feed.body, /src="https:\/\/sahifa\.example\/media\/port-cranes\.webp"/, 'a site path is made absolute for feed readers');
    assert.match(feed.body, /src="https:\/\/images\.example\.org\/ship\.jpg"/);

    const api = (await app.inject({ url: `/api/articles/${PORT_STORY.slug}` })).json();
    const [section] = api.sections;
    assert.deepEqual(section.figures, [
      { index: 1, src: '/media/port-cranes.webp', alt: 'رافعات المرفأ عند الفجر', caption: 'الرافعات تعمل منذ الفجر' },
      { index: 3, src: 'https://images.example.org/ship.jpg', alt: 'سفينة الحاويات', caption: '' },
    ]);
    assert.equal(section.paragraphs[1], 'الرافعات تعمل منذ الفجر');
  } finally {
    await app.close();
    await store.close();
  }
});
