/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Indexes for 100,000 candidates (measured in bench/, pathway suite). A candidacy row is mostly its cached
 * standing (a JSON document of about 1 KB), so reading a column of every candidacy of a programme from the
 * table reads all of that:
 * - candidacies_programme_facts_idx holds, per programme and person, every other narrow column: the bulk
 *   evaluation reads its candidacies from the index alone, and the candidates list counts and filters on
 *   the cached standing (status, deadline, at risk, awardable, requirements met) without the documents;
 * - candidacies_programme_idx (programme_id alone): counting a programme's candidates (paging the list)
 *   walks the narrowest index there is;
 * - candidacies_programme_risk_idx: the candidates at risk ("who is at risk" filter), in deadline order,
 *   with their person, without the documents;
 * - users_name_id_idx (full name, id) gives the candidates list its name order, a page at a time, without
 *   sorting every candidate or reading the people's rows;
 * - users_country_idx: the list's country filter.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('candidacies_programme_facts_idx')
    .on('candidacies')
    .columns([
      'programme_id',
      'user_id',
      'id',
      'rule_version_id',
      'registered_on',
      'status',
      'capstone_status',
      'capstone_completed_on',
      'standing_status',
      'standing_deadline',
      'standing_at_risk',
      'standing_awardable',
      'standing_met',
    ])
    .execute();
  await db.schema.createIndex('candidacies_programme_idx').on('candidacies').column('programme_id').execute();
  await db.schema
    .createIndex('candidacies_programme_risk_idx')
    .on('candidacies')
    .columns(['programme_id', 'standing_at_risk', 'standing_deadline', 'user_id', 'id'])
    .execute();
  await db.schema.createIndex('users_name_id_idx').on('users').columns(['full_name', 'id']).execute();
  await db.schema.createIndex('users_country_idx').on('users').column('country').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('users_country_idx').ifExists().execute();
  await db.schema.dropIndex('users_name_id_idx').ifExists().execute();
  await db.schema.dropIndex('candidacies_programme_risk_idx').ifExists().execute();
  await db.schema.dropIndex('candidacies_programme_idx').ifExists().execute();
  await db.schema.dropIndex('candidacies_programme_facts_idx').ifExists().execute();
}
