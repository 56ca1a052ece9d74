/**
 * Rendered parts of read-mostly pages, kept until one of the tables they read changes. A public catalogue
 * page reads ten tables and renders 20 cards: about 7 ms of CPU for HTML that changes when a manager edits
 * a course, not on every request. `FragmentCache` keeps the result by key together with the revisions of
 * the tables it was made from (`src/db/table-revisions.ts`); a write to any of them through this process
 * makes it stale at once, and every entry also expires after `ttlMs`, which bounds how long a change
 * made by another application process can stay unseen (see docs/decisions, "Rendered fragments kept per
 * table revision"). On a database handle whose writes are not tracked nothing is kept.
 */
import type { Kysely } from 'kysely';
import { tableRevisionsOf } from '../db/database.js';
import type { DB } from '../db/schema.js';

/** How long a kept fragment may be served without a local write to its tables (other processes' writes). */
export const FRAGMENT_TTL_MS = 10_000;

interface Entry<V> {
  stamp: string;
  madeAt: number;
  value: V;
}

export interface FragmentCacheOptions {
  /** The tables the fragment's data comes from: a write to any of them makes every entry stale. */
  tables: readonly string[];
  /** Most entries kept (least recently used dropped first). */
  maxEntries?: number;
  ttlMs?: number;
  /** Milliseconds of a monotonic clock (tests move it). */
  now?: () => number;
}

export class FragmentCache<V> {
  private readonly entries = new Map<string, Entry<V>>();
  private readonly maxEntries: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: FragmentCacheOptions) {
    this.maxEntries = options.maxEntries ?? 200;
    this.ttlMs = options.ttlMs ?? FRAGMENT_TTL_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * The kept value for `key`, or `make()`'s (then kept). The revisions are read before `make` runs, so a
   * write that lands while it runs leaves the entry stale rather than keeping old data as new.
   */
  async get(db: Kysely<DB>, key: string, make: () => Promise<V>): Promise<V> {
    const revisions = tableRevisionsOf(db);
    if (!revisions) return make();
    const stamp = revisions.stamp(this.options.tables);
    const kept = this.entries.get(key);
    const now = this.now();
    if (kept && kept.stamp === stamp && now - kept.madeAt < this.ttlMs) {
      this.entries.delete(key);
      this.entries.set(key, kept);
      return kept.value;
    }
    const value = await make();
    this.entries.delete(key);
    this.entries.set(key, { stamp, madeAt: now, value });
    if (this.entries.size > this.maxEntries) this.entries.delete(this.entries.keys().next().value as string);
    return value;
  }

  /** How many entries are kept (tests). */
  get size(): number {
    return this.entries.size;
  }
}
