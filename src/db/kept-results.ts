/**
 * Results kept until one of the tables they were read from changes: the rendered contents of a
 * read-mostly page (the public catalogue: about 7 ms of CPU for HTML that changes when a manager edits a
 * course, not on every request), or the ordered ids of a long filtered list (the managers' candidates).
 * `KeptResults` keeps a value by key together with the revisions of the tables it declares
 * (`table-revisions.ts`); a write to any of them through this process makes it stale at once, and every
 * entry also expires after `ttlMs`, which bounds how long a change made by another application process
 * can stay unseen (docs/decisions/0009-kept-fragments.md). Entries are kept per database handle; on a
 * handle whose writes are not tracked (a transaction, a handle not opened by `createDatabase`) nothing is
 * kept.
 */
import { type Executor, tableRevisionsOf } from './database.js';

/** How long a kept value may be served without a local write to its tables (other processes' writes). */
export const KEPT_TTL_MS = 10_000;

interface Entry<V> {
  stamp: string;
  madeAt: number;
  value: V;
  weight: number;
}

interface Kept<V> {
  entries: Map<string, Entry<V>>;
  weight: number;
  /** Values being made, by key, with the stamp they were made under (requests that miss together wait). */
  making: Map<string, { stamp: string; value: Promise<V> }>;
}

export interface KeptResultsOptions<V> {
  /** The tables the values are read from: a write to any of them makes every entry stale. */
  tables: readonly string[];
  /** Most entries kept per database (least recently used dropped first). */
  maxEntries?: number;
  /** The weight of a value (e.g. its number of ids) and the most weight kept per database. */
  weigh?: (value: V) => number;
  maxWeight?: number;
  ttlMs?: number;
  /** Milliseconds of a monotonic clock (tests move it). */
  now?: () => number;
}

export class KeptResults<V> {
  private readonly byDatabase = new WeakMap<object, Kept<V>>();
  private readonly maxEntries: number;
  private readonly maxWeight: number;
  private readonly ttlMs: number;
  private readonly now: () => number;

  constructor(private readonly options: KeptResultsOptions<V>) {
    this.maxEntries = options.maxEntries ?? 200;
    this.maxWeight = options.maxWeight ?? Number.POSITIVE_INFINITY;
    this.ttlMs = options.ttlMs ?? KEPT_TTL_MS;
    this.now = options.now ?? (() => performance.now());
  }

  /**
   * The kept value for `key`, or `make()`'s (then kept). The revisions are read before `make` runs, so a
   * write that lands while it runs leaves the entry stale rather than keeping old data as new. Callers
   * that miss while a value for the same key and stamp is being made wait for that one (a failure
   * reaches them all; the next call makes it again).
   */
  async get(db: Executor, key: string, make: () => Promise<V>): Promise<V> {
    const revisions = tableRevisionsOf(db);
    if (!revisions) return make();
    let kept = this.byDatabase.get(db);
    if (!kept) {
      kept = { entries: new Map(), weight: 0, making: new Map() };
      this.byDatabase.set(db, kept);
    }
    const stamp = revisions.stamp(this.options.tables);
    const found = kept.entries.get(key);
    const now = this.now();
    if (found && found.stamp === stamp && now - found.madeAt < this.ttlMs) {
      kept.entries.delete(key);
      kept.entries.set(key, found);
      return found.value;
    }
    // Requests that miss at the same moment (a kept page expiring under load) share one read, as long as
    // none of the tables was written since it started (same stamp); otherwise this one reads afresh.
    const running = kept.making.get(key);
    if (running && running.stamp === stamp) return running.value;
    const making = make();
    kept.making.set(key, { stamp, value: making });
    let value: V;
    try {
      value = await making;
    } finally {
      if (kept.making.get(key)?.value === making) kept.making.delete(key);
    }
    const weight = this.options.weigh?.(value) ?? 1;
    this.drop(kept, key);
    if (weight > this.maxWeight) return value;
    kept.entries.set(key, { stamp, madeAt: now, value, weight });
    kept.weight += weight;
    while (kept.entries.size > this.maxEntries || kept.weight > this.maxWeight) {
      this.drop(kept, kept.entries.keys().next().value as string);
    }
    return value;
  }

  /** How many entries are kept for a database (tests). */
  size(db: Executor): number {
    return this.byDatabase.get(db)?.entries.size ?? 0;
  }

  private drop(kept: Kept<V>, key: string): void {
    const entry = kept.entries.get(key);
    if (!entry) return;
    kept.weight -= entry.weight;
    kept.entries.delete(key);
  }
}

/** Freezes a value to be kept and everything in it (a kept value is shared by every request). */
export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}
