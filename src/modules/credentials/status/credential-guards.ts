/**
 * The state guards of status changes, checked inside the transaction on the locked row. Each refusal is an
 * AppError with the precise problem as a field (`credential.problem.<code>`). Not a use case.
 */
import type { Executor } from '../../../db/database.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { findCredential } from '../credentials.repository.js';
import type { CredentialRow } from '../credentials.tables.js';

/** Why a status change is refused (message `credential.problem.<code>`). */
export type StatusProblem =
  | 'alreadyRevoked'
  | 'notActive'
  | 'notSuspended'
  | 'notAwardable'
  | 'resultHasNoCredential';

/** A 409 naming the problem. */
export function statusError(problem: StatusProblem): AppError {
  return new AppError('invalid_state', {}, [{ path: 'credential', key: `credential.problem.${problem}` }]);
}

/** The credential, locked for the change, or 404. */
export async function lockCredential(db: Executor, id: string): Promise<CredentialRow> {
  const row = isId(id) ? await findCredential(db, id, { lock: true }) : undefined;
  if (!row) throw new AppError('not_found');
  return row;
}
