/**
 * A training's computation on a worker thread (fitOnThread in topics.ts):
 * receives the profile matrix, answers with the term rows and the
 * articles' topic vectors, then is terminated.
 */
import { parentPort } from 'node:worker_threads';
import { fitTopics, type Csr } from './topics.js';

parentPort?.once('message', (x: Csr) => {
  const fit = fitTopics(x);
  parentPort!.postMessage(fit, [fit.v.buffer as ArrayBuffer, fit.topics.buffer as ArrayBuffer]);
});
