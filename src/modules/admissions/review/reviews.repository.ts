import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import { type Dialect, dialectOf, type Executor } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import { roleGrantsView, usersView } from '../../identity/identity.read-models.repository.js';
import { programmesView } from '../../programmes/programmes.read-models.repository.js';

/**
 * The staff side of admissions: the review queue, reviewer assignments, scores, staff comments, decisions
 * and eligibility overrides. Every query of the review screens lives here.
 */

/** Who may see what in the queue: `eligible` = met the rules; `not-eligible` = did not and was not overridden. */
export type EligibilityFilter = 'eligible' | 'not-eligible' | 'overridden';

export interface ApplicationQueueFilter {
  programmeId: string;
  /** One status; absent: every status but drafts. */
  status?: string | undefined;
  country?: string | undefined;
  constituency?: string | undefined;
  eligibility?: EligibilityFilter | undefined;
  /** Only the applications assigned to this reviewer. */
  reviewerId?: string | undefined;
  direction: 'asc' | 'desc';
}

function queueConditions(
  eb: ExpressionBuilder<DB, 'applications'>,
  filter: ApplicationQueueFilter,
  dialect: Dialect,
) {
  // Only what reached the staff (a draft has never been submitted); every column here is in
  // applications_review_queue_idx, so no filter needs to read an application's row.
  const conditions: Expression<SqlBool>[] = [
    eb('applications.programme_id', '=', filter.programmeId),
    eb('applications.submitted_at', 'is not', null),
  ];
  // With one filter, its own index (status, country, constituency, eligibility) finds the matches. With
  // several, no index has them all: SQLite would take one and read each match's row (answers included)
  // to test the others. Written as expressions there, the filters cannot pick an index, and the queue
  // index, which holds every filter column, is walked alone. (PostgreSQL combines the indexes itself.)
  const filters = [filter.status, filter.country, filter.constituency, filter.eligibility].filter(Boolean);
  const walkQueueIndex = dialect === 'sqlite' && filters.length > 1;
  const text = (column: 'status' | 'country' | 'constituency') =>
    walkQueueIndex
      ? sql<string>`${sql.ref(`applications.${column}`)} || ''`
      : sql.ref<string>(`applications.${column}`);
  const eligible = walkQueueIndex
    ? sql<number>`applications.eligible + 0`
    : sql.ref<number>('applications.eligible');
  if (filter.status) conditions.push(eb(text('status'), '=', filter.status));
  if (filter.country) conditions.push(eb(text('country'), '=', filter.country));
  if (filter.constituency) conditions.push(eb(text('constituency'), '=', filter.constituency));
  // An override is set with its reason, author and date together: override_at stands for all three.
  if (filter.eligibility === 'eligible') conditions.push(eb(eligible, '=', 1));
  if (filter.eligibility === 'overridden') conditions.push(eb('applications.override_at', 'is not', null));
  if (filter.eligibility === 'not-eligible') {
    conditions.push(eb(eligible, '=', 0));
    conditions.push(eb('applications.override_at', 'is', null));
  }
  if (filter.reviewerId)
    conditions.push(
      eb(
        'applications.id',
        'in',
        eb
          .selectFrom('application_reviewers')
          .select('application_reviewers.application_id')
          .where('application_reviewers.reviewer_id', '=', filter.reviewerId),
      ),
    );
  return eb.and(conditions);
}

const QUEUE_COLUMNS = [
  'applications.id',
  'applications.user_id',
  'applications.status',
  'applications.country',
  'applications.constituency',
  'applications.eligible',
  'applications.override_reason',
  'applications.decision',
  'applications.submitted_at',
  'users.full_name',
  'users.email',
] as const;

/** Every table the queue's filters and order are read from (what a kept ordered list depends on). */
export const REVIEW_QUEUE_TABLES = ['applications', 'application_reviewers'] as const;

/**
 * Every table a kept page of the queue's lines depends on: the ordered ids' (a page is a slice of them) and
 * what `applicationQueueRows` reads.
 */
export const REVIEW_QUEUE_PAGE_TABLES = [...REVIEW_QUEUE_TABLES, 'application_scores', 'users'] as const;

/** Every table the reviewer filter's choices are read from (`listAssessorRows`). */
export const REVIEWER_CHOICE_TABLES = ['users', 'role_grants'] as const;

/**
 * The id of every application of the queue, filtered, in submission order (then id): the whole list, from
 * the applications table and its indexes only (programme, status, submitted_at, id), never a whole
 * application document. It is kept and paged in memory until one of REVIEW_QUEUE_TABLES changes.
 */
export async function orderedApplicationIds(db: Executor, filter: ApplicationQueueFilter): Promise<string[]> {
  const dialect = dialectOf(db);
  const rows = await db
    .selectFrom('applications')
    .select('applications.id')
    .where((eb) => queueConditions(eb, filter, dialect))
    .orderBy('applications.submitted_at', filter.direction)
    .orderBy('applications.id', filter.direction)
    .execute();
  return rows.map((r) => r.id);
}

/**
 * The queue's lines of these applications, in the order given: each with its applicant, its number of
 * reviewers and its scores (count and sum).
 */
export async function applicationQueueRows(db: Executor, ids: readonly string[]) {
  if (ids.length === 0) return [];
  const [rows, reviewers, scores] = await Promise.all([
    db
      .selectFrom('applications')
      .innerJoin(usersView(db).as('users'), 'users.id', 'applications.user_id')
      .select(QUEUE_COLUMNS)
      .where('applications.id', 'in', ids)
      .execute(),
    db
      .selectFrom('application_reviewers')
      .select(['application_id', (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n')])
      .where('application_id', 'in', ids)
      .groupBy('application_id')
      .execute(),
    db
      .selectFrom('application_scores')
      .select([
        'application_id',
        (eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('n'),
        (eb) => eb.cast<number>(eb.fn.sum('total'), 'integer').as('sum'),
      ])
      .where('application_id', 'in', ids)
      .groupBy('application_id')
      .execute(),
  ]);
  const reviewerCount = new Map(reviewers.map((r) => [r.application_id, Number(r.n)]));
  const scoreSums = new Map(scores.map((s) => [s.application_id, { n: Number(s.n), sum: Number(s.sum) }]));
  const position = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return rows.map((r) => ({
    ...r,
    reviewer_count: reviewerCount.get(r.id) ?? 0,
    score_count: scoreSums.get(r.id)?.n ?? 0,
    score_sum: scoreSums.get(r.id)?.sum ?? 0,
  }));
}

/** One application with its applicant's name and email and its programme (the staff page), or undefined. */
export async function findApplicationWithPerson(db: Executor, id: string) {
  return db
    .selectFrom('applications')
    .innerJoin(usersView(db).as('users'), 'users.id', 'applications.user_id')
    .innerJoin(programmesView(db).as('programmes'), 'programmes.id', 'applications.programme_id')
    .selectAll('applications')
    .select([
      'users.full_name',
      'users.email',
      'users.preferred_locale',
      'programmes.slug as programme_slug',
      'programmes.title_i18n as programme_title_i18n',
    ])
    .where('applications.id', '=', id)
    .executeTakeFirst();
}

/** The reviewers of an application with their names, in assignment order. */
export async function listReviewerRows(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_reviewers')
    .innerJoin(usersView(db).as('users'), 'users.id', 'application_reviewers.reviewer_id')
    .select([
      'application_reviewers.reviewer_id',
      'application_reviewers.assigned_at',
      'users.full_name',
      'users.email',
    ])
    .where('application_reviewers.application_id', '=', applicationId)
    .orderBy('application_reviewers.assigned_at')
    .orderBy('users.full_name')
    .execute();
}

/** Assigns a reviewer; false when they were already assigned (the primary key holds "once"). */
export async function insertReviewer(
  db: Executor,
  row: { application_id: string; reviewer_id: string; assigned_by: string | null; assigned_at: string },
): Promise<boolean> {
  const result = await db
    .insertInto('application_reviewers')
    .values(row)
    .onConflict((oc) => oc.columns(['application_id', 'reviewer_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}

/** Removes a reviewer's assignment; false when there was none. */
export async function deleteReviewer(db: Executor, applicationId: string, reviewerId: string) {
  const result = await db
    .deleteFrom('application_reviewers')
    .where('application_id', '=', applicationId)
    .where('reviewer_id', '=', reviewerId)
    .executeTakeFirst();
  return Number(result.numDeletedRows) > 0;
}

/** People who hold the assessor role (whom managers may assign), by name. */
export async function listAssessorRows(db: Executor) {
  return db
    .selectFrom(usersView(db).as('users'))
    .innerJoin(roleGrantsView(db).as('role_grants'), 'role_grants.user_id', 'users.id')
    .select(['users.id', 'users.full_name', 'users.email'])
    .where('role_grants.role', '=', 'assessor')
    .orderBy('users.full_name')
    .orderBy('users.id')
    .limit(500)
    .execute();
}

/** True when the person holds the assessor role. */
export async function isAssessor(db: Executor, userId: string): Promise<boolean> {
  const row = await db
    .selectFrom(roleGrantsView(db).as('role_grants'))
    .select('user_id')
    .where('user_id', '=', userId)
    .where('role', '=', 'assessor')
    .executeTakeFirst();
  return row !== undefined;
}

export interface ScoreRow {
  application_id: string;
  reviewer_id: string;
  scores_json: string;
  total: number;
  recommendation: string;
  note: string | null;
  submitted_at: string;
  updated_at: string;
}

/** One reviewer's score of an application, or undefined. */
export async function findScoreRow(db: Executor, applicationId: string, reviewerId: string) {
  return db
    .selectFrom('application_scores')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('reviewer_id', '=', reviewerId)
    .executeTakeFirst();
}

/** Writes a reviewer's score (the first time) or replaces it (keeping when it was first given). */
export async function upsertScore(db: Executor, row: ScoreRow): Promise<void> {
  await db
    .insertInto('application_scores')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['application_id', 'reviewer_id']).doUpdateSet({
        scores_json: row.scores_json,
        total: row.total,
        recommendation: row.recommendation,
        note: row.note,
        updated_at: row.updated_at,
      }),
    )
    .execute();
}

/** Every score of an application with the reviewer's name. */
export async function listScoreRows(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_scores')
    .innerJoin(usersView(db).as('users'), 'users.id', 'application_scores.reviewer_id')
    .selectAll('application_scores')
    .select('users.full_name')
    .where('application_scores.application_id', '=', applicationId)
    .orderBy('application_scores.submitted_at')
    .execute();
}

/** Adds a staff comment. */
export async function insertComment(
  db: Executor,
  row: { id: string; application_id: string; author_id: string | null; body: string; created_at: string },
): Promise<void> {
  await db.insertInto('application_comments').values(row).execute();
}

/** The staff comments of an application, oldest first, with their authors' names. */
export async function listCommentRows(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_comments')
    .leftJoin(usersView(db).as('users'), 'users.id', 'application_comments.author_id')
    .select([
      'application_comments.id',
      'application_comments.author_id',
      'application_comments.body',
      'application_comments.created_at',
      'users.full_name',
    ])
    .where('application_comments.application_id', '=', applicationId)
    .orderBy('application_comments.created_at')
    .orderBy('application_comments.id')
    .execute();
}

export interface DecisionRow {
  id: string;
  application_id: string;
  decision: string;
  message: string | null;
  decided_by: string | null;
  decided_at: string;
  reopened_by: string | null;
  reopened_at: string | null;
  reopen_reason: string | null;
}

/** Records a decision in the application's history. */
export async function insertDecision(db: Executor, row: DecisionRow): Promise<void> {
  await db.insertInto('application_decisions').values(row).execute();
}

/** The decision history of an application, oldest first, with the names of who decided and reopened. */
export async function listDecisionRows(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_decisions')
    .leftJoin(usersView(db).as('decider'), 'decider.id', 'application_decisions.decided_by')
    .leftJoin(usersView(db).as('reopener'), 'reopener.id', 'application_decisions.reopened_by')
    .selectAll('application_decisions')
    .select(['decider.full_name as decided_by_name', 'reopener.full_name as reopened_by_name'])
    .where('application_decisions.application_id', '=', applicationId)
    .orderBy('application_decisions.decided_at')
    .orderBy('application_decisions.id')
    .execute();
}

/** The decision in force (the latest one not reopened), or undefined. */
export async function findOpenDecisionRow(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_decisions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('reopened_at', 'is', null)
    .orderBy('decided_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** Marks the decisions in force of an application as reopened. */
export async function markDecisionsReopened(
  db: Executor,
  applicationId: string,
  change: { reopened_by: string | null; reopened_at: string; reopen_reason: string },
): Promise<void> {
  await db
    .updateTable('application_decisions')
    .set(change)
    .where('application_id', '=', applicationId)
    .where('reopened_at', 'is', null)
    .execute();
}

/** The slug of a programme (for audit entries that name it). */
export async function findProgrammeSlug(db: Executor, programmeId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom(programmesView(db).as('programmes'))
    .select('slug')
    .where('id', '=', programmeId)
    .executeTakeFirst();
  return row?.slug;
}
