import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../i18n/time-zones.js';
import type { Actor } from '../../kernel/actor.js';
import { findPerson, personNames } from '../identity/identity.queries.js';
import { rubricCriteria } from '../marking/marking.queries.js';
import type { Criterion } from '../marking/rubrics/rubric.js';
import {
  type EffectiveDates,
  mayStartAttempt,
  type SubmissionTiming,
  submissionTiming,
  workLanguage,
} from './assignment.js';
import { assignmentAccess } from './assignment-access.js';
import { listContributions } from './assignments.repository.js';
import {
  type AssignmentSettings,
  type Attempt,
  attemptStates,
  attemptsOf,
  datesFor,
  toSettings,
  workUnitOf,
} from './submission-state.js';

/** The assignment's page for a participant (their own attempts) or staff (settings, links to the lists). */
export interface AssignmentPage {
  settings: AssignmentSettings;
  dates: EffectiveDates;
  timing: SubmissionTiming;
  timeZone: string;
  /** The person's own attempts, oldest first (none for staff). */
  attempts: Attempt[];
  draft: Attempt | null;
  rubric: readonly Criterion[] | null;
  /** Group work: the person's group (null name: a group of one) and each member's contribution statement
   * on the current attempt (null: not stated yet). */
  group: {
    name: string | null;
    peerAdjustment: boolean;
    members: { id: string; name: string; statement: string | null; isMe: boolean }[];
  } | null;
  /** The language the participant's work is written in (as they said, else the edition's). */
  workLanguage: string;
  can: { submit: boolean; startAttempt: boolean; manage: boolean };
}

export async function getAssignmentPage(
  db: Executor,
  _deps: Services,
  actor: Actor,
  assignmentId: string,
  now: string,
): Promise<AssignmentPage> {
  const access = await assignmentAccess(db, actor, assignmentId);
  const settings = toSettings(access.assignment);
  const person = await findPerson(db, access.userId);
  const timeZone = person?.timeZone && isTimeZone(person.timeZone) ? person.timeZone : DEFAULT_TIME_ZONE;
  const dates = await datesFor(db, settings, access.userId);
  const timing = submissionTiming(dates, now);
  const unit = await workUnitOf(db, settings, access.userId);
  const attempts = access.can.submit ? await attemptsOf(db, settings.id, unit) : [];
  const latest = attempts.at(-1);
  const statements = new Map(
    (await listContributions(db, latest ? [latest.row.id] : [])).map((c) => [c.person_id, c.statement]),
  );
  const names = await personNames(db, unit.memberIds);
  const open = timing === 'on-time' || timing === 'late';
  return {
    settings,
    dates,
    timing,
    timeZone,
    attempts,
    draft: latest?.row.status === 'draft' ? latest : null,
    rubric: await rubricCriteria(db, settings.rubricId),
    workLanguage: workLanguage(latest?.row.language ?? null, access.edition.language),
    group:
      settings.groupWork && access.can.submit
        ? {
            name: unit.groupName,
            peerAdjustment: settings.peerAdjustment,
            members: unit.memberIds.map((id) => ({
              id,
              name: names.get(id) ?? '',
              statement: statements.get(id) ?? null,
              isMe: id === access.userId,
            })),
          }
        : null,
    can: {
      submit: access.can.submit && open,
      startAttempt:
        access.can.submit &&
        open &&
        latest !== undefined &&
        mayStartAttempt(settings.resubmission, settings.maxAttempts, attemptStates(attempts)),
      manage: access.can.manage,
    },
  };
}
