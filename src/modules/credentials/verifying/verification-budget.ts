/**
 * A rate limit that counts cost, not requests (issue 11, point 4): each client address may spend
 * VERIFICATION_UNITS_PER_MINUTE units of verification a minute, a unit being one proof checked (a
 * canonicalisation and a signature) plus one per request. A presentation of ten credentials costs as much
 * as ten requests. Kept in memory per process (a node's own CPU is what it protects).
 */

/** Units one client address may spend per minute. */
export const VERIFICATION_UNITS_PER_MINUTE = 120;
const WINDOW_MS = 60_000;
/** Most addresses tracked at once (the oldest windows are dropped first). */
const MAX_TRACKED = 10_000;

interface Window {
  startedAt: number;
  spent: number;
}

/** A per-address budget of verification work. */
export class VerificationBudget {
  private readonly windows = new Map<string, Window>();

  constructor(
    private readonly unitsPerMinute = VERIFICATION_UNITS_PER_MINUTE,
    private readonly now: () => number = Date.now,
  ) {}

  /**
   * Spends `units` for `address`; returns 0 when allowed, else the seconds until the budget renews. A
   * request larger than the whole budget is refused outright (it could never be afforded).
   */
  spend(address: string, units: number): number {
    const now = this.now();
    let window = this.windows.get(address);
    if (!window || now - window.startedAt >= WINDOW_MS) {
      window = { startedAt: now, spent: 0 };
      this.windows.delete(address);
      if (this.windows.size >= MAX_TRACKED) this.windows.delete(this.windows.keys().next().value as string);
      this.windows.set(address, window);
    }
    if (window.spent + units > this.unitsPerMinute)
      return Math.max(1, Math.ceil((window.startedAt + WINDOW_MS - now) / 1000));
    window.spent += units;
    return 0;
  }
}

/** Pure: the units a credential or presentation costs to verify (one per proof, one per request). */
export function verificationCost(document: unknown): number {
  const proofs = (value: unknown): number => {
    if (typeof value === 'string') return 1;
    const proof = (value as { proof?: unknown } | null)?.proof;
    return proof === undefined ? 0 : Array.isArray(proof) ? proof.length : 1;
  };
  const embedded = (document as { verifiableCredential?: unknown } | null)?.verifiableCredential;
  const credentials = embedded === undefined ? [] : Array.isArray(embedded) ? embedded : [embedded];
  return 1 + proofs(document) + credentials.reduce<number>((sum, item) => sum + Math.max(1, proofs(item)), 0);
}
