/**
 * The assignments module's internal queries for other modules (the course results). Permission-free.
 */
import type { Executor } from '../../db/database.js';
import { isId } from '../../kernel/ids.js';
import { listAssignmentsOfEdition } from './assignments.repository.js';

/** An edition's assignment as the results module sees it: its space item (where the mark is recorded) and dates. */
export interface EditionAssignment {
  id: string;
  itemId: string | null;
  title: string;
  dueAt: string | null;
  cutoffAt: string | null;
  passMark: number;
}

/** The assignments of an edition. */
export async function assignmentsOfEdition(db: Executor, editionId: string): Promise<EditionAssignment[]> {
  if (!isId(editionId)) return [];
  return (await listAssignmentsOfEdition(db, editionId)).map((r) => ({
    id: r.id,
    itemId: r.item_id,
    title: r.title,
    dueAt: r.due_at,
    cutoffAt: r.cutoff_at,
    passMark: r.pass_mark,
  }));
}
