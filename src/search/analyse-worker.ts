/**
 * The analysis of a rebuild, on a second thread: the main thread reads
 * articles and writes the index while this one tokenizes, normalizes and
 * stems the next batch (see fillIndex in sqlite-fts.ts).
 */
import { parentPort } from 'node:worker_threads';
import type { Section } from '../content/body.js';
import { indexColumns, type IndexColumns } from './fields.js';

export interface AnalyseRequest {
  batch: number;
  rows: { title: string; description: string; sections: string }[];
}

export interface AnalyseResponse {
  batch: number;
  columns: IndexColumns[];
}

parentPort?.on('message', (req: AnalyseRequest) => {
  const columns = req.rows.map((r) => indexColumns(r.title, r.description, JSON.parse(r.sections) as Section[]));
  parentPort!.postMessage({ batch: req.batch, columns } satisfies AnalyseResponse);
});
