import type { Actor } from './actor.js';
import { AppError } from './errors.js';

/**
 * Turns a policy answer into the right error: 401 when nobody is signed in, 403 when someone is but may
 * not. Policies themselves are pure `can(actor, action, target)` functions in each module.
 */
export function ensure(actor: Actor, allowed: boolean): void {
  if (allowed) return;
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  throw new AppError('forbidden');
}
