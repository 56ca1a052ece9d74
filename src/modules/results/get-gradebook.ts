import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import type { Participation } from '../forums/forums.port.js';
import { type Gradebook, loadGradebook } from './gradebook.js';
import { NO_PARTICIPATION, type ParticipationSource, participationSource } from './participation-source.js';
import { listSnapshots } from './results.repository.js';
import { staffAccess } from './results-access.js';

export interface GradebookPage extends Gradebook {
  edition: { id: string; courseTitle: LocalizedText; code: string | null };
  today: string;
  /** The outcome last finalised per person (their latest snapshot). */
  finalised: Record<string, { outcome: string; policyVersion: number; finalisedAt: string }>;
  /** Each person's forum and debate participation (with or without a policy). */
  participation: Record<string, Participation>;
}

/** People × components with marks, overrides, totals and outcomes (managers and the edition's facilitators). */
export async function getGradebook(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  participationOf: ParticipationSource = participationSource,
): Promise<GradebookPage> {
  const access = await staffAccess(db, actor, editionId);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const [book, snapshots] = await Promise.all([
    loadGradebook(db, access.edition.id, today),
    listSnapshots(db, access.edition.id),
  ]);
  const participation = await participationOf(
    db,
    access.edition.id,
    book.rows.map((r) => r.personId),
  );
  const finalised: GradebookPage['finalised'] = {};
  for (const s of snapshots) {
    finalised[s.user_id] ??= {
      outcome: s.outcome,
      policyVersion: s.policy_version,
      finalisedAt: s.finalised_at,
    };
  }
  return {
    ...book,
    edition: { id: access.edition.id, courseTitle: access.course.title, code: access.edition.code },
    today,
    finalised,
    participation: Object.fromEntries(
      book.rows.map((r) => [r.personId, participation.get(r.personId) ?? NO_PARTICIPATION]),
    ),
  };
}
