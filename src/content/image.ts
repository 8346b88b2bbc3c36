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

/** An upload's file names: `<key>.<ext>` for the original, `<key>-<width>.webp` for a rendition (src/media/images.ts). */
const UPLOAD_PATH = /^\/media\/([0-9a-f]{24})(?:-\d+)?\.(?:jpg|png|webp)$/;

/** The upload a site path shows (its file key), or null for any other address. */
export function uploadKeyOf(src: string): string | null {
  return UPLOAD_PATH.exec(src)?.[1] ?? null;
}
