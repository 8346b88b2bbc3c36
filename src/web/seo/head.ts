/**
 * The head elements that make a page found and shared: meta description,
 * canonical URL, OpenGraph, Twitter card, feed autodiscovery and JSON-LD.
 * The layout calls `seoHead` with the page's meta; pages fill `meta.seo`.
 */
import { cutOnWord, DESCRIPTION_MAX } from '../../content/lead.js';
import type { SiteConfig } from '../config.js';
import { Html, html } from '../html.js';
import { jsonLdScript, type JsonLd } from './jsonld.js';
import { absoluteUrl, feedLinks, type FeedLink } from './links.js';

export interface ShareImage {
  /** A path on the site or an absolute URL. */
  url: string;
  width?: number;
  height?: number;
  alt?: string;
}

export interface SeoMeta {
  /** The page's own path (with its query when paged): canonical and og:url. */
  path?: string;
  /** Pages not to index (404, errors): no canonical, robots noindex. */
  noindex?: boolean;
  /** OpenGraph type; 'website' unless an article. */
  type?: 'website' | 'article';
  /** The title to share (og:title), when it differs from the `<title>`. */
  title?: string;
  /** An image to share (the article's feature image); else the site's default image, if any. */
  image?: ShareImage;
  article?: {
    publishedAt: string | null;
    updatedAt: string;
    /** Ordered: the first is the section. */
    tags: string[];
  };
  /** Feeds besides the site's (a tag's). */
  feeds?: FeedLink[];
  jsonLd?: JsonLd[];
}

/** The meta description: at most 160 characters, cut on a word. */
export function metaDescription(text: string | undefined): string | undefined {
  const clean = text?.replace(/\s+/g, ' ').trim();
  return clean ? cutOnWord(clean, DESCRIPTION_MAX) : undefined;
}

export function seoHead(site: SiteConfig, meta: { title: string; description?: string; seo?: SeoMeta }): Html {
  const seo = meta.seo ?? {};
  const description = metaDescription(meta.description);
  const url = seo.path !== undefined && !seo.noindex ? absoluteUrl(site, seo.path) : undefined;
  const image: ShareImage | undefined = seo.image ?? (site.image ? { url: site.image } : undefined);
  const imageUrl = image ? absoluteUrl(site, image.url) : undefined;
  const title = seo.title ?? meta.title;
  const a = seo.article;
  const feeds = [...feedLinks(site), ...(seo.feeds ?? [])];
  const lines: (Html | false | undefined)[] = [
    description !== undefined && html`<meta name="description" content="${description}">`,
    seo.noindex && html`<meta name="robots" content="noindex">`,
    url !== undefined && html`<link rel="canonical" href="${url}">`,
    html`<meta property="og:site_name" content="${site.name}">`,
    html`<meta property="og:locale" content="ar_AR">`,
    html`<meta property="og:type" content="${seo.type ?? 'website'}">`,
    html`<meta property="og:title" content="${title}">`,
    description !== undefined && html`<meta property="og:description" content="${description}">`,
    url !== undefined && html`<meta property="og:url" content="${url}">`,
    imageUrl !== undefined && html`<meta property="og:image" content="${imageUrl}">`,
    image?.width !== undefined && html`<meta property="og:image:width" content="${image.width}">`,
    image?.height !== undefined && html`<meta property="og:image:height" content="${image.height}">`,
    !!image?.alt && html`<meta property="og:image:alt" content="${image.alt}">`,
    !!a?.publishedAt && html`<meta property="article:published_time" content="${a.publishedAt}">`,
    a && html`<meta property="article:modified_time" content="${a.updatedAt}">`,
    !!a?.tags[0] && html`<meta property="article:section" content="${a.tags[0]}">`,
    ...(a?.tags ?? []).map((t) => html`<meta property="article:tag" content="${t}">`),
    html`<meta name="twitter:card" content="${imageUrl ? 'summary_large_image' : 'summary'}">`,
    html`<meta name="twitter:title" content="${title}">`,
    description !== undefined && html`<meta name="twitter:description" content="${description}">`,
    imageUrl !== undefined && html`<meta name="twitter:image" content="${imageUrl}">`,
    !!image?.alt && html`<meta name="twitter:image:alt" content="${image.alt}">`,
    ...feeds.map((f) => html`<link rel="alternate" type="${f.type}" title="${f.title}" href="${absoluteUrl(site, f.href)}">`),
    ...(seo.jsonLd ?? []).map(jsonLdScript),
  ];
  return new Html(lines.filter((l): l is Html => l instanceof Html).join('\n'));
}
