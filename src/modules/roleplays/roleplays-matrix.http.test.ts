import {
  EDITION_MATRIX_ROLES,
  type EditionRole,
  editionWithParticipants,
  expectFor,
  LEARNER_GET,
  STAFF_GET,
  staffPost,
} from '../../../test/helpers/edition-matrix.js';
import { buildRoleplay } from '../../../test/helpers/roleplay-factories.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { addPhase } from './manage/save-phase.js';

/**
 * Every roleplays route with every role: an exercise opens to the edition's confirmed participant (the
 * owner, who holds a role), its facilitator and managers; anyone else is told it does not exist (a
 * facilitator of another edition too); the staff page and its forms need a staff role and the edition; the
 * outcome document is edited by holders and staff; a refusal changes nothing.
 */

interface Target {
  editionId: string;
  itemId: string;
  roleId: string;
  phaseId: string;
}
type Case = MatrixCase<EditionRole, 'roleplay', Target>;

const e = expectFor;
const r = (t: Target) => `/roleplays/${t.itemId}`;
const holderPost = e(404, { anonymous: 401, owner: 303, editionFacilitator: 303, manager: 303 });
const api = e(404, { anonymous: 401, owner: 200, editionFacilitator: 200, manager: 200 });
const role = { 'name.en': 'Recruitment agency', constituency: 'employers', 'privateBrief.en': 'Fees.' };
const phase = {
  'title.en': 'Round 2',
  startsAt: '2027-01-02T10:00',
  endsAt: '2027-01-02T12:00',
  timeZone: 'UTC',
};

// biome-ignore format: a table
const CASES: Case[] = [
  { route: 'GET /roleplays/:itemId/manage', kind: 'roleplay', path: (t) => `${r(t)}/manage`, expect: STAFF_GET },
  { route: 'POST /roleplays/:itemId/settings', kind: 'roleplay', path: (t) => `${r(t)}/settings`, body: () => ({ 'scenario.en': 'Two countries.' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /roleplays/:itemId/roles', kind: 'roleplay', path: (t) => `${r(t)}/roles`, body: () => role, mutates: true, expect: staffPost(303) },
  { route: 'POST /roleplays/:itemId/roles/:roleId', kind: 'roleplay', path: (t) => `${r(t)}/roles/${t.roleId}`, body: () => role, mutates: true, expect: staffPost(303) },
  { route: 'POST /roleplays/:itemId/roles/:roleId/remove', kind: 'roleplay', path: (t) => `${r(t)}/roles/${t.roleId}/remove`, mutates: true, expect: staffPost(303) },
  { route: 'POST /roleplays/:itemId/holders', kind: 'roleplay', path: (t) => `${r(t)}/holders`, mutates: true, expect: staffPost(303) },
  { route: 'POST /roleplays/:itemId/assign', kind: 'roleplay', path: (t) => `${r(t)}/assign`, body: () => ({ mode: 'balanced' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /roleplays/:itemId/phases', kind: 'roleplay', path: (t) => `${r(t)}/phases`, body: () => phase, mutates: true, expect: staffPost(303) },
  { route: 'POST /roleplays/:itemId/phases/:phaseId/remove', kind: 'roleplay', path: (t) => `${r(t)}/phases/${t.phaseId}/remove`, mutates: true, expect: staffPost(303) },
  { route: 'POST /roleplays/:itemId/debrief', kind: 'roleplay', path: (t) => `${r(t)}/debrief`, body: () => ({ 'debrief.en': 'Well done.', publish: 'on' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /roleplays/:itemId/reveal', kind: 'roleplay', path: (t) => `${r(t)}/reveal`, mutates: true, expect: staffPost(303) },
  { route: 'GET /roleplays/:itemId/phases/:phaseId', kind: 'roleplay', path: (t) => `${r(t)}/phases/${t.phaseId}`, expect: LEARNER_GET },
  { route: 'POST /roleplays/:itemId/phases/:phaseId/posts', kind: 'roleplay', path: (t) => `${r(t)}/phases/${t.phaseId}/posts`, body: () => ({ subject: 'Opening', body: 'We open.' }), mutates: true, expect: holderPost },
  { route: 'GET /roleplays/:itemId/outcome', kind: 'roleplay', path: (t) => `${r(t)}/outcome`, expect: LEARNER_GET },
  { route: 'POST /roleplays/:itemId/outcome', kind: 'roleplay', path: (t) => `${r(t)}/outcome`, body: () => ({ body: 'We agree.', baseVersion: '0' }), mutates: true, expect: holderPost },
  { route: 'GET /api/v1/editions/:id/roleplays', kind: 'roleplay', path: (t) => `/api/v1/editions/${t.editionId}/roleplays`, expect: api },
  { route: 'GET /api/v1/roleplays/:id', kind: 'roleplay', path: (t) => `/api/v1/roleplays/${t.itemId}`, expect: api },
];

runRouteMatrix<Exclude<EditionRole, 'anonymous'>, 'roleplay', Target>({
  module: 'roleplays',
  roles: EDITION_MATRIX_ROLES,
  owner: 'owner',
  kinds: ['roleplay'],
  cases: CASES,
  watched: [
    'roleplays',
    'roleplay_roles',
    'roleplay_holders',
    'roleplay_phases',
    'roleplay_outcome_versions',
    'notifications',
    'audit_events',
  ],
  /** A new edition (its facilitator set) where `owner` has a confirmed place and holds a role of an exercise. */
  async buildTarget(context, _kind, owner) {
    const { deps } = context;
    const { edition, staff } = await editionWithParticipants(context, [owner]);
    const built = await buildRoleplay(deps, staff, edition.id, owner.id);
    const { id: phaseId } = await addPhase(deps.db, deps, staff, built.itemId, {
      title: { en: 'Opening statements' },
      startsAt: '2026-11-28T09:00Z',
      endsAt: '2026-12-28T09:00Z',
    });
    return { editionId: edition.id, itemId: built.itemId, roleId: built.originId, phaseId };
  },
  shownBy: (target) => target.itemId,
});
