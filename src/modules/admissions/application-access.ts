import type { Executor } from '../../db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { type AdmissionsAction, canAdmissions } from './admissions.policy.js';
import { applicationFacts } from './application-view.js';
import { type ApplicationRow, findApplicationRow, lockApplicationRow } from './applications.repository.js';

/**
 * The application `id` if the actor may do `action` on it. Someone who may not even read it learns
 * nothing (404, or 401 when signed out); someone who may read it but not do this gets 403.
 * With `lock`, the row is locked for the rest of the transaction (read again inside it).
 */
export async function applicationFor(
  db: Executor,
  actor: Actor,
  id: string,
  action: AdmissionsAction,
  options: { lock?: boolean } = {},
): Promise<ApplicationRow> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!isId(id)) throw new AppError('not_found');
  const row = options.lock ? await lockApplicationRow(db, id) : await findApplicationRow(db, id);
  if (!row) throw new AppError('not_found');
  const facts = await applicationFacts(db, actor, row);
  if (!canAdmissions(actor, 'application.read', facts)) throw new AppError('not_found');
  ensure(actor, canAdmissions(actor, action, facts));
  return row;
}
