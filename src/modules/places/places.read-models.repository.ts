/**
 * The places module's published read model: the places (enrolments) as other modules join to them in
 * their own queries. Only places names its table; changes go through its use cases.
 */
import type { Executor } from '../../db/database.js';

export function enrolmentsView(db: Executor) {
  return db.selectFrom('enrolments').selectAll();
}

/** The confirmed places (a place whose status is `enrolled`): who may learn in which edition. */
export function confirmedPlacesView(db: Executor) {
  return db.selectFrom('enrolments').select(['edition_id', 'user_id']).where('status', '=', 'enrolled');
}
