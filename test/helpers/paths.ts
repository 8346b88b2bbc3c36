import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root, whether a test runs from src or from dist. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** ../shared beside the project (CI lays a copy there too). */
export const SHARED = path.resolve(ROOT, '../shared');
export const SEED = path.join(SHARED, 'seed/article-putin-assad.txt');

/**
 * A new folder in the temporary directory, removed when the test process
 * exits (after its servers and child processes are closed), so that runs of
 * the suite do not pile folders up there.
 */
export function scratchDir(prefix: string): string {
  const dir = mkdtempSync(path.join(tmpdir(), `sahifa-${prefix}-`));
  process.once('exit', () => rmSync(dir, { recursive: true, force: true }));
  return dir;
}
