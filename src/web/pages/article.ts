/**
 * The article page, in the seed's shape done right: headline, description,
 * hashtags that lead to tag pages, the date in both calendars, sections with
 * subheadings, quotations and figures, "شاهد أيضاً" links between paragraphs, and the
 * related list at the end.
 */
import type { ArticleLink } from '../../content/article.js';
import type { Block, Section } from '../../content/body.js';
import { cutOnWord } from '../../content/lead.js';
import { bodySections, updateSections } from '../../content/live.js';
import { seeAlsoSlots } from '../../related/placement.js';
import type { ArticleView } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { arabicDates, countWords, readingMinutes, readingTime, relativeTime } from '../dates.js';
import { html, trusted, type Html } from '../html.js';
import { articleUrl, tagUrl } from '../urls.js';
import { authorBoxes, bylineLine } from './author.js';
import { bylinesOf } from '../../content/bylines.js';
import { absoluteUrl } from '../seo/links.js';
import { articleSeo } from '../seo/pages.js';
import { layout } from './layout.js';
import { shareLinks } from './share.js';
import { mostReadMarker } from '../plugins/most-read.js';
import { bodyFigure, featureFigure } from './media.js';
import { galleryHtml, pieces } from './gallery.js';
import { genreLabel, genreNote } from './genre.js';

function block(b: Block): Html {
  if (b.kind === 'figure') return b.figure ? bodyFigure(b.figure) : trusted(b.html);
  if (b.kind === 'video') return trusted(b.html);
  return b.kind === 'quote' ? html`<blockquote><p>${trusted(b.html)}</p></blockquote>` : html`<p>${trusted(b.html)}</p>`;
}

function seeAlso(link: ArticleLink): Html {
  return html`<p class="see-also"><span>شاهد أيضاً:</span> <a href="${articleUrl(link.slug)}">${link.title}</a></p>`;
}

/**
 * The corrections under a story, oldest first, each with its date and time:
 * what a newsroom owes its readers when it got something wrong.
 */
function correctionsNote(article: ArticleView, site: SiteConfig): Html {
  if (!article.corrections.length) return html``;
  return html`<aside class="corrections" aria-labelledby="corrections-title">
  <h2 id="corrections-title">${article.corrections.length === 1 ? 'تصحيح' : 'تصحيحات'}</h2>
  <ul>${article.corrections.map((c) => {
    const d = arabicDates(c.at, site.timeZone, site.digits);
    return html`<li><time datetime="${c.at}">${d.gregorian} ${d.time}</time>: ${c.text}</li>`;
  })}</ul>
</aside>`;
}

/**
 * A live story's updates, newest first, each at its own anchor with the time
 * it was posted. While the coverage runs, live.js checks the page for new
 * ones and offers them with a button (the page itself is the feed: a
 * revalidation answered by its ETag, no second endpoint).
 */
function liveUpdates(article: ArticleView, site: SiteConfig): Html {
  if (!article.live) return html``;
  const updates = updateSections(article.sections);
  const key = updates.filter((u) => u.update!.key);
  return html`<section class="live-updates" aria-labelledby="live-title">
  <h2 id="live-title">${article.live === 'live' ? 'التحديثات أولاً بأول' : 'تحديثات التغطية'}</h2>
  ${
    key.length
      ? html`<nav class="live-key" aria-labelledby="live-key-title"><h3 id="live-key-title">أبرز التطورات</h3><ul>${key.map(
          (u) => html`<li><a href="#update-${String(u.update!.id)}"><time datetime="${u.update!.at}">${arabicDates(u.update!.at, site.timeZone, site.digits).time}</time> ${updateGist(u)}</a></li>`,
        )}</ul></nav>`
      : ''
  }
  ${updates.length ? '' : html`<p class="live-empty">تبدأ التحديثات بعد قليل.</p>`}
  <ol>${updates.map((u) => {
    const d = arabicDates(u.update!.at, site.timeZone, site.digits);
    return html`<li id="update-${String(u.update!.id)}" class="live-update${u.update!.key ? ' key' : ''}">
<p class="live-time"><time datetime="${u.update!.at}"><span class="clock">${d.time}</span> <span class="gregorian">${d.gregorian}</span></time> <a class="update-link" href="#update-${String(u.update!.id)}">رابط التحديث</a></p>
${u.heading ? html`<h3>${u.heading}</h3>` : ''}
${u.blocks.map(block)}
</li>`;
  })}</ol>
</section>
${article.live === 'live' ? html`<script src="/assets/live.js" defer></script>` : ''}`;
}

/** What a key development says in the list above the updates: its title, else its first words. */
function updateGist(update: Section): string {
  return update.heading ?? cutOnWord(update.blocks.find((b) => b.text)?.text ?? '', KEY_GIST_MAX);
}
const KEY_GIST_MAX = 120;

/** "مباشر" over a live story's headline; a plain line once the coverage has ended. */
function liveBadge(article: ArticleView): Html {
  if (article.live === 'live') return html`<p class="live-badge" data-live="live"><span>مباشر</span></p>`;
  if (article.live === 'ended') return html`<p class="live-ended" data-live="ended">انتهت التغطية المباشرة</p>`;
  return html``;
}

/** An address as a reader reads it, in letters rather than percent-escapes (printed under the article). */
function readableUrl(url: string): string {
  try {
    return decodeURI(url);
  } catch {
    return url;
  }
}

/**
 * When an article appeared, in both calendars and the site's zone and digits.
 * News under a day old also says how long ago ("منذ ساعتين"); with
 * `relative`, that is all a fresh item shows (lists), the dates in its title.
 */
export function publishedLine(iso: string | null, site: SiteConfig, { relative = false, now = new Date() } = {}): Html {
  if (!iso) return html``;
  const d = arabicDates(iso, site.timeZone, site.digits);
  const ago = relativeTime(iso, now, site.digits);
  if (relative && ago) {
    return html`<time datetime="${iso}" title="${d.gregorian} — ${d.hijri} ${d.time}"><span class="relative">${ago}</span></time>`;
  }
  return html`<time datetime="${iso}"><span class="gregorian">${d.gregorian}</span> <span class="sep">—</span> <span class="hijri">${d.hijri}</span> <span class="clock">${d.time}</span></time>${ago ? html` <span class="relative">${ago}</span>` : ''}`;
}

/** Saves closer together than this are one edit (a typo fixed right after publishing is no update). */
export const UPDATE_NOTICE_MS = 30 * 60 * 1000;

/**
 * "آخر تحديث: …" when the story was edited after it was published: saved
 * again well after both its publication and its creation here (an import's
 * or a backdated story's first save is not an edit, nor is the scheduler's
 * publication). The date readers and dateModified agree on.
 */
export function updatedLine(article: Pick<ArticleView, 'publishedAt' | 'updatedAt' | 'createdAt'>, site: SiteConfig): Html {
  const updated = Date.parse(article.updatedAt);
  const published = article.publishedAt ? Date.parse(article.publishedAt) : Number.NaN;
  if (!(updated - published > UPDATE_NOTICE_MS && updated - Date.parse(article.createdAt) > UPDATE_NOTICE_MS)) return html``;
  const d = arabicDates(article.updatedAt, site.timeZone, site.digits);
  return html` <span class="updated">آخر تحديث: <time datetime="${article.updatedAt}">${d.gregorian} ${d.time}</time></span>`;
}

/** "قراءة في 3 دقائق", from the words of the headings and paragraphs. */
export function readingLine(article: ArticleView, site: SiteConfig): Html {
  const words = article.sections.reduce(
    (n, s) => n + countWords(s.heading ?? '') + s.blocks.reduce((m, b) => m + countWords(b.text), 0),
    0,
  );
  return html`<span class="reading-time">${readingTime(readingMinutes(words), site.digits)}</span>`;
}

export function tagLinks(tags: string[]): Html {
  return html`<ul class="tags">${tags.map((t) => html`<li><a rel="tag" href="${tagUrl(t)}">#${t.replace(/ /g, '_')}</a></li>`)}</ul>`;
}

/** `notice`: a line over the story (a shared preview says it is not published). */
export function articlePage(article: ArticleView, site: SiteConfig, options: { notice?: Html } = {}): Html {
  const own = bodySections(article.sections);
  const slots = seeAlsoSlots(own, article.seeAlso.length);
  const linkAfter = new Map(slots.map((slot, i) => [slot, article.seeAlso[i]!]));
  let first = 0;
  const sectionParts = own.map((section) => {
    const parts = pieces(section.blocks, first);
    first += section.blocks.length;
    return { section, parts };
  });
  const body = sectionParts.map(({ section, parts }) => {
    return html`<section>
${section.heading ? html`<h2>${section.heading}</h2>` : ''}
${parts.map((p) => {
  // A gallery is never split by a link (placement.ts); one may follow it.
  const last = 'gallery' in p ? p.gallery.at(-1)!.index : p.index;
  const link = linkAfter.get(last);
  return html`${'gallery' in p ? galleryHtml(p.gallery.map((g) => g.block.figure!), site.digits) : block(p.block)}${link ? seeAlso(link) : ''}`;
})}
</section>`;
  });
  const hasGallery = sectionParts.some(({ parts }) => parts.some((p) => 'gallery' in p));
  const main = html`<article class="article">
${options.notice ?? ''}
<header>
  ${liveBadge(article)}
  ${genreLabel(article.genre)}
  <h1>${article.title}</h1>
  <p class="description">${article.description}</p>
  <div class="meta">${publishedLine(article.publishedAt, site)}${updatedLine(article, site)}${bylineLine(bylinesOf(article), article.authorCards)} ${readingLine(article, site)}</div>
  ${tagLinks(article.tags)}
</header>
${featureFigure(article.featureImage)}
<div class="article-body">
${body}
</div>
${liveUpdates(article, site)}
${genreNote(article.genre, site, article.sponsor)}
${correctionsNote(article, site)}
${authorBoxes(bylinesOf(article), article.authorCards)}
<p class="print-url" dir="ltr">${readableUrl(absoluteUrl(site, articleUrl(article.slug)))}</p>
${shareLinks(site, article)}
${
  article.related.length
    ? html`<aside class="related" aria-labelledby="related-title">
  <h2 id="related-title">أخبار ذات صلة</h2>
  <ul>${article.related.map((r) => html`<li><a href="${articleUrl(r.slug)}">${r.title}</a></li>`)}</ul>
</aside>`
    : ''
}
${trusted(mostReadMarker(article.id))}
</article>
${article.sections.some((s) => s.blocks.some((b) => b.kind === 'video')) ? html`<script src="/assets/video.js" defer></script>` : ''}
${hasGallery ? html`<script src="/assets/gallery.js" defer></script>` : ''}`;
  return layout(site, { title: article.title, description: article.description, seo: articleSeo(article, site) }, main);
}
