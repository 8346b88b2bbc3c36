/**
 * Rendered pages kept in memory, with their gzip and brotli forms, so a page
 * read a million times is rendered and compressed once. Entries name what
 * they show (dependency keys such as `article:12` or `list:home`); a change
 * purges exactly the entries that show what changed. Memory is bounded by a
 * byte budget with least-recently-used eviction.
 */
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { strongEtag } from '../plugins/conditional.js';

export interface CachedPage {
  body: Buffer;
  gzip: Buffer;
  br: Buffer;
  /** The identity form's strong ETag; compressed forms add a suffix (they are other representations). */
  etag: string;
  contentType: string;
  cacheControl: string;
  lastModified?: string;
  deps: string[];
  /** When it stops being served without rendering again (ms since the epoch). */
  expires: number;
}

export interface CacheStats {
  entries: number;
  bytes: number;
  hits: number;
  misses: number;
  evictions: number;
  purged: number;
}

const ENTRY_OVERHEAD = 512;

export class RenderCache {
  private readonly entries = new Map<string, CachedPage>();
  private readonly byDep = new Map<string, Set<string>>();
  private bytes = 0;
  private readonly counters = { hits: 0, misses: 0, evictions: 0, purged: 0 };

  constructor(readonly budgetBytes: number) {}

  get(key: string, now = Date.now()): CachedPage | undefined {
    const page = this.entries.get(key);
    if (page && page.expires <= now) this.delete(key);
    if (!page || page.expires <= now) {
      this.counters.misses++;
      return undefined;
    }
    // Map order is recency order: move to the back.
    this.entries.delete(key);
    this.entries.set(key, page);
    this.counters.hits++;
    return page;
  }

  /** Stores a page under `key`, compressing it once. */
  set(key: string, page: Omit<CachedPage, 'gzip' | 'br' | 'etag'>): CachedPage {
    const entry: CachedPage = {
      ...page,
      gzip: gzipSync(page.body, { level: 6 }),
      br: brotliCompressSync(page.body, {
        params: { [constants.BROTLI_PARAM_QUALITY]: 5, [constants.BROTLI_PARAM_SIZE_HINT]: page.body.length },
      }),
      etag: strongEtag(page.body),
    };
    this.delete(key);
    const size = sizeOf(entry);
    if (size > this.budgetBytes) return entry;
    this.entries.set(key, entry);
    this.bytes += size;
    for (const dep of entry.deps) {
      let keys = this.byDep.get(dep);
      if (!keys) this.byDep.set(dep, (keys = new Set()));
      keys.add(key);
    }
    while (this.bytes > this.budgetBytes) {
      const oldest = this.entries.keys().next().value as string;
      this.delete(oldest);
      this.counters.evictions++;
    }
    return entry;
  }

  /** Drops every entry that depends on any of the keys; returns how many. */
  purge(deps: Iterable<string>): number {
    let n = 0;
    for (const dep of deps) {
      for (const key of [...(this.byDep.get(dep) ?? [])]) {
        if (this.delete(key)) n++;
      }
    }
    this.counters.purged += n;
    return n;
  }

  /** Drops every entry (changes may have been missed); returns how many. */
  clear(): number {
    const n = this.entries.size;
    this.entries.clear();
    this.byDep.clear();
    this.bytes = 0;
    this.counters.purged += n;
    return n;
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  stats(): CacheStats {
    return { entries: this.entries.size, bytes: this.bytes, ...this.counters };
  }

  private delete(key: string): boolean {
    const entry = this.entries.get(key);
    if (!entry) return false;
    this.entries.delete(key);
    this.bytes -= sizeOf(entry);
    for (const dep of entry.deps) {
      const keys = this.byDep.get(dep);
      keys?.delete(key);
      if (keys?.size === 0) this.byDep.delete(dep);
    }
    return true;
  }
}

function sizeOf(e: CachedPage): number {
  return e.body.length + e.gzip.length + e.br.length + ENTRY_OVERHEAD;
}
