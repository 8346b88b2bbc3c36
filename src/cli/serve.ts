/** `sahifa serve`: open (and migrate) the database, fill a new one with the demo if asked, serve. */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { setupLink } from '../auth/accounts.js';
import { loadDemo } from '../services/demo.js';
import { openStore } from '../store/open.js';
import { siteConfig } from '../web/config.js';
import { buildServer } from '../web/server.js';
import { UsageError, dbPath } from './args.js';

export async function serveCommand(args: string[]): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      db: { type: 'string' },
      host: { type: 'string' },
      port: { type: 'string' },
      demo: { type: 'boolean', default: false },
    },
  });
  const port = Number(values.port ?? process.env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new UsageError(`--port must be a number from 0 to 65535`);
  const host = values.host ?? process.env.HOST ?? '127.0.0.1';
  const db = dbPath(values.db);

  const store = await openStore(db);
  if (values.demo && (await store.countArticles()) === 0) {
    const n = await loadDemo(store);
    console.log(`sahifa: filled ${db} with ${n} demo articles`);
  }
  const site = siteConfig();
  // Newsroom (issue #5): uploads beside the database; the first owner from a one-time link.
  const mediaDir = process.env.SAHIFA_MEDIA_DIR ?? path.join(path.dirname(path.resolve(db)), 'media');
  const app = await buildServer({ store, site, logger: true, newsroom: { mediaDir } });
  const setup = await setupLink(store, site.baseUrl);
  if (setup) console.log(`sahifa: no accounts yet: create the owner within an hour at\n  ${setup}`);
  const close = async () => {
    await app.close();
    await store.close();
    process.exit(0);
  };
  process.once('SIGINT', close);
  process.once('SIGTERM', close);
  await app.listen({ host, port });
  console.log(`sahifa: serving ${db} on http://${host}:${port}`);
  return new Promise<number>(() => {});
}
