/** All the example module's SQL (its own table, and people's names through identity's read model). */
import type { Executor } from '../../src/db/database.js';
import { usersView } from '../../src/modules/identity/identity.read-models.repository.js';
import type { ExampleNoteRow } from './example.tables.js';

export async function insertNote(db: Executor, row: ExampleNoteRow): Promise<void> {
  await db.insertInto('example_notes').values(row).execute();
}

export function listNotesWithAuthors(db: Executor) {
  return db
    .selectFrom('example_notes')
    .innerJoin(usersView(db).as('users'), 'users.id', 'example_notes.author_id')
    .select(['example_notes.id', 'example_notes.body', 'users.full_name as author'])
    .orderBy('example_notes.created_at')
    .execute();
}
