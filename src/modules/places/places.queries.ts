/**
 * The places module's internal queries: permission-free reads for other modules (who holds a confirmed
 * place, for the course spaces). Not for routes: they answer whoever asks.
 */
import type { Executor } from '../../db/database.js';
import { isId } from '../../kernel/ids.js';
import { hasConfirmedPlace, listConfirmedEditionIds, listConfirmedPeople } from './places.repository.js';

/** True when the person holds a confirmed place in the edition. */
export async function isConfirmedParticipant(
  db: Executor,
  editionId: string,
  userId: string,
): Promise<boolean> {
  if (!isId(editionId) || !isId(userId)) return false;
  return hasConfirmedPlace(db, editionId, userId);
}

/** The people holding a confirmed place in the edition, by name. */
export async function confirmedParticipants(
  db: Executor,
  editionId: string,
): Promise<{ id: string; fullName: string; email: string }[]> {
  const rows = await listConfirmedPeople(db, editionId);
  return rows.map((r) => ({ id: r.id, fullName: r.full_name, email: r.email }));
}

/** The editions in which the person holds a confirmed place. */
export async function confirmedEditionsOf(db: Executor, userId: string): Promise<string[]> {
  return isId(userId) ? listConfirmedEditionIds(db, userId) : [];
}
