/**
 * The identity module's published read models: what other modules may join to in their own queries (a
 * person's name, email, country … never a password or a session). Each is a subquery whose columns are
 * the table's, so a caller writes `.innerJoin(usersView(db).as('users'), 'users.id', 'x.user_id')`.
 * Only identity names its tables; changes go through its use cases.
 */
import type { Executor } from '../../db/database.js';

/** People, without their password hash. */
export function usersView(db: Executor) {
  return db
    .selectFrom('users')
    .select([
      'id',
      'email',
      'full_name',
      'preferred_locale',
      'email_verified_at',
      'country',
      'constituency',
      'organisation',
      'job_title',
      'learning_languages',
      'search_name',
      'disabled_at',
      'created_at',
      'time_zone',
    ]);
}

/** Who holds which role. */
export function roleGrantsView(db: Executor) {
  return db.selectFrom('role_grants').select(['user_id', 'role']);
}
