import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Executor } from '../../db/database.js';
import { forUpdate } from '../../db/helpers.js';
import { reusableQuery } from '../../db/reusable-query.js';
import { usersView } from '../identity/identity.read-models.repository.js';
import { programmesView } from '../programmes/programmes.read-models.repository.js';
import type {
  AdmissionSettingsTable,
  ApplicationFilesTable,
  ApplicationsTable,
} from './admissions.tables.js';

/** All SQL about applications, their files and the admission settings (the reviews' SQL is in reviews.repository.ts). */

export type ApplicationRow = Selectable<ApplicationsTable>;
export type ApplicationFileRow = Selectable<ApplicationFilesTable>;
export type AdmissionSettingsRow = Selectable<AdmissionSettingsTable>;

// The statements every page and save of an application runs are built and compiled once (reusable-query.ts).
const applicationById = reusableQuery((db, id: string) =>
  db.selectFrom('applications').selectAll().where('id', '=', id),
);
const lockedApplicationById = reusableQuery((db, id: string) =>
  forUpdate(db, db.selectFrom('applications').selectAll().where('id', '=', id)),
);

export async function findApplicationRow(db: Executor, id: string): Promise<ApplicationRow | undefined> {
  return (await applicationById(db, id))[0];
}

/** The application row, locked until the transaction ends (PostgreSQL; SQLite serialises writers). */
export async function lockApplicationRow(db: Executor, id: string): Promise<ApplicationRow | undefined> {
  return (await lockedApplicationById(db, id))[0];
}

export async function findApplicationOfUser(
  db: Executor,
  programmeId: string,
  userId: string,
): Promise<ApplicationRow | undefined> {
  return db
    .selectFrom('applications')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/** A person's applications with their programme's slug and title, newest first. */
export async function listApplicationsOfUser(db: Executor, userId: string) {
  return db
    .selectFrom('applications')
    .innerJoin(programmesView(db).as('programmes'), 'programmes.id', 'applications.programme_id')
    .select([
      'applications.id',
      'applications.programme_id',
      'applications.status',
      'applications.step',
      'applications.submitted_at',
      'applications.decided_at',
      'applications.created_at',
      'applications.updated_at',
      'programmes.slug as programme_slug',
      'programmes.title_i18n as programme_title_i18n',
    ])
    .where('applications.user_id', '=', userId)
    .orderBy('applications.created_at', 'desc')
    .orderBy('applications.id', 'desc')
    .execute();
}

export async function insertApplicationRow(db: Executor, row: Insertable<ApplicationsTable>): Promise<void> {
  await db.insertInto('applications').values(row).execute();
}

export async function updateApplicationRow(
  db: Executor,
  id: string,
  changes: Updateable<Omit<ApplicationsTable, 'id'>>,
): Promise<void> {
  await db.updateTable('applications').set(changes).where('id', '=', id).execute();
}

/** A step's save: the answers, the step the draft resumes at and the time (a fixed statement, built once). */
export const updateApplicationAnswers = reusableQuery(
  (db, id: string, answersJson: string, step: string, updatedAt: string) =>
    db
      .updateTable('applications')
      .set({ answers_json: answersJson, step, updated_at: updatedAt })
      .where('id', '=', id),
);

/** The ids of the reviewers assigned to an application. */
export async function listReviewerIdsOf(db: Executor, applicationId: string): Promise<string[]> {
  const rows = await db
    .selectFrom('application_reviewers')
    .select('reviewer_id')
    .where('application_id', '=', applicationId)
    .orderBy('assigned_at')
    .execute();
  return rows.map((r) => r.reviewer_id);
}

export async function listApplicationFileRows(
  db: Executor,
  applicationId: string,
): Promise<ApplicationFileRow[]> {
  return db
    .selectFrom('application_files')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('kind')
    .execute();
}

export async function findApplicationFileRow(
  db: Executor,
  applicationId: string,
  kind: string,
): Promise<ApplicationFileRow | undefined> {
  return db
    .selectFrom('application_files')
    .selectAll()
    .where('application_id', '=', applicationId)
    .where('kind', '=', kind)
    .executeTakeFirst();
}

export async function insertApplicationFileRow(db: Executor, row: ApplicationFileRow): Promise<void> {
  await db.insertInto('application_files').values(row).execute();
}

export async function deleteApplicationFileRow(db: Executor, id: string): Promise<void> {
  await db.deleteFrom('application_files').where('id', '=', id).execute();
}

/** The decisions of an application (the history, oldest first). */
export async function listDecisionRowsOf(db: Executor, applicationId: string) {
  return db
    .selectFrom('application_decisions')
    .selectAll()
    .where('application_id', '=', applicationId)
    .orderBy('decided_at')
    .orderBy('id')
    .execute();
}

export async function findAdmissionSettingsRow(
  db: Executor,
  programmeId: string,
): Promise<AdmissionSettingsRow | undefined> {
  return db
    .selectFrom('admission_settings')
    .selectAll()
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
}

/** Inserts or replaces the settings of a programme (one row per programme). */
export async function upsertAdmissionSettingsRow(
  db: Executor,
  row: Insertable<AdmissionSettingsTable>,
): Promise<void> {
  const { programme_id, ...changes } = row;
  await db
    .insertInto('admission_settings')
    .values(row)
    .onConflict((oc) => oc.column('programme_id').doUpdateSet(changes))
    .execute();
}

/** A person's display data for the application pages (name and preferred language). */
export async function findApplicantRow(db: Executor, userId: string) {
  return db
    .selectFrom(usersView(db).as('users'))
    .select([
      'id',
      'full_name',
      'email',
      'preferred_locale',
      'country',
      'constituency',
      'organisation',
      'job_title',
    ])
    .where('id', '=', userId)
    .executeTakeFirst();
}

/** Draft applications to programmes whose applications close on or after `from` and on or before `until`. */
export async function listDraftsClosingBetween(db: Executor, from: string, until: string) {
  return db
    .selectFrom('applications')
    .innerJoin('admission_settings', 'admission_settings.programme_id', 'applications.programme_id')
    .select([
      'applications.id',
      'applications.user_id',
      'applications.programme_id',
      'admission_settings.closes_on',
    ])
    .where('applications.status', '=', 'draft')
    .where('admission_settings.open', '=', 1)
    .where('admission_settings.closes_on', '>=', from)
    .where('admission_settings.closes_on', '<=', until)
    .orderBy('applications.id')
    .execute();
}
