import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../i18n/time-zones.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { groupsOfPerson } from '../groups/groups.port.js';
import { personNames } from '../identity/identity.queries.js';
import { releasedMarkings, rubricCriteria } from '../marking/marking.queries.js';
import type { Criterion } from '../marking/rubrics/rubric.js';
import {
  type EffectiveDates,
  effectiveDates,
  mayStartAttempt,
  type SubmissionTiming,
  submissionTiming,
  workLanguage,
} from './assignment.js';
import { editionOfAssignment } from './assignment-access.js';
import { type AttemptRow, findViewerOfEdition, listAttemptsWithFiles } from './assignment-page.repository.js';
import { listContributions } from './assignments.repository.js';
import { type AssignmentFacts, keptAssignmentFacts } from './kept-assignments.js';
import {
  type AssignmentSettings,
  type Attempt,
  attemptStates,
  MARKING_OWNER,
  type WorkUnit,
  workUnitOf,
} from './submission-state.js';

/** The assignment's page for a participant (their own attempts) or staff (settings, links to the lists). */
export interface AssignmentPage {
  settings: AssignmentSettings;
  dates: EffectiveDates;
  timing: SubmissionTiming;
  timeZone: string;
  /** The person's own attempts, oldest first (none for staff). */
  attempts: Attempt<AttemptRow>[];
  draft: Attempt<AttemptRow> | null;
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
  /** The kept settings and overrides this page shows (the same object while unchanged: render them once). */
  kept: AssignmentFacts;
}

/**
 * The page for `actor`: the assignment's settings and overrides come kept (`keptAssignmentFacts`), the
 * reader's standing and time zone in one statement, their attempts with files in one, and the released
 * markings with their feedback files in one (group work adds the group, its statements and names).
 */
export async function getAssignmentPage(
  db: Executor,
  _deps: Services,
  actor: Actor,
  assignmentId: string,
  now: string,
): Promise<AssignmentPage> {
  if (actor.kind !== 'user') throw new AppError(actor.kind === 'anonymous' ? 'unauthenticated' : 'forbidden');
  const facts = await keptAssignmentFacts(db, assignmentId);
  if (!facts) throw new AppError('not_found');
  const { settings } = facts;
  const { edition, manage } = await editionOfAssignment(db, actor, settings.editionId);
  const viewer = await findViewerOfEdition(db, settings.editionId, actor.id);
  if (!manage && !viewer.participant) throw new AppError('not_found');
  const submit = viewer.participant;
  const timeZone = viewer.timeZone && isTimeZone(viewer.timeZone) ? viewer.timeZone : DEFAULT_TIME_ZONE;
  // The reader's groups matter to the dates only when some override is a group's.
  const groupIds = facts.groupOverrides
    ? (await groupsOfPerson(db, settings.editionId, actor.id)).map((g) => g.id)
    : [];
  const dates = effectiveDates(settings.defaults, facts.overrides, actor.id, groupIds);
  const timing = submissionTiming(dates, now);
  const unit = await workUnitOf(db, settings, actor.id);
  const attempts = submit ? await ownAttempts(db, settings.id, unit) : [];
  const latest = attempts.at(-1);
  const open = timing === 'on-time' || timing === 'late';
  const group = settings.groupWork && submit ? await groupOf(db, unit, latest, settings, actor.id) : null;
  return {
    settings,
    dates,
    timing,
    timeZone,
    attempts,
    draft: latest?.row.status === 'draft' ? latest : null,
    rubric: await rubricCriteria(db, settings.rubricId),
    workLanguage: workLanguage(latest?.row.language ?? null, edition.language),
    group,
    can: {
      submit: submit && open,
      startAttempt:
        submit &&
        open &&
        latest !== undefined &&
        mayStartAttempt(settings.resubmission, settings.maxAttempts, attemptStates(attempts)),
      manage,
    },
    kept: facts,
  };
}

/** The reader's attempts with their files and released markings: two statements. */
async function ownAttempts(
  db: Executor,
  assignmentId: string,
  unit: WorkUnit,
): Promise<Attempt<AttemptRow>[]> {
  const rows = await listAttemptsWithFiles(db, assignmentId, unit);
  if (rows.length === 0) return [];
  const markings = await releasedMarkings(
    db,
    MARKING_OWNER,
    rows.map((r) => r.row.id),
    unit.personId,
  );
  return rows.map(({ row, files }) => ({ row, files, marking: markings.get(row.id) ?? null }));
}

/** Group work: the reader's group with each member's contribution statement on the latest attempt. */
async function groupOf(
  db: Executor,
  unit: WorkUnit,
  latest: Attempt<AttemptRow> | undefined,
  settings: AssignmentSettings,
  readerId: string,
): Promise<AssignmentPage['group']> {
  const statements = new Map(
    (await listContributions(db, latest ? [latest.row.id] : [])).map((c) => [c.person_id, c.statement]),
  );
  const names = await personNames(db, unit.memberIds);
  return {
    name: unit.groupName,
    peerAdjustment: settings.peerAdjustment,
    members: unit.memberIds.map((id) => ({
      id,
      name: names.get(id) ?? '',
      statement: statements.get(id) ?? null,
      isMe: id === readerId,
    })),
  };
}
