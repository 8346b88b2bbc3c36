/**
 * Figures in an article's body: an image alone in its paragraph, its title the
 * caption. What the page, the feeds and the APIs get, and what is refused.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allBlocks, imageProblems, parseBody } from '../../src/content/body.js';
import { validateArticleInput, ValidationError } from '../../src/content/validate.js';
import { article } from '../helpers/store.js';

const BODY = [
  '## المشهد في المرفأ',
  'وصلت السفينة الأولى إلى المرفأ صباح الأحد بعد أسابيع من الانتظار.',
  '![رافعات المرفأ عند الفجر](https://example.org/port.jpg "الرافعات تعمل منذ الفجر")',
  'وقال مدير المرفأ إن العمل سيستمر حتى المساء.',
  '![](/media/crane-1.webp)',
].join('\n\n');

test('an image alone in its paragraph is a figure, with its alt text and caption', () => {
  const blocks = allBlocks(parseBody(BODY));
  assert.deepEqual(blocks.map((b) => b.kind), ['paragraph', 'figure', 'paragraph', 'figure']);
  const [, port, , crane] = blocks;
  assert.deepEqual(port!.figure, { src: 'https://example.org/port.jpg', alt: 'رافعات المرفأ عند الفجر', caption: 'الرافعات تعمل منذ الفجر' });
  assert.equal(port!.text, 'الرافعات تعمل منذ الفجر', 'the caption is the text the index and the APIs read');
  assert.equal(
    port!.html,
    '<figure><img src="https://example.org/port.jpg" alt="رافعات المرفأ عند الفجر" loading="lazy" decoding="async"><figcaption>الرافعات تعمل منذ الفجر</figcaption></figure>',
  );
  assert.deepEqual(crane!.figure, { src: '/media/crane-1.webp', alt: '', caption: '' });
  assert.doesNotMatch(crane!.html, /figcaption/);
  assert.deepEqual(imageProblems(BODY), []);
});

test('a caption or alt text cannot break out of its attribute or element', () => {
  const body = '![a" onerror="alert(1)](https://example.org/x.jpg "<script>alert(1)</script>")';
  const [figure] = allBlocks(parseBody(body));
  assert.equal(figure!.kind, 'figure');
  assert.doesNotMatch(figure!.html, /<script|" onerror=/);
  assert.match(figure!.html, /&lt;script&gt;/);
  assert.match(figure!.html, /alt="a&quot; onerror=&quot;alert\(1\)"/);
});

test('images at other addresses, inside a sentence or in a quotation are refused, in English and Arabic', () => {
  const cases: [string, RegExp][] = [
    ['![x](javascript:alert(1))', /image 1 \(javascript:alert\(1.*the address must begin with https:\/\/, http:\/\/ or \//],
    ['![x](images/a.jpg)', /image 1 \(images\/a\.jpg\)/],
    ['![x](//elsewhere.example/a.jpg)', /image 1/],
    ['![x](data:image/png;base64,AAAA)', /image 1/],
    ['نص قبل الصورة ![x](https://example.org/a.jpg) ونص بعدها.', /must stand alone in its paragraph/],
    ['> ![x](https://example.org/a.jpg)', /outside quotations/],
  ];
  for (const [body, expected] of cases) {
    const problems = imageProblems(body);
    assert.ok(problems.length > 0, body);
    assert.match(problems[0]!.en, expected, body);
    assert.match(problems[0]!.ar, /الصورة|يجب أن تكون الصورة/u, body);
    assert.throws(() => validateArticleInput(article({ body: `فقرة أولى.\n\n${body}` })), (e: unknown) => e instanceof ValidationError && e.field === 'body');
  }
  // Nothing of a refused image reaches a page as an element.
  for (const [body] of cases) for (const b of allBlocks(parseBody(body))) assert.doesNotMatch(b.html, /<img/);
});
