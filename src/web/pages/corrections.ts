/**
 * The corrections page (/corrections): every correction published under a
 * story, newest first, each with its story. A newsroom that corrects in
 * the open says so in one place, as the Trust Project asks of a news site's
 * corrections policy; each story keeps its own under its text.
 */
import type { PublishedCorrection } from '../../store/store.js';
import type { SiteConfig } from '../config.js';
import { arabicDates } from '../dates.js';
import { html, type Html } from '../html.js';
import { articleUrl } from '../urls.js';
import { layout } from './layout.js';

/** How many the page lists: the newest. */
export const CORRECTIONS_SHOWN = 100;

export const correctionsAbout = (siteName: string) =>
  `حين يقع خطأ في خبر منشور في ${siteName} نصححه في الخبر نفسه، ونؤرخ التصحيح تحت نصه ولا نحذفه. هنا أحدث التصحيحات في الموقع كله.`;

export function correctionsPage(corrections: PublishedCorrection[], site: SiteConfig): Html {
  const main = html`<h1 class="list-heading">التصحيحات</h1>
<p class="tag-description">${correctionsAbout(site.name)}</p>
${
  corrections.length
    ? html`<ol class="corrections-index">${corrections.map((c) => {
        const d = arabicDates(c.at, site.timeZone, site.digits);
        return html`<li>
<p class="when"><time datetime="${c.at}">${d.gregorian} ${d.time}</time></p>
<h2><a href="${articleUrl(c.article.slug)}">${c.article.title}</a></h2>
<p>${c.text}</p>
</li>`;
      })}</ol>`
    : html`<p class="empty">لا تصحيحات حتى الآن.</p>`
}`;
  return layout(site, { title: 'التصحيحات', description: correctionsAbout(site.name), seo: { path: '/corrections' } }, main);
}
