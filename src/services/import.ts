/**
 * Importing files: each file is parsed whole, then saved in one transaction,
 * so a file with a bad line imports nothing while the other files of the
 * same run still import.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ArticleInput, AuthorAlias } from '../content/article.js';
import { parseGhost } from '../content/parsers/ghost.js';
import { parseJsonLines } from '../content/parsers/jsonl.js';
import { postArticles } from '../content/parsers/post.js';
import { parseTextArticle } from '../content/parsers/text.js';
import { parseWordPress } from '../content/parsers/wordpress.js';
import type { PostExtras } from '../content/parsers/post.js';
import type { TagAlias } from '../content/tags.js';
import { findDuplicates } from '../related/duplicates.js';
import type { Store } from '../store/store.js';
import { saveArticles } from './articles.js';
import { importProfiles } from './authors.js';
import { importBodyImages } from './body-images.js';
import { importFeatureImages, type MediaImport } from './feature-images.js';

export const IMPORT_FORMATS = ['text', 'jsonl', 'wordpress', 'ghost'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

export interface ImportReport {
  imported: number;
  updated: number;
  failed: number;
  errors: string[];
  /** Related news (issue #4): one line per incoming near-duplicate (a wire copy) of an article already present. */
  duplicates: string[];
  /** Near-duplicates not imported (with skipDuplicates). */
  skipped: number;
  /** What a WordPress or Ghost export held that did not come in (media, pages), one line each. */
  notes: string[];
}

export interface ImportOptions {
  format?: ImportFormat;
  /** Called with (done, total) as articles of a file are saved. */
  onProgress?: (done: number, total: number) => void;
  /** Called as each file starts. */
  onFile?: (file: string) => void;
  /** Leave out the near-duplicates of articles already present (they are reported either way). */
  skipDuplicates?: boolean;
  /** Where the feature images of WordPress and Ghost exports are read from and written to (feature-images.ts). */
  media?: MediaImport;
}

const FORMAT_BY_EXTENSION: Record<string, ImportFormat> = {
  '.txt': 'text',
  '.text': 'text',
  '.jsonl': 'jsonl',
  '.ndjson': 'jsonl',
  '.xml': 'wordpress',
  '.wxr': 'wordpress',
  '.json': 'ghost',
};

export function formatOf(file: string): ImportFormat | undefined {
  return FORMAT_BY_EXTENSION[path.extname(file).toLowerCase()];
}

/** A file's articles; notes of what it held that did not come in; what its posts bring besides (images, shortlinks), by index. */
export interface ImportFile {
  inputs: ArticleInput[];
  notes: string[];
  extras: PostExtras[];
  /** The old site's tag and author addresses (WordPress and Ghost exports). */
  aliases: TagAlias[];
  authorAliases: AuthorAlias[];
}

function parseSource(source: string, format: ImportFormat): ImportFile {
  switch (format) {
    case 'text':
      return { inputs: [parseTextArticle(source)], notes: [], extras: [], aliases: [], authorAliases: [] };
    case 'jsonl':
      return { ...parseJsonLines(source), notes: [], extras: [] };
    case 'wordpress':
      return postArticles(parseWordPress(source));
    case 'ghost':
      return postArticles(parseGhost(source));
  }
}

/** The file's articles, each noting the file it came from. */
function readSource(source: string, format: ImportFormat, name: string): ImportFile {
  const parsed = parseSource(source, format);
  return { ...parsed, inputs: parsed.inputs.map((a) => ({ ...a, importMeta: { seeAlso: [], related: [], ...a.importMeta, file: name } })) };
}

export async function readImportFile(file: string, format = formatOf(file)): Promise<ImportFile> {
  if (!format) throw new Error(`unknown format (use --format ${IMPORT_FORMATS.join(', ')})`);
  return readSource(await readFile(file, 'utf8'), format, path.basename(file));
}

/**
 * The format of an upload that came without a name (the admin's import
 * form): XML is a WordPress export; JSON whose first line is an article
 * is JSON lines, other JSON a Ghost export; anything else the text shape.
 */
export function sniffFormat(source: string): ImportFormat {
  const start = source.replace(/^\uFEFF/, '').trimStart();
  if (start.startsWith('<')) return 'wordpress';
  if (!start.startsWith('{')) return 'text';
  try {
    const first = JSON.parse(start.split('\n', 1)[0]!) as Record<string, unknown>;
    return typeof first.title === 'string' ? 'jsonl' : 'ghost';
  } catch {
    return 'ghost'; // a Ghost export written over several lines
  }
}

function emptyReport(): ImportReport {
  return { imported: 0, updated: 0, failed: 0, errors: [], duplicates: [], skipped: 0, notes: [] };
}

/** One upload (the admin's import form), under the name it is reported by. */
export async function importUpload(store: Store, name: string, source: string, options: ImportOptions = {}): Promise<ImportReport> {
  const report = emptyReport();
  await importOne(store, name, () => readSource(source, options.format ?? sniffFormat(source), name), options, report);
  return report;
}

export async function parseFile(file: string, format = formatOf(file)): Promise<ArticleInput[]> {
  return (await readImportFile(file, format)).inputs;
}

export async function importFiles(store: Store, files: string[], options: ImportOptions = {}): Promise<ImportReport> {
  const report = emptyReport();
  for (const file of files) {
    options.onFile?.(file);
    await importOne(store, file, () => readImportFile(file, options.format ?? formatOf(file)), options, report);
  }
  return report;
}

/** Reads, checks for copies, brings in the images and saves one file, adding to the report; a failure fails the file only. */
async function importOne(store: Store, file: string, read: () => ImportFile | Promise<ImportFile>, options: ImportOptions, report: ImportReport): Promise<void> {
  try {
    const parsed = await read();
    let { inputs, extras } = parsed;
    const copies = await findDuplicates(store, inputs);
    for (const d of copies) {
      const of = 'slug' in d.of ? `"${d.of.title}" (${d.of.slug})` : `"${d.of.title}" (article ${d.of.index + 1} of this file)`;
      report.duplicates.push(`${file}: article ${d.index + 1} "${d.title}" is a near-duplicate of ${of}, similarity ${d.similarity.toFixed(2)}`);
    }
    if (options.skipDuplicates && copies.length) {
      const skip = new Set(copies.map((d) => d.index));
      inputs = inputs.filter((_, i) => !skip.has(i));
      extras = extras.filter((_, i) => !skip.has(i));
      report.skipped += skip.size;
    }
    const imported = await importFeatureImages(store, inputs, inputs.map((_, i) => extras[i]?.featureImage), options.media);
    let inBodies: Awaited<ReturnType<typeof importBodyImages>> | undefined;
    // A batch: the topic space, when due, is trained before the links are picked.
    let outcomes: Awaited<ReturnType<typeof saveArticles>>;
    try {
      inBodies = await importBodyImages(store, inputs, inputs.map((_, i) => extras[i]?.bodyImages), options.media);
      outcomes = await saveArticles(store, inputs, (n) => options.onProgress?.(n, inputs.length), { topics: 'inline' });
    } catch (e) {
      // The file imports nothing, its images included.
      await imported.undo();
      await inBodies?.undo();
      throw e;
    }
    for (const o of outcomes) o.created ? report.imported++ : report.updated++;
    // After the save, which made the tags the aliases name and the articles the shortlinks lead to. The
    // articles are in by now: what these add around them, when it fails, is a note, not a failed file.
    const after: string[] = [];
    const around = async <T>(what: string, step: () => Promise<T>): Promise<T | undefined> => {
      try {
        return await step();
      } catch (e) {
        after.push(`${what} not recorded (${(e as Error).message}); the articles are imported`);
        return undefined;
      }
    };
    await around("the old site's tag addresses and descriptions", () => store.addTagAliases(parsed.aliases));
    await around("the old site's author addresses", () => store.addAuthorAliases(parsed.authorAliases));
    const profiled = (await around("the authors' profiles", () => importProfiles(store, parsed.authorAliases, options.media))) ?? [];
    await around("the old site's short links", () =>
      store.newsroom.addRedirects(outcomes.flatMap((o, i) => (extras[i]?.shortlink ? [{ from: extras[i]!.shortlink!, articleId: o.article.id }] : []))),
    );
    report.notes.push(...[...parsed.notes, ...imported.notes, ...inBodies.notes, ...profiled, ...after].map((n) => `${file}: ${n}`));
  } catch (e) {
    report.failed++;
    report.errors.push(`${file}: ${(e as Error).message}`);
  }
}
