import { test } from 'node:test';
import assert from 'node:assert/strict';
import { DESKS } from '../../src/related/desk-lexicon.js';
import { deskAgreement, deskCentroids, deskShares, mainDesk, topicDeskShares } from '../../src/related/desks.js';
import { analyseArticle } from '../../src/related/profile.js';
import { saveArticles } from '../../src/services/articles.js';
import { memoryStore } from '../helpers/store.js';

const sharesOf = (title: string, body: string) => deskShares(analyseArticle({ title, body }).bag);

const MATCH = {
  title: 'المنتخب المصري يفوز على ضيفه في تصفيات كأس العالم',
  body: 'فاز المنتخب المصري لكرة القدم بهدفين نظيفين في مباراة التصفيات، وسجل المهاجم الهدف الأول في الدقيقة العشرين.\n\nوقال المدرب إن اللاعبين التزموا بالخطة، وإن الفريق يستعد للجولة المقبلة من البطولة.',
};
const BUDGET = {
  title: 'الحكومة المصرية تعلن ميزانية العام المقبل',
  body: 'أعلنت الحكومة المصرية ميزانية جديدة تخفض العجز وتزيد الإيرادات من الضرائب، في ظل تراجع التضخم وارتفاع أسعار الفائدة.\n\nوقال وزير المالية إن الاستثمارات الأجنبية في سوق السندات ارتفعت، وإن البنك المركزي يراقب سعر الدولار.',
};

test('a match report is the sports desk\'s, a budget story the economy desk\'s', () => {
  assert.equal(mainDesk(sharesOf(MATCH.title, MATCH.body))?.name, 'sport');
  assert.equal(mainDesk(sharesOf(BUDGET.title, BUDGET.body))?.name, 'economy');
});

test('desk words are found under prefixes and in other spellings', () => {
  // وبالمنتخب، للاعبين: و ب ل ال in front; مبارياتهم: a suffix; ة/ه folded.
  const shares = sharesOf('وبالمنتخب', 'للاعبين في مبارياتهم بالملعب والمباراه');
  assert.ok(shares);
  assert.equal(mainDesk(shares)?.name, 'sport');
  assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 1) < 1e-6, 'the shares sum to one');
});

test('a text without desk words has no shares and no desk', () => {
  assert.equal(sharesOf('صباح', 'في صباح يوم مشمس خرج الناس'), null);
  assert.equal(mainDesk(null), null);
});

test('two stories of one desk agree more than stories of two desks', () => {
  const match = sharesOf(MATCH.title, MATCH.body)!;
  const other = sharesOf('الأهلي يتأهل إلى نهائي البطولة', 'تأهل النادي إلى المباراة النهائية بعد فوزه بثلاثة أهداف، وأشاد المدرب باللاعبين.')!;
  const budget = sharesOf(BUDGET.title, BUDGET.body)!;
  assert.ok(deskAgreement(match, other) > 0.6);
  assert.ok(deskAgreement(match, budget) < 0.15);
  assert.ok(Math.abs(deskAgreement(match, match) - match.reduce((s, x) => s + x * x, 0)) < 1e-6);
});

test('every desk has a name, a label and words', () => {
  assert.equal(new Set(DESKS.map((d) => d.name)).size, DESKS.length);
  for (const d of DESKS) assert.ok(d.label && d.words.trim().split(/\s+/).length >= 20, d.name);
});

test('the desks in the topic space: centroids of the articles each desk holds most of, and affinities to them', () => {
  const desk = (name: string) => DESKS.findIndex((d) => d.name === name);
  const one = (name: string) => Float32Array.from(DESKS, (_, d) => (d === desk(name) ? 1 : 0));
  // Three articles in a two-dimensional space: two of the sports desk along x, one of the economy desk along y.
  const topics = Float32Array.from([1, 0, 0.6, 0.8, 0, 1]);
  const centroids = deskCentroids(topics, [one('sport'), one('sport'), one('economy')], 2);
  assert.ok(Math.abs(Math.hypot(...centroids[desk('sport')]!) - 1) < 1e-6, 'unit length');
  assert.ok(centroids[desk('sport')]![0]! > centroids[desk('sport')]![1]!, 'the sports centroid leans to x');
  assert.deepEqual(Array.from(centroids[desk('economy')]!), [0, 1]);
  assert.equal(centroids[desk('culture')], null, 'a desk no article holds has no centroid');
  // An article along x, whatever its own words, sits with the sports desk; one along y with the economy desk.
  assert.equal(mainDesk(topicDeskShares(Float32Array.from([0.98, 0.2]), centroids))?.name, 'sport');
  assert.equal(mainDesk(topicDeskShares(Float32Array.from([0.1, 0.99]), centroids))?.name, 'economy');
  const shares = topicDeskShares(Float32Array.from([0.7, 0.7]), centroids)!;
  assert.ok(Math.abs(shares.reduce((a, b) => a + b, 0) - 1) < 1e-6);
  assert.equal(shares[desk('culture')], 0, 'no affinity to a desk without a centroid');
  assert.equal(topicDeskShares(Float32Array.from([1, 0]), DESKS.map(() => null)), null);
});

test('of two stories that name the same city, the engine prefers the one of the same desk', async () => {
  const store = await memoryStore();
  try {
    const at = '2026-03-01T09:00:00Z';
    const story = (externalId: string, title: string, body: string) => ({ title, description: title, body, externalId, status: 'published' as const, publishedAt: at, tags: [] });
    const [subject, sameDesk, sameCity] = await saveArticles(store, [
      story(
        'desk:cairo-match',
        'المنتخب المصري يفوز في القاهرة',
        'فاز المنتخب المصري على ضيفه بهدفين في مباراة أقيمت في القاهرة مساء الجمعة، واحتفل سكان القاهرة في ميدان التحرير.\n\nوقال المدرب إن اللاعبين أهدوا الفوز لجمهور العاصمة المصرية.',
      ),
      story(
        'desk:rabat-match',
        'تعادل المنتخب المغربي في الرباط',
        'تعادل المنتخب المغربي مع ضيفه في مباراة أقيمت في الرباط، وأضاع المهاجم ركلة جزاء في الشوط الثاني.\n\nوقال المدرب إن اللاعبين أرهقهم الموسم الطويل.',
      ),
      story(
        'desk:cairo-summit',
        'القاهرة تستضيف قمة عربية',
        'تستضيف القاهرة قمة عربية مساء الجمعة، وأغلقت السلطات المصرية الشوارع المؤدية إلى ميدان التحرير في العاصمة المصرية.\n\nوقال وزير الخارجية إن المفاوضات ستتناول الحدود والأمن.',
      ),
    ]);
    const related = (await store.getArticle(subject!.article.slug))!.related.map((l) => l.slug);
    assert.deepEqual(related.slice(0, 2), [sameDesk!.article.slug, sameCity!.article.slug], 'the match in Rabat above the summit in Cairo');
  } finally {
    await store.close();
  }
});
