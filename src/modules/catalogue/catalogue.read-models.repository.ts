/**
 * The catalogue's published read models: courses, editions and their themes as other modules join to them
 * in their own queries (`.innerJoin(editionsView(db).as('editions'), …)`). Only the catalogue names its
 * tables; changes go through its use cases.
 */
import type { Executor } from '../../db/database.js';

export function coursesView(db: Executor) {
  return db.selectFrom('courses').selectAll();
}

export function editionsView(db: Executor) {
  return db.selectFrom('editions').selectAll();
}

export function courseThemesView(db: Executor) {
  return db.selectFrom('course_themes').selectAll();
}

/** Who facilitates which edition (the spaces module tells a facilitator from the edition's other people). */
export function editionFacilitatorsView(db: Executor) {
  return db.selectFrom('edition_facilitators').select(['edition_id', 'user_id']);
}
