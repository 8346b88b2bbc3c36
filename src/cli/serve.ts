/**
 * `sahifa serve`: open (and migrate) the database, fill a new one with the
 * demo if asked, and serve it from N web processes behind one port (node's
 * cluster; one per core by default). The primary prepares the database and
 * keeps the workers running; the workers are stateless and tell each other
 * what changed, so each one's render cache stays exact.
 */
import cluster from 'node:cluster';
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { setupLink } from '../auth/accounts.js';
import { loadDemo } from '../services/demo.js';
import { rebuildAtStart } from '../services/reanalysis.js';
import { ClusterBus, relayChanges } from '../store/cluster-bus.js';
import { KyselyStore } from '../store/kysely-store.js';
import { processOrigin } from '../store/sqlite-change-log.js';
import { isPostgresLocation, openStore } from '../store/open.js';
import { siteConfig } from '../web/config.js';
import { buildServer } from '../web/server.js';
import { UsageError, dbPath, defaultMediaDir, displayLocation } from './args.js';

interface ServeOptions {
  db: string;
  host: string;
  port: number;
  demo: boolean;
  workers: number;
}

function options(args: string[]): ServeOptions {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
      workers: { type: 'string' },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError('--port must be a number from 0 to 65535');
  const workers = Number(values.workers ?? process.env.SAHIFA_WORKERS ?? availableParallelism());
  if (!Number.isInteger(workers) || workers < 1 || workers > 64) throw new UsageError('--workers must be a number from 1 to 64');
  return { db: dbPath(values.db), host: values.host ?? process.env.HOST ?? '127.0.0.1', port, demo: values.demo, workers };
}

export async function serveCommand(args: string[]): Promise<number> {
  if (cluster.isWorker) return serveWorker(JSON.parse(process.env.SAHIFA_SERVE!) as ServeOptions);
  const opts = options(args);
  await prepare(opts);
  if (opts.workers === 1) return serveWorker(opts);

  relayChanges();
  // The workers relay their changes to each other; from the SQLite change log they need only other processes' (sqlite-change-log.ts).
  const clusterId = processOrigin();
  const fork = () => cluster.fork({ SAHIFA_SERVE: JSON.stringify(opts), SAHIFA_CLUSTER_ID: clusterId });
  let stopping = false;
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`sahifa: worker ${worker.process.pid} stopped (${signal ?? code}); starting another`);
    fork();
  });
  for (let i = 0; i < opts.workers; i++) fork();
  const stop = () => {
    stopping = true;
    for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill('SIGTERM');
    process.exitCode = 0;
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  console.log(`sahifa: serving ${displayLocation(opts.db)} on http://${opts.host}:${opts.port} with ${opts.workers} workers`);
  return new Promise<number>(() => {});
}

/** Without SAHIFA_URL, the site's links name the address it is served on. */
function site(opts: ServeOptions) {
  return siteConfig(process.env.SAHIFA_URL ? {} : { baseUrl: `http://${opts.host}:${opts.port}` });
}

/** Done once, before any worker: migrations, the demo, the first owner's setup link. */
async function prepare(opts: ServeOptions): Promise<void> {
  const store = await openStore(opts.db);
  try {
    if (opts.demo && (await store.countArticles()) === 0) {
      const n = await loadDemo(store);
      console.log(`sahifa: filled ${displayLocation(opts.db)} with ${n} demo articles`);
    }
    if (store instanceof KyselyStore) {
      await rebuildAtStart(store, {
        where: displayLocation(opts.db),
        shared: isPostgresLocation(opts.db),
        log: (line) => console.log(`sahifa: ${line}`),
        warn: (line) => console.warn(`sahifa: ${line}`),
      });
    }
    const setup = await setupLink(store, site(opts).baseUrl);
    if (setup) console.log(`sahifa: no accounts yet: create the owner within an hour at\n  ${setup}`);
  } finally {
    await store.close();
  }
}

async function serveWorker(opts: ServeOptions): Promise<number> {
  // On PostgreSQL the store's own LISTEN/NOTIFY bus reaches every process; on SQLite workers relay through the primary.
  const store = await openStore(opts.db, cluster.isWorker && !isPostgresLocation(opts.db) ? { changes: new ClusterBus() } : {});
  // Uploads live beside the database unless told otherwise.
  const mediaDir = process.env.SAHIFA_MEDIA_DIR ?? defaultMediaDir(opts.db);
  const app = await buildServer({ store, site: site(opts), logger: true, newsroom: { mediaDir } });
  const close = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ host: opts.host, port: opts.port });
  if (!cluster.isWorker) console.log(`sahifa: serving ${displayLocation(opts.db)} on http://${opts.host}:${opts.port}`);
  return new Promise<number>(() => {});
}
