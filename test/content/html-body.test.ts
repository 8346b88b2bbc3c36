import { test } from 'node:test';
import assert from 'node:assert/strict';
import { htmlBody } from '../../src/content/parsers/html.js';
import { structureBody } from '../../src/content/parsers/structure.js';
import { allBlocks, imageProblems, parseBody } from '../../src/content/body.js';

const kinds = (html: string) => htmlBody(html).blocks.map((b) => `${b.kind}:${b.markdown}`);

test('html: Gutenberg blocks become paragraphs, subheadings and quotations', () => {
  const html = `<!-- wp:paragraph -->
<p>افتتحت بلدية عمّان حديقة عامة جديدة في حي الشميساني.</p>
<!-- /wp:paragraph -->

<!-- wp:heading -->
<h2 class="wp-block-heading">مساحات خضراء</h2>
<!-- /wp:heading -->

<!-- wp:quote -->
<blockquote class="wp-block-quote"><!-- wp:paragraph -->
<p>«الحديقة لكل العائلات»، قال رئيس البلدية.</p>
<!-- /wp:paragraph --></blockquote>
<!-- /wp:quote -->`;
  assert.deepEqual(kinds(html), [
    'paragraph:افتتحت بلدية عمّان حديقة عامة جديدة في حي الشميساني.',
    'heading:مساحات خضراء',
    'quote:«الحديقة لكل العائلات»، قال رئيس البلدية.',
  ]);
});

test('html: classic editor text without <p> splits on blank lines, entities decode', () => {
  const html = 'ارتفعت أسعار الخبز &amp; الحليب في الأسواق.\n\nوقال التجار إن السبب كلفة النقل.\n<h3>ردود الفعل</h3>\nطالب المستهلكون بتدخل الحكومة.';
  assert.deepEqual(kinds(html), [
    'paragraph:ارتفعت أسعار الخبز & الحليب في الأسواق.',
    'paragraph:وقال التجار إن السبب كلفة النقل.',
    'heading:ردود الفعل',
    'paragraph:طالب المستهلكون بتدخل الحكومة.',
  ]);
});

test('html: classic text with inline markup still splits into its paragraphs', () => {
  const html = 'أعلنت <strong>الوزارة</strong> خطة جديدة.\n\nوقال <em>المتحدث</em> إن التنفيذ يبدأ غداً.\n\n<a href="https://example.org">التفاصيل</a> على الموقع.';
  assert.deepEqual(kinds(html), [
    'paragraph:أعلنت **الوزارة** خطة جديدة.',
    'paragraph:وقال *المتحدث* إن التنفيذ يبدأ غداً.',
    'paragraph:[التفاصيل](https://example.org) على الموقع.',
  ]);
});

test('html: links and emphasis stay as Markdown; unsafe links and scripts do not', () => {
  const html =
    '<p>قال <strong>الوزير</strong> في <em>مؤتمر صحفي</em> إن <a href="https://example.org/a(1)">التقرير</a> جاهز ' +
    '<a href="javascript:alert(1)">هنا</a>.<script>alert(1)</script></p><style>p{}</style>';
  assert.deepEqual(kinds(html), ['paragraph:قال **الوزير** في *مؤتمر صحفي* إن [التقرير](https://example.org/a%281%29) جاهز هنا.']);
  assert.equal(htmlBody(html).blocks[0]!.text, 'قال الوزير في مؤتمر صحفي إن التقرير جاهز هنا.', 'the plain text has no script either');
});

test('html: Markdown characters in the text stay text', () => {
  const [b] = htmlBody('<p># ليس عنواناً و*ليس* [رابطاً](x)</p>').blocks;
  assert.equal(b!.markdown, '\\# ليس عنواناً و\\*ليس\\* \\[رابطاً\\](x)');
  assert.equal(b!.text, '# ليس عنواناً و*ليس* [رابطاً](x)');
});

test('html: media and embeds are counted, not silently lost; lists and tables keep their text', () => {
  const html =
    '<figure><img src="a.jpg"><figcaption>صورة الحديقة</figcaption></figure>' +
    '<p><img src="b.jpg"></p>' +
    '<figure class="wp-block-embed"><iframe src="https://video.example/1"></iframe></figure>' +
    '<ul><li>البند الأول</li><li>البند الثاني</li></ul>' +
    '<table><tr><th>المدينة</th><th>الحرارة</th></tr><tr><td>الرياض</td><td>41</td></tr></table>';
  const { blocks, left } = htmlBody(html);
  assert.deepEqual(
    blocks.map((b) => b.markdown),
    ['البند الأول', 'البند الثاني', 'المدينة · الحرارة', 'الرياض · 41'],
  );
  assert.deepEqual(Object.fromEntries(left), { image: 2, embed: 1 });
});

test('html: an image that stands alone at a web address becomes a figure, its caption kept', () => {
  const html =
    '<p>افتتحت البلدية الحديقة صباح اليوم.</p>' +
    '<figure class="wp-block-image size-large"><img src="https://old.example/wp-content/uploads/2026/05/park.jpg" alt="مدخل [الحديقة]"/>' +
    '<figcaption class="wp-element-caption">الحديقة عند الافتتاح، "صباحاً"</figcaption></figure>' +
    '<p><a href="https://old.example/big.jpg"><img src="https://old.example/small (1).jpg" alt="النافورة"></a></p>' +
    '<img src="https://old.example/lone.jpg">' +
    '<p>نص فيه صورة <img src="https://old.example/inline.jpg"> داخل الجملة.</p>' +
    '<figure class="kg-card kg-image-card"><img src="__GHOST_URL__/content/images/a.jpg"><figcaption>صورة لا عنوان لها على الشبكة</figcaption></figure>' +
    '<blockquote><p><img src="https://old.example/in-quote.jpg"></p></blockquote>';
  const { blocks, left } = htmlBody(html);
  assert.deepEqual(blocks.map((b) => `${b.kind}:${b.markdown}`), [
    'paragraph:افتتحت البلدية الحديقة صباح اليوم.',
    'figure:![مدخل \\[الحديقة\\]](https://old.example/wp-content/uploads/2026/05/park.jpg "الحديقة عند الافتتاح، \\"صباحاً\\"")',
    'figure:![النافورة](https://old.example/small%20%281%29.jpg)',
    'figure:![](https://old.example/lone.jpg)',
    'paragraph:نص فيه صورة داخل الجملة.',
  ]);
  assert.deepEqual(Object.fromEntries(left), { image: 3 }, 'inside a sentence, not on the web, inside a quotation');
  // The Markdown reads back as the same figures.
  const body = parseBody(structureBody(blocks).markdown);
  assert.deepEqual(allBlocks(body).filter((b) => b.kind === 'figure').map((b) => b.figure), [
    { src: 'https://old.example/wp-content/uploads/2026/05/park.jpg', alt: 'مدخل [الحديقة]', caption: 'الحديقة عند الافتتاح، "صباحاً"' },
    { src: 'https://old.example/small%20%281%29.jpg', alt: 'النافورة', caption: '' },
    { src: 'https://old.example/lone.jpg', alt: '', caption: '' },
  ]);
  assert.deepEqual(imageProblems(structureBody(blocks).markdown), []);
});

test('html: hashtags in the text read as words and become tags, as in the other formats', () => {
  const { blocks, tags } = htmlBody('<p>عاد الطفل #سامي_الحلو إلى مدرسته في #طنجة.</p>');
  assert.equal(blocks[0]!.text, 'عاد الطفل سامي الحلو إلى مدرسته في طنجة.');
  assert.equal(blocks[0]!.markdown, 'عاد الطفل سامي الحلو إلى مدرسته في طنجة.');
  assert.deepEqual(tags, ['سامي الحلو', 'طنجة']);
});

test('html: another site\'s see-also paragraphs and related list are set aside, not kept in the body', () => {
  const html =
    '<p>بدأت أعمال ترميم السوق القديم في صيدا.</p><p>شاهد أيضاً: <a href="https://old.example/x">ترميم قلعة صيدا البحرية</a></p>' +
    '<p>ويتوقع أن تنتهي الأعمال في الربيع.</p><h4>أخبار ذات صلة</h4><ul><li>مهرجان صيدا للتراث</li></ul>';
  const body = structureBody(htmlBody(html).blocks);
  assert.equal(body.markdown, 'بدأت أعمال ترميم السوق القديم في صيدا.\n\nويتوقع أن تنتهي الأعمال في الربيع.');
  assert.deepEqual(body.seeAlso, ['ترميم قلعة صيدا البحرية']);
  assert.deepEqual(body.related, ['مهرجان صيدا للتراث']);
});

test("html: WordPress's and Ghost's galleries come in as pictures in a row, their own caption kept after them", () => {
  const wordpress = `<p>افتتح المعرض صباح اليوم.</p><figure class="wp-block-gallery has-nested-images columns-2"><figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2026/11/a.jpg" alt="البوابة"/><figcaption>الحشود عند البوابة</figcaption></figure><figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2026/11/b.jpg" alt="جناح المخطوطات"/></figure><figcaption class="blocks-gallery-caption">صور من اليوم الأول</figcaption></figure><p>ويستمر المعرض عشرة أيام.</p>`;
  assert.deepEqual(kinds(wordpress), [
    'paragraph:افتتح المعرض صباح اليوم.',
    'figure:![البوابة](https://old.example/wp-content/uploads/2026/11/a.jpg "الحشود عند البوابة")',
    'figure:![جناح المخطوطات](https://old.example/wp-content/uploads/2026/11/b.jpg)',
    'paragraph:صور من اليوم الأول',
    'paragraph:ويستمر المعرض عشرة أيام.',
  ]);
  const ghost = `<figure class="kg-card kg-gallery-card kg-width-wide"><div class="kg-gallery-container"><div class="kg-gallery-row"><div class="kg-gallery-image"><img src="https://ghost.example/content/images/2026/11/a.jpg" width="1200" height="800" alt="البوابة"></div><div class="kg-gallery-image"><img src="https://ghost.example/content/images/2026/11/b.jpg" alt="جناح المخطوطات"></div></div></div><figcaption>صور من اليوم الأول</figcaption></figure>`;
  assert.deepEqual(kinds(ghost), [
    'figure:![البوابة](https://ghost.example/content/images/2026/11/a.jpg)',
    'figure:![جناح المخطوطات](https://ghost.example/content/images/2026/11/b.jpg)',
    'paragraph:صور من اليوم الأول',
  ]);
  // A video left out takes its own caption with it (counted as left out).
  assert.deepEqual(kinds('<p>نص.</p><figure><audio src="https://old.example/a.mp3"></audio><figcaption>تسجيل المؤتمر</figcaption></figure>'), ['paragraph:نص.']);
});
