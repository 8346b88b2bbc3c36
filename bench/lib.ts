/** Small helpers shared by the benchmarks: child servers, load runs, medians and quantiles, the demo newsroom. */
import autocannon from 'autocannon';
import { execFile, execFileSync, fork, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import { promisify } from 'node:util';
import { addUser } from '../src/auth/accounts.js';
import type { Actor } from '../src/auth/roles.js';
import { loadDemo } from '../src/services/demo.js';
import type { User } from '../src/store/newsroom.js';
import { openSqliteStore, type SqliteStore } from '../src/store/sqlite.js';

/** The q-quantile of a sample (the value below which a share q of it lies). */
export const quantile = (xs: number[], q: number): number => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(q * xs.length))]!;

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as { port: number };
      srv.close(() => resolve(port));
    });
    srv.on('error', reject);
  });
}

/** Starts a node script as a child (or, with no script, waits for a server started elsewhere) until the port answers. */
export async function startServer(script: string | null, args: string[], port: number, env: Record<string, string> = {}): Promise<ChildProcess> {
  const child = script ? fork(script, args, { stdio: ['ignore', 'ignore', 'inherit', 'ipc'], env: { ...process.env, ...env } }) : null;
  for (let i = 0; i < 200; i++) {
    try {
      const res = await fetch(`http://127.0.0.1:${port}/`);
      await res.arrayBuffer();
      return child as ChildProcess;
    } catch {
      await new Promise((r) => setTimeout(r, 50));
    }
  }
  child?.kill();
  throw new Error(`${script ?? 'server'} did not start on ${port}`);
}

export interface LoadResult {
  rps: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

/**
 * wrk (Debian's package) when it is installed: written in C, it can load a
 * server as fast as nginx without becoming the bottleneck, and it is what
 * the anchors' figures were measured with. autocannon otherwise.
 */
export const LOAD_TOOL = hasWrk() ? 'wrk' : 'autocannon';

function hasWrk(): boolean {
  try {
    execFileSync('wrk', ['--version'], { stdio: 'ignore' });
    return true;
  } catch (e) {
    // wrk --version exits 1 after printing its version.
    return (e as { status?: number }).status === 1;
  }
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000 };

async function wrk(url: string, seconds: number, connections: number, headers: Record<string, string>): Promise<LoadResult> {
  const threads = Math.min(2, connections);
  const h = Object.entries(headers).flatMap(([k, v]) => ['-H', `${k}: ${v}`]);
  const { stdout } = await promisify(execFile)('wrk', ['-t', String(threads), '-c', String(connections), '-d', `${seconds}s`, '--latency', ...h, url]);
  const latency = (p: string) => {
    const m = new RegExp(`^\\s*${p}%\\s+([\\d.]+)(us|ms|s)\\s*$`, 'm').exec(stdout);
    return m ? Number(m[1]) * UNIT_MS[m[2]!]! : NaN;
  };
  const errors = /Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)/.exec(stdout);
  return {
    rps: Number(/Requests\/sec:\s+([\d.]+)/.exec(stdout)?.[1]),
    p50: latency('50'),
    p99: latency('99'),
    errors: errors ? errors.slice(1).reduce((n, x) => n + Number(x), 0) : 0,
    non2xx: Number(/Non-2xx or 3xx responses: (\d+)/.exec(stdout)?.[1] ?? 0),
  };
}

/** `headers`: sent with every request (a browser's, say, where what a server does depends on who asks). */
export async function load(url: string, seconds: number, connections: number, headers: Record<string, string> = {}): Promise<LoadResult> {
  if (LOAD_TOOL === 'wrk') return wrk(url, seconds, connections, headers);
  const r = await autocannon({ url, duration: seconds, connections, pipelining: 1, headers });
  return {
    rps: r.requests.average,
    p50: r.latency.p50,
    p99: r.latency.p99,
    errors: r.errors + r.timeouts,
    non2xx: r.non2xx,
  };
}

/** The demo newsroom in an in-memory SQLite store, with an owner account and its actor, as the newsroom's benches start. */
export async function demoNewsroom(): Promise<{ store: SqliteStore; user: User; actor: Actor }> {
  const store = await openSqliteStore(':memory:');
  await loadDemo(store);
  const user = await addUser(store, { email: 'bench@example.com', role: 'owner', name: 'محرر الاختبار', password: 'كلمة-سر-طويلة-للقياس' });
  return { store, user, actor: { userId: user.id, name: user.name, email: user.email, role: 'owner', via: 'key', credential: 'bench' } };
}
