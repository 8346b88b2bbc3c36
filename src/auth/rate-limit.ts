/**
 * Login throttling, in memory: failed attempts are counted per account and
 * per address over a sliding window, and once either count reaches its
 * limit every attempt (even with the right password) is refused until the
 * window has passed. Per process: a restart forgets, which the issue allows.
 */

export interface RateLimitOptions {
  /** Failed attempts per account within the window. */
  perAccount: number;
  /** Failed attempts per address within the window. */
  perAddress: number;
  windowMs: number;
}

export const DEFAULT_LOGIN_LIMITS: RateLimitOptions = { perAccount: 5, perAddress: 20, windowMs: 15 * 60 * 1000 };

export class LoginLimiter {
  private readonly failures = new Map<string, number[]>();
  constructor(
    readonly options: RateLimitOptions = DEFAULT_LOGIN_LIMITS,
    private readonly clock: () => number = Date.now,
  ) {}

  private recent(key: string): number[] {
    const since = this.clock() - this.options.windowMs;
    const list = (this.failures.get(key) ?? []).filter((t) => t > since);
    if (list.length) this.failures.set(key, list);
    else this.failures.delete(key);
    return list;
  }

  /** Seconds until an attempt is allowed, or 0 when it is allowed now. */
  retryAfter(account: string, address: string): number {
    const checks: [string, number][] = [
      [`a:${account.trim().toLowerCase()}`, this.options.perAccount],
      [`ip:${address}`, this.options.perAddress],
    ];
    let wait = 0;
    for (const [key, limit] of checks) {
      const list = this.recent(key);
      if (list.length >= limit) {
        const oldest = list[list.length - limit]!;
        wait = Math.max(wait, Math.ceil((oldest + this.options.windowMs - this.clock()) / 1000));
      }
    }
    return wait;
  }

  fail(account: string, address: string): void {
    const now = this.clock();
    for (const key of [`a:${account.trim().toLowerCase()}`, `ip:${address}`]) {
      const list = this.recent(key);
      list.push(now);
      this.failures.set(key, list);
    }
    if (this.failures.size > 100_000) this.sweep();
  }

  /** A successful sign-in clears the account's count (not the address's). */
  succeed(account: string): void {
    this.failures.delete(`a:${account.trim().toLowerCase()}`);
  }

  private sweep(): void {
    for (const key of [...this.failures.keys()]) this.recent(key);
  }
}
