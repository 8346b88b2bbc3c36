/**
 * An image as pages show it (issue #5): the media row's renditions, so that
 * a page can write `srcset` without asking the store again.
 */
export type ImageFormat = 'jpeg' | 'png' | 'webp';

export interface Rendition {
  /** File name under the media folder (served at /media/<file>). */
  file: string;
  width: number;
  height: number;
  format: ImageFormat;
}

export interface ImageRef {
  id: number;
  alt: string;
  width: number;
  height: number;
  /** The original format, re-encoded (metadata stripped), at most 1600 wide. */
  original: Rendition;
  /** WebP renditions, narrowest first. */
  webp: Rendition[];
}
