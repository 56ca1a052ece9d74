import type { Executor } from '../../../db/database.js';
import { coursesView, editionsView } from '../../catalogue/catalogue.read-models.repository.js';
import { usersView } from '../../identity/identity.read-models.repository.js';
import { enrolmentsView } from '../../places/places.read-models.repository.js';
import type { ImportRecordRow } from '../pathway.tables.js';
import { CANDIDACY_FACT_COLUMNS, type CandidacyFactsRow } from '../pathway-facts.repository.js';

/**
 * All SQL of result imports and exports. Look-ups take whole sets of keys and query them in chunks (well
 * under both engines' bound-parameter limits), so that checking 100,000 rows takes a few hundred queries.
 */

const CHUNK = 1000;

async function inChunks<T, R>(values: readonly T[], run: (chunk: T[]) => Promise<R[]>): Promise<R[]> {
  const out: R[] = [];
  for (let i = 0; i < values.length; i += CHUNK) out.push(...(await run(values.slice(i, i + CHUNK))));
  return out;
}

export function findPeopleByEmails(db: Executor, emails: readonly string[]) {
  return inChunks(emails, (chunk) =>
    db.selectFrom(usersView(db).as('users')).select(['id', 'email']).where('email', 'in', chunk).execute(),
  );
}

export function findCoursesByCodes(db: Executor, codes: readonly string[]) {
  return inChunks(codes, (chunk) =>
    db
      .selectFrom(coursesView(db).as('courses'))
      .select(['id', 'code', 'credential_on_success'])
      .where('code', 'in', chunk)
      .execute(),
  );
}

const editionColumns = ['id', 'code', 'course_id', 'starts_on', 'status'] as const;

export async function findEditionsByCodesOrIds(
  db: Executor,
  codes: readonly string[],
  ids: readonly string[],
) {
  const byCode = await inChunks(codes, (chunk) =>
    db
      .selectFrom(editionsView(db).as('editions'))
      .select(editionColumns)
      .where('code', 'in', chunk)
      .execute(),
  );
  const byId = await inChunks(ids, (chunk) =>
    db.selectFrom(editionsView(db).as('editions')).select(editionColumns).where('id', 'in', chunk).execute(),
  );
  return [...byCode, ...byId];
}

/**
 * The enrolments of these people in these editions, each with its result, if any. Read by person only
 * (a few enrolments each, through the person's index) and kept when in one of the editions: with both
 * lists in the query, SQLite probed its (edition, person) key once per pair of the two lists.
 */
export async function listEnrolmentsWithResults(
  db: Executor,
  userIds: readonly string[],
  editionIds: readonly string[],
) {
  if (editionIds.length === 0) return [];
  const editions = new Set(editionIds);
  const rows = await inChunks(userIds, (chunk) =>
    db
      .selectFrom(enrolmentsView(db).as('enrolments'))
      .leftJoin('results', 'results.enrolment_id', 'enrolments.id')
      .select([
        'enrolments.id',
        'enrolments.edition_id',
        'enrolments.user_id',
        'results.id as result_id',
        'results.outcome',
        'results.grade',
        'results.started_on',
        'results.completed_on',
        'results.reference',
      ])
      .where('enrolments.user_id', 'in', chunk)
      .execute(),
  );
  return rows.filter((row) => editions.has(row.edition_id));
}

/** The legacy certificates (results without an enrolment) of these people. */
export function listLegacyResultsOfUsers(db: Executor, userIds: readonly string[]) {
  return inChunks(userIds, (chunk) =>
    db
      .selectFrom('results')
      .select(['user_id', 'course_id', 'outcome', 'grade', 'started_on', 'completed_on', 'reference'])
      .where('enrolment_id', 'is', null)
      .where('user_id', 'in', chunk)
      .execute(),
  );
}

/** The ids of these people's candidacies (every programme). */
export async function listCandidacyIdsOfUsers(db: Executor, userIds: readonly string[]): Promise<string[]> {
  const rows = await inChunks(userIds, (chunk) =>
    db.selectFrom('candidacies').select('id').where('user_id', 'in', chunk).execute(),
  );
  return rows.map((row) => row.id);
}

/** Candidacies by id, as the rule engine reads them. */
export function listCandidacyFactsByIds(db: Executor, ids: readonly string[]): Promise<CandidacyFactsRow[]> {
  return inChunks(ids, (chunk) =>
    db.selectFrom('candidacies').select(CANDIDACY_FACT_COLUMNS).where('id', 'in', chunk).execute(),
  );
}

export async function insertImport(db: Executor, row: ImportRecordRow): Promise<void> {
  await db.insertInto('imports').values(row).execute();
}

export function findImport(db: Executor, id: string): Promise<ImportRecordRow | undefined> {
  return db.selectFrom('imports').selectAll().where('id', '=', id).executeTakeFirst();
}

/** An import without its (possibly large) rows. */
export function findImportWithoutRows(db: Executor, id: string) {
  return db
    .selectFrom('imports')
    .select([
      'id',
      'kind',
      'status',
      'file_name',
      'file_sha256',
      'row_count',
      'error_count',
      'errors_json',
      'summary_json',
      'job_id',
      'created_by',
      'created_at',
      'updated_at',
    ])
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function updateImport(
  db: Executor,
  id: string,
  changes: Partial<Omit<ImportRecordRow, 'id'>>,
): Promise<void> {
  await db.updateTable('imports').set(changes).where('id', '=', id).execute();
}

/**
 * Changes an import's status only while it is in one of `from` (a compare-and-set). Inside a
 * transaction it also locks the import's row on PostgreSQL until the end of the transaction, so that two
 * commits of the same import cannot run side by side.
 */
export async function moveImportStatus(
  db: Executor,
  id: string,
  from: readonly string[],
  changes: Partial<Omit<ImportRecordRow, 'id'>>,
): Promise<boolean> {
  const result = await db
    .updateTable('imports')
    .set(changes)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

/** The latest imports, without their rows. */
export function listRecentImports(db: Executor, limit: number) {
  return db
    .selectFrom('imports')
    .select(['id', 'status', 'file_name', 'row_count', 'error_count', 'created_at', 'updated_at'])
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();
}

export async function insertImportFile(
  db: Executor,
  row: { import_id: string; file_type: string; size_bytes: number; content: Buffer; created_at: string },
): Promise<void> {
  await db.insertInto('import_files').values(row).execute();
}

export function findImportFile(db: Executor, importId: string) {
  return db.selectFrom('import_files').selectAll().where('import_id', '=', importId).executeTakeFirst();
}

export async function deleteImportFile(db: Executor, importId: string): Promise<void> {
  await db.deleteFrom('import_files').where('import_id', '=', importId).execute();
}

/** Which results an export holds: one edition's, or those of a programme's candidates. */
export type ExportScope = { editionId: string } | { programmeId: string };

/** One page of results in the import format's terms, in id order after `afterId` (keyset paging). */
export function listResultsForExport(db: Executor, scope: ExportScope, afterId: string, limit: number) {
  let query = db
    .selectFrom('results')
    .innerJoin(usersView(db).as('users'), 'users.id', 'results.user_id')
    .innerJoin(coursesView(db).as('courses'), 'courses.id', 'results.course_id')
    .leftJoin(enrolmentsView(db).as('enrolments'), 'enrolments.id', 'results.enrolment_id')
    .leftJoin(editionsView(db).as('editions'), 'editions.id', 'enrolments.edition_id')
    .select([
      'results.id',
      'users.email',
      'courses.code as course_code',
      'editions.id as edition_id',
      'editions.code as edition_code',
      'results.outcome',
      'results.grade',
      'results.started_on',
      'results.completed_on',
      'results.reference',
    ])
    .where('results.id', '>', afterId);
  if ('editionId' in scope) query = query.where('enrolments.edition_id', '=', scope.editionId);
  else
    query = query.where('results.user_id', 'in', (eb) =>
      eb
        .selectFrom('candidacies')
        .select('candidacies.user_id')
        .where('candidacies.programme_id', '=', scope.programmeId),
    );
  return query.orderBy('results.id').limit(limit).execute();
}
