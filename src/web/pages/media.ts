/**
 * Uploaded images on the public pages (issue #5): a <picture> with the WebP
 * renditions as a srcset and the original format as the fallback, with its
 * size given so the page does not jump while it loads.
 */
import { figureHtml, type Figure } from '../../content/body.js';
import type { ImageRef } from '../../content/image.js';
import { mediaUrl, srcsetOf } from '../../media/images.js';
import { html, trusted, type Html } from '../html.js';

export { mediaUrl } from '../../media/images.js';

export function picture(image: ImageRef, options: { sizes: string; eager?: boolean; className?: string }): Html {
  return html`<picture${options.className ? html` class="${options.className}"` : ''}>
<source type="image/webp" srcset="${srcsetOf(image.webp)}" sizes="${options.sizes}">
<img src="${mediaUrl(image.original.file)}" alt="${image.alt}" width="${image.width}" height="${image.height}" ${options.eager ? html`fetchpriority="high"` : html`loading="lazy"`} decoding="async">
</picture>`;
}

/** The article's feature image, under the headline. */
export function featureFigure(image: ImageRef | null | undefined): Html {
  if (!image) return html``;
  return html`<figure class="feature-image">${picture(image, { sizes: '(max-width: 42rem) 100vw, 42rem', eager: true })}</figure>`;
}

/**
 * An image in the body: one of the site's uploads as a <picture> like the
 * feature image (renditions and size attached on save), with the body's own
 * alt text; any other address as the plain image body.ts made.
 */
export function bodyFigure(figure: Figure): Html {
  if (!figure.image) return trusted(figureHtml(figure));
  const image = { ...figure.image, alt: figure.alt };
  return html`<figure>${picture(image, { sizes: '(max-width: 42rem) 100vw, 42rem' })}${figure.caption ? html`<figcaption>${figure.caption}</figcaption>` : ''}</figure>`;
}

/** A card's image, in lists. */
export function cardImage(image: ImageRef | null | undefined): Html {
  if (!image) return html``;
  return picture(image, { sizes: '(max-width: 40rem) 100vw, 20rem', className: 'card-image' });
}
