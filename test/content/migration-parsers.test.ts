import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseGhost } from '../../src/content/parsers/ghost.js';
import { postArticles } from '../../src/content/parsers/post.js';
import { parseWordPress } from '../../src/content/parsers/wordpress.js';
import { SHARED } from '../helpers/paths.js';
import { authorTerm, byline, CAP_SITE, GUEST, HUDA, item, meta, wxr } from '../helpers/wxr.js';

// ------------------------------------------------ small exports of our own

const SLUG = '%d9%85%d9%8a%d9%86%d8%a7%d8%a1-%d8%a7%d9%84%d8%b9%d9%82%d8%a8%d8%a9';
const PORT = '<p>وصلت أول سفينة حاويات إلى ميناء العقبة بعد توسعته.</p><p>وقالت إدارة الميناء إن الطاقة الاستيعابية تضاعفت.</p>';

test('wordpress: a post becomes an article with its section, tags, author, date, slug and guid', () => {
  const xml = wxr(
    item({
      id: 7,
      title: 'ميناء العقبة: وصول أول سفينة بعد التوسعة',
      body: PORT,
      slug: SLUG,
      extra:
        '<category domain="post_tag" nicename="x"><![CDATA[الموانئ]]></category>' +
        '<category domain="category" nicename="uncategorized"><![CDATA[غير مصنف]]></category>' +
        '<category domain="category" nicename="economy"><![CDATA[اقتصاد]]></category>',
    }),
    HUDA,
  );
  const { inputs, notes } = postArticles(parseWordPress(xml));
  assert.deepEqual(notes, []);
  const parsed = parseWordPress(xml);
  assert.deepEqual(parsed.aliases, [
    { alias: 'x', name: 'الموانئ' },
    { alias: 'uncategorized', name: 'غير مصنف' },
    { alias: 'economy', name: 'اقتصاد' },
  ], "the post's own terms name the tags' old addresses when the export lists none apart");
  assert.deepEqual(parsed.authorAliases, [{ alias: 'huda', byline: 'هدى الخطيب' }], "the author's archive, /author/<login>/");
  const [a] = inputs;
  assert.equal(a!.title, 'ميناء العقبة: وصول أول سفينة بعد التوسعة');
  assert.deepEqual(a!.tags, ['اقتصاد', 'الموانئ'], 'the category first, "uncategorized" left out');
  assert.equal(a!.slug, 'ميناء-العقبة', 'WordPress stores slugs percent-encoded');
  assert.equal(a!.author, 'هدى الخطيب');
  assert.equal(a!.status, 'published');
  assert.equal(a!.publishedAt, '2026-10-02T07:30:00.000Z');
  assert.equal(a!.modifiedAt, '2026-10-03T09:15:00.000Z', 'its last change there (post_modified_gmt)');
  assert.equal(a!.externalId, 'https://old.example/?p=7');
  assert.equal(a!.importMeta?.url, `https://old.example/${SLUG}/`, 'the old address, kept');
  assert.equal(a!.description, 'وصلت أول سفينة حاويات إلى ميناء العقبة بعد توسعته.', 'no excerpt: the lead sentence');
  assert.equal(a!.body, 'وصلت أول سفينة حاويات إلى ميناء العقبة بعد توسعته.\n\nوقالت إدارة الميناء إن الطاقة الاستيعابية تضاعفت.');
});

const comment = (approved: string) => `<wp:comment><wp:comment_id>1</wp:comment_id><wp:comment_author><![CDATA[قارئ]]></wp:comment_author><wp:comment_content><![CDATA[تعليق]]></wp:comment_content><wp:comment_approved><![CDATA[${approved}]]></wp:comment_approved></wp:comment>`;

test('wordpress: statuses, and what is not a post is counted, not imported', () => {
  const xml = wxr(
    [
      item({ id: 1, title: 'خبر منشور', body: PORT }),
      item({ id: 2, title: 'خبر مجدول', body: PORT, status: 'future', date: '2099-01-01 06:00:00' }),
      item({ id: 3, title: 'مسودة', body: PORT, status: 'draft', date: '0000-00-00 00:00:00' }),
      item({ id: 4, title: 'بانتظار المراجعة', body: PORT, status: 'pending' }),
      item({ id: 5, title: 'خاص', body: PORT, status: 'private' }),
      item({ id: 6, title: 'في سلة المهملات', body: PORT, status: 'trash' }),
      item({ id: 7, title: 'من نحن', body: PORT, type: 'page' }),
      item({ id: 8, title: 'صورة', body: '', type: 'attachment', status: 'inherit' }),
    ].join('').replace('</item>', `${comment('1')}${comment('1')}${comment('spam')}</item>`),
  );
  const { inputs, notes } = postArticles(parseWordPress(xml));
  assert.deepEqual(
    inputs.map((a) => [a.title, a.status, a.publishedAt]),
    [
      ['خبر منشور', 'published', '2026-10-02T07:30:00.000Z'],
      ['خبر مجدول', 'scheduled', '2099-01-01T06:00:00.000Z'],
      ['مسودة', 'draft', undefined],
      ['بانتظار المراجعة', 'submitted', undefined],
      ['خاص', 'draft', undefined],
    ],
  );
  assert.deepEqual(notes, [
    '1 page item not imported (Sahifa imports posts)',
    "2 comments not imported (Sahifa has no readers' comments)",
    '1 attachment not imported (Sahifa brings in only the images that posts show)',
  ]);
});

test('wordpress: bad files fail with a clear message naming the place', () => {
  assert.throws(() => parseWordPress('<rss><channel><item><title>خبر</title></channel></rss>'), /line 1: not well-formed XML: Expected closing tag 'item'/);
  assert.throws(() => parseWordPress('<rss>\n<channel><item>'), /ParseError: not well-formed XML: the file ends with elements not closed: rss, channel, item$/);
  assert.throws(() => parseWordPress('<?xml version="1.0"?><feed><entry/></feed>'), /not a WordPress export/);
  const bad = wxr(item({ id: 1, title: 'خبر سليم', body: PORT }) + item({ id: 2, title: ' ', body: PORT }) + item({ id: 3, title: 'بلا نص', body: '<p> </p><img src="a.jpg">' }));
  assert.throws(() => postArticles(parseWordPress(bad)), (e: Error) => /item 2: the title is empty/.test(e.message) && /item 3 \("بلا نص"\): the body has no text/.test(e.message));
  const tags = Array.from({ length: 21 }, (_, i) => `<category domain="post_tag" nicename="t${i}"><![CDATA[وسم ${i}]]></category>`).join('');
  assert.throws(() => postArticles(parseWordPress(wxr(item({ id: 9, title: 'أوسمة كثيرة', body: PORT, extra: tags })))), /item 1 \("أوسمة كثيرة"\): tags/);
  assert.throws(() => postArticles(parseWordPress(wxr(''))), /no posts in the file/);
});

test('wordpress: entities declared in the file are not expanded (no "billion laughs")', () => {
  const levels = Array.from({ length: 9 }, (_, i) => `<!ENTITY l${i + 1} "${`&l${i};`.repeat(10)}">`).join('');
  const xml = wxr(item({ id: 1, title: '&l9;', body: PORT })).replace('<rss', `<!DOCTYPE rss [<!ENTITY l0 "ها">${levels}]>\n<rss`);
  const [post] = parseWordPress(xml).posts;
  assert.ok(post!.title.length < 100, `title of ${post!.title.length} characters`);
});

test('wordpress: media left behind are noted per post', () => {
  const xml = wxr(item({ id: 1, title: 'معرض صور', body: `${PORT}<figure><img src="a.jpg"></figure><p><iframe src="https://v.example/1"></iframe></p>` }));
  assert.deepEqual(postArticles(parseWordPress(xml)).notes, ['item 1 ("معرض صور"): left out 1 image, 1 embed']);
  // An image at its web address comes in as a figure, named for the importer by its file in the uploads folder.
  const shown = wxr(item({ id: 2, title: 'صور الميناء', body: `${PORT}<figure class="wp-block-image"><img src="https://old.example/wp-content/uploads/2026/10/port%20east.jpg?w=1024" alt="الرصيف"/><figcaption>الرصيف الجديد</figcaption></figure>` }));
  const { inputs, notes, extras } = postArticles(parseWordPress(shown));
  assert.match(inputs[0]!.body, /!\[الرصيف\]\(https:\/\/old\.example\/wp-content\/uploads\/2026\/10\/port%20east\.jpg\?w=1024 "الرصيف الجديد"\)/);
  assert.deepEqual(notes, []);
  assert.deepEqual(extras[0]!.bodyImages, [{ src: 'https://old.example/wp-content/uploads/2026/10/port%20east.jpg?w=1024', file: '2026/10/port east.jpg', alt: 'الرصيف' }]);
});

test('wordpress: Co-Authors Plus bylines and guest authors come over, the post\'s author first', () => {
  const xml = wxr(
    GUEST +
      // WordPress writes a post's terms by name; the post's author (dc:creator) leads among them.
      item({ id: 7, title: 'ميناء العقبة: وصول أول سفينة بعد التوسعة', body: PORT, extra: byline('reem-alkhatib') + byline('samer') + byline('huda') }) +
      // Signed by a guest only: the account that entered it is no byline.
      item({ id: 8, title: 'بيروت: خطة لإصلاح قطاع الكهرباء', body: PORT, creator: 'admin', extra: byline('reem-alkhatib') }) +
      item({ id: 9, title: 'عمّان: معرض للكتاب', body: PORT }),
    CAP_SITE,
  );
  const parsed = parseWordPress(xml);
  const { inputs, notes } = postArticles(parsed);
  assert.deepEqual(notes, [], 'the guest author and its portrait are no left-behind items');
  assert.deepEqual(
    inputs.map((a) => [a.author, a.coAuthors ?? []]),
    [
      ['هدى الخطيب', ['ريم الخطيب', 'سامر الحداد']],
      ['ريم الخطيب', []],
      ['هدى الخطيب', []],
    ],
  );
  const aliases = new Map(parsed.authorAliases.map((a) => [a.alias, a]));
  assert.deepEqual([...aliases.keys()].sort(), ['admin', 'huda', 'reem-alkhatib', 'samer'], 'every archive, /author/<nicename>/');
  assert.equal(aliases.get('samer')!.byline, 'سامر الحداد', 'named from the term description');
  assert.deepEqual(aliases.get('reem-alkhatib')!.profile, {
    bio: 'مراسلة في بيروت تكتب عن الطاقة.\n\nعملت قبلها في عمّان.',
    links: ['https://reem.example.net/'],
    image: { file: '2026/11/reem.png', url: 'https://old.example/wp-content/uploads/2026/11/reem.png' },
  }, "the guest's biography as text, website and portrait");
});

test('wordpress: a guest profile linked to an account signs its stories; names past the limit are reported', () => {
  const linked = GUEST.replace(meta('cap-website', 'https://reem.example.net/'), meta('cap-linked_account', 'huda'));
  const many = ['a1', 'a2', 'a3', 'a4', 'a5'].map((l, i) => authorTerm(30 + i, l, `كاتب ${i + 1} كاتب ${i + 1} ${l} ${30 + i} ${l}@example.com`)).join('');
  const xml = wxr(
    linked + item({ id: 7, title: 'ميناء العقبة: وصول أول سفينة', body: PORT }) + item({ id: 8, title: 'تقرير مشترك: ستة أسماء', body: PORT, extra: byline('huda') + ['a1', 'a2', 'a3', 'a4', 'a5'].map(byline).join('') }),
    CAP_SITE + many,
  );
  const { inputs, notes } = postArticles(parseWordPress(xml));
  assert.equal(inputs[0]!.author, 'ريم الخطيب', "huda's stories are signed with the profile linked to her account");
  assert.deepEqual(inputs[1]!.coAuthors, ['كاتب 1', 'كاتب 2', 'كاتب 3', 'كاتب 4']);
  assert.deepEqual(notes, ['item 4 ("تقرير مشترك: ستة أسماء"): left out 1 byline']);
});

test('a post filed under an opinion, analysis or sponsored section comes in of that genre, and the report says so', () => {
  const category = (name: string) => `<category domain="category" nicename="c"><![CDATA[${name}]]></category>`;
  const wp = postArticles(
    parseWordPress(
      wxr(
        item({ id: 1, title: 'المعابر: الاقتصاد يسبق السياسة', body: PORT, extra: category('مقالات الرأي') }) +
          item({ id: 2, title: 'الميناء: ما وراء التوسعة', body: PORT, extra: category('تحليلات') }) +
          item({ id: 3, title: 'ميناء العقبة: وصول أول سفينة', body: PORT, extra: category('اقتصاد') }),
      ),
    ),
  );
  assert.deepEqual(wp.inputs.map((a) => a.genre), ['opinion', 'analysis', undefined]);
  assert.deepEqual(wp.notes, ['1 post imported as opinion (filed under "مقالات الرأي")', '1 post imported as analysis (filed under "تحليلات")']);
  const gh = postArticles(
    parseGhost(
      ghost([post({ id: 'p1' }), post({ id: 'p2', slug: 'p2' })], {
        tags: [{ id: 't1', name: 'Sponsored', slug: 'sponsored', visibility: 'public' }],
        posts_tags: [{ post_id: 'p2', tag_id: 't1', sort_order: 0 }],
      }),
    ),
  );
  assert.deepEqual(gh.inputs.map((a) => a.genre), [undefined, 'sponsored'], "Ghost's tags say it the same way");
});

test("wordpress: an SEO plugin's primary category leads the tags and its meta description stands in for an empty excerpt", () => {
  const xml = wxr(
    item({
      id: 7,
      title: 'ميناء العقبة: وصول أول سفينة',
      body: PORT,
      extra:
        '<category domain="category" nicename="economy"><![CDATA[اقتصاد]]></category><category domain="category" nicename="politics"><![CDATA[سياسة]]></category>' +
        meta('_yoast_wpseo_primary_category', '4') +
        meta('_yoast_wpseo_metadesc', 'الميناء يستقبل أول سفينة حاويات بعد توسعة رصيفه الشرقي.'),
    }) +
      // Rank Math's, made of its variables: a pattern, not the post's words.
      item({ id: 8, title: 'ميناء العقبة: السفينة الثانية', body: PORT, extra: meta('rank_math_description', '%title% %sep% %sitename%') + meta('rank_math_primary_category', '99') + '<category domain="category" nicename="economy"><![CDATA[اقتصاد]]></category>' }),
    CAP_SITE,
  );
  const { inputs } = postArticles(parseWordPress(xml));
  assert.deepEqual(inputs[0]!.tags, ['سياسة', 'اقتصاد']);
  assert.equal(inputs[0]!.description, 'الميناء يستقبل أول سفينة حاويات بعد توسعة رصيفه الشرقي.');
  assert.deepEqual(inputs[1]!.tags, ['اقتصاد'], 'a primary category the post does not have changes nothing');
  assert.equal(inputs[1]!.description, 'وصلت أول سفينة حاويات إلى ميناء العقبة بعد توسعته.', 'the lead sentence');
});

const ghost = (posts: object[], extra: object = {}) =>
  JSON.stringify({ db: [{ meta: { version: '5.130.6' }, data: { posts, tags: [], posts_tags: [], users: [], posts_authors: [], ...extra } }] });

const post = (o: object) => ({ id: 'p1', title: 'ميناء العقبة: وصول أول سفينة', slug: 'myna-lqb', html: PORT, plaintext: null, custom_excerpt: null, status: 'published', type: 'post', visibility: 'public', published_at: '2026-10-02 07:30:00', updated_at: '2026-10-03 09:15:00', feature_image: null, ...o });

test('ghost: posts with their primary tag first, author, UTC date and id', () => {
  const json = ghost([post({})], {
    tags: [
      { id: 't1', name: 'الموانئ', slug: 'lmwan', visibility: 'public' },
      { id: 't2', name: 'اقتصاد', visibility: 'public' },
      { id: 't3', name: '#import-2026', slug: 'hash-import-2026', visibility: 'internal' },
    ],
    posts_tags: [
      { post_id: 'p1', tag_id: 't1', sort_order: 1 },
      { post_id: 'p1', tag_id: 't3', sort_order: 2 },
      { post_id: 'p1', tag_id: 't2', sort_order: 0 },
    ],
    users: [
      { id: 'u1', name: 'هدى الخطيب', slug: 'huda', password: 'REDACTED' },
      { id: 'u2', name: '  ', slug: 'nameless' },
    ],
    posts_authors: [{ post_id: 'p1', author_id: 'u1', sort_order: 0 }],
  });
  const { inputs, notes } = postArticles(parseGhost(json));
  assert.deepEqual(notes, []);
  const [a] = inputs;
  assert.deepEqual(a!.tags, ['اقتصاد', 'الموانئ'], 'primary tag first, internal tags left out');
  assert.equal(a!.author, 'هدى الخطيب');
  assert.equal(a!.publishedAt, '2026-10-02T07:30:00.000Z');
  assert.equal(a!.modifiedAt, '2026-10-03T09:15:00.000Z');
  assert.equal(a!.externalId, 'ghost:p1');
  assert.equal(a!.slug, 'myna-lqb');
  assert.deepEqual(parseGhost(json).aliases, [{ alias: 'lmwan', name: 'الموانئ' }], "public tags' slugs, for their old addresses");
  assert.deepEqual(parseGhost(json).authorAliases, [{ alias: 'huda', byline: 'هدى الخطيب' }], 'authors with a name, by slug (/author/x/)');
});

test("ghost: the meta description an editor wrote for search engines stands in for an empty excerpt", () => {
  const metaDescription = 'الميناء يستقبل أول سفينة حاويات بعد توسعة رصيفه الشرقي.';
  const json = ghost([post({}), post({ id: 'p2', custom_excerpt: 'مقتطف كتبه المحرر.' })], {
    posts_meta: [
      { post_id: 'p1', feature_image_alt: null, meta_description: metaDescription },
      { post_id: 'p2', feature_image_alt: null, meta_description: metaDescription },
    ],
  });
  const { inputs } = postArticles(parseGhost(json));
  assert.equal(inputs[0]!.description, metaDescription);
  assert.equal(inputs[1]!.description, 'مقتطف كتبه المحرر.', 'the excerpt first');
});

test('ghost: members-only posts stay drafts, newsletters are not pages of the site, plain text stands in for HTML', () => {
  const json = ghost([
    post({ id: 'a', title: 'للمشتركين فقط', visibility: 'paid' }),
    post({ id: 'b', title: 'نشرة بريدية', status: 'sent' }),
    post({ id: 'c', title: 'من نحن', type: 'page' }),
    post({ id: 'd', title: 'مجدول', status: 'scheduled', published_at: '2099-01-01 06:00:00' }),
    post({ id: 'e', title: 'بلا HTML', html: null, plaintext: 'الفقرة الأولى <ليست وسماً>.\n\nالفقرة الثانية.' }),
  ]);
  const { inputs, notes } = postArticles(parseGhost(json));
  assert.deepEqual(
    inputs.map((a) => [a.title, a.status, a.publishedAt ?? null]),
    [
      ['للمشتركين فقط', 'draft', null],
      ['نشرة بريدية', 'draft', null],
      ['مجدول', 'scheduled', '2099-01-01T06:00:00.000Z'],
      ['بلا HTML', 'published', '2026-10-02T07:30:00.000Z'],
    ],
  );
  assert.equal(inputs[3]!.body, 'الفقرة الأولى \\<ليست وسماً\\>.\n\nالفقرة الثانية.');
  assert.deepEqual(notes, [
    'post 1 ("للمشتركين فقط") is for paid members only: imported as a draft',
    '1 page not imported (Sahifa imports posts)',
  ]);
});

test('feature images are named by their path in the old media folder, with their alt text; WordPress posts by their shortlink too', () => {
  const attachment = (id: number, file: string, alt: string) => `
<item><title><![CDATA[صورة ${id}]]></title><wp:post_id>${id}</wp:post_id><wp:status><![CDATA[inherit]]></wp:status>
<wp:post_type><![CDATA[attachment]]></wp:post_type><wp:attachment_url><![CDATA[https://old.example/wp-content/uploads/${file}]]></wp:attachment_url>
<wp:postmeta><wp:meta_key><![CDATA[_wp_attached_file]]></wp:meta_key><wp:meta_value><![CDATA[${file}]]></wp:meta_value></wp:postmeta>
${alt ? `<wp:postmeta><wp:meta_key><![CDATA[_wp_attachment_image_alt]]></wp:meta_key><wp:meta_value><![CDATA[${alt}]]></wp:meta_value></wp:postmeta>` : ''}</item>`;
  const thumb = (id: number) => `<wp:postmeta><wp:meta_key><![CDATA[_thumbnail_id]]></wp:meta_key><wp:meta_value><![CDATA[${id}]]></wp:meta_value></wp:postmeta>`;
  const xml = wxr(
    attachment(20, '2026/10/port.jpg', 'رافعات ميناء العقبة') +
      attachment(21, '2026/10/spare.png', '') +
      item({ id: 1, title: 'ميناء العقبة', body: PORT, extra: thumb(20) }) +
      item({ id: 2, title: 'بلا صورة', body: PORT }),
  );
  const wp = postArticles(parseWordPress(xml));
  assert.deepEqual(wp.extras, [
    { featureImage: { file: '2026/10/port.jpg', url: 'https://old.example/wp-content/uploads/2026/10/port.jpg', alt: 'رافعات ميناء العقبة' }, shortlink: '?p=1' },
    { shortlink: '?p=2' },
  ]);
  assert.deepEqual(wp.notes, ['1 attachment not imported (Sahifa brings in only the images that posts show)']);

  const gh = postArticles(
    parseGhost(
      ghost([post({ feature_image: '__GHOST_URL__/content/images/2026/10/port.jpg' }), post({ id: 'p2', feature_image: 'https://cdn.example/x.jpg?w=600' })], {
        posts_meta: [{ post_id: 'p1', feature_image_alt: 'رافعات الميناء' }],
      }),
    ),
  );
  assert.deepEqual(gh.extras, [
    { featureImage: { file: '2026/10/port.jpg', url: '__GHOST_URL__/content/images/2026/10/port.jpg', alt: 'رافعات الميناء' } },
    { featureImage: { file: null, url: 'https://cdn.example/x.jpg?w=600', alt: '' } },
  ]);
});

test("WordPress's sticky posts and Ghost's featured ones come in featured (the home page leads with them)", () => {
  const wp = postArticles(
    parseWordPress(
      wxr(
        item({ id: 1, title: 'ميناء العقبة: وصول أول سفينة بعد التوسعة', body: PORT, extra: '<wp:is_sticky>1</wp:is_sticky>' }) +
          item({ id: 2, title: 'ميناء العقبة: رسوم جديدة للحاويات', body: PORT, extra: '<wp:is_sticky>0</wp:is_sticky>' }) +
          item({ id: 3, title: 'ميناء العقبة: خط ملاحي إلى جدة', body: PORT }),
        HUDA,
      ),
    ),
  );
  assert.deepEqual(wp.inputs.map((a) => a.featured), [true, false, false]);
  const gh = postArticles(
    parseGhost(ghost([post({ id: 'a', featured: true }), post({ id: 'b', slug: 'b', featured: false }), post({ id: 'c', slug: 'c', featured: 1 }), post({ id: 'd', slug: 'd' })])),
  );
  assert.deepEqual(gh.inputs.map((a) => a.featured), [true, false, true, false], 'Ghost 5 writes a boolean, older exports 0 or 1');
  // The real exports: no post is sticky or featured there.
  for (const { inputs } of [postArticles(parseWordPress(fixture('wordpress-export.xml'))), postArticles(parseGhost(fixture('ghost-export.json')))]) {
    assert.ok(inputs.every((a) => a.featured === false));
  }
});

test('ghost: bad files fail with a clear message', () => {
  assert.throws(() => parseGhost('{"db": ['), /not valid JSON/);
  assert.throws(() => parseGhost('{"posts": []}'), /not a Ghost export: db/);
  assert.throws(() => parseGhost(ghost([{ id: 'x', title: 'بلا حالة' }])), /not a Ghost export: db\.0\.data\.posts\.0\.status/);
  assert.throws(() => postArticles(parseGhost(ghost([post({ html: '<p></p>', plaintext: '' })]))), /post 1 \("ميناء العقبة: وصول أول سفينة"\): the body has no text/);
});

// ------------------------------------------------ the real exports (../shared/fixtures)

const fixture = (name: string) => readFileSync(path.join(SHARED, 'fixtures', name), 'utf8');

test('the real WordPress 6.1 and Ghost 5.130 exports give the same 25 articles', () => {
  const wp = postArticles(parseWordPress(fixture('wordpress-export.xml')));
  const gh = postArticles(parseGhost(fixture('ghost-export.json')));
  for (const { inputs, notes } of [wp, gh]) {
    assert.equal(inputs.length, 25);
    assert.deepEqual(notes, []);
    const count = (s: string) => inputs.filter((a) => a.status === s).length;
    assert.deepEqual([count('published'), count('draft'), count('scheduled')], [22, 2, 1]);
    const scheduled = inputs.find((a) => a.status === 'scheduled')!;
    assert.equal(scheduled.publishedAt, '2027-03-01T08:00:00.000Z');
    assert.ok(inputs.filter((a) => a.status === 'draft').every((a) => a.publishedAt === undefined));
    // Four posts have one subheading and one quotation.
    assert.equal(inputs.filter((a) => /^## /m.test(a.body) && /^> /m.test(a.body)).length, 4);
    assert.ok(inputs.every((a) => a.tags.length >= 3 && !a.body.includes('<')));
  }
  assert.ok(wp.inputs.some((a) => a.slug === 'المؤلف-الموسيقي-الأيسلندي-الشهير'), 'the Arabic slug, decoded');
  assert.ok(gh.inputs.some((a) => a.slug === 'lmwlf-lmwsyqy-lyslndy-lshhyr'), "Ghost's own transliterated slug, kept");
  // Gutenberg, classic HTML and Ghost's HTML of one post read alike.
  for (const w of wp.inputs) {
    const g = gh.inputs.find((x) => x.title === w.title)!;
    assert.equal(g.body, w.body, w.title);
    assert.equal(g.description, w.description);
    assert.equal(g.tags[0], w.tags[0], 'the same section');
    assert.deepEqual([...g.tags].sort(), [...w.tags].sort());
  }
});
