import type { Executor } from '../../db/database.js';
import type { Actor } from '../../kernel/actor.js';
import { groupOfPerson } from '../groups/groups.port.js';
import type { CaseRow } from './cases.tables.js';

/** Who owns the actor's answer: themselves, or their group in the case's group set (null: no group yet). */
export async function answerOwnerOf(
  db: Executor,
  row: CaseRow | undefined,
  actor: Actor,
): Promise<{ type: 'person' | 'group'; id: string; name: string | null } | null> {
  if (actor.kind !== 'user') return null;
  if (row?.answer_mode !== 'group' || !row.group_set_id) return { type: 'person', id: actor.id, name: null };
  const group = await groupOfPerson(db, row.group_set_id, actor.id);
  return group ? { type: 'group', id: group.id, name: group.name } : null;
}
