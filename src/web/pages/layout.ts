/** The shell around every page: head, header with sections and search, footer. */
import type { SiteConfig } from '../config.js';
import { html, trusted, type Html } from '../html.js';
import { BREAKING_MARKER } from '../plugins/breaking.js';
import { seoHead, type SeoMeta } from '../seo/head.js';
import { tagUrl } from '../urls.js';

export const SECTIONS = ['سياسة', 'اقتصاد', 'رياضة', 'ثقافة', 'تكنولوجيا', 'صحة'];

export interface PageMeta {
  title: string;
  description?: string;
  /** Extra head elements (feeds, structured data). */
  head?: Html;
  /** Canonical URL, OpenGraph, feeds and JSON-LD (src/web/seo, issue #6). */
  seo?: SeoMeta;
  /** The reader's query, kept in the header's search box. */
  query?: string;
}

export function layout(site: SiteConfig, meta: PageMeta, main: Html): Html {
  const title = meta.title === site.name ? site.name : `${meta.title} | ${site.name}`;
  return html`<!doctype html>
<html lang="ar" dir="rtl">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="color-scheme" content="light dark">
<title>${title}</title>
${seoHead(site, meta)}
<link rel="preload" href="/assets/fonts/naskh/files/noto-naskh-arabic-arabic-400-normal.woff2" as="font" type="font/woff2" crossorigin>
<link rel="stylesheet" href="/assets/fonts/naskh/arabic-400.css">
<link rel="stylesheet" href="/assets/fonts/naskh/arabic-700.css">
<link rel="stylesheet" href="/assets/fonts/kufi/arabic-700.css">
<link rel="stylesheet" href="/assets/site.css">
<link rel="icon" href="/assets/favicon.svg" type="image/svg+xml">
${meta.head ?? ''}
</head>
<body>
<a class="skip-link" href="#main">تخطَّ إلى المحتوى</a>
<header class="site-header">
  <div class="wrap">
    <a class="brand" href="/">${site.name}</a>
    <form class="search" action="/search" method="get" role="search">
      <label class="visually-hidden" for="q">ابحث في الأخبار</label>
      <input id="q" name="q" type="search" placeholder="ابحث في الأخبار" autocomplete="off" value="${meta.query ?? ''}">
      <button type="submit">بحث</button>
    </form>
  </div>
  <nav class="sections wrap" aria-label="الأقسام">
    ${SECTIONS.map((s) => html`<a href="${tagUrl(s)}">${s}</a>`)}
  </nav>
</header>
${trusted(BREAKING_MARKER)}
<main id="main" class="wrap" tabindex="-1">
${main}
</main>
<footer class="site-footer"><div class="wrap">${site.name} — منصة نشر إخبارية عربية · <a href="/opinion">مقالات الرأي</a> · <a href="/authors">كتّابنا</a> · <a href="/corrections">التصحيحات</a></div></footer>
</body>
</html>`;
}
