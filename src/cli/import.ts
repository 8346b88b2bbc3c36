/** `sahifa import`: text, JSON-lines, WordPress and Ghost export files into the database, with a progress bar on a terminal. */
import { SingleBar, Presets } from 'cli-progress';
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { IMPORT_FORMATS, importFiles, type ImportFormat } from '../services/import.js';
import { openStore } from '../store/open.js';
import { newsroomConfig } from '../web/admin/config.js';
import { UsageError, dbPath, defaultMediaDir } from './args.js';

export async function importCommand(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: { db: { type: 'string' }, format: { type: 'string' }, 'skip-duplicates': { type: 'boolean', default: false }, media: { type: 'string' } },
  });
  if (positionals.length === 0) throw new UsageError('import needs at least one FILE');
  const format = values.format as ImportFormat | undefined;
  if (format !== undefined && !IMPORT_FORMATS.includes(format)) throw new UsageError(`--format must be one of ${IMPORT_FORMATS.join(', ')}, not "${format}"`);

  if (values.media !== undefined && !statSync(values.media, { throwIfNoEntry: false })?.isDirectory()) {
    throw new UsageError(`--media must be the old site's media folder (wp-content/uploads, content/images): "${values.media}" is not a folder`);
  }
  const db = dbPath(values.db);
  // Feature images go where the server keeps uploads, with the server's size limit.
  const mediaDir = process.env.SAHIFA_MEDIA_DIR ?? defaultMediaDir(db);
  const media = values.media ? { from: values.media, dir: mediaDir, maxBytes: newsroomConfig({ mediaDir }).maxUploadBytes } : undefined;
  const store = await openStore(db);
  const bar = process.stderr.isTTY ? new SingleBar({ format: ' {bar} {value}/{total} {file}' }, Presets.shades_classic) : null;
  let current = '';
  try {
    const report = await importFiles(store, positionals, {
      ...(format ? { format } : {}),
      skipDuplicates: values['skip-duplicates'],
      ...(media ? { media } : {}),
      onProgress: (done, total) => {
        if (!bar) return;
        if (done === 1) {
          bar.stop();
          bar.start(total, 0, { file: current });
        }
        bar.update(done, { file: current });
      },
      onFile: (file) => {
        current = file;
      },
    });
    bar?.stop();
    for (const error of report.errors) console.error(`error: ${error}`);
    for (const line of report.duplicates) console.log(`duplicate: ${line}`);
    for (const line of report.notes) console.log(`note: ${line}`);
    const skipped = report.skipped ? `, skipped ${report.skipped} duplicate${report.skipped > 1 ? 's' : ''}` : '';
    if (report.imported + report.updated > 0) await store.refreshStatistics();
    console.log(`imported ${report.imported}, updated ${report.updated}, failed ${report.failed}${skipped}`);
    return report.failed > 0 ? 1 : 0;
  } finally {
    bar?.stop();
    await store.close();
  }
}
