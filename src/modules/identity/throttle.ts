import type { Executor } from '../../db/database.js';
import type { Clock } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import { clearThrottle, findThrottle, saveThrottle } from './password-credentials.repository.js';

/** Failures allowed before back-off starts. */
export const FREE_FAILURES = 5;
/** The longest lock, however many failures. */
export const MAX_LOCK_MS = 60 * 60 * 1000;

/**
 * Pure: how long a key stays locked after its `failures`-th failure. Nothing for the first few, then
 * 1, 2, 4, 8 … minutes, capped at an hour: slow for a guesser, a short wait for a person who mistyped.
 */
export function lockDuration(failures: number): number {
  if (failures < FREE_FAILURES) return 0;
  return Math.min(2 ** (failures - FREE_FAILURES) * 60_000, MAX_LOCK_MS);
}

/** Throws too_many_attempts (with the minutes to wait) while `key` is locked. */
export async function assertNotLocked(db: Executor, clock: Clock, key: string): Promise<void> {
  const row = await findThrottle(db, key);
  if (!row?.locked_until) return;
  const waitMs = new Date(row.locked_until).getTime() - clock.now().getTime();
  if (waitMs > 0) throw new AppError('too_many_attempts', { minutes: Math.ceil(waitMs / 60_000) });
}

/** Counts one more failure for `key` and locks it when the count calls for it. */
export async function recordFailure(db: Executor, clock: Clock, key: string): Promise<void> {
  const now = clock.now();
  const row = await findThrottle(db, key);
  // Failures older than a day are forgotten.
  const stale = row && now.getTime() - new Date(row.updated_at).getTime() > 24 * 60 * 60 * 1000;
  const failures = (stale || !row ? 0 : row.failures) + 1;
  const lock = lockDuration(failures);
  await saveThrottle(db, {
    key,
    failures,
    locked_until: lock > 0 ? new Date(now.getTime() + lock).toISOString() : null,
    updated_at: now.toISOString(),
  });
}

/** Forgets the failures of `key` (after a successful sign-in). */
export function recordSuccess(db: Executor, key: string): Promise<void> {
  return clearThrottle(db, key);
}
