/**
 * The candidate dashboard's one statement (split from pathway-facts.repository.ts, whose packed forms it
 * reuses): a person's language facts and every candidacy with its packed records.
 */
import { type RawBuilder, sql } from 'kysely';
import { dialectOf, type Executor } from '../../db/database.js';
import { reusableQuery } from '../../db/reusable-query.js';
import { applicationsView } from '../admissions/admissions.read-models.repository.js';
import { coursesView, editionsView } from '../catalogue/catalogue.read-models.repository.js';
import { credentialsView } from '../credentials/credentials.read-models.repository.js';
import { usersView } from '../identity/identity.read-models.repository.js';
import { enrolmentsView } from '../places/places.read-models.repository.js';
import { PACKED_ENROLMENT, packedResult, REVOKED } from './pathway-facts.repository.js';

/** Separates the application documents of `listPathwayFactsOfPerson` (never in JSON text, where it is escaped). */
export const DOCUMENT_SEPARATOR = '\u001f';

/**
 * The candidate dashboard's one statement (built and compiled once: `reusableQuery`): the person's
 * language facts (profile, interface language, time zone and the answers of their applications, joined by
 * DOCUMENT_SEPARATOR) with each of their candidacies, the person's packed results and open enrolments
 * (packed as `listAchievementFacts` and `listOpenEnrolmentFacts` pack them) and the candidacy's extensions'
 * months. One row per candidacy, oldest first; one row with a null candidacy when the person has none.
 *
 * The results and enrolments are correlated subqueries on the person, each revoked certificate looked up
 * by its result (credentials_result_idx). Joined as grouped subqueries (bulk evaluation's shape) they
 * were materialised with a DISTINCT of the revoked certificates and automatic indexes, and with bound
 * parameters SQLite read far more pages: about 850 µs of CPU a request against 25 µs this way, and the
 * pages it read pushed the session's out of the cache.
 */
const pathwayFactsOfPerson = reusableQuery((db: Executor, userId: string) => {
  const aggregate = (value: RawBuilder<string>, separator: string) =>
    dialectOf(db) === 'sqlite'
      ? sql<string | null>`group_concat(${value}, ${sql.lit(separator)})`
      : sql<string | null>`string_agg(${value}, ${sql.lit(separator)})`;
  return db
    .selectFrom(usersView(db).as('users'))
    .leftJoin('candidacies', 'candidacies.user_id', 'users.id')
    .select((eb) => [
      'users.preferred_locale',
      'users.learning_languages',
      'users.time_zone',
      eb
        .selectFrom(applicationsView(db).as('applications'))
        .select(aggregate(sql.ref('applications.answers_json'), DOCUMENT_SEPARATOR).as('answers'))
        .whereRef('applications.user_id', '=', 'users.id')
        .as('answers'),
      'candidacies.id',
      'candidacies.programme_id',
      'candidacies.rule_version_id',
      'candidacies.registered_on',
      'candidacies.status',
      'candidacies.withdrawn_reason',
      'candidacies.capstone_status',
      'candidacies.capstone_completed_on',
      eb
        .selectFrom('results')
        .innerJoin(coursesView(db).as('courses'), 'courses.id', 'results.course_id')
        .leftJoin(enrolmentsView(db).as('enrolments'), 'enrolments.id', 'results.enrolment_id')
        .leftJoin(editionsView(db).as('editions'), 'editions.id', 'enrolments.edition_id')
        .select(aggregate(packedResult(isRevokedResult(db)), ' ').as('results'))
        .whereRef('results.user_id', '=', 'users.id')
        .where('results.outcome', 'in', ['achievement', 'participation'])
        .as('results'),
      eb
        .selectFrom(enrolmentsView(db).as('enrolments'))
        .innerJoin(editionsView(db).as('editions'), 'editions.id', 'enrolments.edition_id')
        .innerJoin(coursesView(db).as('courses'), 'courses.id', 'editions.course_id')
        .select(aggregate(PACKED_ENROLMENT, ' ').as('enrolments'))
        .whereRef('enrolments.user_id', '=', 'users.id')
        .where('enrolments.status', '=', 'enrolled')
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('results')
                .select('results.enrolment_id') // read from the index alone
                .whereRef('results.enrolment_id', '=', 'enrolments.id'),
            ),
          ),
        )
        .as('enrolments'),
      eb
        .selectFrom('extensions')
        .select(aggregate(sql`cast(${sql.ref('extensions.months')} as text)`, ' ').as('months'))
        .whereRef('extensions.candidacy_id', '=', 'candidacies.id')
        .as('extension_months'),
    ])
    .where('users.id', '=', userId)
    .orderBy('candidacies.created_at');
});

/**
 * True for the result of the row (`results.id`) whose certificate was revoked and not replaced, as
 * `revokedResults` selects them, looked up by the result.
 */
function isRevokedResult(db: Executor): RawBuilder<unknown> {
  const result = sql<string>`${sql.ref('results.id')}`;
  return sql`exists ${db
    .selectFrom(credentialsView(db).as('revoked'))
    .select('revoked.result_id')
    .where('revoked.result_id', '=', result)
    .where('revoked.status', '=', REVOKED)
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('credentials as live')
            .select('live.id')
            .where('live.result_id', '=', result)
            .where('live.status', '<>', REVOKED),
        ),
      ),
    )}`;
}

/** A row of `listPathwayFactsOfPerson`. */
export type PersonPathwayFactsRow = Awaited<ReturnType<typeof pathwayFactsOfPerson>>[number];

/** What the candidate dashboard evaluates and shows of a person, in one statement (`pathwayFactsOfPerson`). */
export async function listPathwayFactsOfPerson(
  db: Executor,
  userId: string,
): Promise<PersonPathwayFactsRow[]> {
  return pathwayFactsOfPerson(db, userId);
}
