/**
 * The late penalty (pure): how many points a late submission loses from its released mark. Per assignment,
 * optional: `percent-per-day` takes `amount` percentage points for every started day (24 hours) after the
 * person's own due instant; `fixed` takes `amount` points once, whatever the lateness. Both are capped by
 * `cap` (0: no cap other than the whole mark). Points are hundredths of a percent (500 = 5 points);
 * the mark never goes below 0.
 * PERSISTED: the `kind` codes.
 */

export const LATE_PENALTY_KINDS = ['none', 'percent-per-day', 'fixed'] as const;
export type LatePenaltyKind = (typeof LATE_PENALTY_KINDS)[number];

export interface LatePenaltyPolicy {
  kind: LatePenaltyKind;
  /** Hundredths of a percentage point: per started day, or once. */
  amount: number;
  /** The most it may take, in hundredths (0: up to the whole mark). */
  cap: number;
}

export const NO_LATE_PENALTY: LatePenaltyPolicy = { kind: 'none', amount: 0, cap: 0 };

const DAY_MS = 24 * 60 * 60 * 1000;

/** Started days after the due instant (0 up to and including it; 1 for the first 24 hours after …). */
export function daysLate(dueAt: string | null, submittedAt: string): number {
  if (!dueAt) return 0;
  const late = Date.parse(submittedAt) - Date.parse(dueAt);
  return late > 0 ? Math.ceil(late / DAY_MS) : 0;
}

/** The points (hundredths) a submission made at `submittedAt` loses, against the person's `dueAt`. */
export function latePenalty(policy: LatePenaltyPolicy, dueAt: string | null, submittedAt: string): number {
  const days = daysLate(dueAt, submittedAt);
  if (days === 0 || policy.kind === 'none') return 0;
  const raw = policy.kind === 'fixed' ? policy.amount : policy.amount * days;
  const cap = policy.cap > 0 ? Math.min(policy.cap, 10000) : 10000;
  return Math.max(0, Math.min(raw, cap));
}
