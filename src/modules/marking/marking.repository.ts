/** The marking module's SQL (rubrics and comment banks: marking-rubrics.repository.ts). */
import type { Insertable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { forUpdate } from '../../db/helpers.js';
import { reusableQuery } from '../../db/reusable-query.js';
import {
  coursesView,
  editionFacilitatorsView,
  editionsView,
} from '../catalogue/catalogue.read-models.repository.js';
import { roleGrantsView, usersView } from '../identity/identity.read-models.repository.js';
import type {
  FeedbackFileRow,
  MarkingFeedbackFilesTable,
  MarkingMarksTable,
  MarkingSubmissionRow,
  MarkingSubmissionsTable,
  MarkRow,
} from './marking.tables.js';
import {
  feedbackFilesOfSubmission,
  marksOfSubmission,
  numberMapOfOne,
  submissionById,
} from './marking-one.repository.js';

export async function findNumber(db: Executor, contextId: string, personId: string): Promise<number | null> {
  const row = await db
    .selectFrom('marking_numbers')
    .select('number')
    .where('context_id', '=', contextId)
    .where('person_id', '=', personId)
    .executeTakeFirst();
  return row?.number ?? null;
}

export async function maxNumber(db: Executor, contextId: string): Promise<number> {
  const row = await db
    .selectFrom('marking_numbers')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('context_id', '=', contextId)
    .executeTakeFirst();
  return Number(row?.max ?? 0);
}

export async function insertNumber(
  db: Executor,
  contextId: string,
  personId: string,
  number: number,
): Promise<void> {
  await db
    .insertInto('marking_numbers')
    .values({ context_id: contextId, person_id: personId, number })
    .execute();
}

export async function numbersOf(
  db: Executor,
  contextIds: readonly string[],
  /** Only these people's numbers (a page of a list), when given. */
  personIds?: readonly string[],
): Promise<Map<string, number>> {
  if (contextIds.length === 0 || personIds?.length === 0) return new Map();
  if (contextIds.length === 1 && personIds?.length === 1) return numberMapOfOne(db, contextIds, personIds);
  let query = db.selectFrom('marking_numbers').selectAll().where('context_id', 'in', contextIds);
  if (personIds) query = query.where('person_id', 'in', personIds);
  const rows = await query.execute();
  return new Map(rows.map((r) => [`${r.context_id}:${r.person_id}`, r.number]));
}

export async function findRevealed(db: Executor, contextId: string): Promise<string | null> {
  const row = await db
    .selectFrom('marking_contexts')
    .select('revealed_at')
    .where('context_id', '=', contextId)
    .executeTakeFirst();
  return row?.revealed_at ?? null;
}

export async function setRevealed(db: Executor, contextId: string, by: string, now: string): Promise<void> {
  await db
    .insertInto('marking_contexts')
    .values({ context_id: contextId, revealed_at: now, revealed_by: by })
    .onConflict((oc) => oc.column('context_id').doUpdateSet({ revealed_at: now, revealed_by: by }))
    .execute();
}

export async function findSubmission(
  db: Executor,
  id: string,
  options: { lock?: boolean } = {},
): Promise<MarkingSubmissionRow | undefined> {
  if (!options.lock) return (await submissionById(db, id))[0];
  return forUpdate(
    db,
    db.selectFrom('marking_submissions').selectAll().where('id', '=', id),
  ).executeTakeFirst();
}

export function findSubmissionOfOwner(
  db: Executor,
  ownerModule: string,
  ownerId: string,
): Promise<MarkingSubmissionRow | undefined> {
  return db
    .selectFrom('marking_submissions')
    .selectAll()
    .where('owner_module', '=', ownerModule)
    .where('owner_id', '=', ownerId)
    .executeTakeFirst();
}

export function listSubmissionsOfOwners(
  db: Executor,
  ownerModule: string,
  ownerIds: readonly string[],
): Promise<MarkingSubmissionRow[]> {
  if (ownerIds.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('marking_submissions')
    .selectAll()
    .where('owner_module', '=', ownerModule)
    .where('owner_id', 'in', ownerIds)
    .execute();
}

export function listSubmissionsOfContext(db: Executor, contextId: string): Promise<MarkingSubmissionRow[]> {
  return db
    .selectFrom('marking_submissions')
    .selectAll()
    .where('context_id', '=', contextId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export function listSubmissionsByIds(db: Executor, ids: readonly string[]): Promise<MarkingSubmissionRow[]> {
  if (ids.length === 0) return Promise.resolve([]);
  return db
    .selectFrom('marking_submissions')
    .selectAll()
    .where('id', 'in', ids)
    .orderBy('created_at')
    .execute();
}

export async function insertSubmission(
  db: Executor,
  row: Insertable<MarkingSubmissionsTable>,
): Promise<void> {
  await db.insertInto('marking_submissions').values(row).execute();
}

export async function updateSubmission(
  db: Executor,
  id: string,
  set: Updateable<MarkingSubmissionsTable>,
): Promise<void> {
  await db.updateTable('marking_submissions').set(set).where('id', '=', id).execute();
}

export function listMarks(db: Executor, submissionIds: readonly string[]): Promise<MarkRow[]> {
  if (submissionIds.length === 0) return Promise.resolve([]);
  if (submissionIds.length === 1) return marksOfSubmission(db, submissionIds[0] as string);
  return db
    .selectFrom('marking_marks')
    .selectAll()
    .where('submission_id', 'in', submissionIds)
    .orderBy('role')
    .execute();
}

export function listMarksOfMarker(db: Executor, markerId: string): Promise<MarkRow[]> {
  return db.selectFrom('marking_marks').selectAll().where('marker_id', '=', markerId).execute();
}

export async function insertMark(db: Executor, row: Insertable<MarkingMarksTable>): Promise<void> {
  await db.insertInto('marking_marks').values(row).execute();
}

export async function updateMark(
  db: Executor,
  id: string,
  set: Updateable<MarkingMarksTable>,
): Promise<void> {
  await db.updateTable('marking_marks').set(set).where('id', '=', id).execute();
}

export async function deleteMark(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('marking_marks').where('id', '=', id).execute();
}

export { isExaminer } from './marking-one.repository.js';

export function contextsExaminedBy(db: Executor, personId: string): Promise<string[]> {
  return db
    .selectFrom('marking_examiners')
    .select('context_id')
    .where('person_id', '=', personId)
    .execute()
    .then((rows) => rows.map((r) => r.context_id));
}

/** The ids of a context's external examiners, by appointment. */
export function listExaminersOfContext(db: Executor, contextId: string): Promise<string[]> {
  return db
    .selectFrom('marking_examiners')
    .select('person_id')
    .where('context_id', '=', contextId)
    .orderBy('appointed_at')
    .orderBy('person_id')
    .execute()
    .then((rows) => rows.map((r) => r.person_id));
}

export async function insertExaminer(
  db: Executor,
  contextId: string,
  personId: string,
  by: string | null,
  now: string,
): Promise<void> {
  await db
    .insertInto('marking_examiners')
    .values({ context_id: contextId, person_id: personId, appointed_by: by, appointed_at: now })
    .onConflict((oc) => oc.columns(['context_id', 'person_id']).doNothing())
    .execute();
}

/** The unreleased submissions bound to an older version of a rubric (what a re-mark decision concerns). */
export function unreleasedOnOlderVersions(
  db: Executor,
  rubricId: string,
  currentVersionId: string,
): Promise<MarkingSubmissionRow[]> {
  return db
    .selectFrom('marking_submissions')
    .selectAll('marking_submissions')
    .innerJoin(
      'marking_rubric_versions',
      'marking_rubric_versions.id',
      'marking_submissions.rubric_version_id',
    )
    .where('marking_rubric_versions.rubric_id', '=', rubricId)
    .where('marking_submissions.rubric_version_id', '!=', currentVersionId)
    .where('marking_submissions.state', '!=', 'released')
    .execute();
}

/** Re-opens the marks of some submissions: not completed, no total (the scores typed so far are kept). */
export async function reopenMarks(
  db: Executor,
  submissionIds: readonly string[],
  now: string,
): Promise<void> {
  if (submissionIds.length === 0) return;
  await db
    .updateTable('marking_marks')
    .set({ completed_at: null, total: null, updated_at: now })
    .where('submission_id', 'in', submissionIds)
    .execute();
}

/** The feedback files of some submissions, in rank order. */
export function listFeedbackFiles(
  db: Executor,
  submissionIds: readonly string[],
): Promise<FeedbackFileRow[]> {
  if (submissionIds.length === 0) return Promise.resolve([]);
  if (submissionIds.length === 1) return feedbackFilesOfSubmission(db, submissionIds[0] as string);
  return db
    .selectFrom('marking_feedback_files')
    .selectAll()
    .where('submission_id', 'in', submissionIds)
    .orderBy('submission_id')
    .orderBy('rank')
    .execute();
}

export function findFeedbackFile(db: Executor, id: string): Promise<FeedbackFileRow | undefined> {
  return db.selectFrom('marking_feedback_files').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertFeedbackFile(
  db: Executor,
  row: Insertable<MarkingFeedbackFilesTable>,
): Promise<void> {
  await db.insertInto('marking_feedback_files').values(row).execute();
}

/** The participant of a context with this number (P-0042 → 42), or null. */
export async function personWithNumber(
  db: Executor,
  contextId: string,
  number: number,
): Promise<string | null> {
  const row = await db
    .selectFrom('marking_numbers')
    .select('person_id')
    .where('context_id', '=', contextId)
    .where('number', '=', number)
    .executeTakeFirst();
  return row?.person_id ?? null;
}

/** How many submissions of a context stand in each state (the overview's summary and its pages). */
export async function countSubmissionsByState(
  db: Executor,
  contextId: string,
): Promise<{ state: string; n: number }[]> {
  return db
    .selectFrom('marking_submissions')
    .select(['state', (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
    .where('context_id', '=', contextId)
    .groupBy('state')
    .execute();
}

/** One page of a context's submissions (optionally in one state), in the overview's order. */
export function pageSubmissionsOfContext(
  db: Executor,
  contextId: string,
  page: { state: string | null; limit: number; offset: number },
): Promise<MarkingSubmissionRow[]> {
  let query = db.selectFrom('marking_submissions').selectAll().where('context_id', '=', contextId);
  if (page.state) query = query.where('state', '=', page.state);
  return query.orderBy('created_at').orderBy('id').limit(page.limit).offset(page.offset).execute();
}

/**
 * What the moderation sample of a context is judged on: only its marked submissions (an agreed mark or a
 * completed first mark), with that mark, in one query.
 */
export function markedOfContext(
  db: Executor,
  contextId: string,
): Promise<{ id: string; mark: number | null; pass_mark: number }[]> {
  return db
    .selectFrom('marking_submissions as s')
    .leftJoin('marking_marks as m', (join) =>
      join
        .onRef('m.submission_id', '=', 's.id')
        .on('m.role', '=', 'first')
        .on('m.completed_at', 'is not', null),
    )
    .select(['s.id', 's.pass_mark', (eb) => eb.fn.coalesce('s.agreed_mark', 'm.total').as('mark')])
    .where('s.context_id', '=', contextId)
    .where((eb) => eb.or([eb('s.agreed_mark', 'is not', null), eb('m.total', 'is not', null)]))
    .execute();
}

/** The people who may be allocated as markers (active assessors, facilitators, managers), in one query. */
export function markerCandidates(db: Executor): Promise<{ id: string; full_name: string }[]> {
  return db
    .selectFrom(usersView(db).as('users'))
    .innerJoin(roleGrantsView(db).as('role_grants'), 'role_grants.user_id', 'users.id')
    .select(['users.id', 'users.full_name'])
    .distinct()
    .where('role_grants.role', 'in', ['assessor', 'facilitator', 'manager'])
    .where('users.disabled_at', 'is', null)
    .execute();
}

/** The statement of `contextStanding`, built and compiled once per engine (the overview runs it on every view). */
const standingOfContext = reusableQuery((db, contextId: string, personId: string) =>
  db
    .selectFrom(editionsView(db).as('editions'))
    .innerJoin(coursesView(db).as('courses'), 'courses.id', 'editions.course_id')
    .leftJoin('marking_contexts', 'marking_contexts.context_id', 'editions.id')
    .select(['courses.code', 'marking_contexts.revealed_at'])
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom(editionFacilitatorsView(db).as('f'))
            .select('f.user_id')
            .whereRef('f.edition_id', '=', 'editions.id')
            .where('f.user_id', '=', personId),
        )
        .as('facilitator'),
    )
    .where('editions.id', '=', contextId),
);

/** A context (edition): its course's code, whether the person facilitates it and when identities were revealed, in one query. */
export async function contextStanding(
  db: Executor,
  contextId: string,
  personId: string | null,
): Promise<{ courseCode: string; facilitator: boolean; revealedAt: string | null } | undefined> {
  const [row] = await standingOfContext(db, contextId, personId ?? '');
  return row
    ? {
        courseCode: row.code,
        facilitator: Boolean(Number(row.facilitator)),
        revealedAt: row.revealed_at ?? null,
      }
    : undefined;
}
