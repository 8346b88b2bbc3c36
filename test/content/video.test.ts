/**
 * Videos in a body: a YouTube or Vimeo address alone in its paragraph, from
 * the editor's Markdown, the seed's text shape, or a WordPress or Ghost post.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allBlocks, parseBody } from '../../src/content/body.js';
import { htmlBody } from '../../src/content/parsers/html.js';
import { parseTextArticle } from '../../src/content/parsers/text.js';
import { videoAt } from '../../src/content/video.js';

test('the address forms of YouTube and Vimeo, and nothing else', () => {
  const yt = { provider: 'youtube', id: 'dQw4w9WgX_Q' };
  for (const url of [
    'https://www.youtube.com/watch?v=dQw4w9WgX_Q',
    'https://youtube.com/watch?feature=share&v=dQw4w9WgX_Q&t=42s',
    'https://m.youtube.com/watch?v=dQw4w9WgX_Q',
    'https://youtu.be/dQw4w9WgX_Q?t=10',
    'https://www.youtube.com/shorts/dQw4w9WgX_Q',
    'https://www.youtube.com/embed/dQw4w9WgX_Q?feature=oembed',
    'https://www.youtube-nocookie.com/embed/dQw4w9WgX_Q',
  ]) {
    assert.deepEqual(videoAt(url), yt, url);
  }
  assert.deepEqual(videoAt('https://vimeo.com/76979871'), { provider: 'vimeo', id: '76979871' });
  assert.deepEqual(videoAt('https://player.vimeo.com/video/76979871?h=abc'), { provider: 'vimeo', id: '76979871' });
  for (const url of [
    'https://www.youtube.com/watch?v=short',
    'https://www.youtube.com/channel/UC1234567890',
    'https://youtube.com.evil.example/watch?v=dQw4w9WgX_Q',
    'https://evil.example/?u=https://youtu.be/dQw4w9WgX_Q',
    'javascript:alert(1)//youtu.be/dQw4w9WgX_Q',
    'https://vimeo.com/channels/staffpicks',
  ]) {
    assert.equal(videoAt(url), null, url);
  }
});

test('in the Markdown body: an address alone, or [caption](address), is a video; inside a sentence or a quotation it stays a link', () => {
  const blocks = allBlocks(
    parseBody(
      [
        'فقرة قبل الفيديو.',
        'https://www.youtube.com/watch?v=dQw4w9WgX_Q',
        '[كلمة وزير الخارجية في المؤتمر الصحفي](https://youtu.be/dQw4w9WgX_Q)',
        'شاهد الكلمة كاملة على https://youtu.be/dQw4w9WgX_Q في قناتنا.',
        '> https://youtu.be/dQw4w9WgX_Q',
        '[<script>alert(1)</script> "عنوان"](https://vimeo.com/76979871)',
      ].join('\n\n'),
    ),
  );
  assert.deepEqual(
    blocks.map((b) => b.kind),
    ['paragraph', 'video', 'video', 'paragraph', 'quote', 'video'],
  );
  const [, bare, captioned, , , hostile] = blocks;
  assert.equal(bare!.text, '', 'a pasted address is no caption');
  assert.match(bare!.html, /<figcaption>فيديو على يوتيوب<\/figcaption>/);
  assert.equal(captioned!.text, 'كلمة وزير الخارجية في المؤتمر الصحفي');
  assert.match(captioned!.html, /^<figure class="video" data-player="https:\/\/www\.youtube-nocookie\.com\/embed\/dQw4w9WgX_Q\?autoplay=1"><a class="video-play" href="https:\/\/www\.youtube\.com\/watch\?v=dQw4w9WgX_Q"/);
  assert.doesNotMatch(hostile!.html, /<script/, 'the caption is text');
  assert.match(hostile!.html, /&lt;script&gt;/);
  assert.match(hostile!.html, /data-player="https:\/\/player\.vimeo\.com\/video\/76979871\?autoplay=1&amp;dnt=1"/);
});

test('the seed text shape: a video address on its own line is a video, not a subheading', () => {
  const article = parseTextArticle(
    ['مؤتمر صحفي لوزير الخارجية: تفاصيل المبادرة', 'عرض الوزير مبادرة جديدة للحوار الإقليمي. #سياسة', '', 'عرض الوزير في مؤتمر صحفي مبادرة للحوار.', 'https://youtu.be/dQw4w9WgX_Q', 'وقال إن المبادرة تحظى بدعم واسع.'].join('\n'),
  );
  const blocks = allBlocks(parseBody(article.body));
  assert.deepEqual(blocks.map((b) => b.kind), ['paragraph', 'video', 'paragraph']);
  assert.equal(blocks[1]!.video?.id, 'dQw4w9WgX_Q');
});

test("WordPress's embed blocks, Ghost's embed cards and a video iframe come over as videos; other embeds are reported", () => {
  const body = htmlBody(`<p>قبل الفيديو.</p>
<figure class="wp-block-embed is-type-video is-provider-youtube wp-block-embed-youtube"><div class="wp-block-embed__wrapper">
https://www.youtube.com/watch?v=dQw4w9WgX_Q
</div><figcaption>كلمة الرئيس في افتتاح القمة</figcaption></figure>
<figure class="kg-card kg-embed-card"><iframe width="200" height="113" src="https://www.youtube.com/embed/abcdefghijk?feature=oembed" frameborder="0" allowfullscreen></iframe></figure>
<iframe src="https://player.vimeo.com/video/76979871"></iframe>
<iframe src="https://maps.example/embed?pb=1"></iframe>
<p>بعد الفيديو.</p>`);
  assert.deepEqual(
    body.blocks.map((b) => [b.kind, b.markdown]),
    [
      [undefined, 'قبل الفيديو.'],
      ['video', '[كلمة الرئيس في افتتاح القمة](https://www.youtube.com/watch?v=dQw4w9WgX_Q)'],
      ['video', '<https://www.youtube.com/watch?v=abcdefghijk>'],
      ['video', '<https://vimeo.com/76979871>'],
      [undefined, 'بعد الفيديو.'],
    ].map(([kind, markdown]) => [kind ?? 'paragraph', markdown]),
  );
  assert.deepEqual([...body.left], [['embed', 1]], 'the map is reported, not lost silently');
  const parsed = allBlocks(parseBody(body.blocks.map((b) => b.markdown).join('\n\n')));
  assert.deepEqual(parsed.map((b) => b.video?.id ?? b.kind), ['paragraph', 'dQw4w9WgX_Q', 'abcdefghijk', '76979871', 'paragraph']);
  assert.equal(parsed[1]!.text, 'كلمة الرئيس في افتتاح القمة');
});
