#!/usr/bin/env node
/**
 * The `sahifa` command: serve the site, import articles.
 * Each command parses its own flags with node's util.parseArgs: they are few.
 */
import { UsageError } from './args.js';
import { backupCommand } from './backup.js';
import { exportCommand } from './export.js';
import { importCommand } from './import.js';
import { reindexCommand } from './reindex.js';
import { serveCommand } from './serve.js';
import { suggestCommand } from './suggest.js';
import { userCommand } from './user.js';

const USAGE = `Usage:
  sahifa serve  [--db PATH|postgres://…] [--host H] [--port N] [--workers N] [--demo]
  sahifa import [--db PATH] [--format text|jsonl|wordpress|ghost] [--skip-duplicates] [--media DIR] FILE...
  sahifa reindex [--db PATH] [--search] [--related]
                                  rebuild the search index and the related news (both without a flag)
  sahifa suggest [--db PATH] FILE  hashtags, description and entities for an article (JSON)
  sahifa export [--db PATH] [FILE] every article, tag description and author profile as JSON lines, which import reads back
  sahifa backup [--db PATH] DIR    a SQLite site (database and uploads) copied while it runs
  sahifa user add --email E --role owner|editor|author|contributor [--name N] [--db PATH]
  sahifa user passwd --email E [--db PATH]     (password from stdin or a prompt; empty: generated)
  sahifa user list [--db PATH]

Environment: SAHIFA_DB or DATABASE_URL (database), HOST, PORT, SAHIFA_WORKERS,
SAHIFA_URL (public base URL), SAHIFA_TIMEZONE (the newsroom's zone, default
Asia/Riyadh), SAHIFA_CACHE_MB (render cache, default 64; 0 off). README.md
lists the rest.`;

const commands: Record<string, (args: string[]) => Promise<number>> = {
  serve: serveCommand,
  import: importCommand,
  reindex: reindexCommand,
  suggest: suggestCommand,
  export: exportCommand,
  backup: backupCommand,
  user: userCommand,
};

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === 'help' || name === '--help' || name === '-h') {
    console.log(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) throw new UsageError(`unknown command "${name}"`);
  return command(rest);
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (err: unknown) => {
    const usage = err instanceof UsageError || (err as { code?: string }).code?.startsWith('ERR_PARSE_ARGS');
    console.error(`sahifa: ${(err as Error).message}`);
    if (usage) console.error(USAGE);
    process.exitCode = usage ? 2 : 1;
  },
);
