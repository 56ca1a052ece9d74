import type { Deps } from '../../src/deps.js';
import { newId } from '../../src/kernel/ids.js';
import type { ApplicationReceived } from '../../src/modules/admissions/application-notices.js';
import type { Notice } from '../../src/modules/notifications/notice.js';
import type { NoticeEvent } from '../../src/modules/notifications/notification-kind.js';
import { notify } from '../../src/modules/notifications/notify.js';
import { buildCourse, buildProgramme } from './factories.js';
import { buildDatedEdition } from './pathway-factories.js';

/**
 * Factories for notification tests: the places and applications the reminders look for (rows written
 * directly: the admissions and places modules own their use cases), and notices sent through `notify`.
 */

/** A course with titles in the three languages and an edition of it from `start` to `end`. */
export async function buildTitledEdition(deps: Deps, start: string, end: string) {
  const course = await buildCourse(deps, {
    title: {
      en: 'Measuring labour migration',
      fr: 'Mesurer les migrations de main-d’œuvre',
      es: 'Medir la migración laboral',
    },
  });
  return buildDatedEdition(deps, course.code, start, end);
}

/** A place of `userId` in `editionId` with `status` ('enrolled': confirmed). */
export async function insertEnrolment(deps: Deps, editionId: string, userId: string, status = 'enrolled') {
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db
    .insertInto('enrolments')
    .values({ id, edition_id: editionId, user_id: userId, status, created_at: now, updated_at: now })
    .execute();
  return id;
}

/** The programme's admission settings with applications closing on `closesOn`. */
export async function setClosingDay(deps: Deps, programmeId: string, closesOn: string | null) {
  const now = deps.clock.now().toISOString();
  await deps.db
    .insertInto('admission_settings')
    .values({
      programme_id: programmeId,
      open: 1,
      closes_on: closesOn,
      eligibility_json: '{}',
      criteria_json: '[]',
      updated_by: null,
      updated_at: now,
    })
    .onConflict((oc) => oc.column('programme_id').doUpdateSet({ closes_on: closesOn }))
    .execute();
}

/** An application of `userId` to the test programme with `status` ('draft' unless given). */
export async function insertApplication(deps: Deps, userId: string, status = 'draft') {
  const programmeId = await buildProgramme(deps);
  const id = newId();
  const now = deps.clock.now().toISOString();
  await deps.db
    .insertInto('applications')
    .values({
      id,
      programme_id: programmeId,
      user_id: userId,
      status,
      locale: 'en',
      answers_json: '{}',
      step: 'person',
      country: null,
      constituency: null,
      eligible: null,
      eligibility_json: null,
      justification: null,
      override_reason: null,
      override_by: null,
      override_at: null,
      decision: null,
      decision_message: null,
      decided_by: null,
      decided_at: null,
      candidacy_id: null,
      submitted_at: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return { id, programmeId };
}

/** Notifies inside a transaction, as the admissions and places modules do. */
export async function notifyNow<E extends NoticeEvent>(deps: Deps, notice: Notice<E>): Promise<void> {
  await deps.db.transaction().execute((trx) => notify(trx, deps.clock, notice));
}

/** A "received" notice for a new application of `userId` (its own key). */
export async function receivedNotice(deps: Deps, userId: string): Promise<Notice<ApplicationReceived>> {
  const application = await insertApplication(deps, userId, 'submitted');
  return {
    recipientId: userId,
    key: `application.received:${application.id}`,
    event: {
      kind: 'application.received',
      applicationId: application.id,
      programmeId: application.programmeId,
    },
  };
}
