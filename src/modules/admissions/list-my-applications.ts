import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import { parseLocalized, pickLocalized } from '../../i18n/localized.js';
import { type Actor, actorId } from '../../kernel/actor.js';
import { ensure } from '../../kernel/policy.js';
import { canAdmissions } from './admissions.policy.js';
import {
  type ApplicationStatus,
  type ApplicationStep,
  isApplicationStatus,
  isApplicationStep,
} from './application.js';
import { listApplicationsOfUser } from './applications.repository.js';

export interface ApplicationSummary {
  id: string;
  programmeId: string;
  programmeSlug: string;
  programmeTitle: string;
  status: ApplicationStatus;
  step: ApplicationStep;
  submittedAt: string | null;
  decidedAt: string | null;
  updatedAt: string;
}

/** The signed-in person's own applications, newest first. */
export async function listMyApplications(
  db: Executor,
  _deps: Services,
  actor: Actor,
  locale: Locale,
): Promise<ApplicationSummary[]> {
  ensure(actor, canAdmissions(actor, 'application.apply'));
  const rows = await listApplicationsOfUser(db, actorId(actor)!);
  return rows.map((row) => ({
    id: row.id,
    programmeId: row.programme_id,
    programmeSlug: row.programme_slug,
    programmeTitle: pickLocalized(parseLocalized(row.programme_title_i18n), locale).text,
    status: isApplicationStatus(row.status) ? row.status : 'draft',
    step: isApplicationStep(row.step) ? row.step : 'person',
    submittedAt: row.submitted_at,
    decidedAt: row.decided_at,
    updatedAt: row.updated_at,
  }));
}
