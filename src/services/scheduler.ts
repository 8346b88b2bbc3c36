/**
 * Scheduled publishing (issue #5). On start and every interval, one
 * statement flips the scheduled articles whose time has come to published
 * (UPDATE … WHERE status = 'scheduled' AND published_at <= now RETURNING
 * id), so several processes running this publish each article once; then
 * the links around them are refreshed, as after any save. Nothing is kept
 * in memory: a restart loses no schedule. The process that published them
 * tells the webhooks (services/webhooks.ts), once.
 */
import type { Store } from '../store/store.js';
import { refreshLinks } from './articles.js';
import { announcePublished } from './webhooks.js';

export const SCHEDULER_INTERVAL_MS = 30_000;

export interface Scheduler {
  /** Publishes what is due now; resolves to the ids published. */
  runOnce(): Promise<number[]>;
  stop(): Promise<void>;
}

export async function publishDue(store: Store, now = new Date()): Promise<number[]> {
  const ids = await store.publishDue(now.toISOString());
  if (ids.length) {
    await refreshLinks(store, ids);
    await announcePublished(store, ids);
  }
  return ids;
}

export function startScheduler(
  store: Store,
  options: { intervalMs?: number; onPublished?: (ids: number[]) => void; onError?: (e: unknown) => void } = {},
): Scheduler {
  let running: Promise<number[]> = Promise.resolve([]);
  let stopped = false;
  const runOnce = () => {
    running = running.then(async () => {
      if (stopped) return [];
      try {
        const ids = await publishDue(store);
        if (ids.length) options.onPublished?.(ids);
        return ids;
      } catch (e) {
        options.onError?.(e);
        return [];
      }
    });
    return running;
  };
  void runOnce();
  const timer = setInterval(() => void runOnce(), options.intervalMs ?? SCHEDULER_INTERVAL_MS);
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopped = true;
      clearInterval(timer);
      await running;
    },
  };
}
