/**
 * Formatted dates and instants kept by what they were made from: `Intl.DateTimeFormat#format` costs a few
 * microseconds a call, and a page formats the same due dates, session times and deadlines on every request
 * (the space home ~40 of them, 3 % of its CPU). A map per formatter, emptied when it reaches `MAX_TEXTS`
 * (bounded memory, no bookkeeping per hit); the texts depend on nothing but the key.
 */
export const MAX_TEXTS = 10_000;

export class FormattedTexts {
  private readonly texts = new Map<string, string>();

  constructor(private readonly max = MAX_TEXTS) {}

  /** The text kept for `key`, or `make()`'s (then kept). */
  get(key: string, make: () => string): string {
    const kept = this.texts.get(key);
    if (kept !== undefined) return kept;
    const text = make();
    if (this.texts.size >= this.max) this.texts.clear();
    this.texts.set(key, text);
    return text;
  }

  /** How many texts are kept (tests). */
  get size(): number {
    return this.texts.size;
  }
}
