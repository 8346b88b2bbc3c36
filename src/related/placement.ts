/**
 * Where the inline "شاهد أيضاً" links go. The seed's site dropped them right
 * under subheadings and in pairs; ours sit between paragraphs, never before
 * the second paragraph, never right after a subheading, never two in a row,
 * never at the very end (where the related list already is), never between
 * the pictures of a gallery, spread evenly.
 */
import type { Section } from '../content/body.js';

/**
 * Returns, for up to `count` links, the index (in reading order over all
 * blocks) of the block each link follows.
 */
export function seeAlsoSlots(sections: Section[], count: number): number[] {
  const total = sections.reduce((n, s) => n + s.blocks.length, 0);
  // Blocks after which a link would split figures in a row (a photo gallery, web/pages/gallery.ts).
  const inGallery = new Set<number>();
  let k0 = 0;
  for (const s of sections) {
    s.blocks.forEach((b, i) => {
      const next = s.blocks[i + 1];
      if (b.kind === 'figure' && b.figure && next?.kind === 'figure' && next.figure) inGallery.add(k0 + i);
    });
    k0 += s.blocks.length;
  }
  // A link may follow block k when at least two blocks precede it and it
  // is not the last block. Following a block never puts it after a heading.
  const allowed: number[] = [];
  for (let k = 1; k < total - 1; k++) if (!inGallery.has(k)) allowed.push(k);
  const chosen: number[] = [];
  for (let i = 1; i <= count && chosen.length < allowed.length; i++) {
    const target = Math.round((i * total) / (count + 1)) - 1;
    // The allowed slot nearest the even spread that leaves a block between links.
    const free = allowed
      .filter((k) => chosen.every((c) => Math.abs(c - k) >= 2))
      .sort((a, b) => Math.abs(a - target) - Math.abs(b - target) || a - b);
    if (free.length === 0) break;
    chosen.push(free[0]!);
  }
  return chosen.sort((a, b) => a - b);
}
