/**
 * The admissions module's published read model: applications (without their answers' files) as other
 * modules join to them. Only admissions names its tables; changes go through its use cases.
 */
import type { Executor } from '../../db/database.js';

export function applicationsView(db: Executor) {
  return db.selectFrom('applications').selectAll();
}
