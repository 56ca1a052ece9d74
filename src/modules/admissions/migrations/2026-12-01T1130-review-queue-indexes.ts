/**
 * FROZEN MIGRATION: never edit after it has landed; add a new one instead.
 * Indexes for a review queue of 50,000 applications (measured with a 50,000-application programme). An
 * application row is mostly its answers (a JSON document of several KB: the motivation statement alone
 * may be 3,000 characters), so a filter or an order that must read the rows reads all of that:
 * - applications_review_queue_idx holds, per programme in submission order (then id), every column the
 *   queue filters on: counting the queue and reading a page in submission order, whatever the filters,
 *   walk this index alone and stop once the page is full;
 * - applications_review_eligibility_idx: the eligibility filters (met, not met and not overridden,
 *   overridden), in submission order.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createIndex('applications_review_queue_idx')
    .on('applications')
    .columns([
      'programme_id',
      'submitted_at',
      'id',
      'status',
      'country',
      'constituency',
      'eligible',
      'override_at',
    ])
    .execute();
  await db.schema
    .createIndex('applications_review_eligibility_idx')
    .on('applications')
    .columns(['programme_id', 'eligible', 'override_at', 'submitted_at', 'id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('applications_review_eligibility_idx').ifExists().execute();
  await db.schema.dropIndex('applications_review_queue_idx').ifExists().execute();
}
