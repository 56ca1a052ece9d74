import { sql } from 'kysely';
import type { Executor } from '../../../db/database.js';
import { coursesView, courseThemesView } from '../../catalogue/catalogue.read-models.repository.js';
import { usersView } from '../../identity/identity.read-models.repository.js';
import { candidaciesView, resultsView } from '../../pathway/pathway.read-models.repository.js';
import {
  programmesView,
  programmeThemesView,
  themesView,
} from '../../programmes/programmes.read-models.repository.js';

/**
 * The facts credentials certify, read by issuance from their own tables (results, courses, people,
 * themes, programmes, the pathway's cached standing), read-only and inside the issuing transaction, so
 * that what is signed is exactly what is committed (docs/decisions/0007-credentials.md). The one write
 * is the programme's "award automatically" setting, which this module owns.
 */

/** A result with its course and holder, as issuance reads them. */
export async function findResultFacts(db: Executor, resultId: string) {
  return resultFactsQuery(db).where('results.id', '=', resultId).executeTakeFirst();
}

/** The results with their course and holder (`findResultFacts` for many: one statement). */
export async function listResultFacts(db: Executor, resultIds: readonly string[]) {
  if (resultIds.length === 0) return [];
  return resultFactsQuery(db).where('results.id', 'in', resultIds).execute();
}

function resultFactsQuery(db: Executor) {
  return db
    .selectFrom(resultsView(db).as('results'))
    .innerJoin(coursesView(db).as('courses'), 'courses.id', 'results.course_id')
    .innerJoin(usersView(db).as('users'), 'users.id', 'results.user_id')
    .select([
      'results.id as result_id',
      'results.user_id',
      'results.course_id',
      'results.outcome',
      'results.grade',
      'results.completed_on',
      'courses.code as course_code',
      'courses.title_i18n as course_title_i18n',
      'courses.summary_i18n as course_summary_i18n',
      'courses.description_i18n as course_description_i18n',
      'courses.learning_hours',
      'users.full_name',
      'users.email',
      'users.preferred_locale',
    ]);
}

/** A holder's name, email and language, as issuance reads them. */
export async function findHolderFacts(db: Executor, userId: string) {
  return db
    .selectFrom(usersView(db).as('users'))
    .select(['id', 'full_name', 'email', 'preferred_locale'])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** The themes of a course, in their display order. */
export async function listCourseThemeFacts(db: Executor, courseId: string) {
  return (await listThemeFactsOfCourses(db, [courseId])).map(({ slug, name_i18n }) => ({ slug, name_i18n }));
}

/** The themes of some courses (`course_id` tells whose), each course's in their display order. */
export async function listThemeFactsOfCourses(db: Executor, courseIds: readonly string[]) {
  if (courseIds.length === 0) return [];
  return db
    .selectFrom(courseThemesView(db).as('course_themes'))
    .innerJoin(themesView(db).as('themes'), 'themes.id', 'course_themes.theme_id')
    .select(['course_themes.course_id', 'themes.slug', 'themes.name_i18n'])
    .where('course_themes.course_id', 'in', courseIds)
    .orderBy('course_themes.course_id')
    .orderBy('themes.position')
    .execute();
}

/** The themes of a programme, in their display order. */
export async function listProgrammeThemeFacts(db: Executor, programmeId: string) {
  return db
    .selectFrom(programmeThemesView(db).as('programme_themes'))
    .innerJoin(themesView(db).as('themes'), 'themes.id', 'programme_themes.theme_id')
    .select(['themes.slug', 'themes.name_i18n'])
    .where('programme_themes.programme_id', '=', programmeId)
    .orderBy('themes.position')
    .execute();
}

/** A programme as the diploma names it. */
export async function findProgrammeFacts(db: Executor, programmeId: string) {
  return db
    .selectFrom(programmesView(db).as('programmes'))
    .select([
      'id',
      'slug',
      'title_i18n',
      'summary_i18n',
      'description_i18n',
      'certification_i18n',
      'total_hours',
    ])
    .where('id', '=', programmeId)
    .executeTakeFirst();
}

/** A person's Certificates of Achievement that are not revoked, with the course code and date they certify. */
export async function listLiveAchievementCredentials(db: Executor, userId: string) {
  return db
    .selectFrom('credentials')
    .innerJoin(resultsView(db).as('results'), 'results.id', 'credentials.result_id')
    .innerJoin(coursesView(db).as('courses'), 'courses.id', 'results.course_id')
    .select([
      'credentials.id',
      'credentials.status',
      'credentials.credential_json',
      'courses.code as course_code',
      'results.completed_on',
    ])
    .where('credentials.user_id', '=', userId)
    .where('credentials.kind', '=', 'achievement')
    .where('credentials.status', '<>', sql.lit('revoked'))
    .orderBy('results.completed_on')
    .execute();
}

/**
 * Candidacies of programmes that award diplomas automatically whose cached standing is awardable and that
 * have no live diploma (the award re-evaluates each from the source records), optionally of one person.
 */
export async function listAutoAwardCandidacyIds(
  db: Executor,
  options: { userId?: string | undefined; limit: number },
): Promise<string[]> {
  let query = autoAwardCandidacies(db)
    .select('candidacies.id')
    .orderBy('candidacies.id')
    .limit(options.limit);
  if (options.userId) query = query.where('candidacies.user_id', '=', options.userId);
  return (await query.execute()).map((r) => r.id);
}

/** Those of `userIds` who have a candidacy `listAutoAwardCandidacyIds` would list (one statement). */
export async function listAutoAwardUserIds(db: Executor, userIds: readonly string[]): Promise<string[]> {
  if (userIds.length === 0) return [];
  const rows = await autoAwardCandidacies(db)
    .select('candidacies.user_id')
    .distinct()
    .where('candidacies.user_id', 'in', userIds)
    .execute();
  return rows.map((r) => r.user_id);
}

function autoAwardCandidacies(db: Executor) {
  return db
    .selectFrom(candidaciesView(db).as('candidacies'))
    .where('candidacies.standing_awardable', '=', 1)
    .where('candidacies.status', '<>', 'withdrawn')
    .where(
      'candidacies.programme_id',
      'in',
      db
        .selectFrom('award_settings')
        .select('award_settings.programme_id')
        .where('award_automatically', '=', 1),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('credentials')
            .select('credentials.id')
            .whereRef('credentials.candidacy_id', '=', 'candidacies.id')
            .where('credentials.kind', '=', sql.lit('diploma'))
            .where('credentials.status', '<>', sql.lit('revoked')),
        ),
      ),
    );
}

/** Whether a programme awards its diplomas automatically (no row: it does not). */
export async function findAutoAward(db: Executor, programmeId: string): Promise<boolean> {
  const row = await db
    .selectFrom('award_settings')
    .select('award_automatically')
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  return row?.award_automatically === 1;
}

export async function setProgrammeAutoAward(
  db: Executor,
  programmeId: string,
  value: boolean,
  at: string,
): Promise<void> {
  await db
    .insertInto('award_settings')
    .values({ programme_id: programmeId, award_automatically: value ? 1 : 0, updated_at: at })
    .onConflict((oc) =>
      oc.column('programme_id').doUpdateSet({ award_automatically: value ? 1 : 0, updated_at: at }),
    )
    .execute();
}
