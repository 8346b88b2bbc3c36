import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { parseTextArticle } from '../../src/content/parsers/text.js';
import { parseBody, allBlocks } from '../../src/content/body.js';
import { SEED } from '../helpers/paths.js';

const seed = readFileSync(SEED, 'utf8');

test('the seed imports with its headline, description, tags and structure', () => {
  const a = parseTextArticle(seed);
  assert.equal(a.title, 'لقاء بوتين والأسد في الكرملين: تصاعد التوتر في الشرق الأوسط');
  assert.ok(a.description.startsWith('بوتين يلتقي الأسد في الكرملين'));
  assert.ok(a.description.endsWith('تفاصيل اللقاء وتأثيره على المنطقة.'));
  assert.ok(!a.description.includes('#'));
  assert.deepEqual(a.tags, ['سوريا', 'روسيا']);
  const sections = parseBody(a.body);
  const headings = sections.map((s) => s.heading).filter((h) => h !== null);
  assert.equal(headings.length, 9);
  assert.equal(headings[0], 'لقاء بوتين والأسد: خلفية وتفاصيل');
  assert.equal(headings[8], 'الشروط السورية لعودة العلاقات مع تركيا');
  assert.equal(allBlocks(sections).length, 14);
  assert.equal(a.importMeta?.seeAlso.length, 3);
  assert.ok(a.importMeta?.seeAlso[0]?.startsWith('السعودية متأخرة'));
  assert.equal(a.importMeta?.related.length, 3);
  assert.ok(a.importMeta?.related[2]?.includes('فنزويلا'));
  assert.ok(!a.body.includes('شاهد ايضاً'));
  assert.ok(!a.body.includes('أخبار ذات صلة'));
});

test('CRLF, a BOM, extra blank lines and tatweel change nothing', () => {
  const messy = '\uFEFF\r\n\r\n' + seed.replace(/\n/g, '\r\n\r\n').replace('الكرملين', 'الكـــرملين');
  const a = parseTextArticle(messy);
  const b = parseTextArticle(seed);
  assert.deepEqual(a, b);
});

test('hashtags: underscores are spaces, tatweel and Arabic-Indic digits are folded in tags', () => {
  const a = parseTextArticle('عنوان: فرعي\nوصف قصير للخبر. #الشرق_الأوسط #ســوريا #كأس_٢٠٢٦\n\nعنوان فرعي\nفقرة أولى فيها كلام.\n');
  assert.deepEqual(a.tags, ['الشرق الأوسط', 'سوريا', 'كأس ٢٠٢٦']);
  assert.equal(a.description, 'وصف قصير للخبر.');
});

test('quotations, see-also spellings and a trailing related list', () => {
  const a = parseTextArticle(
    [
      'العنوان: هنا',
      'الوصف. #اختبار',
      'مقدمة الخبر',
      'الفقرة الأولى.',
      '> «اقتباس مهم»، قال المتحدث.',
      'شاهد أيضاً: خبر آخر',
      'اقرأ أيضاً: خبر ثالث',
      'الفقرة الثانية.',
      'أخبار ذات صلة:',
      'عنوان مرتبط',
    ].join('\n'),
  );
  const sections = parseBody(a.body);
  assert.equal(sections[0]?.heading, 'مقدمة الخبر');
  assert.deepEqual(
    sections[0]?.blocks.map((b) => b.kind),
    ['paragraph', 'quote', 'paragraph'],
  );
  assert.deepEqual(a.importMeta?.seeAlso, ['خبر آخر', 'خبر ثالث']);
  assert.deepEqual(a.importMeta?.related, ['عنوان مرتبط']);
});

test('a short line not followed by a paragraph stays a paragraph', () => {
  const a = parseTextArticle('العنوان: هنا\nالوصف. #اختبار\n\nفقرة طويلة بما يكفي.\nسطر قصير أخير');
  const sections = parseBody(a.body);
  assert.equal(sections.length, 1);
  assert.equal(sections[0]?.heading, null);
  assert.equal(sections[0]?.blocks.length, 2);
});

test('markup in the text is never interpreted', () => {
  const a = parseTextArticle('العنوان: هنا\nالوصف. #اختبار\n\n# ليس عنواناً <script>alert(1)</script> *نص*.\n1. ليس قائمة.');
  const blocks = allBlocks(parseBody(a.body));
  assert.equal(blocks.length, 2);
  assert.ok(blocks[0]!.html.includes('&lt;script&gt;'));
  assert.ok(!blocks[0]!.html.includes('<script>'));
  assert.ok(blocks[0]!.text.startsWith('# ليس'));
  assert.ok(blocks[1]!.text.startsWith('1. ليس'));
});

test('bad files fail with the line named', () => {
  assert.throws(() => parseTextArticle(''), /empty/);
  assert.throws(() => parseTextArticle('عنوان فقط\n'), /line 2: expected a description/);
  assert.throws(() => parseTextArticle('عنوان\n#وسم\n\nفقرة.'), /line 2: the description is empty/);
  assert.throws(() => parseTextArticle('عنوان\nوصف.\n'), /no body paragraphs/);
});

test("a genre's hashtag makes the piece of that genre, and stays a tag", () => {
  const column = parseTextArticle('المعابر أولاً: الاقتصاد قبل السياسة\nرأي في فتح المعابر بين البلدين. #رأي #اقتصاد\n\nفقرة أولى من المقال فيها كلام كثير.\n');
  assert.equal(column.genre, 'opinion');
  assert.deepEqual(column.tags, ['رأي', 'اقتصاد']);
  const paid = parseTextArticle('عروض الصيف: رحلات إلى البحر\nعروض لشركة سياحة. #سياحة #محتوى_ممول\n\nفقرة أولى عن العروض.\n');
  assert.equal(paid.genre, 'sponsored');
  // A word that only contains a genre's name is no genre.
  const news = parseTextArticle('مختبر جديد: تحليلات طبية\nافتتاح مختبر. #تحليلات_طبية #صحة\n\nفقرة أولى عن المختبر.\n');
  assert.equal(news.genre, undefined);
});
