import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { type StillNeeded, stillNeeded } from './edition-policy.js';
import { type EvaluatedRow, type Gradebook, isEvaluated, loadGradebook } from './gradebook.js';
import { listSnapshots } from './results.repository.js';
import { resultsAccess } from './results-access.js';

/** A participant's view: the formula, their marks, their live result and what they still need. */
export interface MyStanding {
  edition: { id: string; courseTitle: LocalizedText };
  today: string;
  policy: Gradebook['policy'];
  components: Gradebook['components'];
  row: EvaluatedRow | null;
  needed: StillNeeded | null;
  finalised: { outcome: string; finalisedAt: string } | null;
}

/** The participant's own standing in the edition (confirmed participants only; staff get 403). */
export async function getMyStanding(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
): Promise<MyStanding> {
  const access = await resultsAccess(db, actor, editionId);
  if (!access.can.seeOwn || actor.kind !== 'user') throw new AppError('forbidden');
  const today = deps.clock.now().toISOString().slice(0, 10);
  const [book, snapshots] = await Promise.all([
    loadGradebook(db, access.edition.id, today, actor.id),
    listSnapshots(db, access.edition.id, actor.id),
  ]);
  const first = book.rows[0];
  const row = first && isEvaluated(first) ? first : null;
  const latest = snapshots[0];
  return {
    edition: { id: access.edition.id, courseTitle: access.course.title },
    today,
    policy: book.policy,
    components: book.components,
    row,
    needed: row && book.policy ? stillNeeded(book.policy.policy, row.inputs, row.result, today) : null,
    finalised: latest ? { outcome: latest.outcome, finalisedAt: latest.finalised_at } : null,
  };
}
