/**
 * The pathway's published read models: results and candidacies as other modules (credentials) join to
 * them in their own queries. Only the pathway names its tables; changes go through its use cases.
 */
import type { Executor } from '../../db/database.js';

export function resultsView(db: Executor) {
  return db.selectFrom('results').selectAll();
}

export function candidaciesView(db: Executor) {
  return db.selectFrom('candidacies').selectAll();
}
