/**
 * Structured data (schema.org, JSON-LD): NewsArticle on articles,
 * BreadcrumbList, WebSite with its SearchAction, CollectionPage on tag pages.
 * Built as plain objects and written into `<script type="application/ld+json">`
 * with `<`, `>` and `&` escaped, so no text in an article can close the script.
 */
import type { ArticleSummary } from '../../content/article.js';
import { cardFor, type AuthorCard } from '../../content/authors.js';
import { bylinesOf } from '../../content/bylines.js';
import type { ArticleGenre } from '../../content/genre.js';
import { mediaUrl } from '../../media/images.js';
import { cutOnWord } from '../../content/lead.js';
import { updateSections } from '../../content/live.js';
import type { ArticleView } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { trusted, type Html } from '../html.js';
import { articleUrl, authorUrl, tagUrl } from '../urls.js';
import { absoluteUrl } from './links.js';

export type JsonLd = Record<string, unknown>;

const CONTEXT = 'https://schema.org';
/** Google shows at most this much of a headline. */
export const HEADLINE_MAX = 110;
/** The size of the default logo, src/web/assets/logo.png. */
export const DEFAULT_LOGO = { path: '/assets/logo.png', width: 600, height: 60 };

/** JSON that is safe inside a `<script>` element. */
export function safeJson(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029');
}

export function jsonLdScript(data: JsonLd): Html {
  return trusted(`<script type="application/ld+json">${safeJson(data)}</script>`);
}

export function logoObject(site: SiteConfig): JsonLd {
  const logo: JsonLd = { '@type': 'ImageObject', url: absoluteUrl(site, site.logo) };
  if (site.logo === DEFAULT_LOGO.path) Object.assign(logo, { width: DEFAULT_LOGO.width, height: DEFAULT_LOGO.height });
  return logo;
}

export function publisher(site: SiteConfig): JsonLd {
  return { '@type': 'NewsMediaOrganization', name: site.name, url: `${site.baseUrl}/`, logo: logoObject(site) };
}

/** The image an article is shared with: its own, else the site's default image, else the logo. */
export function shareImage(site: SiteConfig, own?: { url: string; width?: number; height?: number }): JsonLd | string {
  if (own?.width && own.height) return { '@type': 'ImageObject', url: absoluteUrl(site, own.url), width: own.width, height: own.height };
  return absoluteUrl(site, own?.url ?? site.image ?? site.logo);
}

/**
 * The schema.org type of a story: news, or the NewsArticle kinds that say it
 * is a view (OpinionNewsArticle, AnalysisNewsArticle), or paid content
 * (AdvertiserContentArticle), as search engines ask sites to mark them.
 */
const ARTICLE_TYPE: Record<ArticleGenre, string> = {
  news: 'NewsArticle',
  opinion: 'OpinionNewsArticle',
  analysis: 'AnalysisNewsArticle',
  sponsored: 'AdvertiserContentArticle',
};

export function newsArticle(
  article: ArticleView,
  site: SiteConfig,
  description: string,
  image?: { url: string; width?: number; height?: number },
): JsonLd {
  const url = absoluteUrl(site, articleUrl(article.slug));
  const published = article.publishedAt ?? article.updatedAt;
  return {
    '@context': CONTEXT,
    '@type': ARTICLE_TYPE[article.genre],
    headline: cutOnWord(article.title, HEADLINE_MAX),
    description,
    datePublished: published,
    dateModified: article.updatedAt > published ? article.updatedAt : published,
    author: bylinesOf(article).length
      ? bylinesOf(article).map((name) => person(site, name, cardFor(article.authorCards, name)))
      : [{ '@type': 'Organization', name: site.name, url: `${site.baseUrl}/` }],
    publisher: publisher(site),
    image: [shareImage(site, image)],
    keywords: article.tags,
    ...(article.tags[0] ? { articleSection: article.tags[0] } : {}),
    inLanguage: 'ar',
    url,
    mainEntityOfPage: { '@type': 'WebPage', '@id': url },
    isAccessibleForFree: true,
    ...(article.genre === 'sponsored' && article.sponsor ? { sponsor: { '@type': 'Organization', name: article.sponsor } } : {}),
    ...(article.corrections.length ? { correction: article.corrections.map((c) => ({ '@type': 'CorrectionComment', text: c.text, datePublished: c.at })) } : {}),
    ...(article.live ? liveBlog(article, url, published) : {}),
  };
}

/** The newest this many updates are in a live story's structured data; the page has them all. */
export const LIVE_BLOG_UPDATES = 50;

/**
 * A live story is also a LiveBlogPosting (schema.org; search engines mark it
 * "LIVE"): when its coverage began and, once over, ended, and its newest
 * updates, each at its anchor on the page. Not all of them: the data repeats
 * their text, and a day's coverage of a thousand updates would double a page
 * of a megabyte for what search engines show, the latest.
 */
function liveBlog(article: ArticleView, url: string, published: string): JsonLd {
  const updates = updateSections(article.sections);
  const oldest = updates.at(-1)?.update?.at;
  return {
    '@type': [ARTICLE_TYPE[article.genre], 'LiveBlogPosting'],
    coverageStartTime: oldest && oldest < published ? oldest : published,
    // Ending the coverage is a save: its last save is when it ended.
    ...(article.live === 'ended' ? { coverageEndTime: article.updatedAt } : {}),
    liveBlogUpdate: updates.slice(0, LIVE_BLOG_UPDATES).map((s) => ({
      '@type': 'BlogPosting',
      ...(s.heading ? { headline: cutOnWord(s.heading, HEADLINE_MAX) } : {}),
      datePublished: s.update!.at,
      articleBody: s.blocks.map((b) => b.text).join('\n'),
      url: `${url}#update-${s.update!.id}`,
    })),
  };
}

export interface Crumb {
  name: string;
  /** A path on the site. */
  path: string;
}

export function breadcrumbList(site: SiteConfig, crumbs: Crumb[]): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'BreadcrumbList',
    itemListElement: crumbs.map((c, i) => ({
      '@type': 'ListItem',
      position: i + 1,
      name: c.name,
      item: absoluteUrl(site, c.path),
    })),
  };
}

export const HOME_CRUMB: Crumb = { name: 'الرئيسية', path: '/' };

export function articleCrumbs(article: ArticleView): Crumb[] {
  const section = article.tags[0];
  return [
    HOME_CRUMB,
    ...(section ? [{ name: section, path: tagUrl(section) }] : []),
    { name: cutOnWord(article.title, HEADLINE_MAX), path: articleUrl(article.slug) },
  ];
}

/** The search page's address with the placeholder search engines fill in. */
export const SEARCH_TEMPLATE = '/search?q={search_term_string}';

export function webSite(site: SiteConfig): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'WebSite',
    name: site.name,
    url: `${site.baseUrl}/`,
    description: site.description,
    inLanguage: 'ar',
    publisher: publisher(site),
    potentialAction: {
      '@type': 'SearchAction',
      target: { '@type': 'EntryPoint', urlTemplate: absoluteUrl(site, SEARCH_TEMPLATE) },
      'query-input': 'required name=search_term_string',
    },
  };
}

/**
 * The Person behind a byline: their page's address, and what their profile
 * says (job title, portrait, their pages elsewhere as sameAs) when it has one.
 */
function person(site: SiteConfig, byline: string, card?: AuthorCard | null, description?: string): JsonLd {
  const image = card?.image;
  return {
    '@type': 'Person',
    name: byline,
    url: absoluteUrl(site, authorUrl(byline)),
    ...(card?.jobTitle ? { jobTitle: card.jobTitle } : {}),
    ...(description ? { description } : {}),
    ...(image ? { image: { '@type': 'ImageObject', url: absoluteUrl(site, mediaUrl(image.original.file)), width: image.original.width, height: image.original.height } } : {}),
    ...(card?.links.length ? { sameAs: card.links } : {}),
  };
}

/** An author's page: Google reads the byline's Person from it. */
export function profilePage(site: SiteConfig, page: { byline: string; path: string; description: string; card?: AuthorCard | null }): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'ProfilePage',
    name: page.byline,
    url: absoluteUrl(site, page.path),
    description: page.description,
    inLanguage: 'ar',
    isPartOf: { '@type': 'WebSite', name: site.name, url: `${site.baseUrl}/` },
    mainEntity: person(site, page.byline, page.card, page.card?.bio ? page.description : undefined),
  };
}

export function collectionPage(
  site: SiteConfig,
  page: {
    name: string;
    path: string;
    description: string;
    /** What the pages are about: a tag, a genre. */
    about: string;
    total: number;
    /** How many articles come before this page's first. */
    offset: number;
    articles: ArticleSummary[];
  },
): JsonLd {
  return {
    '@context': CONTEXT,
    '@type': 'CollectionPage',
    name: page.name,
    url: absoluteUrl(site, page.path),
    description: page.description,
    inLanguage: 'ar',
    about: { '@type': 'Thing', name: page.about },
    isPartOf: { '@type': 'WebSite', name: site.name, url: `${site.baseUrl}/` },
    mainEntity: {
      '@type': 'ItemList',
      numberOfItems: page.total,
      itemListElement: page.articles.map((a, i) => ({
        '@type': 'ListItem',
        position: page.offset + i + 1,
        url: absoluteUrl(site, articleUrl(a.slug)),
        name: a.title,
      })),
    },
  };
}
