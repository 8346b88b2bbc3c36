/**
 * Share links under an article: WhatsApp and Telegram first (where Arabic
 * news travels most), then X, Facebook and e-mail. Plain links to each
 * service's own share address with the article's canonical URL: no script,
 * no counters, nothing loaded from elsewhere until a reader chooses one.
 */
import type { SiteConfig } from '../config.js';
import { html, type Html } from '../html.js';
import { absoluteUrl } from '../seo/links.js';
import { articleUrl } from '../urls.js';

export interface ShareTarget {
  name: string;
  /** The class a stylesheet colours it by. */
  key: string;
  href: string;
}

/** Each service's share address for an article (its absolute URL and its headline). */
export function shareTargets(site: SiteConfig, article: { slug: string; title: string }): ShareTarget[] {
  const url = absoluteUrl(site, articleUrl(article.slug));
  const q = encodeURIComponent;
  return [
    { name: 'واتساب', key: 'whatsapp', href: `https://wa.me/?text=${q(`${article.title}\n${url}`)}` },
    { name: 'تيليغرام', key: 'telegram', href: `https://t.me/share/url?url=${q(url)}&text=${q(article.title)}` },
    { name: 'إكس', key: 'x', href: `https://x.com/intent/post?url=${q(url)}&text=${q(article.title)}` },
    { name: 'فيسبوك', key: 'facebook', href: `https://www.facebook.com/sharer/sharer.php?u=${q(url)}` },
    { name: 'البريد', key: 'email', href: `mailto:?subject=${q(article.title)}&body=${q(url)}` },
  ];
}

export function shareLinks(site: SiteConfig, article: { slug: string; title: string }): Html {
  return html`<nav class="share" aria-label="شارك الخبر">
<span class="share-label">شارك الخبر:</span>
${shareTargets(site, article).map(
  (t) => html`<a class="share-${t.key}" href="${t.href}"${t.key === 'email' ? '' : html` target="_blank" rel="noopener noreferrer"`}>${t.name}</a>`,
)}
</nav>`;
}
