/**
 * WordPress's export (WXR 1.1/1.2, Tools › Export): its posts as articles.
 *
 * - Posts only; pages, menu items and the attachments that are no post's
 *   feature image are counted in the notes (Sahifa has articles only),
 *   trashed and auto-drafts are not content. A post's feature image
 *   (_thumbnail_id) is named with its path under the uploads folder, for
 *   the importer to bring in.
 * - Status: publish → published, future → scheduled, pending → submitted,
 *   draft and private → draft (a private post is not for the public).
 * - Tags: the post's categories first (the first is the section: the one an
 *   SEO plugin marks primary, or else the first listed), then its tags;
 *   WordPress's "uncategorized" is not a tag.
 * - Bylines: the post's author, or the names Co-Authors Plus gives it, with
 *   its guest authors' profiles (wordpress-bylines.ts).
 * - The guid is the external id, so importing the same export again updates
 *   the articles instead of doubling them; the slug (post_name, stored
 *   percent-encoded) is kept, so the old address's last segment still works.
 * - Bodies are Gutenberg block markup or classic HTML (html.ts reads both:
 *   block comments are comments).
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import type { ArticleStatus } from '../article.js';
import { ParseError } from './errors.js';
import type { TagAlias } from '../tags.js';
import { mediaFileUnder, type FeatureImage, type Post, type Posts } from './post.js';
import { GUEST_AUTHOR, wordPressBylines } from './wordpress-bylines.js';
import { decodeSlug, itemTerms, postmeta, text, type Node } from './wxr.js';

const STATUS: Record<string, ArticleStatus> = {
  publish: 'published',
  future: 'scheduled',
  pending: 'submitted',
  draft: 'draft',
  private: 'draft',
};
const NOT_CONTENT = new Set(['trash', 'auto-draft', 'inherit']);
/** WordPress keeps uploads under wp-content/uploads; an image's address names its file there. */
const UPLOADS = mediaFileUnder(/\/wp-content\/uploads\/(.+)$/);
const LISTS = new Set(['item', 'category', 'wp:author', 'wp:postmeta', 'wp:category', 'wp:tag', 'wp:term', 'wp:comment']);

/**
 * What the SEO plugins most WordPress newsrooms run (Yoast SEO, Rank Math)
 * keep beside a post: its meta description, the description here when the
 * post has no excerpt, and its primary category, which leads the tags (the
 * section) where WordPress itself lists a post's categories by name.
 */
const META_DESCRIPTION = ['_yoast_wpseo_metadesc', 'rank_math_description'];
const PRIMARY_CATEGORY = ['_yoast_wpseo_primary_category', 'rank_math_primary_category'];
/** A value made of the plugins' variables (%%title%% %%sep%%, %excerpt%) is a pattern, not the post's own words. */
const SEO_VARIABLE = /%%?[a-z_]+%%?/i;

function seoMeta(meta: Map<string, string>, keys: string[]): string {
  for (const key of keys) {
    const value = meta.get(key)?.trim();
    if (value && !SEO_VARIABLE.test(value)) return value;
  }
  return '';
}

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '@',
  textNodeName: '#text',
  // Values stay text: a post_name of digits is a slug, not a number.
  parseTagValue: false,
  parseAttributeValue: false,
  trimValues: false,
  htmlEntities: true,
  isArray: (name) => LISTS.has(name),
});

/** "2018-01-20 10:53:54" (UTC) → ISO 8601; WordPress writes zeros for a draft's. */
function gmtDate(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(value.trim());
  if (!m || m[1] === '0000') return undefined;
  const d = new Date(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}Z`);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

export function parseWordPress(xml: string): Posts {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) {
    // The validator lists the elements left open at the end as a JSON array (at no useful line).
    const open = /^Invalid '\[([^\]]*)\]' found\.$/.exec(valid.err.msg.replace(/\s+/g, ' '));
    if (open) throw new ParseError(`not well-formed XML: the file ends with elements not closed: ${open[1]!.replace(/[" ]/g, '').split(',').join(', ')}`);
    throw new ParseError(`not well-formed XML: ${valid.err.msg}`, valid.err.line);
  }
  const doc = parser.parse(xml) as Node;
  const channel = (doc['rss'] as Node | undefined)?.['channel'] as Node | undefined;
  if (!channel || !('wp:wxr_version' in channel)) throw new ParseError('not a WordPress export (WXR): no <rss><channel> with wp:wxr_version');

  // The site's categories and tags by slug, for their old addresses (/category/x/, /tag/x/), with their descriptions.
  const aliases: TagAlias[] = [
    ...((channel['wp:category'] as Node[] | undefined) ?? []).map((c) => ({
      alias: decodeSlug(text(c['wp:category_nicename'])),
      name: text(c['wp:cat_name']),
      description: text(c['wp:category_description']),
    })),
    ...((channel['wp:tag'] as Node[] | undefined) ?? []).map((t) => ({ alias: decodeSlug(text(t['wp:tag_slug'])), name: text(t['wp:tag_name']), description: text(t['wp:tag_description']) })),
  ].filter((a) => a.alias && a.name.trim());

  const items = (channel['item'] as Node[] | undefined) ?? [];
  // Attachments, by post id: a post's feature image (_thumbnail_id) is one of them.
  const attachments = new Map<string, FeatureImage>();
  for (const item of items) {
    if (text(item['wp:post_type']) !== 'attachment') continue;
    const meta = postmeta(item);
    attachments.set(text(item['wp:post_id']).trim(), {
      file: meta.get('_wp_attached_file') || null,
      url: text(item['wp:attachment_url']).trim(),
      alt: meta.get('_wp_attachment_image_alt') || text(item['title']),
    });
  }
  const bylines = wordPressBylines(channel, items, attachments);
  const featured = new Set<string>(bylines.portraits);
  // The categories' ids, for the primary category an SEO plugin names.
  const categoryNames = new Map(((channel['wp:category'] as Node[] | undefined) ?? []).map((c) => [text(c['wp:term_id']).trim(), text(c['wp:cat_name'])]));

  const posts: Post[] = [];
  const others = new Map<string, number>();
  // Readers' comments (approved ones: spam and pending are not the site's) have no place here: counted, not dropped unsaid.
  let comments = 0;
  items.forEach((item, i) => {
    const type = text(item['wp:post_type']) || 'post';
    const wpStatus = text(item['wp:status']);
    if (type === 'attachment' || NOT_CONTENT.has(wpStatus)) return;
    if (type === GUEST_AUTHOR) return; // a profile, read with the bylines
    if (type !== 'post') {
      others.set(type, (others.get(type) ?? 0) + 1);
      return;
    }
    comments += ((item['wp:comment'] as Node[] | undefined) ?? []).filter((c) => text(c['wp:comment_approved']).trim() === '1').length;
    const meta = postmeta(item);
    const thumbnail = meta.get('_thumbnail_id')?.trim();
    const image = thumbnail ? attachments.get(thumbnail) : undefined;
    if (image) featured.add(thumbnail!);
    const categories = itemTerms(item);
    // An export of some posts only lists no terms apart: the posts' own name them too.
    for (const c of categories) if (c.domain !== 'author' && typeof c.nicename === 'string' && c.name.trim()) aliases.push({ alias: decodeSlug(c.nicename), name: c.name });
    const sections = categories.filter((c) => c.domain === 'category' && c.nicename !== 'uncategorized').map((c) => c.name);
    const primary = categoryNames.get(seoMeta(meta, PRIMARY_CATEGORY));
    const status = STATUS[wpStatus] ?? 'draft';
    const { author, coAuthors } = bylines.of(item);
    posts.push({
      where: `item ${i + 1}`,
      title: text(item['title']),
      html: text(item['content:encoded']),
      excerpt: text(item['excerpt:encoded']).trim() || seoMeta(meta, META_DESCRIPTION),
      tags: [
        ...(primary && sections.includes(primary) ? [primary] : []),
        ...sections.filter((name) => name !== primary),
        ...categories.filter((c) => c.domain === 'post_tag').map((c) => c.name),
      ],
      slug: decodeSlug(text(item['wp:post_name'])),
      author,
      ...(coAuthors.length ? { coAuthors } : {}),
      status,
      // A draft has no publication time yet; WordPress still writes its creation date.
      publishedAt: status === 'draft' || status === 'submitted' ? undefined : gmtDate(text(item['wp:post_date_gmt'])) ?? gmtDate(text(item['wp:post_date'])),
      modifiedAt: gmtDate(text(item['wp:post_modified_gmt'])),
      featured: text(item['wp:is_sticky']).trim() === '1',
      externalId: text(item['guid']).trim() || `wordpress:${text(item['wp:post_id'])}`,
      url: text(item['link']).trim() || undefined,
      ...(image ? { featureImage: image } : {}),
      // The "plain" permalink every WordPress post also answers to.
      ...(/^\d+$/.test(text(item['wp:post_id']).trim()) ? { shortlink: `?p=${text(item['wp:post_id']).trim()}` } : {}),
    });
  });
  const notes = [...others].map(([type, n]) => `${n} ${type} item${n === 1 ? '' : 's'} not imported (Sahifa imports posts)`);
  if (comments) notes.push(`${comments} comment${comments === 1 ? '' : 's'} not imported (Sahifa has no readers' comments)`);
  const unused = attachments.size - featured.size;
  if (unused > 0) notes.push(`${unused} attachment${unused === 1 ? '' : 's'} not imported (Sahifa brings in only the images that posts show)`);
  // One alias a slug: the site's own list of terms (with descriptions) first, then what posts name.
  const bySlug = new Map<string, TagAlias>();
  for (const a of aliases) if (a.alias && !bySlug.has(a.alias)) bySlug.set(a.alias, a);
  return { posts, notes, aliases: [...bySlug.values()], authorAliases: bylines.aliases, mediaFile: UPLOADS };
}
