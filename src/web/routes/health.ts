/**
 * `GET /healthz`: whether this web process can serve, for what stands in
 * front of several of them (a load balancer, a container's supervisor, a
 * systemd watchdog). It asks the database one round trip, bounded in time,
 * so that a process whose database is gone or hung is taken out of rotation
 * (503) instead of answering readers with errors. Never cached.
 */
import type { FastifyPluginAsync } from 'fastify';
import type { Store } from '../../store/store.js';

export interface HealthRoutesOptions {
  store: Store;
  /** How long the database may take to answer before the process counts as unavailable. */
  timeoutMs?: number;
}

const DEFAULT_TIMEOUT_MS = 2000;

export const healthRoutes: FastifyPluginAsync<HealthRoutesOptions> = async (app, { store, timeoutMs = DEFAULT_TIMEOUT_MS }) => {
  const started = Date.now();
  app.get('/healthz', async (_req, reply) => {
    reply.header('cache-control', 'no-store');
    const t0 = performance.now();
    let timer: NodeJS.Timeout | undefined;
    try {
      const late = new Promise<never>((_, reject) => {
        timer = setTimeout(() => reject(new Error(`no answer in ${timeoutMs} ms`)), timeoutMs);
      });
      const { engine } = await Promise.race([store.ping(), late]);
      return {
        status: 'ok',
        database: engine,
        databaseMs: Math.round((performance.now() - t0) * 100) / 100,
        uptimeSeconds: Math.round((Date.now() - started) / 1000),
        pid: process.pid,
      };
    } catch (e) {
      return reply.code(503).send({ status: 'unavailable', message: `قاعدة البيانات لا تجيب / the database does not answer: ${(e as Error).message}` });
    } finally {
      clearTimeout(timer);
    }
  });
};
