/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Group assignments: an assignment may be group work (one submission per
 * group of a chosen group set; a group of one until a set is chosen), optionally adjusting each member's
 * mark by the set's peer-evaluation factor; a submission belongs to its group; each member's contribution
 * statement on the group's submission.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('assignments')
    .addColumn('group_work', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('assignments').addColumn('group_set_id', 'text').execute();
  await db.schema
    .alterTable('assignments')
    .addColumn('peer_adjustment', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.alterTable('assignment_submissions').addColumn('group_id', 'text').execute();
  // One attempt per group (individual rows have no group: NULLs never collide).
  await db.schema
    .createIndex('assignment_submissions_group_attempt_idx')
    .on('assignment_submissions')
    .columns(['assignment_id', 'group_id', 'attempt'])
    .unique()
    .execute();
  await db.schema
    .createTable('assignment_contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('submission_id', 'text', (c) =>
      c.notNull().references('assignment_submissions.id').onDelete('cascade'),
    )
    .addColumn('person_id', 'text', (c) => c.notNull().references('users.id'))
    .addColumn('statement', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('assignment_contributions_unique', ['submission_id', 'person_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('assignment_contributions').execute();
  await db.schema.dropIndex('assignment_submissions_group_attempt_idx').execute();
  await db.schema.alterTable('assignment_submissions').dropColumn('group_id').execute();
  await db.schema.alterTable('assignments').dropColumn('peer_adjustment').execute();
  await db.schema.alterTable('assignments').dropColumn('group_set_id').execute();
  await db.schema.alterTable('assignments').dropColumn('group_work').execute();
}
