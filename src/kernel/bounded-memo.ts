/**
 * Values kept by the key they were made from, when the key alone decides the value: formatted dates and
 * instants (`Intl.DateTimeFormat#format` costs a few microseconds a call and a page formats the same due
 * dates on every request), the parsed contents of signed credentials (immutable once issued). Emptied when
 * it reaches its limit: bounded memory, no bookkeeping per hit.
 */
export const MAX_KEPT = 10_000;

export class BoundedMemo<V> {
  private readonly values = new Map<string, V>();

  constructor(private readonly max = MAX_KEPT) {}

  /** The value kept for `key`, or `make()`'s (then kept). */
  get(key: string, make: () => V): V {
    const kept = this.values.get(key);
    if (kept !== undefined) return kept;
    const value = make();
    this.set(key, value);
    return value;
  }

  /** The value kept for `key`, if any. */
  peek(key: string): V | undefined {
    return this.values.get(key);
  }

  set(key: string, value: V): void {
    if (this.values.size >= this.max) this.values.clear();
    this.values.set(key, value);
  }

  /** How many values are kept (tests). */
  get size(): number {
    return this.values.size;
  }
}
