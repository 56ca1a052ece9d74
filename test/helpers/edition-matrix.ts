/**
 * The route × role matrix of an edition's pages (course spaces, webinars, assignments, marking, results):
 * the same eight roles, the same usual answers, the same set-up (a new edition whose facilitator is
 * `editionFacilitator`, where the owner has a confirmed place). Each module's matrix file keeps its own
 * rows and records; see route-matrix.ts for how the rows are run.
 */

import type { Actor, Role } from '../../src/kernel/actor.js';
import { systemActor } from '../../src/kernel/actor.js';
import type { Edition } from '../../src/modules/catalogue/course.js';
import { enrolDirectly } from '../../src/modules/places/enrol-directly.js';
import { buildCourse, buildEdition, type TestPerson } from './factories.js';
import { actorOf } from './pathway-factories.js';
import type { MatrixContext } from './route-matrix.js';

export const EDITION_ROLES = [
  'anonymous',
  'owner',
  'otherParticipant',
  'assessor',
  'editionFacilitator',
  'otherFacilitator',
  'manager',
  'administrator',
] as const;
export type EditionRole = (typeof EDITION_ROLES)[number];
export type EditionExpect = Record<EditionRole, number>;

/** What each signed-in role of the matrix holds. */
export const EDITION_MATRIX_ROLES: Record<Exclude<EditionRole, 'anonymous'>, Role[]> = {
  owner: ['participant'],
  otherParticipant: ['participant'],
  assessor: ['assessor'],
  editionFacilitator: ['facilitator'],
  otherFacilitator: ['facilitator'],
  manager: ['manager'],
  administrator: ['administrator'],
};

/** `all` for every role but those given. */
export const expectFor = (all: number, others: Partial<EditionExpect>): EditionExpect =>
  ({ ...Object.fromEntries(EDITION_ROLES.map((r) => [r, all])), ...others }) as EditionExpect;

/** Learners' pages: the edition's people see them; anyone else signed in: 404; signed out: sign in (303). */
export const LEARNER_GET = expectFor(404, {
  anonymous: 303,
  owner: 200,
  editionFacilitator: 200,
  manager: 200,
});
/** Staff pages: staff roles first (403 for the others), then the edition (another edition's facilitator: 404). */
export const STAFF_GET = expectFor(403, {
  anonymous: 303,
  editionFacilitator: 200,
  otherFacilitator: 404,
  manager: 200,
});
/** Staff forms, answering `ok` to the edition's facilitator and managers. */
export const staffPost = (ok: number): EditionExpect =>
  expectFor(403, { anonymous: 401, editionFacilitator: ok, otherFacilitator: 404, manager: ok });

/**
 * A new edition whose facilitator is the matrix's `editionFacilitator`, where the participants given have a
 * confirmed place; `staff` acts as that facilitator.
 */
export async function editionWithParticipants(
  { deps, people }: MatrixContext<Exclude<EditionRole, 'anonymous'>>,
  participants: readonly TestPerson[],
): Promise<{ edition: Edition; staff: Actor }> {
  const course = await buildCourse(deps);
  const edition = await buildEdition(deps, course.code, { facilitatorIds: [people.editionFacilitator.id] });
  for (const person of participants)
    await enrolDirectly(deps.db, deps, systemActor('test'), edition.id, {
      email: person.email,
      fundingKind: 'self',
    });
  return { edition, staff: actorOf(people.editionFacilitator) };
}
