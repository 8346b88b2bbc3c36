/**
 * Image uploads (issue #5): the type is read from the bytes (magic numbers,
 * then sharp's own decoding must agree), never from the name; the size is
 * capped; the image is re-encoded (which drops EXIF and anything hidden)
 * into WebP renditions 480/960/1600 wide and one copy in its own format,
 * under the media folder beside the database.
 */
import { randomBytes } from 'node:crypto';
import { mkdir, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp, { type Metadata, type Sharp } from 'sharp';
import type { ImageFormat, Rendition } from '../content/image.js';
import { AppError, conflict, invalid, notFound } from '../services/newsroom-errors.js';
import type { MediaRecord } from '../store/newsroom.js';
import type { Store } from '../store/store.js';

export const RENDITION_WIDTHS = [480, 960, 1600];

/** Where the site serves a stored media file (src/web/admin/index.ts serves the folder there). */
export const mediaUrl = (file: string): string => `/media/${encodeURIComponent(file)}`;
/** An upload's WebP renditions as a srcset. */
export const srcsetOf = (webp: Rendition[]): string => webp.map((r) => `${mediaUrl(r.file)} ${r.width}w`).join(', ');
export const ALT_MAX = 300;
/** Pixels sharp agrees to decode: a decompression bomb is refused, not expanded. */
const MAX_PIXELS = 50_000_000;
const EXTENSION: Record<ImageFormat, string> = { jpeg: 'jpg', png: 'png', webp: 'webp' };

export interface MediaOptions {
  dir: string;
  maxBytes: number;
}

/** The format the bytes say they are, or null. */
export function sniffImage(bytes: Uint8Array): ImageFormat | null {
  const b = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (b.length >= 3 && b[0] === 0xff && b[1] === 0xd8 && b[2] === 0xff) return 'jpeg';
  if (b.length >= 8 && b.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]))) return 'png';
  if (b.length >= 12 && b.toString('latin1', 0, 4) === 'RIFF' && b.toString('latin1', 8, 12) === 'WEBP') return 'webp';
  return null;
}

export function checkAlt(alt: unknown, field = 'alt'): string {
  const text = typeof alt === 'string' ? alt.replace(/\s+/g, ' ').trim() : '';
  if (!text) throw invalid(field, 'is required: describe the image for readers who cannot see it', 'النص البديل مطلوب: صِف الصورة لمن لا يراها');
  if (text.length > ALT_MAX) throw invalid(field, `must be at most ${ALT_MAX} characters`, `النص البديل أطول من ${ALT_MAX} حرفاً`);
  return text;
}

export function tooLarge(maxBytes: number): AppError {
  const mb = (maxBytes / (1024 * 1024)).toFixed(1);
  return new AppError(413, 'file_too_large', `The image is larger than ${mb} MB`, `الصورة أكبر من ${mb} ميغابايت`, 'file');
}

function encode(image: Sharp, format: ImageFormat): Sharp {
  if (format === 'jpeg') return image.jpeg({ quality: 85, mozjpeg: true });
  if (format === 'png') return image.png({ compressionLevel: 9 });
  return image.webp({ quality: 85 });
}

export async function saveUpload(
  store: Store,
  options: MediaOptions,
  upload: { bytes: Uint8Array; alt: unknown; userId: number | null },
  altField = 'alt',
): Promise<MediaRecord> {
  const alt = checkAlt(upload.alt, altField);
  const bytes = Buffer.from(upload.bytes);
  if (bytes.length === 0) throw invalid('file', 'is empty', 'لم يُرفع أي ملف');
  if (bytes.length > options.maxBytes) throw tooLarge(options.maxBytes);
  const format = sniffImage(bytes);
  if (!format) {
    throw new AppError(415, 'unsupported_type', 'Only JPEG, PNG and WebP images are accepted', 'الصيغ المقبولة: JPEG وPNG وWebP فقط', 'file');
  }
  let meta: Metadata;
  try {
    meta = await sharp(bytes, { limitInputPixels: MAX_PIXELS }).metadata();
  } catch {
    throw invalid('file', 'is not a readable image', 'تعذّرت قراءة الصورة');
  }
  if (meta.format !== format || !meta.width || !meta.height) throw invalid('file', 'is not a readable image', 'تعذّرت قراءة الصورة');

  await mkdir(options.dir, { recursive: true });
  const key = randomBytes(12).toString('hex');
  const written: string[] = [];
  const render = async (width: number, as: ImageFormat, file: string): Promise<Rendition> => {
    const pipeline = sharp(bytes, { limitInputPixels: MAX_PIXELS }).rotate().resize({ width, withoutEnlargement: true });
    const target = path.join(options.dir, file);
    written.push(target);
    const info = await encode(pipeline, as).toFile(target);
    return { file, width: info.width, height: info.height, format: as };
  };
  try {
    // Rotated per EXIF, the image may be taller than wide: widths are of the upright image.
    const upright = (meta.orientation ?? 1) >= 5 ? meta.height : meta.width;
    const widths = RENDITION_WIDTHS.filter((w) => w < upright);
    if (upright <= RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1]!) widths.push(upright);
    const maxWidth = Math.min(upright, RENDITION_WIDTHS[RENDITION_WIDTHS.length - 1]!);
    const webp: Rendition[] = [];
    for (const w of [...new Set(widths)].sort((a, b) => a - b)) webp.push(await render(w, 'webp', `${key}-${w}.webp`));
    const original = await render(maxWidth, format, `${key}.${EXTENSION[format]}`);
    return await store.newsroom.createMedia({
      fileKey: key,
      format,
      width: original.width,
      height: original.height,
      bytes: bytes.length,
      alt,
      original,
      webp,
      userId: upload.userId,
    });
  } catch (e) {
    await Promise.all(written.map((f) => rm(f, { force: true })));
    if (e instanceof AppError) throw e;
    throw invalid('file', 'is not a readable image', 'تعذّرت معالجة الصورة');
  }
}

export async function deleteMediaFiles(media: MediaRecord, dir: string): Promise<void> {
  await Promise.all([media.original, ...media.webp].map((r) => rm(path.join(dir, path.basename(r.file)), { force: true })));
}

/**
 * Deletes an upload, record and files. Articles with it as their feature
 * image lose it (the page simply shows none); while an article's body shows
 * it, any status, it is refused (409, the articles named): it would leave a
 * broken picture in the middle of a story.
 */
export async function deleteUpload(store: Store, id: number, dir: string): Promise<void> {
  const media = await store.newsroom.getMedia(id);
  if (!media) throw notFound('image', 'لم نجد هذه الصورة');
  const showing = await store.newsroom.articlesShowingUpload(media.id);
  if (showing.length) {
    const titles = showing.slice(0, 3).map((a) => `«${a.title}» (${a.id})`).join('، ');
    throw conflict('image_in_use', 'id', `The image is shown in the body of ${showing.length} article(s): ${titles}`, `الصورة معروضة في نص ${showing.length} من الأخبار: ${titles}`);
  }
  if (!(await store.newsroom.deleteMedia(media.id))) throw notFound('image', 'لم نجد هذه الصورة');
  await deleteMediaFiles(media, dir);
}
