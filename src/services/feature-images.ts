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
 * One file of the old site's media folder brought in as an upload, or why
 * not: `outside` when the path (which comes from the file being imported)
 * points out of the folder, else what went wrong reading or checking it.
 */
export async function uploadFromFolder(
  store: Store,
  media: MediaImport,
  file: string,
  alt: string,
): Promise<{ saved: MediaRecord } | { outside: true } | { why: string }> {
  const root = path.resolve(media.from);
  const full = path.resolve(root, file);
  if (!full.startsWith(root + path.sep)) return { outside: true };
  try {
    const bytes = await readFile(full);
    return { saved: await saveUpload(store, { dir: media.dir, maxBytes: media.maxBytes }, { bytes, alt, userId: null }) };
  } catch (e) {
    return { why: (e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (e as Error).message };
  }
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
  const notes = result.notes;
  for (const { input, image } of wanted) {
    if (input.externalId && had.has(input.externalId)) continue;
    // An image without alt text is described by its article's headline rather than by nothing.
    const brought = image.file ? await uploadFromFolder(store, media, image.file, image.alt.trim() || input.title) : ({ outside: true } as const);
    if ('saved' in brought) {
      created.push(brought.saved);
      input.featureImage = brought.saved.id;
    } else if ('outside' in brought) {
      notes.push(`"${input.title}": feature image ${image.url} is not in the media folder`);
    } else {
      notes.push(`"${input.title}": feature image ${image.file} not imported (${brought.why})`);
    }
  }
  return result;
}
