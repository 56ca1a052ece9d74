/**
 * The credentials module's published read model: which credentials exist and their status (never the
 * signed documents), as other modules (the pathway counts only live certificates) join to them.
 */
import type { Executor } from '../../db/database.js';

export function credentialsView(db: Executor) {
  return db
    .selectFrom('credentials')
    .select([
      'id',
      'kind',
      'user_id',
      'result_id',
      'candidacy_id',
      'course_id',
      'programme_id',
      'status',
      'superseded_by',
      'issued_at',
    ]);
}
