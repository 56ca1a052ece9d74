import { type RawBuilder, type SqlBool, sql } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.js';
import { coursesView, editionsView } from '../catalogue/catalogue.read-models.repository.js';
import { credentialsView } from '../credentials/credentials.read-models.repository.js';
import { enrolmentsView } from '../places/places.read-models.repository.js';
import type { CandidacyRow } from './pathway.tables.js';

/** The SQL that loads what the rule engine reads, for some people or a whole programme (packed rows). */

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
 * The revoked status, written into the SQL rather than bound: `status <> ?` matches the condition of the
 * partial index credentials_result_live_uq, so SQLite recompiles a statement that binds it on every run
 * (the value could change which index applies). On the candidate dashboard's statement that recompiling
 * was about 230 µs of CPU a request, ten times the statement's own work.
 */
export const REVOKED = sql.lit('revoked');

/**
 * One result as the rule engine reads it packed (`readResultFacts`, candidate-record.ts): the completion
 * date, the start (the edition's, else the result's own, else the completion), `a` (achievement) or `p`
 * (participation), in upper case when `revoked` (its certificate revoked and not replaced), then the course
 * code. Over `results`, `editions` (left-joined through the enrolment) and `courses`.
 */
export function packedResult(revoked: RawBuilder<unknown>): RawBuilder<string> {
  return sql<string>`${sql.ref('results.completed_on')} || coalesce(${sql.ref('editions.starts_on')}, ${sql.ref('results.started_on')}, ${sql.ref('results.completed_on')}) || case when ${revoked} then case ${sql.ref('results.outcome')} when 'achievement' then 'A' else 'P' end else case ${sql.ref('results.outcome')} when 'achievement' then 'a' else 'p' end end || ${sql.ref('courses.code')}`;
}

/** One open enrolment packed (`readEnrolmentFacts`): the edition's start and end dates, then the course code. */
export const PACKED_ENROLMENT = sql<string>`${sql.ref('editions.starts_on')} || ${sql.ref('editions.ends_on')} || ${sql.ref('courses.code')}`;

/**
 * The results whose certificate was revoked and not replaced (a correction revokes the old credential as
 * superseded and issues a live one): the rule engine does not count them (DESIGN §3). Read from the
 * credentials module's table in the evaluating transaction, so a revocation counts at once; few rows, so
 * joining them costs bulk evaluation next to nothing.
 */
export function revokedResults(db: Executor, people: PeopleFilter) {
  const revoked = db
    .selectFrom(credentialsView(db).as('revoked'))
    .select('revoked.result_id')
    .distinct()
    .where('revoked.status', '=', REVOKED);
  // A few people (a dashboard, a candidate's page): only their credentials, through the holder's index,
  // rather than every revoked credential of the platform (a credential's holder is its result's person).
  return ('userIds' in people ? revoked.where('revoked.user_id', 'in', people.userIds) : revoked)
    .where('revoked.result_id', 'is not', null)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('credentials as live')
            .select('live.id')
            .whereRef('live.result_id', '=', 'revoked.result_id')
            .where('live.status', '<>', REVOKED),
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
  return achievementFacts(db, people).execute();
}

/** The query of `listAchievementFacts` (also a part of `listProgrammeFacts`). */
function achievementFacts(db: Executor, people: PeopleFilter) {
  return db
    .selectFrom('results')
    .innerJoin(coursesView(db).as('courses'), 'courses.id', 'results.course_id')
    .leftJoin(enrolmentsView(db).as('enrolments'), 'enrolments.id', 'results.enrolment_id')
    .leftJoin(editionsView(db).as('editions'), 'editions.id', 'enrolments.edition_id')
    .leftJoin(revokedResults(db, people).as('revoked_results'), 'revoked_results.result_id', 'results.id')
    .select([
      'results.user_id',
      joinedBySpaces(db, packedResult(sql`${sql.ref('revoked_results.result_id')} is not null`)).as('facts'),
    ])
    .where('results.outcome', 'in', ['achievement', 'participation'])
    .where('results.user_id', 'in', peopleOf(db, people))
    .groupBy('results.user_id');
}

/**
 * For the rule engine: the enrolments still open (enrolled, no result yet) of some people, one row per
 * person, `facts` holding one text per enrolment separated by spaces (decoded by `readEnrolmentFacts`,
 * candidate-record.ts): the edition's start and end dates, then the course code. Unordered.
 */
export async function listOpenEnrolmentFacts(db: Executor, people: PeopleFilter) {
  if ('userIds' in people && people.userIds.length === 0) return [];
  return openEnrolmentFacts(db, people).execute();
}

/** The query of `listOpenEnrolmentFacts` (also a part of `listProgrammeFacts`). */
function openEnrolmentFacts(db: Executor, people: PeopleFilter) {
  return db
    .selectFrom(enrolmentsView(db).as('enrolments'))
    .innerJoin(editionsView(db).as('editions'), 'editions.id', 'enrolments.edition_id')
    .innerJoin(coursesView(db).as('courses'), 'courses.id', 'editions.course_id')
    .select(['enrolments.user_id', joinedBySpaces(db, PACKED_ENROLMENT).as('facts')])
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
    .groupBy('enrolments.user_id');
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

/** A candidacy of a programme with its person's packed source records (`listProgrammeFacts`). */
export interface ProgrammeFactsRow {
  candidacy: CandidacyFactsRow;
  /** The person's results as `listAchievementFacts` packs them ('' for none). */
  results: string;
  /** The person's open enrolments as `listOpenEnrolmentFacts` packs them ('' for none). */
  enrolments: string;
}

/** Separates a candidacy's packed parts: never in an id, a date, a status or a course code. */
const PART = '|';

/**
 * Every candidacy of a programme with its person's results and open enrolments, in one statement and one
 * text per candidacy (bulk evaluation): the id, the person, the rule version, the candidacy's facts as
 * `listCandidacyFactsOfProgramme` packs them, then `|`, the results, `|`, the enrolments. One statement
 * rather than three because on PostgreSQL each costs a round trip and the driver's work per row and per
 * value (100,000 candidacies, 100,000 people's results and as many enrolment lists were 300,000 rows of
 * two to four values), and because the rows then need no grouping by person in the process. Unordered.
 */
export async function listProgrammeFacts(db: Executor, programmeId: string): Promise<ProgrammeFactsRow[]> {
  const people = { programmeId };
  const candidacy = sql<string>`${sql.ref('candidacies.id')} || ' ' || ${sql.ref('candidacies.user_id')} || ' ' || ${sql.ref('candidacies.rule_version_id')} || ' ' || ${sql.ref('candidacies.registered_on')} || coalesce(${sql.ref('candidacies.capstone_completed_on')}, ${NO_DATE}) || ${sql.ref('candidacies.status')} || ' ' || ${sql.ref('candidacies.capstone_status')} || ${sql.lit(PART)}`;
  const rows =
    dialectOf(db) === 'postgres'
      ? await db
          .selectFrom('candidacies')
          .leftJoin(everyonesFacts(db, people).as('f'), 'f.user_id', 'candidacies.user_id')
          .select(
            sql<string>`${candidacy} || coalesce(${sql.ref('f.results')}, '') || ${sql.lit(PART)} || coalesce(${sql.ref('f.enrolments')}, '')`.as(
              'facts',
            ),
          )
          .where('candidacies.programme_id', '=', programmeId)
          .execute()
      : await db
          .selectFrom('candidacies')
          .leftJoin(achievementFacts(db, people).as('r'), 'r.user_id', 'candidacies.user_id')
          .leftJoin(openEnrolmentFacts(db, people).as('e'), 'e.user_id', 'candidacies.user_id')
          .select(
            sql<string>`${candidacy} || coalesce(${sql.ref('r.facts')}, '') || ${sql.lit(PART)} || coalesce(${sql.ref('e.facts')}, '')`.as(
              'facts',
            ),
          )
          .where('candidacies.programme_id', '=', programmeId)
          .execute();
  return rows.map((row) => readProgrammeFacts(row.facts));
}

/**
 * PostgreSQL, bulk evaluation: every person's packed results and open enrolments (as `achievementFacts` and
 * `openEnrolmentFacts` pack them), one row per person, from ONE pass over results and enrolments (a full
 * join on the result's enrolment: a result with its edition, or an enrolment without a result) and one
 * grouping. The two statements' way read the enrolments twice, grouped twice and matched each against the
 * programme's candidacies twice: 1.12–1.16 s of the server's CPU on 100,000 candidates against
 * 0.72–0.80 s (bench/README.md, "fifth pass"). Not restricted to the programme's people: the outer join to
 * the candidacies keeps theirs, and the restriction inside (a semi-join) misestimated the full join's rows
 * and cost 0.47 s more. SQLite keeps the two subqueries (its plans for them are measured; not this one's).
 */
function everyonesFacts(db: Executor, people: { programmeId: string }) {
  const hasResult = sql<boolean>`${sql.ref('results.id')} is not null`;
  return db
    .selectFrom('results')
    .fullJoin(enrolmentsView(db).as('enrolments'), 'enrolments.id', 'results.enrolment_id')
    .leftJoin(editionsView(db).as('editions'), 'editions.id', 'enrolments.edition_id')
    .innerJoin(coursesView(db).as('courses'), (join) =>
      join.on(
        sql<SqlBool>`${sql.ref('courses.id')} = coalesce(${sql.ref('results.course_id')}, ${sql.ref('editions.course_id')})`,
      ),
    )
    .leftJoin(revokedResults(db, people).as('revoked_results'), 'revoked_results.result_id', 'results.id')
    .select([
      sql<string>`coalesce(${sql.ref('results.user_id')}, ${sql.ref('enrolments.user_id')})`.as('user_id'),
      sql<
        string | null
      >`string_agg(${packedResult(sql`${sql.ref('revoked_results.result_id')} is not null`)}, ' ') filter (where ${hasResult})`.as(
        'results',
      ),
      sql<string | null>`string_agg(${PACKED_ENROLMENT}, ' ') filter (where not ${hasResult})`.as(
        'enrolments',
      ),
    ])
    .where((eb) =>
      eb.or([
        eb('results.outcome', 'in', ['achievement', 'participation']),
        eb.and([eb('results.id', 'is', null), eb('enrolments.status', '=', 'enrolled')]),
      ]),
    )
    .groupBy(sql`1`);
}

/** Pure: one text of `listProgrammeFacts`. */
export function readProgrammeFacts(text: string): ProgrammeFactsRow {
  const afterId = text.indexOf(' ');
  const afterUser = text.indexOf(' ', afterId + 1);
  const afterVersion = text.indexOf(' ', afterUser + 1);
  const dates = afterVersion + 1;
  const afterStatus = text.indexOf(' ', dates + 20);
  const afterCapstone = text.indexOf(PART, afterStatus + 1);
  const afterResults = text.indexOf(PART, afterCapstone + 1);
  if (afterId < 0 || afterUser < 0 || afterVersion < 0 || afterStatus < 0 || afterResults < 0)
    throw new Error(`malformed programme facts ${JSON.stringify(text)}`);
  const completed = text.slice(dates + 10, dates + 20);
  return {
    candidacy: {
      id: text.slice(0, afterId),
      user_id: text.slice(afterId + 1, afterUser),
      rule_version_id: text.slice(afterUser + 1, afterVersion),
      registered_on: text.slice(dates, dates + 10),
      status: text.slice(dates + 20, afterStatus),
      capstone_status: text.slice(afterStatus + 1, afterCapstone),
      capstone_completed_on: completed === NO_DATE ? null : completed,
    },
    results: text.slice(afterCapstone + 1, afterResults),
    enrolments: text.slice(afterResults + 1),
  };
}
