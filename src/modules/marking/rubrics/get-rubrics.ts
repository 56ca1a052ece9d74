import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { canMarking } from '../marking.policy.js';
import { type KeptRubric, keptRubric } from './kept-rubrics.js';
import { listRubrics } from './marking-rubrics.repository.js';

/** A rubric with its current version (kept and frozen: shared by every request). */
export type RubricView = KeptRubric;

/** The rubric templates (staff who write rubrics). */
export async function getRubrics(db: Executor, _deps: Services, actor: Actor): Promise<RubricView[]> {
  ensure(actor, canMarking(actor, { facilitator: false, marker: false }, 'marking.rubrics'));
  const rows = await listRubrics(db);
  return Promise.all(rows.map((r) => getRubric(db, _deps, actor, r.id)));
}

/** One rubric with its current version (kept until a rubric is written: `keptRubric`). */
export async function getRubric(
  db: Executor,
  _deps: Services,
  actor: Actor,
  rubricId: string,
): Promise<RubricView> {
  ensure(actor, canMarking(actor, { facilitator: false, marker: false }, 'marking.rubrics'));
  const rubric = isId(rubricId) ? await keptRubric(db, rubricId) : null;
  if (!rubric) throw new AppError('not_found');
  return rubric;
}
