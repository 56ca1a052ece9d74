/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. `forum_member_groups`: the groups (of the groups module) whose current
 * members are members of a members-only forum, each with the persona they post under there (a role-play role
 * given to a group) and its order (someone in two such groups posts under the first). Membership is read
 * through the group at each request: nobody's membership is copied.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('forum_member_groups')
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('group_id', 'text', (c) => c.notNull())
    .addColumn('persona', 'text')
    .addColumn('position', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('forum_member_groups_pk', ['forum_id', 'group_id'])
    .execute();
  await db.schema
    .createIndex('forum_member_groups_group_idx')
    .on('forum_member_groups')
    .column('group_id')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('forum_member_groups').ifExists().execute();
}
