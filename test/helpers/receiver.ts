/** An outside system's webhook endpoint on loopback, for the tests of webhooks (services/webhooks.ts). */
import assert from 'node:assert/strict';
import { createHmac } from 'node:crypto';
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  json: { event: string; createdAt: string; article?: Record<string, any>; correction?: { text: string }; update?: { text: string } };
}

/** An outside system's endpoint: keeps what it is sent, answers what `answer` says (200 by default). */
export async function receiver() {
  const got: Received[] = [];
  let answer: (n: number) => number = () => 200;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks).toString('utf8');
      got.push({ headers: req.headers, body, json: JSON.parse(body) });
      const status = answer(got.length);
      res.writeHead(status, { 'content-type': 'text/plain' }).end(status >= 400 ? 'تعذر الاستقبال الآن' : 'ok');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/sahifa`,
    got,
    answerWith(f: (n: number) => number) {
      answer = f;
    },
    /** Waits until `n` requests have come (the sender goes at once; a few seconds allow for a loaded machine). */
    async waitFor(n: number, ms = 8000) {
      const until = Date.now() + ms;
      while (got.length < n && Date.now() < until) await new Promise((r) => setTimeout(r, 20));
      assert.ok(got.length >= n, `expected ${n} deliveries, got ${got.length}: ${got.map((g) => g.json.event).join(', ')}`);
      return got;
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Checks X-Sahifa-Signature as a receiver would. */
export function signedBy(secret: string, r: Received): boolean {
  const m = /^t=(\d+),sha256=([0-9a-f]{64})$/.exec(String(r.headers['x-sahifa-signature']));
  if (!m) return false;
  const expected = createHmac('sha256', secret).update(`${m[1]}.${r.body}`).digest('hex');
  return expected === m[2] && Math.abs(Date.now() / 1000 - Number(m[1])) < 300;
}
