/** What each kind of page puts in its head: built from the page's data. */
import type { ArticleSummary } from '../../content/article.js';
import { bioParagraphs, type AuthorCard } from '../../content/authors.js';
import { cutOnWord, DESCRIPTION_MAX } from '../../content/lead.js';
import type { ArticleView } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { articleUrl, authorUrl, pageUrl, tagUrl } from '../urls.js';
import { mediaUrl } from '../pages/media.js';
import { GENRE_PAGES, type PagedGenre } from '../pages/genre.js';
import { GENRE_LABEL } from '../../content/genre.js';
import { metaDescription, type SeoMeta, type ShareImage } from './head.js';
import { articleCrumbs, breadcrumbList, collectionPage, HOME_CRUMB, newsArticle, profilePage, webSite } from './jsonld.js';
import { feedLinks } from './links.js';

/** The article's feature image (issue #5) in its original format, the one every reader of OpenGraph takes. */
export function featureShareImage(article: ArticleView): ShareImage | undefined {
  const image = article.featureImage;
  if (!image) return undefined;
  return { url: mediaUrl(image.original.file), width: image.original.width, height: image.original.height, alt: image.alt };
}

export function articleSeo(article: ArticleView, site: SiteConfig): SeoMeta {
  const description = metaDescription(article.description) ?? '';
  const image = featureShareImage(article);
  return {
    path: articleUrl(article.slug),
    type: 'article',
    title: article.title,
    ...(image ? { image } : {}),
    article: { publishedAt: article.publishedAt, updatedAt: article.updatedAt, tags: article.tags },
    jsonLd: [newsArticle(article, site, description, image), breadcrumbList(site, articleCrumbs(article))],
  };
}

export interface ListSeoInput {
  base: string;
  page: number;
  pageSize: number;
  total: number;
  articles: ArticleSummary[];
  /** The tag a tag page lists; absent on the home page. */
  tag?: string;
  /** What the editors wrote about the tag; '' or absent when nothing. */
  tagAbout?: string;
  /** The byline an author's page lists. */
  author?: string;
  /** What that byline's profile says, when it has one. */
  authorCard?: AuthorCard | null;
  /** The genre a genre's page lists. */
  genre?: PagedGenre;
}

/** An author's page's description: the first paragraph of their profile's biography, else a line made of the name. */
export function authorDescription(site: SiteConfig, byline: string, card?: AuthorCard | null): string {
  const bio = card ? bioParagraphs(card.bio)[0] : undefined;
  return bio ? cutOnWord(bio, DESCRIPTION_MAX) : `أخبار بقلم ${byline} في ${site.name}`;
}

/** A tag page's description: what the editors wrote about the tag, else a line made of its name. */
export function tagDescription(site: SiteConfig, tag: string, about = ''): string {
  return about || `آخر الأخبار عن ${tag} في ${site.name}`;
}

export function listSeo(list: ListSeoInput, site: SiteConfig): SeoMeta {
  const path = pageUrl(list.base, list.page);
  if (list.author !== undefined) {
    const description = authorDescription(site, list.author, list.authorCard);
    const portrait = list.authorCard?.image;
    return {
      path,
      // The portrait is what a shared author's page shows.
      ...(portrait ? { image: { url: mediaUrl(portrait.original.file), width: portrait.original.width, height: portrait.original.height, alt: portrait.alt || list.author } } : {}),
      feeds: feedLinks(site, { author: list.author }),
      jsonLd: [profilePage(site, { byline: list.author, path, description, card: list.authorCard }), breadcrumbList(site, [HOME_CRUMB, { name: list.author, path: authorUrl(list.author) }])],
    };
  }
  if (list.genre !== undefined) {
    const { heading, about } = GENRE_PAGES[list.genre];
    return {
      path,
      feeds: feedLinks(site, { genre: list.genre }),
      jsonLd: [
        collectionPage(site, { name: heading, path, description: about(site.name), about: GENRE_LABEL[list.genre], total: list.total, offset: (list.page - 1) * list.pageSize, articles: list.articles }),
        breadcrumbList(site, [HOME_CRUMB, { name: heading, path: list.base }]),
      ],
    };
  }
  if (list.tag === undefined) {
    return { path, jsonLd: list.base === '/' ? [webSite(site)] : [] };
  }
  const name = `#${list.tag.replace(/ /g, '_')}`;
  return {
    path,
    feeds: feedLinks(site, { tag: list.tag }),
    jsonLd: [
      collectionPage(site, {
        name,
        path,
        description: tagDescription(site, list.tag, list.tagAbout),
        about: list.tag,
        total: list.total,
        offset: (list.page - 1) * list.pageSize,
        articles: list.articles,
      }),
      breadcrumbList(site, [HOME_CRUMB, { name, path: tagUrl(list.tag) }]),
    ],
  };
}

export const NOT_FOUND_SEO: SeoMeta = { noindex: true };
