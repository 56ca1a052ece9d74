import { type Expression, type ExpressionBuilder, type RawBuilder, type SqlBool, sql } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.js';
import { containsText } from '../../db/helpers.js';
import type { CandidacyRow, DB, EnrolmentRow, ResultRow, RuleVersionRow } from '../../db/schema.js';

/** All SQL about rule versions, candidacies, enrolments, results and extensions. */

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

/**
 * The languages a person works in: their interface language, and the languages they listed when applying
 * to a programme (the application's answers, `education.languages[].code`).
 */
export async function findWorkingLanguages(db: Executor, userId: string): Promise<Set<string>> {
  const [user, applications] = await Promise.all([
    db.selectFrom('users').select('preferred_locale').where('id', '=', userId).executeTakeFirst(),
    db.selectFrom('applications').select('answers_json').where('user_id', '=', userId).execute(),
  ]);
  const languages = new Set<string>(user ? [user.preferred_locale] : []);
  for (const { answers_json } of applications) {
    try {
      const answers = JSON.parse(answers_json) as { education?: { languages?: { code?: unknown }[] } };
      for (const skill of answers.education?.languages ?? [])
        if (typeof skill.code === 'string') languages.add(skill.code);
    } catch {
      // A document that does not parse lists no language.
    }
  }
  return languages;
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

/** The candidacy columns the rule engine needs (not the cached standing, which is most of a row). */
export const CANDIDACY_FACT_COLUMNS = [
  'id',
  'user_id',
  'rule_version_id',
  'registered_on',
  'status',
  'capstone_status',
  'capstone_completed_on',
] as const;

/** A candidacy as the rule engine reads it. */
export type CandidacyFactsRow = Pick<CandidacyRow, (typeof CANDIDACY_FACT_COLUMNS)[number]>;

/** Whose source records to load: listed people, or every candidate of a programme (one pass per table). */
export type PeopleFilter = { userIds: readonly string[] } | { programmeId: string };

/** Stands for a missing capstone completion date in packed candidacy facts. */
const NO_DATE = '----------';

/**
 * Every candidacy of a programme, narrow, in no particular order (bulk evaluation). The dates and
 * statuses travel packed in one text (`registered_on`, the capstone's completion or dashes, the status,
 * a space, the capstone status): the driver's cost is per value, and this reads 100,000 rows.
 */
export async function listCandidacyFactsOfProgramme(
  db: Executor,
  programmeId: string,
): Promise<CandidacyFactsRow[]> {
  const rows = await db
    .selectFrom('candidacies')
    .select([
      'id',
      'user_id',
      'rule_version_id',
      sql<string>`${sql.ref('registered_on')} || coalesce(${sql.ref('capstone_completed_on')}, ${NO_DATE}) || ${sql.ref('status')} || ' ' || ${sql.ref('capstone_status')}`.as(
        'facts',
      ),
    ])
    .where('programme_id', '=', programmeId)
    .execute();
  return rows.map(({ id, user_id, rule_version_id, facts }) => {
    const space = facts.indexOf(' ', 20);
    const completed = facts.slice(10, 20);
    return {
      id,
      user_id,
      rule_version_id,
      registered_on: facts.slice(0, 10),
      status: facts.slice(20, space),
      capstone_status: facts.slice(space + 1),
      capstone_completed_on: completed === NO_DATE ? null : completed,
    };
  });
}

/** The people whose source records to load, as the right operand of `user_id in (…)`. */
function peopleOf(db: Executor, people: PeopleFilter) {
  return 'userIds' in people
    ? people.userIds
    : db
        .selectFrom('candidacies')
        .select('candidacies.user_id')
        .where('programme_id', '=', people.programmeId);
}

/**
 * The texts of a group joined by spaces (`group_concat` on SQLite, `string_agg` on PostgreSQL), in no
 * particular order. The texts here never contain a space (dates, letters, course codes).
 */
function joinedBySpaces(db: Executor, text: RawBuilder<string>): RawBuilder<string> {
  return dialectOf(db) === 'sqlite'
    ? sql<string>`group_concat(${text}, ' ')`
    : sql<string>`string_agg(${text}, ' ')`;
}

/**
 * The results whose certificate was revoked and not replaced (a correction revokes the old credential as
 * superseded and issues a live one): the rule engine does not count them (DESIGN §3). Read from the
 * credentials module's table in the evaluating transaction, so a revocation counts at once; few rows, so
 * joining them costs bulk evaluation next to nothing.
 */
function revokedResults(db: Executor) {
  return db
    .selectFrom('credentials as revoked')
    .select('revoked.result_id')
    .distinct()
    .where('revoked.status', '=', 'revoked')
    .where('revoked.result_id', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('credentials as live')
            .select('live.id')
            .whereRef('live.result_id', '=', 'revoked.result_id')
            .where('live.status', '<>', 'revoked'),
        ),
      ),
    );
}

/**
 * For the rule engine: the results that carry a credential (achievement, participation) of some people,
 * one row per person, `facts` holding one text per result separated by spaces (decoded by
 * `readResultFacts`, candidate-record.ts): the completion date, the start (the edition's, else the
 * result's own, else the completion), `a` (achievement) or `p` (participation), then the course code.
 * (The letter in upper case marks a revoked certificate, which the engine then does not count.)
 * Packed and grouped by the database because bulk evaluation reads every result of a programme, and the
 * driver's cost is per row and per value, not per byte. Unordered: the evaluation does not depend on the
 * order of a record's achievements.
 */
export async function listAchievementFacts(db: Executor, people: PeopleFilter) {
  if ('userIds' in people && people.userIds.length === 0) return [];
  return db
    .selectFrom('results')
    .innerJoin('courses', 'courses.id', 'results.course_id')
    .leftJoin('enrolments', 'enrolments.id', 'results.enrolment_id')
    .leftJoin('editions', 'editions.id', 'enrolments.edition_id')
    .leftJoin(revokedResults(db).as('revoked_results'), 'revoked_results.result_id', 'results.id')
    .select([
      'results.user_id',
      joinedBySpaces(
        db,
        sql<string>`${sql.ref('results.completed_on')} || coalesce(${sql.ref('editions.starts_on')}, ${sql.ref('results.started_on')}, ${sql.ref('results.completed_on')}) || case when ${sql.ref('revoked_results.result_id')} is null then case ${sql.ref('results.outcome')} when 'achievement' then 'a' else 'p' end else case ${sql.ref('results.outcome')} when 'achievement' then 'A' else 'P' end end || ${sql.ref('courses.code')}`,
      ).as('facts'),
    ])
    .where('results.outcome', 'in', ['achievement', 'participation'])
    .where('results.user_id', 'in', peopleOf(db, people))
    .groupBy('results.user_id')
    .execute();
}

/**
 * For the rule engine: the enrolments still open (enrolled, no result yet) of some people, one row per
 * person, `facts` holding one text per enrolment separated by spaces (decoded by `readEnrolmentFacts`,
 * candidate-record.ts): the edition's start and end dates, then the course code. Unordered.
 */
export async function listOpenEnrolmentFacts(db: Executor, people: PeopleFilter) {
  if ('userIds' in people && people.userIds.length === 0) return [];
  return db
    .selectFrom('enrolments')
    .innerJoin('editions', 'editions.id', 'enrolments.edition_id')
    .innerJoin('courses', 'courses.id', 'editions.course_id')
    .select([
      'enrolments.user_id',
      joinedBySpaces(
        db,
        sql<string>`${sql.ref('editions.starts_on')} || ${sql.ref('editions.ends_on')} || ${sql.ref('courses.code')}`,
      ).as('facts'),
    ])
    .where('enrolments.status', '=', 'enrolled')
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('results')
            .select('results.enrolment_id') // read from the index alone
            .whereRef('results.enrolment_id', '=', 'enrolments.id'),
        ),
      ),
    )
    .where((eb) =>
      'userIds' in people
        ? eb('enrolments.user_id', 'in', people.userIds)
        : // A scan of the enrolments checking each person (SQLite would otherwise fetch them one
          // person at a time, in random order).
          eb.exists(
            eb
              .selectFrom('candidacies')
              .select('candidacies.user_id') // read from the index alone
              .whereRef('candidacies.user_id', '=', 'enrolments.user_id')
              .where('candidacies.programme_id', '=', people.programmeId),
          ),
    )
    .groupBy('enrolments.user_id')
    .execute();
}

/** For the rule engine: the extensions of some candidacies (or of every candidacy of a programme). */
export async function listExtensionFacts(
  db: Executor,
  candidacies: { candidacyIds: readonly string[] } | { programmeId: string },
) {
  if ('candidacyIds' in candidacies && candidacies.candidacyIds.length === 0) return [];
  const query = db
    .selectFrom('extensions')
    .select(['candidacy_id', 'months', 'reason'])
    .orderBy('granted_at');
  if ('candidacyIds' in candidacies)
    return query.where('candidacy_id', 'in', candidacies.candidacyIds).execute();
  // Driven from the (few) extensions: a candidacy row is only looked up by its id.
  const { programmeId } = candidacies;
  return query
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('candidacies')
          .select('candidacies.id')
          .whereRef('candidacies.id', '=', 'extensions.candidacy_id')
          .where('candidacies.programme_id', '=', programmeId),
      ),
    )
    .execute();
}

/** A person's results with the course code and the edition's dates (when the result came from an edition). */
export async function listResultsOfUsers(db: Executor, userIds: readonly string[]) {
  if (userIds.length === 0) return [];
  return db
    .selectFrom('results')
    .innerJoin('courses', 'courses.id', 'results.course_id')
    .leftJoin('enrolments', 'enrolments.id', 'results.enrolment_id')
    .leftJoin('editions', 'editions.id', 'enrolments.edition_id')
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
    .selectFrom('enrolments')
    .innerJoin('editions', 'editions.id', 'enrolments.edition_id')
    .innerJoin('courses', 'courses.id', 'editions.course_id')
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
  return db.selectFrom('enrolments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findEnrolmentOf(
  db: Executor,
  editionId: string,
  userId: string,
): Promise<EnrolmentRow | undefined> {
  return db
    .selectFrom('enrolments')
    .selectAll()
    .where('edition_id', '=', editionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

export async function insertEnrolment(db: Executor, row: EnrolmentRow): Promise<void> {
  await db.insertInto('enrolments').values(row).execute();
}

export async function updateEnrolmentStatus(
  db: Executor,
  id: string,
  status: string,
  at: string,
): Promise<void> {
  await db.updateTable('enrolments').set({ status, updated_at: at }).where('id', '=', id).execute();
}

/** The class list of an edition (or one enrolment of it): each person who had a place, with their result, by name. */
export async function listClass(db: Executor, editionId: string, enrolmentId?: string) {
  let query = db
    .selectFrom('enrolments')
    .innerJoin('users', 'users.id', 'enrolments.user_id')
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

export async function insertResult(db: Executor, row: ResultRow): Promise<void> {
  await db.insertInto('results').values(row).execute();
}

export async function updateResult(
  db: Executor,
  id: string,
  changes: Partial<Omit<ResultRow, 'id'>>,
): Promise<void> {
  await db.updateTable('results').set(changes).where('id', '=', id).execute();
}

export interface CandidateFilter {
  programmeId: string;
  status?: string | undefined;
  atRisk?: boolean | undefined;
  awardable?: boolean | undefined;
  /** Deadlines from this date (today: a deadline already past is not "within N months")… */
  deadlineFrom?: string | undefined;
  /** …up to this date. */
  deadlineBefore?: string | undefined;
  country?: string | undefined;
  constituency?: string | undefined;
  language?: string | undefined;
  text?: string | undefined;
  sort: 'name' | 'deadline' | 'registered' | 'progress';
  direction: 'asc' | 'desc';
  limit: number;
  offset: number;
}

/**
 * When the list is sorted by name and at least this many times more candidacies match than the page
 * reaches (offset + limit), the page is read in name order from the people's (full_name, id) index,
 * stopping at the page, rather than by sorting every matching candidacy.
 */
const NAME_ORDER_FROM_INDEX = 4;

const LIST_COLUMNS = [
  'candidacies.id',
  'candidacies.user_id',
  'candidacies.registered_on',
  'candidacies.status',
  'candidacies.standing_status',
  'candidacies.standing_deadline',
  'candidacies.standing_at_risk',
  'candidacies.standing_awardable',
  'candidacies.standing_met',
  'candidacies.standing_json',
  'users.full_name',
  'users.email',
  'users.country',
  'users.constituency',
  'users.preferred_locale',
] as const;

/** The filter's conditions, on candidacies only (the person's fields through a subquery on users). */
function candidacyConditions(eb: ExpressionBuilder<DB, 'candidacies'>, filter: CandidateFilter) {
  const conditions: Expression<SqlBool>[] = [eb('candidacies.programme_id', '=', filter.programmeId)];
  if (filter.status) conditions.push(eb('candidacies.standing_status', '=', filter.status));
  if (filter.atRisk) conditions.push(eb('candidacies.standing_at_risk', '=', 1));
  if (filter.awardable) {
    // Ready for the diploma: awardable and not holding one yet (a revoked diploma can be awarded again).
    conditions.push(eb('candidacies.standing_awardable', '=', 1));
    conditions.push(
      eb.not(
        eb.exists(
          eb
            .selectFrom('credentials')
            .select('credentials.id')
            .whereRef('credentials.candidacy_id', '=', 'candidacies.id')
            .where('credentials.kind', '=', 'diploma')
            .where('credentials.status', '<>', 'revoked'),
        ),
      ),
    );
  }
  if (filter.deadlineBefore) {
    conditions.push(eb('candidacies.standing_deadline', '<=', filter.deadlineBefore));
    conditions.push(eb('candidacies.standing_deadline', 'is not', null));
  }
  if (filter.deadlineFrom) conditions.push(eb('candidacies.standing_deadline', '>=', filter.deadlineFrom));
  const { country, constituency, language, text } = filter;
  if (country || constituency || language || text) {
    let people = eb.selectFrom('users').select('users.id');
    if (country) people = people.where('users.country', '=', country);
    if (constituency) people = people.where('users.constituency', '=', constituency);
    if (language) people = people.where('users.preferred_locale', '=', language);
    if (text)
      people = people.where((p) =>
        p.or([containsText('users.full_name', text), containsText('users.email', text)]),
      );
    conditions.push(eb('candidacies.user_id', 'in', people));
  }
  return eb.and(conditions);
}

/**
 * Candidates of a programme with their person and cached standing, filtered, sorted and paged.
 * Name order: full name, then the person's id, both in the chosen direction (one candidacy per person
 * and programme). Other orders:
 * the column (a missing deadline last), then full name, then the candidacy's id.
 * Three steps, so that no step reads or sorts whole rows of all the candidates (each cached standing
 * is a JSON document): the count (candidacies and their indexes only), the page's ids, then the rows.
 */
export async function searchCandidacies(db: Executor, filter: CandidateFilter) {
  const page =
    filter.sort === 'name' ? await pageByName(db, filter) : await pageByColumn(db, filter, filter.sort);
  const { ids, total } = page;
  if (ids.length === 0) return { rows: [], total };
  const rows = await db
    .selectFrom('candidacies')
    .innerJoin('users', 'users.id', 'candidacies.user_id')
    .select(LIST_COLUMNS)
    .where('candidacies.id', 'in', ids)
    .execute();
  const position = new Map(ids.map((id, index) => [id, index]));
  rows.sort((a, b) => position.get(a.id)! - position.get(b.id)!);
  return { rows, total };
}

/** How many candidacies match (candidacies and their indexes only). */
async function countCandidacies(db: Executor, filter: CandidateFilter): Promise<number> {
  const count = await db
    .selectFrom('candidacies')
    .select((eb) => eb.cast<number>(eb.fn.countAll(), 'integer').as('total'))
    .where((eb) => candidacyConditions(eb, filter))
    .executeTakeFirstOrThrow();
  return Number(count.total);
}

/** The page in name order: the count first, since it decides how to read the page. */
async function pageByName(db: Executor, filter: CandidateFilter): Promise<{ ids: string[]; total: number }> {
  const { direction, limit, offset } = filter;
  const total = await countCandidacies(db, filter);
  if (offset >= total) return { ids: [], total };
  // Read in name order (people first) when the page is found long before the matches run out;
  // otherwise the matches are fewer than a few pages: sorting them is cheaper. (SQLite keeps the join
  // order of a CROSS JOIN; PostgreSQL plans it as any inner join.)
  const byName =
    total >= NAME_ORDER_FROM_INDEX * (offset + limit)
      ? db.selectFrom('users').crossJoin('candidacies').whereRef('candidacies.user_id', '=', 'users.id')
      : db.selectFrom('candidacies').innerJoin('users', 'users.id', 'candidacies.user_id');
  const rows = await byName
    .select('candidacies.id')
    .where((eb) => candidacyConditions(eb, filter))
    .orderBy('users.full_name', direction)
    .orderBy('users.id', direction)
    .limit(limit)
    .offset(offset)
    .execute();
  return { ids: rows.map((r) => r.id), total };
}

/**
 * The page in the order of a candidacy's column: every match is sorted anyway, so the same query counts
 * them (a window count) rather than a second pass.
 */
async function pageByColumn(
  db: Executor,
  filter: CandidateFilter,
  sort: Exclude<CandidateFilter['sort'], 'name'>,
): Promise<{ ids: string[]; total: number }> {
  const sortColumn = {
    deadline: 'candidacies.standing_deadline',
    registered: 'candidacies.registered_on',
    progress: 'candidacies.standing_met',
  } as const;
  let query = db
    .selectFrom('candidacies')
    .innerJoin('users', 'users.id', 'candidacies.user_id')
    .select((eb) => ['candidacies.id', eb.cast<number>(eb.fn.countAll().over(), 'integer').as('total')])
    .where((eb) => candidacyConditions(eb, filter));
  // Without a deadline (nothing counted yet) sorts last in both directions and on both engines
  // (SQLite puts NULL first in ascending order, PostgreSQL last). The other columns are never null.
  if (sort === 'deadline')
    query = query.orderBy(
      sql`case when ${sql.ref('candidacies.standing_deadline')} is null then 1 else 0 end`,
    );
  const rows = await query
    .orderBy(sortColumn[sort], filter.direction)
    .orderBy('users.full_name')
    .orderBy('candidacies.id')
    .limit(filter.limit)
    .offset(filter.offset)
    .execute();
  // A page past the end has no row to carry the count.
  const total = rows[0] ? Number(rows[0].total) : await countCandidacies(db, filter);
  return { ids: rows.map((r) => r.id), total };
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
