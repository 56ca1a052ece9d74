import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { type AssessableItem, itemsAndScoresOf } from '../spaces/spaces.queries.js';
import { latestPolicy, type VersionedPolicy } from './gradebook.js';
import { staffAccess } from './results-access.js';

/** What the policy editor shows. */
export interface PolicyEditor {
  edition: { id: string; courseTitle: LocalizedText; code: string | null; endsOn: string };
  /** Whether the course gives a Certificate of Achievement on success. */
  achievementAllowed: boolean;
  items: AssessableItem[];
  current: VersionedPolicy | null;
}

/** The edition's result policy and the space's items (managers and the edition's facilitators). */
export async function getPolicyEditor(
  db: Executor,
  _deps: Services,
  actor: Actor,
  editionId: string,
): Promise<PolicyEditor> {
  const access = await staffAccess(db, actor, editionId);
  const [{ items }, current] = await Promise.all([
    itemsAndScoresOf(db, access.edition.id),
    latestPolicy(db, access.edition.id),
  ]);
  return {
    edition: {
      id: access.edition.id,
      courseTitle: access.course.title,
      code: access.edition.code,
      endsOn: access.edition.endsOn,
    },
    achievementAllowed: access.course.credentialOnSuccess === 'achievement',
    items,
    current,
  };
}
