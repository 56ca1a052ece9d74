/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Runs on SQLite and PostgreSQL. The library's full-text index: one search document per **published**
 * capstone (the folded title, question, themes, abstracts and the country's names), an FTS5 table on SQLite
 * and a tsvector column with a GIN index on PostgreSQL, as the catalogue's `course_search`, followed by
 * filter words (`zzc<country>`, `zzl<language>`, `zzy<year>`) so filtered searches intersect inside the
 * index. Filled with the capstones already published. Also the indexes the committee's queues and the
 * library's theme filter read.
 */
import { type Kysely, SqliteAdapter, sql } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  const sqlite = db.getExecutor().adapter instanceof SqliteAdapter;
  if (sqlite) {
    await sql`create virtual table capstone_library_search using fts5(capstone_id unindexed, body, tokenize = 'unicode61 remove_diacritics 2')`.execute(
      db,
    );
  } else {
    await sql`create table capstone_library_search (
      capstone_id text primary key references capstones(id) on delete cascade,
      body text not null,
      body_tsv tsvector generated always as (to_tsvector('simple', body)) stored
    )`.execute(db);
    await sql`create index capstone_library_search_tsv_idx on capstone_library_search using gin (body_tsv)`.execute(
      db,
    );
  }
  // The document: the folded text, then the filter words (country, language, year of completion).
  await sql`insert into capstone_library_search (capstone_id, body)
    select id, search_text || ' zzc' || lower(country) || ' zzl' || language
      || coalesce(' zzy' || substr(completed_on, 1, 4), '')
    from capstones where published_at is not null and state = 'passed'`.execute(db);
  // The committee's queues page through one state in the order of the last change (then the id): an index
  // in that exact order, so a page reads its 50 rows instead of sorting the whole state.
  await db.schema
    .createIndex('capstones_queue_idx')
    .on('capstones')
    .columns(['state', 'updated_at', 'id'])
    .execute();
  await db.schema.dropIndex('capstones_state_idx').execute();
  // The library's theme filter lists the distinct theme lists of published capstones from the index alone.
  await db.schema
    .createIndex('capstones_library_themes_idx')
    .on('capstones')
    .columns(['state', 'published_at', 'themes_json'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('capstones_library_themes_idx').ifExists().execute();
  await db.schema
    .createIndex('capstones_state_idx')
    .on('capstones')
    .columns(['state', 'updated_at'])
    .execute();
  await db.schema.dropIndex('capstones_queue_idx').ifExists().execute();
  await db.schema.dropTable('capstone_library_search').ifExists().execute();
}
