import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseJsonArticle, parseJsonLines } from '../../src/content/parsers/jsonl.js';
import { parseBody } from '../../src/content/body.js';

const line = (o: object) => JSON.stringify(o);

test('a full line maps every field, and hashtags in the text become tags', () => {
  const a = parseJsonArticle({
    id: 'X-1',
    title: 'مباحثات في عمّان: اتفاق مبدئي',
    description: 'اتفاق مبدئي بين الوفدين. #الأردن',
    body: 'خلفية الاجتماع\n\nاجتمع الوفدان في #عمّان يوم الأحد.\n\n> «خطوة مهمة»، قال المتحدث.\n\nوتستمر المحادثات الأسبوع المقبل.',
    tags: ['سياسة'],
    slug: 'amman-talks',
    published_at: '2026-05-01T10:00:00+03:00',
    updated_at: '2026-05-02T08:30:00Z',
    author: 'مراسلنا',
    source: 'وكالة',
    url: 'https://example.org/a',
    featured: true,
    category: 'ignored',
  });
  assert.equal(a.externalId, 'X-1');
  assert.equal(a.slug, 'amman-talks');
  assert.equal(a.publishedAt, '2026-05-01T07:00:00.000Z');
  assert.equal(a.modifiedAt, '2026-05-02T08:30:00.000Z');
  assert.deepEqual(a.tags, ['سياسة', 'الأردن', 'عمّان']);
  assert.equal(a.description, 'اتفاق مبدئي بين الوفدين.');
  assert.equal(a.importMeta?.url, 'https://example.org/a');
  assert.equal(a.featured, true);
  assert.equal(parseJsonArticle({ title: 'عنوان', body: 'نص.' }).featured, undefined, 'absent: a re-import leaves the choice as it is');
  assert.throws(() => parseJsonArticle({ title: 'عنوان', body: 'نص.', featured: 'yes' }), /featured/);
  const sections = parseBody(a.body);
  assert.equal(sections[0]?.heading, 'خلفية الاجتماع');
  assert.deepEqual(sections[0]?.blocks.map((b) => b.kind), ['paragraph', 'quote', 'paragraph']);
  assert.ok(sections[0]?.blocks[0]?.text.includes('في عمّان يوم'));
});

test('without a description, the lead sentence is cut on a word boundary near 160 characters', () => {
  const long = 'كلمة '.repeat(60).trim() + '. جملة ثانية.';
  const a = parseJsonArticle({ title: 'عنوان', body: long });
  assert.ok(a.description.length <= 160, `${a.description.length}`);
  assert.ok(a.description.endsWith('…'));
  assert.ok(!a.description.includes('جملة ثانية'));
  assert.match(a.description, /كلمة…$/);
  const short = parseJsonArticle({ title: 'عنوان', body: 'جملة أولى قصيرة. جملة ثانية.' });
  assert.equal(short.description, 'جملة أولى قصيرة.');
});

test('a file with a bad line fails whole, naming every bad line', () => {
  const file = [
    line({ title: 'أ', body: 'نص.' }),
    '{not json',
    line({ title: '', body: 'نص.' }),
    line({ title: 'ب' }),
    line({ title: 'ج', body: 'نص.', published_at: 'yesterday' }),
  ].join('\n');
  assert.throws(
    () => parseJsonLines(file),
    (e: Error) =>
      /line 2: not valid JSON/.test(e.message) &&
      /line 3: title/.test(e.message) &&
      /line 4: body/.test(e.message) &&
      /line 5: published_at/.test(e.message),
  );
});

test('blank lines, CRLF and a BOM are fine; an empty file is an error', () => {
  const file = '\uFEFF' + line({ title: 'أ', body: 'نص.' }) + '\r\n\r\n' + line({ title: 'ب', body: 'نص آخر.' }) + '\r\n';
  assert.equal(parseJsonLines(file).inputs.length, 2);
  assert.throws(() => parseJsonLines('\n\n'), /no articles/);
});

test('tag and author lines (a Sahifa export) are read beside the articles; an unknown kind fails its line', () => {
  const file = [
    line({ title: 'أ', body: 'نص.', author: 'ريم الخطيب' }),
    line({ kind: 'tag', name: '#الشرق_الأوسط', description: 'أخبار المنطقة.' }),
    line({ kind: 'author', name: ' ريم   الخطيب ', job_title: 'مراسلة', bio: 'نبذة.', links: ['https://x.com/reem_example'] }),
  ].join('\n');
  const parsed = parseJsonLines(file);
  assert.equal(parsed.inputs.length, 1);
  assert.deepEqual(parsed.aliases, [{ alias: '', name: 'الشرق الأوسط', description: 'أخبار المنطقة.' }]);
  assert.deepEqual(parsed.authorAliases, [{ alias: '', byline: 'ريم الخطيب', profile: { jobTitle: 'مراسلة', bio: 'نبذة.', links: ['https://x.com/reem_example'] } }]);
  assert.throws(() => parseJsonLines(`${line({ title: 'أ', body: 'نص.' })}\n${line({ kind: 'page', title: 'من نحن' })}`), /line 2: kind/);
  assert.throws(() => parseJsonLines(`${line({ title: 'أ', body: 'نص.' })}\n${line({ kind: 'author', bio: 'بلا اسم' })}`), /line 2: name/);
});
