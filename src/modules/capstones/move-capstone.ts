/** Moving a capstone through its state machine inside the caller's transaction. Not a use case. */

import type { Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { type CapstoneAction, nextCapstoneState } from './capstone.js';
import { stateError, stateOf } from './capstone-access.js';
import { updateCapstone } from './capstones.repository.js';
import type { CapstoneRow, CapstonesTable } from './capstones.tables.js';

/** Applies `action` (409 when the state does not allow it); returns the states before and after. */
export async function moveCapstone(
  db: Executor,
  row: CapstoneRow,
  action: CapstoneAction,
  at: string,
  patch: Updateable<CapstonesTable> = {},
): Promise<{ before: { state: string }; after: { state: string } }> {
  const next = nextCapstoneState(stateOf(row), action);
  if (!next) throw stateError();
  await updateCapstone(db, row.id, { ...patch, state: next, updated_at: at });
  return { before: { state: row.state }, after: { state: next } };
}
