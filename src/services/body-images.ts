/**
 * The images in the bodies of a WordPress or Ghost export (the figures
 * html.ts made), brought in from the old site's media folder with
 * `sahifa import --media DIR`, like the feature images (feature-images.ts):
 * each file is checked and resized as an editor's upload, and the figure
 * then shows this site's largest WebP rendition instead of the old address.
 *
 * Without the folder, or for a file that cannot come in, a figure at a web
 * address keeps showing it from there, and one at a stand-in address (Ghost
 * writes its own images as __GHOST_URL__/…, which is nowhere on the web) is
 * taken out of the body. Either way a note says so; the import never fails
 * for an image. Each article records the copies it got (ImportMeta.images),
 * so that an import run again keeps them rather than copy the files again.
 */
import path from 'node:path';
import type { ArticleInput } from '../content/article.js';
import { isPendingImage, type BodyImage } from '../content/parsers/html.js';
import { mediaUrl } from '../media/images.js';
import type { MediaRecord } from '../store/newsroom.js';
import type { Store } from '../store/store.js';
import { undoableUploads, uploadFromFolder, type ImportedImages, type MediaImport } from './feature-images.js';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The body with every figure at `from` pointing at `to`. */
function repoint(body: string, from: string, to: string): string {
  return body.replace(new RegExp(`\\]\\(${escapeRegExp(from)}(?=[ )])`, 'gu'), `](${to}`);
}

/** The body without the figures at `src` (each a paragraph of its own). */
function withoutFigure(body: string, src: string): string {
  const figure = new RegExp(`^!\\[[^\\n]*\\]\\(${escapeRegExp(src)}(?:[ )][^\\n]*)?$`, 'u');
  return body
    .split('\n\n')
    .filter((paragraph) => !figure.test(paragraph))
    .join('\n\n');
}

/** Brings in the body images of `inputs` (images[i] is inputs[i]'s), rewriting their bodies. */
export async function importBodyImages(store: Store, inputs: ArticleInput[], images: (BodyImage[] | undefined)[], media: MediaImport | undefined): Promise<ImportedImages> {
  const created: MediaRecord[] = [];
  const result = undoableUploads(store, created, media);
  const wanted = inputs.flatMap((input, i) => (images[i]?.length ? [{ input, list: images[i]! }] : []));
  if (wanted.length === 0) return result;
  // An import run again, even without the folder, keeps the copies the first one made.
  const before = await store.importedImages(wanted.flatMap(({ input }) => (input.externalId ? [input.externalId] : [])));
  const root = media ? path.resolve(media.from) : '';
  // One copy of a file however many articles show it (by its path in the folder).
  const copies = new Map<string, string>();
  let shownFromWeb = 0;
  let takenOut = 0;

  const bringIn = async (input: ArticleInput, image: BodyImage): Promise<string | null> => {
    const file = path.resolve(root, image.file!);
    const copy = copies.get(file);
    if (copy) return copy;
    // An image without alt text or caption is described by its article's headline rather than by nothing.
    const brought = await uploadFromFolder(store, media!, image.file!, image.alt.trim() || input.title);
    if ('outside' in brought) {
      result.notes.push(`"${input.title}": image ${image.file} is not in the media folder`);
      return null;
    }
    if ('why' in brought) {
      result.notes.push(`"${input.title}": image ${image.file} not imported (${brought.why})`);
      return null;
    }
    created.push(brought.saved);
    const src = mediaUrl((brought.saved.webp.at(-1) ?? brought.saved.original).file);
    copies.set(file, src);
    return src;
  };

  for (const { input, list } of wanted) {
    const kept = (input.externalId && before.get(input.externalId)) || {};
    const brought: Record<string, string> = {};
    for (const image of list) {
      const to = image.file ? (kept[image.file] ?? (media ? await bringIn(input, image) : null)) : null;
      if (to) {
        input.body = repoint(input.body, image.src, to);
        brought[image.file!] = to;
      }
      else if (isPendingImage(image.src)) {
        input.body = withoutFigure(input.body, image.src);
        takenOut++;
      } else shownFromWeb++;
    }
    if (Object.keys(brought).length) input.importMeta = { seeAlso: [], related: [], ...input.importMeta, images: brought };
  }
  const folder = "give the old site's media folder with --media DIR";
  if (takenOut) result.notes.push(`${plural(takenOut, 'image', 'images')} in the bodies not imported${media ? '' : `: ${folder}`}`);
  if (shownFromWeb) {
    const them = shownFromWeb === 1 ? 'it' : 'them';
    result.notes.push(`${plural(shownFromWeb, 'image in a body is', 'images in the bodies are')} shown from ${shownFromWeb === 1 ? 'its address' : 'their addresses'} on the web: keep ${them} online${media ? '' : `, or ${folder}`}`);
  }
  return result;
}
