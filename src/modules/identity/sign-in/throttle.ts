import type { Executor } from '../../../db/database.js';
import type { Clock } from '../../../kernel/clock.js';
import { AppError } from '../../../kernel/errors.js';
import { countThrottledAttempt, findThrottle } from '../passwords/password-credentials.repository.js';

/**
 * Back-off counters in the database (`auth_throttle`): one row per key, counted atomically, so the limits
 * hold across parallel requests and across nodes. The policies that use them are in back-off.ts.
 */

const MINUTE = 60_000;

/** How one counter backs off: a few attempts freely, then waits that double up to a cap. */
export interface BackOffPolicy {
  /** Attempts allowed before the first wait (the wait starts with the last of them). */
  freeAttempts: number;
  firstLockMs: number;
  maxLockMs: number;
}

/** Attempts older than this are forgotten: the next one counts as the first. */
export const FORGET_AFTER_MS = 24 * 60 * MINUTE;

/** The default policy (the per-address sign-in counter): 5 free, then 1, 2, 4 … minutes, capped at an hour. */
export const DEFAULT_BACK_OFF: BackOffPolicy = {
  freeAttempts: 5,
  firstLockMs: MINUTE,
  maxLockMs: 60 * MINUTE,
};

/** Attempts allowed before back-off starts, by default. */
export const FREE_FAILURES = DEFAULT_BACK_OFF.freeAttempts;
/** The longest lock of the default policy, however many attempts. */
export const MAX_LOCK_MS = DEFAULT_BACK_OFF.maxLockMs;

/**
 * Pure: how long a key stays locked from its `attempts`-th attempt on. Nothing for the first few, then
 * `firstLockMs`, doubling at each further attempt, capped: slow for a guesser, a short wait for a person
 * who mistyped.
 */
export function lockDuration(attempts: number, policy: BackOffPolicy = DEFAULT_BACK_OFF): number {
  if (attempts < policy.freeAttempts) return 0;
  const doublings = Math.min(attempts - policy.freeAttempts, 52);
  return Math.min(2 ** doublings * policy.firstLockMs, policy.maxLockMs);
}

/** Pure: the distinct lock ends from attempt `freeAttempts` on, up to the cap (the last one repeats). */
export function lockLadder(policy: BackOffPolicy, now: Date): string[] {
  const ends: string[] = [];
  for (let attempt = policy.freeAttempts; ; attempt++) {
    const duration = lockDuration(attempt, policy);
    ends.push(new Date(now.getTime() + duration).toISOString());
    if (duration >= policy.maxLockMs) return ends;
  }
}

export type Reservation = { allowed: true; attempt: number } | { allowed: false; waitMs: number };

/**
 * Counts one attempt against `key` before the attempt is made (so that parallel attempts cannot all slip
 * in before the lock): allowed with its number, or refused with the wait while the key is locked (a
 * refused attempt is not counted: waiting out the lock is enough).
 */
export async function reserveAttempt(
  db: Executor,
  clock: Clock,
  key: string,
  policy: BackOffPolicy,
): Promise<Reservation> {
  const now = clock.now();
  const attempt = await countThrottledAttempt(db, {
    key,
    now: now.toISOString(),
    staleBefore: new Date(now.getTime() - FORGET_AFTER_MS).toISOString(),
    freeAttempts: policy.freeAttempts,
    locks: lockLadder(policy, now),
  });
  if (attempt !== null) return { allowed: true, attempt };
  const row = await findThrottle(db, key);
  const lockedUntil = row?.locked_until ? Date.parse(row.locked_until) : now.getTime();
  return { allowed: false, waitMs: Math.max(lockedUntil - now.getTime(), 1000) };
}

/** The error for a refused reservation: too_many_attempts with the minutes to wait. */
export function tooManyAttempts(waitMs: number): AppError {
  return new AppError('too_many_attempts', { minutes: Math.max(1, Math.ceil(waitMs / MINUTE)) });
}
