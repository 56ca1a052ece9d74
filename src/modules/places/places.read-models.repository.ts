/**
 * The places module's published read model: the places (enrolments) as other modules join to them in
 * their own queries. Only places names its table; changes go through its use cases.
 */
import type { Executor } from '../../db/database.js';

export function enrolmentsView(db: Executor) {
  return db.selectFrom('enrolments').selectAll();
}
