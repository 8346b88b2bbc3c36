/**
 * A body video in Chromium and elsewhere: the page asks nothing of the
 * video's site until the reader presses play, then plays it in place; feeds
 * link to it; the APIs say which video it is.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { screenshotPath, servedSite } from '../helpers/browser.js';
import { articleUrl } from '../../src/web/urls.js';

let slug: string;
let plainSlug: string;

const served = servedSite(async (site) => {
  const [withVideo, without] = await site.store.saveArticles([
    {
      title: 'افتتاح القمة العربية في بغداد: كلمة الرئيس كاملة',
      description: 'افتتح الرئيس أعمال القمة العربية بكلمة دعا فيها إلى تكامل اقتصادي.',
      tags: ['سياسة'],
      body: 'افتتح الرئيس صباح اليوم أعمال القمة العربية في بغداد بحضور القادة العرب.\n\n[كلمة الرئيس في افتتاح القمة](https://www.youtube.com/watch?v=dQw4w9WgX_Q)\n\nودعا في كلمته إلى سوق عربية مشتركة خلال عقد.\n\nhttps://vimeo.com/76979871',
    },
    { title: 'أسعار الذهب في الأسواق المحلية: استقرار بعد ارتفاع', description: 'استقرت أسعار الذهب.', tags: ['اقتصاد'], body: 'استقرت أسعار الذهب اليوم.\n\nوتوقع التجار ارتفاعاً جديداً.' },
  ]);
  slug = withVideo!.article.slug;
  plainSlug = without!.article.slug;
});
const inject = (url: string) => served.site.app.inject({ method: 'GET', url });

test('the page holds a link to the video and no player; the script comes only with a video', async () => {
  const page = (await inject(articleUrl(slug))).body;
  assert.equal([...page.matchAll(/<figure class="video"/g)].length, 2);
  assert.doesNotMatch(page, /<iframe/);
  assert.match(page, /<script src="\/assets\/video\.js" defer><\/script>/);
  assert.match(page, /<figcaption>كلمة الرئيس في افتتاح القمة<\/figcaption>/);
  assert.doesNotMatch((await inject(articleUrl(plainSlug))).body, /video\.js/);
});

test('feeds link to the video; the APIs name it', async () => {
  const feed = (await inject('/feed.json')).json();
  const html: string = feed.items.find((i: { url: string }) => i.url.endsWith(articleUrl(slug))).content_html;
  assert.match(html, /<p><a href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgX_Q">▶ كلمة الرئيس في افتتاح القمة<\/a><\/p>/);
  assert.doesNotMatch(html, /<script|<iframe|data-player/);

  const api = (await inject(`/api/articles/${encodeURIComponent(slug)}`)).json();
  assert.deepEqual(api.sections[0].videos, [
    { index: 1, provider: 'youtube', id: 'dQw4w9WgX_Q', url: 'https://www.youtube.com/watch?v=dQw4w9WgX_Q' },
    { index: 3, provider: 'vimeo', id: '76979871', url: 'https://vimeo.com/76979871' },
  ]);
  assert.equal(api.sections[0].paragraphs[1], 'كلمة الرئيس في افتتاح القمة');
  const content = (await inject(`/api/content/articles/${encodeURIComponent(slug)}`)).json();
  const block = content.sections[0].blocks[1];
  assert.equal(block.kind, 'video');
  assert.deepEqual(block.video, { provider: 'youtube', id: 'dQw4w9WgX_Q', url: 'https://www.youtube.com/watch?v=dQw4w9WgX_Q' });
});

test('in Chromium nothing is asked of the video site until play is pressed; then the player is in place', async () => {
  const page = await served.browser.newPage({ viewport: { width: 390, height: 844 } });
  const away: string[] = [];
  // Nothing leaves the machine: requests elsewhere are noted and refused.
  await page.route(/^(?!http:\/\/127\.0\.0\.1)/, (route) => {
    away.push(route.request().url());
    return route.abort();
  });
  await page.goto(`${served.base}${articleUrl(slug)}`);
  await page.waitForLoadState('networkidle');
  assert.deepEqual(away, [], 'no request to the video sites before play');
  const video = page.locator('.video').first();
  const box = await video.locator('.video-play').boundingBox();
  assert.ok(box && Math.abs(box.width / box.height - 16 / 9) < 0.05, `16:9 (${box?.width}×${box?.height})`);
  await page.screenshot({ path: screenshotPath('video-phone.png'), fullPage: true });

  await video.locator('.video-play').click();
  const frame = video.locator('iframe');
  assert.equal(await frame.getAttribute('src'), 'https://www.youtube-nocookie.com/embed/dQw4w9WgX_Q?autoplay=1');
  assert.equal(await frame.getAttribute('title'), 'كلمة الرئيس في افتتاح القمة');
  assert.equal(await page.locator('.video iframe').count(), 1, 'only the video pressed');
  await page.close();
});
