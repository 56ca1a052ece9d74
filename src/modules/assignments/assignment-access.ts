/**
 * Who may reach an assignment: the edition's confirmed participants (their own work only), its facilitators
 * and managers (staff). Anyone else is told it does not exist.
 */
import type { Executor } from '../../db/database.js';
import { type Actor, hasRole } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import type { Edition } from '../catalogue/course.js';
import { isConfirmedParticipant } from '../places/places.queries.js';
import { findAssignment } from './assignments.repository.js';
import type { AssignmentRow } from './assignments.tables.js';

export interface AssignmentAccess {
  assignment: AssignmentRow;
  edition: Edition;
  userId: string;
  can: { submit: boolean; manage: boolean };
}

/** Pure: may the actor manage an edition's assignments (its facilitator or a manager)? */
export function canManageAssignments(actor: Actor, facilitatorIds: readonly string[]): boolean {
  if (actor.kind !== 'user') return false;
  return hasRole(actor, 'manager') || facilitatorIds.includes(actor.id);
}

/** The edition, for staff creating an assignment in it (401, 404 unknown, 403 not staff). */
export async function editionForStaff(db: Executor, actor: Actor, editionId: string): Promise<Edition> {
  if (actor.kind !== 'user') throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  if (!hasRole(actor, 'manager') && !hasRole(actor, 'facilitator')) throw new AppError('forbidden');
  const found = isId(editionId) ? await findEditionWithCourse(db, editionId) : null;
  if (!found) throw new AppError('not_found');
  if (
    !canManageAssignments(
      actor,
      found.edition.facilitators.map((f) => f.id),
    )
  )
    throw new AppError('not_found');
  return found.edition;
}

/** The assignment as the actor may reach it (not found for anyone outside its edition). */
export async function assignmentAccess(
  db: Executor,
  actor: Actor,
  assignmentId: string,
): Promise<AssignmentAccess> {
  if (actor.kind !== 'user') throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  if (!isId(assignmentId)) throw new AppError('not_found');
  const assignment = await findAssignment(db, assignmentId);
  if (!assignment) throw new AppError('not_found');
  const { edition, manage } = await editionOfAssignment(db, actor, assignment.edition_id);
  const submit = await isConfirmedParticipant(db, assignment.edition_id, actor.id);
  if (!manage && !submit) throw new AppError('not_found');
  return { assignment, edition, userId: actor.id, can: { submit, manage } };
}

/** An assignment's edition (kept by the catalogue) and whether the actor manages it; not found without one. */
export async function editionOfAssignment(
  db: Executor,
  actor: Actor,
  editionId: string,
): Promise<{ edition: Edition; manage: boolean }> {
  const found = await findEditionWithCourse(db, editionId);
  if (!found) throw new AppError('not_found');
  const manage = canManageAssignments(
    actor,
    found.edition.facilitators.map((f) => f.id),
  );
  return { edition: found.edition, manage };
}

/** Throws 403 unless the actor manages the assignment. */
export function ensureManage(access: AssignmentAccess): void {
  if (!access.can.manage) throw new AppError('forbidden');
}

/** Throws 403 unless the actor may submit (a confirmed participant). */
export function ensureSubmit(access: AssignmentAccess): void {
  if (!access.can.submit) throw new AppError('forbidden');
}
