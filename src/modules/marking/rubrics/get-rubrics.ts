import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { isId } from '../../../kernel/ids.js';
import { ensure } from '../../../kernel/policy.js';
import { canMarking } from '../marking.policy.js';
import { findRubric, latestRubricVersion, listRubrics } from './marking-rubrics.repository.js';
import type { Criterion } from './rubric.js';

export interface RubricView {
  id: string;
  title: string;
  version: number;
  frozen: boolean;
  criteria: Criterion[];
}

/** The rubric templates (staff who write rubrics). */
export async function getRubrics(db: Executor, _deps: Services, actor: Actor): Promise<RubricView[]> {
  ensure(actor, canMarking(actor, { facilitator: false, marker: false }, 'marking.rubrics'));
  const rows = await listRubrics(db);
  return Promise.all(rows.map((r) => getRubric(db, _deps, actor, r.id)));
}

/** One rubric with its current version. */
export async function getRubric(
  db: Executor,
  _deps: Services,
  actor: Actor,
  rubricId: string,
): Promise<RubricView> {
  ensure(actor, canMarking(actor, { facilitator: false, marker: false }, 'marking.rubrics'));
  const row = isId(rubricId) ? await findRubric(db, rubricId) : undefined;
  if (!row) throw new AppError('not_found');
  const version = await latestRubricVersion(db, row.id);
  return {
    id: row.id,
    title: row.title,
    version: version?.version ?? 1,
    frozen: version?.frozen_at != null,
    criteria: version ? (JSON.parse(version.criteria_json) as Criterion[]) : [],
  };
}
