import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { findProgrammeById } from '../programmes/programmes.queries.js';
import { loadAdmissionSettings } from './admission-settings.js';
import {
  type ApplicationAnswers,
  type ApplicationStatus,
  isApplicationStatus,
  type MissingItem,
  readAnswers,
} from './application.js';
import { applicationFor } from './application-access.js';
import {
  type Application,
  buildTimeline,
  loadApplication,
  missingOf,
  type TimelineEntry,
} from './application-view.js';
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
  return {
    application,
    missing: missingOf(application),
    eligibility,
    timeline: await buildTimeline(db, application),
    closesOn: settings.closesOn,
    programme: await programmeHeading(db, application.programmeId),
  };
}

/** What the form of one answering step shows (person, work, education, motivation): the answers only. */
export interface ApplicationForm {
  application: { id: string; status: ApplicationStatus; answers: ApplicationAnswers };
  programme: { slug: string; title: LocalizedText };
}

/**
 * The signed-in person's own application as a step's form shows it: one statement (the row; the programme
 * is kept, the reviewers are not read for its applicant). Its files, eligibility and timeline are for the
 * documents and review steps and the status page (`getOwnApplication`).
 */
export async function getOwnApplicationForm(
  db: Executor,
  _deps: Services,
  actor: Actor,
  applicationId: string,
): Promise<ApplicationForm> {
  const row = await applicationFor(db, actor, applicationId, 'application.read');
  if (actor.kind !== 'user' || row.user_id !== actor.id) throw new AppError('not_found');
  return {
    application: {
      id: row.id,
      status: isApplicationStatus(row.status) ? row.status : 'draft',
      answers: readAnswers(row.answers_json),
    },
    programme: await programmeHeading(db, row.programme_id),
  };
}

/** The slug and titles of the programme (kept by the programmes module until a programme changes). */
async function programmeHeading(db: Executor, programmeId: string): Promise<ApplicationForm['programme']> {
  const programme = await findProgrammeById(db, programmeId);
  return { slug: programme?.slug ?? '', title: programme?.title ?? {} };
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
