/**
 * Photo galleries ("ألبوم صور"): two or more figures in a row in a story's
 * body are shown as one gallery, a grid of pictures each linking to its
 * largest size, so that a photo story reads as a set rather than a column
 * of full-width images. /assets/gallery.js, sent only with a gallery, opens
 * the pictures in a viewer that steps through them; without it the links
 * still lead to each picture.
 */
import type { Block, Figure } from '../../content/body.js';
import { mediaUrl } from '../../media/images.js';
import { html, type Html } from '../html.js';
import { formatNumber, type Digits } from '../dates.js';
import { picture } from './media.js';

/** The fewest figures in a row that make a gallery. */
export const GALLERY_MIN = 2;

/** A body's blocks with each gallery's figures gathered: a block, or a run of figures. */
export type Piece = { block: Block; index: number } | { gallery: { block: Block; index: number }[] };

const isFigure = (b: Block): boolean => b.kind === 'figure' && b.figure !== undefined;

/** Groups a section's blocks (`first`: the reading-order index of its first block) into blocks and galleries. */
export function pieces(blocks: Block[], first: number): Piece[] {
  const out: Piece[] = [];
  let run: { block: Block; index: number }[] = [];
  const flush = () => {
    if (run.length >= GALLERY_MIN) out.push({ gallery: run });
    else out.push(...run);
    run = [];
  };
  blocks.forEach((block, i) => {
    if (isFigure(block)) run.push({ block, index: first + i });
    else {
      flush();
      out.push({ block, index: first + i });
    }
  });
  flush();
  return out;
}

/** The largest picture of a figure: an upload's widest rendition, or the address the body gives. */
function largest(f: Figure): string {
  const widest = f.image?.webp.at(-1);
  return widest ? mediaUrl(widest.file) : f.src;
}

/** `digits`: the site's, for the viewer's count ("2 من 3"). */
export function galleryHtml(figures: Figure[], digits: Digits = 'latn'): Html {
  return html`<div class="gallery" role="group" aria-label="ألبوم صور (${formatNumber(figures.length, digits)})" data-digits="${digits}">
${figures.map(
  (f, i) => html`<figure>
<a class="gallery-open" href="${largest(f)}" data-index="${i}">${
    f.image
      ? picture({ ...f.image, alt: f.alt }, { sizes: '(max-width: 42rem) 50vw, 21rem' })
      : html`<img src="${f.src}" alt="${f.alt}" loading="lazy" decoding="async">`
  }</a>
${f.caption ? html`<figcaption>${f.caption}</figcaption>` : ''}
</figure>`,
)}
</div>`;
}
