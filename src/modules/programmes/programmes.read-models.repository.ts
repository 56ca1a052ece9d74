/**
 * The programmes module's published read models: programmes and themes as other modules join to them in
 * their own queries. Only this module names its tables; changes go through its use cases.
 */
import type { Executor } from '../../db/database.js';

export function programmesView(db: Executor) {
  return db.selectFrom('programmes').selectAll();
}

export function themesView(db: Executor) {
  return db.selectFrom('themes').selectAll();
}

export function programmeThemesView(db: Executor) {
  return db.selectFrom('programme_themes').selectAll();
}
