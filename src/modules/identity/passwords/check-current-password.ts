import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { AppError } from '../../../kernel/errors.js';
import { DEFAULT_BACK_OFF, reserveAttempt, tooManyAttempts } from '../sign-in/throttle.js';
import { verifyPassword } from './password.js';
import { clearThrottle } from './password-credentials.repository.js';

/**
 * Checks the current password asked before a sensitive change (email, password). It is a password guess
 * like sign-in, so it backs off the same way, per person (counted before the check, atomically).
 */
export async function checkCurrentPassword(
  db: Executor,
  deps: Services,
  user: { id: string; password_hash: string },
  password: string,
): Promise<void> {
  const key = `current-password:${user.id}`;
  const reservation = await reserveAttempt(db, deps.clock, key, DEFAULT_BACK_OFF);
  if (!reservation.allowed) throw tooManyAttempts(reservation.waitMs);
  if (!(await verifyPassword(user.password_hash, password))) {
    throw new AppError('validation_failed', {}, [
      { path: 'currentPassword', key: 'validation.wrongPassword' },
    ]);
  }
  await clearThrottle(db, key);
}
