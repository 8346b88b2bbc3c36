/**
 * What webhooks cost: `npm run bench:webhooks`
 *
 * On the demo newsroom (SQLite in memory), with a receiver on loopback that
 * answers 204:
 *   - an editor's edit of a published story (workflow.updateArticle: read,
 *     check, save, index, links, and the announcement) with no webhook, with
 *     one listening to article.updated and with five, in rotating order, the
 *     sender stopped so that only the save's own cost is timed;
 *   - the time from the start of an edit to the receiver holding its
 *     delivery, the sender running as in a server;
 *   - how fast the sender empties a backlog of 2,000 deliveries.
 * Prints medians and p95, and the ratios to the edit without webhooks.
 */
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import * as workflow from '../src/services/workflow.js';
import { WebhookSender } from '../src/web/webhook-sender.js';
import { demoNewsroom, quantile } from './lib.js';

const EDITS = 100;
const BACKLOG = 2000;
const ms = (x: number) => x.toFixed(2);

const { store, user, actor } = await demoNewsroom();
const { articles } = await store.listArticles({ page: 1, limit: 3 });
const stories = articles.map((a) => a.id);

// The receiver: counts what it is sent, and tells whoever waits for the n-th.
let received = 0;
const waiting = new Map<number, () => void>();
const receiver = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    received++;
    waiting.get(received)?.();
    res.writeHead(204).end();
  });
});
await new Promise<void>((resolve) => receiver.listen(0, '127.0.0.1', resolve));
const url = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
const arrival = (n: number) => new Promise<void>((resolve) => (n <= received ? resolve() : waiting.set(n, resolve)));

let edits = 0;
/** An edit of a published story that changes its words (so that it is an article.updated). */
const edit = () => {
  const id = stories[edits % stories.length]!;
  edits++;
  return workflow.updateArticle(store, actor, id, { description: `وصف معدل للقياس رقم ${edits}: تفاصيل إضافية عن الخبر.` });
};

async function timed(f: () => Promise<unknown>): Promise<number> {
  const t0 = performance.now();
  await f();
  return performance.now() - t0;
}

console.log(`demo newsroom (${await store.countArticles()} articles), SQLite in memory, node ${process.version}`);

// 1. The save's own cost: hooks that listen, no sender.
const hooks: number[] = [];
const setHooks = async (n: number) => {
  while (hooks.length > n) await store.webhooks.delete(hooks.pop()!);
  while (hooks.length < n) hooks.push((await store.webhooks.create({ name: `خطاف ${hooks.length + 1}`, url, events: ['article.updated'], secret: 'whsec_bench', createdBy: user.id }, new Date().toISOString())).id);
};
const counts = [0, 1, 5];
const times = new Map<number, number[]>(counts.map((n) => [n, []]));
for (let i = 0; i < EDITS; i++) {
  // Each count first, second and third in turn: the first save of a round is not always the same one's.
  for (const n of [...counts.slice(i % counts.length), ...counts.slice(0, i % counts.length)]) {
    await setHooks(n);
    times.get(n)!.push(await timed(edit));
  }
}
const base50 = quantile(times.get(0)!, 0.5);
console.log('\nedit of a published story      p50 ms   p95 ms   p50 ratio');
for (const n of counts) {
  const xs = times.get(n)!;
  console.log(`${(n ? `${n} webhook${n > 1 ? 's' : ''} listening` : 'no webhook').padEnd(28)} ${ms(quantile(xs, 0.5)).padStart(8)} ${ms(quantile(xs, 0.95)).padStart(8)}   ${(quantile(xs, 0.5) / base50).toFixed(2).padStart(8)}`);
}

// 2. From the edit's start to the receiver holding it, the sender running.
await setHooks(0);
await setHooks(1);
const sender = new WebhookSender(store, { baseUrl: 'http://127.0.0.1:3000' });
await sender.runOnce();
const latencies: number[] = [];
for (let i = 0; i < EDITS; i++) {
  const expected = received + 1;
  const t0 = performance.now();
  await edit();
  await arrival(expected);
  latencies.push(performance.now() - t0);
}
console.log(`\nedit to delivery received (1 webhook, sender running): p50 ${ms(quantile(latencies, 0.5))} ms, p95 ${ms(quantile(latencies, 0.95))} ms`);

// 3. A backlog: deliveries written faster than sent (a burst, or an address back after a failure).
await sender.stop();
const now = new Date().toISOString();
const payload = JSON.stringify({ event: 'article.updated', createdAt: now, article: { slug: 'قياس', image: null } });
for (let i = 0; i < BACKLOG; i++) await store.webhooks.enqueue('article.updated', payload, now);
const before = received;
const t0 = performance.now();
const drain = new WebhookSender(store, { baseUrl: 'http://127.0.0.1:3000' });
await arrival(before + BACKLOG);
const seconds = (performance.now() - t0) / 1000;
console.log(`backlog of ${BACKLOG} deliveries sent in ${seconds.toFixed(2)} s: ${Math.round(BACKLOG / seconds)} deliveries/s`);
await drain.stop();
receiver.close();
await store.close();
