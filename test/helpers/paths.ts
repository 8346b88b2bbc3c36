import { fileURLToPath } from 'node:url';
import path from 'node:path';

/** The project root, whether a test runs from src or from dist. */
export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
/** ../shared beside the project (CI lays a copy there too). */
export const SHARED = path.resolve(ROOT, '../shared');
export const SEED = path.join(SHARED, 'seed/article-putin-assad.txt');
