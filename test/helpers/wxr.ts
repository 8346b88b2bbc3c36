/**
 * Small WordPress exports (WXR) of our own, written as WordPress 6 writes
 * them: a channel, its items, and what plugins keep beside a post.
 */

export const wxr = (items: string, authors = '') => `<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="http://wordpress.org/export/1.2/excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
  xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="http://wordpress.org/export/1.2/">
<channel><title>أخبار</title><wp:wxr_version>1.2</wp:wxr_version>${authors}${items}</channel></rss>`;

export const item = (o: { id: number; title: string; body: string; status?: string; type?: string; slug?: string; date?: string; extra?: string; creator?: string }) => `
<item><title><![CDATA[${o.title}]]></title><link>https://old.example/${o.slug ?? o.id}/</link>
<dc:creator><![CDATA[${o.creator ?? 'huda'}]]></dc:creator><guid isPermaLink="false">https://old.example/?p=${o.id}</guid>
<content:encoded><![CDATA[${o.body}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>${o.id}</wp:post_id><wp:post_date_gmt><![CDATA[${o.date ?? '2026-10-02 07:30:00'}]]></wp:post_date_gmt><wp:post_modified_gmt><![CDATA[2026-10-03 09:15:00]]></wp:post_modified_gmt>
<wp:post_name><![CDATA[${o.slug ?? ''}]]></wp:post_name><wp:status><![CDATA[${o.status ?? 'publish'}]]></wp:status>
<wp:post_type><![CDATA[${o.type ?? 'post'}]]></wp:post_type>${o.extra ?? ''}</item>`;

export const HUDA = '<wp:author><wp:author_login><![CDATA[huda]]></wp:author_login><wp:author_display_name><![CDATA[هدى الخطيب]]></wp:author_display_name></wp:author>';

// Co-Authors Plus and the SEO plugins, as WordPress writes their data into its export.
export const meta = (key: string, value: string) => `<wp:postmeta><wp:meta_key><![CDATA[${key}]]></wp:meta_key><wp:meta_value><![CDATA[${value}]]></wp:meta_value></wp:postmeta>`;
export const byline = (login: string) => `<category domain="author" nicename="cap-${login}"><![CDATA[${login}]]></category>`;
export const authorTerm = (id: number, login: string, description: string) =>
  `<wp:term><wp:term_id>${id}</wp:term_id><wp:term_taxonomy><![CDATA[author]]></wp:term_taxonomy><wp:term_slug><![CDATA[cap-${login}]]></wp:term_slug><wp:term_name><![CDATA[${login}]]></wp:term_name><wp:term_description><![CDATA[${description}]]></wp:term_description></wp:term>`;

/** A newsroom with Co-Authors Plus: two accounts, one more named only by its term, and a guest author with a profile and portrait. */
export const CAP_SITE =
  HUDA +
  '<wp:author><wp:author_login><![CDATA[admin]]></wp:author_login><wp:author_display_name><![CDATA[admin]]></wp:author_display_name></wp:author>' +
  '<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename><![CDATA[economy]]></wp:category_nicename><wp:cat_name><![CDATA[اقتصاد]]></wp:cat_name></wp:category>' +
  '<wp:category><wp:term_id>4</wp:term_id><wp:category_nicename><![CDATA[politics]]></wp:category_nicename><wp:cat_name><![CDATA[سياسة]]></wp:cat_name></wp:category>' +
  authorTerm(21, 'huda', 'هدى الخطيب هدى الخطيب huda 2 huda@example.com') +
  // An account that never led a story: WXR lists no wp:author for it, only this description.
  authorTerm(22, 'samer', 'سامر الحداد سامر الحداد samer 5 samer@example.com') +
  authorTerm(23, 'reem-alkhatib', 'ريم الخطيب   reem-alkhatib 50 ');
export const GUEST =
  item({ id: 50, title: 'ريم الخطيب', body: '', type: 'guest-author', slug: 'cap-reem-alkhatib', creator: 'admin' }).replace(
    '</item>',
    meta('cap-display_name', 'ريم الخطيب') +
      meta('cap-user_login', 'reem-alkhatib') +
      meta('cap-description', '<p>مراسلة في <a href="https://old.example/beirut">بيروت</a> تكتب عن الطاقة.</p>\n\nعملت قبلها في عمّان.') +
      meta('cap-website', 'https://reem.example.net/') +
      meta('_thumbnail_id', '60') +
      '</item>',
  ) +
  item({ id: 60, title: 'ريم', body: '', type: 'attachment', status: 'inherit' }).replace('</item>', `<wp:attachment_url>https://old.example/wp-content/uploads/2026/11/reem.png</wp:attachment_url>${meta('_wp_attached_file', '2026/11/reem.png')}</item>`);
