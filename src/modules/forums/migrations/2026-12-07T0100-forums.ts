/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. Forums (one per scope: a discussion item, a group, a role-play), their
 * members, threads, posts (with edit history, reports, attachments), read marks, subscriptions, daily
 * digests sent (one per person and local day: a primary key), the full-text index of posts (FTS5 on
 * SQLite, a tsvector column on PostgreSQL, as the catalogue's course search) and structured debates' teams,
 * polls, contributions and summaries. Timestamps are ISO-8601 UTC text; flags are 0/1.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

const userRef = (c: any) => c.notNull().references('users.id').onDelete('cascade');

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  await db.schema
    .createTable('forums')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('edition_id', 'text', (c) => c.notNull().references('editions.id').onDelete('cascade'))
    .addColumn('scope_kind', 'text', (c) => c.notNull())
    .addColumn('scope_id', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('posting_rule', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('forums_scope_uq', ['scope_kind', 'scope_id'])
    .execute();
  await db.schema.createIndex('forums_edition_idx').on('forums').column('edition_id').execute();
  await db.schema
    .createTable('forum_members')
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('user_id', 'text', userRef)
    .addPrimaryKeyConstraint('forum_members_pk', ['forum_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('forum_threads')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('edition_id', 'text', (c) => c.notNull())
    .addColumn('subject', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', userRef)
    .addColumn('persona', 'text')
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('locked', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('last_post_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forum_threads_forum_idx')
    .on('forum_threads')
    .columns(['forum_id', 'pinned', 'last_post_at'])
    .execute();
  await db.schema
    .createTable('forum_posts')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('thread_id', 'text', (c) => c.notNull().references('forum_threads.id').onDelete('cascade'))
    .addColumn('forum_id', 'text', (c) => c.notNull())
    .addColumn('edition_id', 'text', (c) => c.notNull())
    .addColumn('author_id', 'text', userRef)
    .addColumn('persona', 'text')
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('reply_to', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('hidden_note', 'text')
    .addColumn('hidden_by', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text')
    .execute();
  await db.schema
    .createIndex('forum_posts_thread_idx')
    .on('forum_posts')
    .columns(['thread_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('forum_posts_author_idx')
    .on('forum_posts')
    .columns(['author_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('forum_posts_edition_idx')
    .on('forum_posts')
    .columns(['edition_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('forum_post_edits')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('edited_by', 'text', (c) => c.notNull())
    .addColumn('edited_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('forum_post_edits_post_idx').on('forum_post_edits').column('post_id').execute();
  await db.schema
    .createTable('forum_reports')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('reporter_id', 'text', userRef)
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('resolved_at', 'text')
    .execute();
  await db.schema.createIndex('forum_reports_post_idx').on('forum_reports').column('post_id').execute();
  await db.schema
    .createTable('forum_reads')
    .addColumn('thread_id', 'text', (c) => c.notNull().references('forum_threads.id').onDelete('cascade'))
    .addColumn('user_id', 'text', userRef)
    .addColumn('last_read_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_reads_pk', ['thread_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('forum_subscriptions')
    .addColumn('user_id', 'text', userRef)
    .addColumn('target_kind', 'text', (c) => c.notNull())
    .addColumn('target_id', 'text', (c) => c.notNull())
    .addColumn('forum_id', 'text', (c) => c.notNull().references('forums.id').onDelete('cascade'))
    .addColumn('mode', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_subscriptions_pk', ['user_id', 'target_kind', 'target_id'])
    .execute();
  await db.schema
    .createIndex('forum_subscriptions_target_idx')
    .on('forum_subscriptions')
    .columns(['target_id', 'mode'])
    .execute();
  await db.schema
    .createTable('forum_digests')
    .addColumn('user_id', 'text', userRef)
    .addColumn('day', 'text', (c) => c.notNull())
    .addColumn('since', 'text', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_digests_pk', ['user_id', 'day'])
    .execute();
  await db.schema
    .createTable('forum_attachments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('post_id', 'text', (c) => c.notNull().references('forum_posts.id').onDelete('cascade'))
    .addColumn('storage_key', 'text', (c) => c.notNull())
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('content_type', 'text', (c) => c.notNull())
    .addColumn('size', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forum_attachments_post_idx')
    .on('forum_attachments')
    .column('post_id')
    .execute();
  // The text is folded (lower case, no diacritics) by the application before it is stored, as the catalogue's.
  if (sqlite) {
    await sql`create virtual table forum_post_search using fts5(post_id unindexed, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  } else {
    await sql`create table forum_post_search (
      post_id text primary key references forum_posts(id) on delete cascade,
      body text not null,
      body_tsv tsvector generated always as (to_tsvector('simple', body)) stored
    )`.execute(db);
    await sql`create index forum_post_search_tsv_idx on forum_post_search using gin (body_tsv)`.execute(db);
  }
  const itemRef = (c: any) => c.notNull().references('space_items.id').onDelete('cascade');
  await db.schema
    .createTable('forum_debate_teams')
    .addColumn('item_id', 'text', itemRef)
    .addColumn('user_id', 'text', userRef)
    .addColumn('position_id', 'text', (c) => c.notNull())
    .addColumn('chosen_by', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_debate_teams_pk', ['item_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('forum_debate_votes')
    .addColumn('item_id', 'text', itemRef)
    .addColumn('user_id', 'text', userRef)
    .addColumn('phase', 'text', (c) => c.notNull())
    .addColumn('position_id', 'text', (c) => c.notNull())
    .addColumn('voted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('forum_debate_votes_pk', ['item_id', 'user_id', 'phase'])
    .execute();
  await db.schema
    .createTable('forum_debate_contributions')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('item_id', 'text', itemRef)
    .addColumn('round_id', 'text', (c) => c.notNull())
    .addColumn('user_id', 'text', userRef)
    .addColumn('position_id', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('forum_debate_contributions_item_idx')
    .on('forum_debate_contributions')
    .columns(['item_id', 'round_id'])
    .execute();
  await db.schema
    .createTable('forum_debate_summaries')
    .addColumn('item_id', 'text', (c) => c.primaryKey().references('space_items.id').onDelete('cascade'))
    .addColumn('summary', 'text', (c) => c.notNull())
    .addColumn('written_by', 'text', (c) => c.notNull())
    .addColumn('written_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of [
    'forum_debate_summaries',
    'forum_debate_contributions',
    'forum_debate_votes',
    'forum_debate_teams',
    'forum_post_search',
    'forum_attachments',
    'forum_digests',
    'forum_subscriptions',
    'forum_reads',
    'forum_reports',
    'forum_post_edits',
    'forum_posts',
    'forum_threads',
    'forum_members',
    'forums',
  ])
    await db.schema.dropTable(table).ifExists().execute();
}
