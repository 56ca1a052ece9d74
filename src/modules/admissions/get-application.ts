import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { loadAdmissionSettings } from './admission-settings.js';
import type { MissingItem } from './application.js';
import { applicationFor } from './application-access.js';
import {
  type Application,
  buildTimeline,
  loadApplication,
  missingOf,
  type TimelineEntry,
} from './application-view.js';
import { findProgrammeHeading } from './applications.repository.js';
import { type EligibilityResult, evaluateEligibility } from './eligibility.js';

export interface ApplicationDetails {
  application: Application;
  missing: MissingItem[];
  /** The evaluation stored at submission, or (for a draft) the current answers against the programme's rules. */
  eligibility: EligibilityResult;
  timeline: TimelineEntry[];
  closesOn: string | null;
  programme: { slug: string; title: LocalizedText };
}

/** One application with what it misses, its eligibility and its timeline (the applicant, its reviewers, managers). */
export async function getApplication(
  db: Executor,
  _deps: Services,
  actor: Actor,
  applicationId: string,
): Promise<ApplicationDetails> {
  const row = await applicationFor(db, actor, applicationId, 'application.read');
  const application = await loadApplication(db, row);
  const settings = await loadAdmissionSettings(db, application.programmeId);
  const eligibility =
    application.status === 'draft' || application.status === 'info-requested' || !application.eligibility
      ? evaluateEligibility(settings.eligibility, application.answers)
      : application.eligibility;
  const heading = await findProgrammeHeading(db, application.programmeId);
  return {
    application,
    missing: missingOf(application),
    eligibility,
    timeline: await buildTimeline(db, application),
    closesOn: settings.closesOn,
    programme: { slug: heading?.slug ?? '', title: parseLocalized(heading?.title_i18n ?? '{}') },
  };
}

/** One of the signed-in person's own applications (anyone else's, even readable as staff, is not found here). */
export async function getOwnApplication(
  db: Executor,
  deps: Services,
  actor: Actor,
  applicationId: string,
): Promise<ApplicationDetails> {
  const details = await getApplication(db, deps, actor, applicationId);
  if (actor.kind !== 'user' || details.application.userId !== actor.id) throw new AppError('not_found');
  return details;
}
