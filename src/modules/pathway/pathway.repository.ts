import { CompiledQuery } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.js';
import { applicationsView } from '../admissions/admissions.read-models.repository.js';
import { coursesView, editionsView } from '../catalogue/catalogue.read-models.repository.js';
import { usersView } from '../identity/identity.read-models.repository.js';
import { enrolmentsView } from '../places/places.read-models.repository.js';
import type { EnrolmentRow } from '../places/places.tables.js';
import { workingLanguagesOf } from './candidates/working-languages.js';
import type { CandidacyRow, ResultRow, RuleVersionRow } from './pathway.tables.js';

/** SQL about rule versions, candidacies, enrolments, results and extensions (the rule engine's packed facts: pathway-facts.repository.ts; the candidates list: candidates-search.repository.ts). */

export async function listRuleVersionRows(db: Executor, programmeId: string): Promise<RuleVersionRow[]> {
  return db
    .selectFrom('rule_versions')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .orderBy('version', 'desc')
    .execute();
}

export async function findRuleVersionRow(db: Executor, id: string): Promise<RuleVersionRow | undefined> {
  return db.selectFrom('rule_versions').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function insertRuleVersion(db: Executor, row: RuleVersionRow): Promise<void> {
  await db.insertInto('rule_versions').values(row).execute();
}

export async function findCandidacy(db: Executor, id: string): Promise<CandidacyRow | undefined> {
  return db.selectFrom('candidacies').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findCandidacyOf(
  db: Executor,
  programmeId: string,
  userId: string,
): Promise<CandidacyRow | undefined> {
  return db
    .selectFrom('candidacies')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function listCandidaciesOfUser(db: Executor, userId: string): Promise<CandidacyRow[]> {
  return db
    .selectFrom('candidacies')
    .selectAll()
    .where('user_id', '=', userId)
    .orderBy('created_at')
    .execute();
}

/** The languages a person can learn in (`workingLanguagesOf`: profile, applications, else interface language). */
export async function findWorkingLanguages(db: Executor, userId: string): Promise<Set<string>> {
  const [user, applications] = await Promise.all([
    db
      .selectFrom(usersView(db).as('users'))
      .select(['preferred_locale', 'learning_languages'])
      .where('id', '=', userId)
      .executeTakeFirst(),
    db
      .selectFrom(applicationsView(db).as('applications'))
      .select('answers_json')
      .where('user_id', '=', userId)
      .execute(),
  ]);
  return workingLanguagesOf(
    user,
    applications.map((a) => a.answers_json),
  );
}

export async function insertCandidacy(db: Executor, row: CandidacyRow): Promise<void> {
  await db.insertInto('candidacies').values(row).execute();
}

export async function updateCandidacy(
  db: Executor,
  id: string,
  changes: Partial<Omit<CandidacyRow, 'id'>>,
): Promise<void> {
  await db.updateTable('candidacies').set(changes).where('id', '=', id).execute();
}

/** The cached standing of one candidacy (the columns `refreshStandings` writes). */
export type StandingColumns = Pick<
  CandidacyRow,
  | 'standing_status'
  | 'standing_deadline'
  | 'standing_at_risk'
  | 'standing_awardable'
  | 'standing_met'
  | 'standing_json'
  | 'standing_evaluated_on'
>;

/** Standings written per statement by `updateStandings` (8 values each). */
const STANDINGS_PER_UPDATE = 500;

/** The SQL of `updateStandings` per engine and row count (made once: only the values change). */
const standingsSql = new Map<string, string>();

function updateStandingsSql(rows: number, postgres: boolean): string {
  const key = `${postgres ? 'p' : 's'}${rows}`;
  const kept = standingsSql.get(key);
  if (kept) return kept;
  let n = 0;
  const mark = () => (postgres ? `$${++n}` : '?');
  const selects: string[] = [];
  for (let r = 0; r < rows; r++)
    selects.push(
      `select ${mark()} as id, ${mark()} as status, ${mark()} as deadline, cast(${mark()} as integer) as at_risk, ` +
        `cast(${mark()} as integer) as awardable, cast(${mark()} as integer) as met, ${mark()} as json, ${mark()} as evaluated_on`,
    );
  const text = `update candidacies set
      standing_status = v.status, standing_deadline = v.deadline, standing_at_risk = v.at_risk,
      standing_awardable = v.awardable, standing_met = v.met, standing_json = v.json,
      standing_evaluated_on = v.evaluated_on
    from (${selects.join(' union all ')}) as v
    where candidacies.id = v.id`;
  standingsSql.set(key, text);
  return text;
}

/**
 * Writes the cached standings of many candidacies, a few hundred per statement (`update … from` a list of
 * rows, which both engines read; the statement's text made once per size, so only the values are bound):
 * an import re-evaluates tens of thousands of candidacies at once.
 */
export async function updateStandings(
  db: Executor,
  standings: readonly ({ id: string } & StandingColumns)[],
): Promise<void> {
  const postgres = dialectOf(db) === 'postgres';
  for (let start = 0; start < standings.length; start += STANDINGS_PER_UPDATE) {
    const end = Math.min(standings.length, start + STANDINGS_PER_UPDATE);
    const values: unknown[] = [];
    for (let i = start; i < end; i++) {
      const s = standings[i]!;
      values.push(
        s.id,
        s.standing_status,
        s.standing_deadline,
        s.standing_at_risk,
        s.standing_awardable,
        s.standing_met,
        s.standing_json,
        s.standing_evaluated_on,
      );
    }
    await db.executeQuery(CompiledQuery.raw(updateStandingsSql(end - start, postgres), values));
  }
}

export async function listExtensionRows(db: Executor, candidacyIds: readonly string[]) {
  if (candidacyIds.length === 0) return [];
  return db
    .selectFrom('extensions')
    .selectAll()
    .where('candidacy_id', 'in', candidacyIds)
    .orderBy('granted_at')
    .execute();
}

export async function insertExtension(
  db: Executor,
  row: {
    id: string;
    candidacy_id: string;
    months: number;
    reason: string;
    granted_by: string | null;
    granted_at: string;
  },
): Promise<void> {
  await db.insertInto('extensions').values(row).execute();
}

/** A person's results with the course code and the edition's dates (when the result came from an edition). */
export async function listResultsOfUsers(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('results')
    .innerJoin(coursesView(db).as('courses'), 'courses.id', 'results.course_id')
    .leftJoin(enrolmentsView(db).as('enrolments'), 'enrolments.id', 'results.enrolment_id')
    .leftJoin(editionsView(db).as('editions'), 'editions.id', 'enrolments.edition_id')
    .select([
      'results.id',
      'results.user_id',
      'results.outcome',
      'results.grade',
      'results.started_on',
      'results.completed_on',
      'results.source',
      'results.reference',
      'results.enrolment_id',
      'courses.code as course_code',
      'courses.title_i18n as course_title_i18n',
      'courses.learning_hours',
      'editions.id as edition_id',
      'editions.starts_on as edition_starts_on',
      'editions.ends_on as edition_ends_on',
      'editions.language as edition_language',
    ])
    .where('results.user_id', 'in', userIds)
    .orderBy('results.completed_on')
    .execute();
}

/** A person's enrolments with their edition's course and dates, and whether a result exists. */
export async function listEnrolmentsOfUsers(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom(enrolmentsView(db).as('enrolments'))
    .innerJoin(editionsView(db).as('editions'), 'editions.id', 'enrolments.edition_id')
    .innerJoin(coursesView(db).as('courses'), 'courses.id', 'editions.course_id')
    .leftJoin('results', 'results.enrolment_id', 'enrolments.id')
    .select([
      'enrolments.id',
      'enrolments.user_id',
      'enrolments.status',
      'enrolments.edition_id',
      'editions.starts_on',
      'editions.ends_on',
      'editions.language',
      'editions.mode',
      'courses.code as course_code',
      'courses.title_i18n as course_title_i18n',
      'results.id as result_id',
    ])
    .where('enrolments.user_id', 'in', userIds)
    .orderBy('editions.starts_on')
    .execute();
}

export async function findEnrolment(db: Executor, id: string): Promise<EnrolmentRow | undefined> {
  return db
    .selectFrom(enrolmentsView(db).as('enrolments'))
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The class list of an edition (or one enrolment of it): each person who had a place, with their result, by name. */
export async function listClass(db: Executor, editionId: string, enrolmentId?: string) {
  let query = db
    .selectFrom(enrolmentsView(db).as('enrolments'))
    .innerJoin(usersView(db).as('users'), 'users.id', 'enrolments.user_id')
    .leftJoin('results', 'results.enrolment_id', 'enrolments.id')
    .select([
      'enrolments.id as enrolment_id',
      'enrolments.status',
      'users.id as user_id',
      'users.full_name',
      'users.email',
      'users.country',
      'results.id as result_id',
      'results.outcome',
      'results.grade',
      'results.completed_on',
    ])
    .where('enrolments.edition_id', '=', editionId)
    // Only people who had a place: requests, waiting-list entries and declined requests are no class.
    .where('enrolments.status', 'in', ['enrolled', 'withdrawn']);
  if (enrolmentId !== undefined) query = query.where('enrolments.id', '=', enrolmentId);
  return query.orderBy('users.full_name').orderBy('enrolments.id').execute();
}

export async function findResultOfEnrolment(
  db: Executor,
  enrolmentId: string,
): Promise<ResultRow | undefined> {
  return db.selectFrom('results').selectAll().where('enrolment_id', '=', enrolmentId).executeTakeFirst();
}

export async function findLegacyResult(
  db: Executor,
  userId: string,
  courseId: string,
  completedOn: string,
): Promise<ResultRow | undefined> {
  return db
    .selectFrom('results')
    .selectAll()
    .where('user_id', '=', userId)
    .where('course_id', '=', courseId)
    .where('completed_on', '=', completedOn)
    .where('enrolment_id', 'is', null)
    .executeTakeFirst();
}

/** Result rows inserted per statement by `insertResults` (13 values each). */
const RESULTS_PER_INSERT = 500;

/** Inserts many results, a few hundred per statement. */
export async function insertResults(db: Executor, rows: readonly ResultRow[]): Promise<void> {
  for (let start = 0; start < rows.length; start += RESULTS_PER_INSERT)
    await db
      .insertInto('results')
      .values(rows.slice(start, start + RESULTS_PER_INSERT))
      .execute();
}

export async function updateResult(
  db: Executor,
  id: string,
  changes: Partial<Omit<ResultRow, 'id'>>,
): Promise<void> {
  await db.updateTable('results').set(changes).where('id', '=', id).execute();
}

/** Ids of every candidacy whose cached standing was computed before `today` (to refresh them). */
export async function listStaleCandidacyIds(db: Executor, today: string, limit: number): Promise<string[]> {
  const rows = await db
    .selectFrom('candidacies')
    .select('id')
    .where('standing_evaluated_on', '<', today)
    .orderBy('id')
    .limit(limit)
    .execute();
  return rows.map((r) => r.id);
}
