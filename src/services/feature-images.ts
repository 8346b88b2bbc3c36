/**
 * The feature images of a WordPress or Ghost export, brought in from the old
 * site's media folder (`sahifa import --media DIR`: WordPress's
 * wp-content/uploads, Ghost's content/images). The export names each image
 * by its path there; the file goes through the same checks and renditions
 * as an editor's upload (src/media/images.ts). An image that cannot come in
 * is a note, never a failed import: the article comes in without it.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleInput } from '../content/article.js';
import type { FeatureImage } from '../content/parsers/post.js';
import { deleteMediaFiles, saveUpload } from '../media/images.js';
import type { MediaRecord } from '../store/newsroom.js';
import type { Store } from '../store/store.js';

export interface MediaImport {
  /** The old site's media folder. */
  from: string;
  /** Where Sahifa keeps uploads (the server's media folder). */
  dir: string;
  maxBytes: number;
}

export interface ImportedImages {
  /** About the images that did not come in. */
  notes: string[];
  /** Removes the images that came in, when the articles then fail to save. */
  undo(): Promise<void>;
}

/** An ImportedImages whose undo removes every upload put in `created` (records and files). */
export function undoableUploads(store: Store, created: MediaRecord[], media: MediaImport | undefined): ImportedImages {
  return {
    notes: [],
    undo: async () => {
      for (const m of created) {
        await store.newsroom.deleteMedia(m.id);
        await deleteMediaFiles(m, media!.dir);
      }
    },
  };
}

/**
 * Sets `featureImage` on the inputs whose image came in (images[i] is
 * inputs[i]'s). An article imported before with its image keeps that image
 * rather than gain a copy.
 */
export async function importFeatureImages(store: Store, inputs: ArticleInput[], images: (FeatureImage | undefined)[], media: MediaImport | undefined): Promise<ImportedImages> {
  const created: MediaRecord[] = [];
  const result = undoableUploads(store, created, media);
  const wanted = inputs.flatMap((input, i) => (images[i] ? [{ input, image: images[i]! }] : []));
  if (wanted.length === 0) return result;
  if (!media) {
    const n = wanted.length;
    result.notes.push(`${n} feature image${n === 1 ? '' : 's'} not imported: give the old site's media folder with --media DIR`);
    return result;
  }
  const had = await store.externalIdsWithImage(wanted.flatMap(({ input }) => (input.externalId ? [input.externalId] : [])));
  const root = path.resolve(media.from);
  const notes = result.notes;
  for (const { input, image } of wanted) {
    if (input.externalId && had.has(input.externalId)) continue;
    const file = image.file ? path.resolve(root, image.file) : null;
    // The path comes from the file being imported: it may not point outside the folder given.
    if (!file || !file.startsWith(root + path.sep)) {
      notes.push(`"${input.title}": feature image ${image.url} is not in the media folder`);
      continue;
    }
    try {
      const bytes = await readFile(file);
      // An image without alt text is described by its article's headline rather than by nothing.
      const saved = await saveUpload(store, { dir: media.dir, maxBytes: media.maxBytes }, { bytes, alt: image.alt.trim() || input.title, userId: null });
      created.push(saved);
      input.featureImage = saved.id;
    } catch (e) {
      const why = (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message;
      notes.push(`"${input.title}": feature image ${image.file} not imported (${why})`);
    }
  }
  return result;
}
