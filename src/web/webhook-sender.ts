/**
 * Sends the webhooks' deliveries (store/webhooks.ts) from every web
 * process: each claims the due ones for a while, POSTs them and records how
 * it went. A delivery that fails (no answer within 10 s, a redirect, any
 * status but 2xx) is tried again later, 7 tries over about 21 hours; an
 * answer of 410 Gone switches the hook off, as the receiver asked. The
 * process that wrote an event sends it at once; the others look every few
 * seconds, so on PostgreSQL a delivery whose process stopped is sent by
 * another when its lease runs out.
 *
 * What is sent: the stored payload, with the story's address and its
 * image's made absolute with the site's own (SAHIFA_URL), and the headers
 *   X-Sahifa-Event: article.published
 *   X-Sahifa-Delivery: 42          (the same on every try: receivers drop repeats by it)
 *   X-Sahifa-Signature: t=1764460800,sha256=<hex HMAC-SHA256 of "<t>.<body>" keyed with the hook's secret>
 * The time inside the signature lets a receiver refuse an old request replayed.
 */
import { createHmac } from 'node:crypto';
import type { Store } from '../store/store.js';
import type { ClaimedDelivery, DeliveryOutcome } from '../store/webhooks.js';
import { articleUrl } from './urls.js';

/** After the 1st, 2nd, … failed try, the wait before the next: 7 tries in all. */
export const RETRY_AFTER_MS = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000, 6 * 3600_000, 12 * 3600_000];
export const SEND_TIMEOUT_MS = 10_000;
/** How long a claim holds: longer than a send can take, so that a running send is never claimed twice. */
const LEASE_MS = 60_000;
const BATCH = 20;
const AT_ONCE = 4;
export const POLL_MS = 5_000;
/** Finished deliveries are kept this long for the newsroom's log. */
const KEEP_MS = 30 * 24 * 3600_000;
const PRUNE_EVERY_MS = 3600_000;
/** What is kept of a failed answer's body, to show why. */
const ANSWER_KEPT = 300;

export const signatureHeader = (secret: string, unixSeconds: number, body: string): string =>
  `t=${unixSeconds},sha256=${createHmac('sha256', secret).update(`${unixSeconds}.${body}`).digest('hex')}`;

/** The stored payload as sent: the story's address, and its image's, in full. */
export function bodyToSend(payload: string, baseUrl: string): string {
  const data = JSON.parse(payload) as { article?: { slug: string; image?: { url: string } | null } & Record<string, unknown> };
  const article = data.article;
  if (!article) return payload;
  const image = article.image ? { ...article.image, url: baseUrl + article.image.url } : article.image;
  return JSON.stringify({ ...data, article: { ...article, url: baseUrl + articleUrl(article.slug), image } });
}

/** The start of an answer's body, without reading more of it than is kept. */
async function answerStart(res: Response): Promise<string> {
  if (!res.body) return '';
  const reader = res.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  while (size < ANSWER_KEPT * 4) {
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    size += value.length;
  }
  await reader.cancel().catch(() => undefined);
  return Buffer.concat(chunks).toString('utf8').replace(/\s+/g, ' ').trim().slice(0, ANSWER_KEPT);
}

function failureOf(e: unknown): string {
  if (e instanceof Error && (e.name === 'TimeoutError' || e.name === 'AbortError')) return `no answer within ${SEND_TIMEOUT_MS / 1000} s`;
  const cause = e instanceof Error ? (e.cause as { code?: string; message?: string } | undefined) : undefined;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}

export interface SenderOptions {
  baseUrl: string;
  pollMs?: number;
  fetch?: typeof fetch;
  onError?: (e: unknown) => void;
}

export class WebhookSender {
  readonly #store: Store;
  readonly #options: SenderOptions;
  readonly #fetch: typeof fetch;
  #running: Promise<number> = Promise.resolve(0);
  /** A run is waiting behind the current one: a burst of events makes one more run, not one each. */
  #queued = false;
  #stopped = false;
  #prunedAt = 0;
  readonly #timer: NodeJS.Timeout;
  readonly #unsubscribe: () => void;

  constructor(store: Store, options: SenderOptions) {
    this.#store = store;
    this.#options = options;
    this.#fetch = options.fetch ?? fetch;
    this.#unsubscribe = store.webhooks.onEnqueued(() => void this.runOnce());
    this.#timer = setInterval(() => void this.runOnce(), options.pollMs ?? POLL_MS);
    this.#timer.unref();
    void this.runOnce();
  }

  /** Sends what is due at `now`, one batch after another; resolves to how many were tried. Runs are queued, never overlapping. */
  runOnce(now?: () => Date): Promise<number> {
    if (this.#queued && !now) return this.#running;
    this.#queued = true;
    this.#running = this.#running.then(async () => {
      this.#queued = false;
      let tried = 0;
      try {
        for (;;) {
          if (this.#stopped) return tried;
          const at = now?.() ?? new Date();
          const batch = await this.#store.webhooks.claim(at.toISOString(), new Date(at.getTime() + LEASE_MS).toISOString(), BATCH);
          for (let i = 0; i < batch.length; i += AT_ONCE) {
            await Promise.all(batch.slice(i, i + AT_ONCE).map((d) => this.#deliver(d, now)));
          }
          tried += batch.length;
          if (batch.length < BATCH) break;
        }
        await this.#prune();
      } catch (e) {
        this.#options.onError?.(e);
      }
      return tried;
    });
    return this.#running;
  }

  async #deliver(d: ClaimedDelivery, now?: () => Date): Promise<void> {
    const outcome = await this.#send(d);
    const at = now?.() ?? new Date();
    const wait = RETRY_AFTER_MS[d.attempts - 1];
    const retryAt = !outcome.ok && !outcome.gone && wait !== undefined ? new Date(at.getTime() + wait).toISOString() : null;
    await this.#store.webhooks.finish(d.id, { ...outcome, retryAt }, at.toISOString());
  }

  async #send(d: ClaimedDelivery): Promise<Omit<DeliveryOutcome, 'retryAt'>> {
    const body = bodyToSend(d.payload, this.#options.baseUrl);
    const started = performance.now();
    const took = () => Math.round(performance.now() - started);
    try {
      const res = await this.#fetch(d.url, {
        method: 'POST',
        body,
        redirect: 'manual',
        signal: AbortSignal.timeout(SEND_TIMEOUT_MS),
        headers: {
          'content-type': 'application/json; charset=utf-8',
          'user-agent': 'Sahifa-Webhooks/1',
          'x-sahifa-event': d.event,
          'x-sahifa-delivery': String(d.id),
          'x-sahifa-signature': signatureHeader(d.secret, Math.floor(Date.now() / 1000), body),
        },
      });
      if (res.status >= 200 && res.status < 300) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: true, status: res.status, error: null, durationMs: took() };
      }
      if (res.status >= 300 && res.status < 400) {
        await res.body?.cancel().catch(() => undefined);
        return { ok: false, status: res.status, error: `redirected to ${res.headers.get('location') ?? '?'}: register the final address`, durationMs: took() };
      }
      const said = await answerStart(res);
      return { ok: false, status: res.status, error: `HTTP ${res.status}${said ? `: ${said}` : ''}`, durationMs: took(), gone: res.status === 410 };
    } catch (e) {
      return { ok: false, status: null, error: failureOf(e), durationMs: took() };
    }
  }

  async #prune(): Promise<void> {
    if (Date.now() - this.#prunedAt < PRUNE_EVERY_MS) return;
    this.#prunedAt = Date.now();
    await this.#store.webhooks.prune(new Date(Date.now() - KEEP_MS).toISOString());
  }

  async stop(): Promise<void> {
    this.#stopped = true;
    clearInterval(this.#timer);
    this.#unsubscribe();
    await this.#running;
  }
}
