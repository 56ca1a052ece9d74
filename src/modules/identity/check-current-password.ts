import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { AppError } from '../../kernel/errors.js';
import { verifyPassword } from './password.js';
import { assertNotLocked, recordFailure, recordSuccess } from './throttle.js';

/**
 * Checks the current password asked before a sensitive change (email, password). It is a password guess
 * like sign-in, so it backs off the same way, per person.
 */
export async function checkCurrentPassword(
  db: Executor,
  deps: Services,
  user: { id: string; password_hash: string },
  password: string,
): Promise<void> {
  const key = `current-password:${user.id}`;
  await assertNotLocked(db, deps.clock, key);
  if (!(await verifyPassword(user.password_hash, password))) {
    await recordFailure(db, deps.clock, key);
    throw new AppError('validation_failed', {}, [
      { path: 'currentPassword', key: 'validation.wrongPassword' },
    ]);
  }
  await recordSuccess(db, key);
}
