/**
 * Feature images on the public pages (issue #5): a <picture> with the WebP
 * renditions as a srcset and the original format as the fallback, with its
 * size given so the page does not jump while it loads.
 */
import type { ImageRef } from '../../content/image.js';
import { mediaUrl } from '../../media/images.js';
import { html, type Html } from '../html.js';

export { mediaUrl } from '../../media/images.js';

export function picture(image: ImageRef, options: { sizes: string; eager?: boolean; className?: string }): Html {
  const srcset = image.webp.map((r) => `${mediaUrl(r.file)} ${r.width}w`).join(', ');
  return html`<picture${options.className ? html` class="${options.className}"` : ''}>
<source type="image/webp" srcset="${srcset}" sizes="${options.sizes}">
<img src="${mediaUrl(image.original.file)}" alt="${image.alt}" width="${image.width}" height="${image.height}" ${options.eager ? html`fetchpriority="high"` : html`loading="lazy"`} decoding="async">
</picture>`;
}

/** The article's feature image, under the headline. */
export function featureFigure(image: ImageRef | null | undefined): Html {
  if (!image) return html``;
  return html`<figure class="feature-image">${picture(image, { sizes: '(max-width: 42rem) 100vw, 42rem', eager: true })}</figure>`;
}

/** A card's image, in lists. */
export function cardImage(image: ImageRef | null | undefined): Html {
  if (!image) return html``;
  return picture(image, { sizes: '(max-width: 40rem) 100vw, 20rem', className: 'card-image' });
}
