/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Indexes for the public catalogue's filters (measured on the bench's 1,000 courses and 10,000 editions):
 * - editions_course_open_idx: "has an edition in this language / mode, open for registration today" is a
 *   correlated EXISTS per course; with (course_id, starts_on) alone every edition of every course was read
 *   from the table to check its status, registration, language and deadline. Here the index answers it
 *   (the filtered count 2.4 times faster on SQLite);
 * - courses_status_code_id_idx: the page and the count read the active courses in code order and need
 *   their ids for the filters' subqueries; (status, code) alone sent every course to its (wide) row for
 *   its id (the count of active course ids 5 times faster).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('editions_course_open_idx')
    .on('editions')
    .columns([
      'course_id',
      'status',
      'registration_open',
      'language',
      'mode',
      'registration_deadline',
      'starts_on',
    ])
    .execute();
  await db.schema
    .createIndex('courses_status_code_id_idx')
    .on('courses')
    .columns(['status', 'code', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('courses_status_code_id_idx').ifExists().execute();
  await db.schema.dropIndex('editions_course_open_idx').ifExists().execute();
}
