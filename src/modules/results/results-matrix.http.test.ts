import {
  EDITION_MATRIX_ROLES,
  type EditionRole,
  editionWithParticipants,
  expectFor,
  STAFF_GET,
  staffPost,
} from '../../../test/helpers/edition-matrix.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { saveResultPolicy } from './save-result-policy.js';

/**
 * Every results route with every role: the staff pages need a staff role (403 for the others), then the
 * edition (another edition's facilitator: 404); "my result" opens to the edition's confirmed participant (the
 * owner), staff of the edition get 403 (they have no result of their own), anyone else 404. A refusal changes
 * nothing.
 */

type RoleName = EditionRole;

interface Target {
  editionId: string;
  itemId: string;
  ownerId: string;
}
type Case = MatrixCase<RoleName, 'edition', Target>;

const e = expectFor;

const staffGet = STAFF_GET;
const r = (t: Target) => `/results/${t.editionId}`;
const policy = (t: Target) => ({
  passMark: '60',
  requiredItemsComplete: 'on',
  achievementGives: 'achievement',
  participationGives: 'participation',
  [`components.${t.itemId}.weight`]: '1',
  [`components.${t.itemId}.minMark`]: '',
  [`components.${t.itemId}.cutoff`]: '2027-04-16',
});

// biome-ignore format: a table
const CASES: Case[] = [
  { route: 'GET /results/:editionId', kind: 'edition', path: r, expect: staffGet },
  { route: 'GET /results/:editionId/policy', kind: 'edition', path: (t) => `${r(t)}/policy`, expect: staffGet },
  { route: 'POST /results/:editionId/policy', kind: 'edition', path: (t) => `${r(t)}/policy`, body: policy, mutates: true, expect: staffPost(303) },
  { route: 'POST /results/:editionId/overrides', kind: 'edition', path: (t) => `${r(t)}/overrides`, body: (t) => ({ personId: t.ownerId, componentId: t.itemId, mark: '75', reason: 'Appeal upheld' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /results/:editionId/finalise', kind: 'edition', path: (t) => `${r(t)}/finalise`, mutates: true, expect: staffPost(303) },
  { route: 'GET /results/:editionId/gradebook.csv', kind: 'edition', path: (t) => `${r(t)}/gradebook.csv`, expect: staffGet },
  { route: 'GET /results/:editionId/gradebook.xlsx', kind: 'edition', path: (t) => `${r(t)}/gradebook.xlsx`, expect: staffGet },
  { route: 'GET /api/v1/editions/:id/gradebook', kind: 'edition', path: (t) => `/api/v1/editions/${t.editionId}/gradebook`, expect: e(403, { anonymous: 401, editionFacilitator: 200, otherFacilitator: 404, manager: 200 }) },
  { route: 'GET /results/:editionId/mine', kind: 'edition', path: (t) => `${r(t)}/mine`, expect: e(404, { anonymous: 303, owner: 200, editionFacilitator: 403, manager: 403 }) },
];

runRouteMatrix<Exclude<RoleName, 'anonymous'>, 'edition', Target>({
  module: 'results',
  roles: EDITION_MATRIX_ROLES,
  owner: 'owner',
  kinds: ['edition'],
  cases: CASES,
  watched: ['result_policies', 'result_overrides', 'result_snapshots', 'results', 'audit_events'],
  /** A new edition (its facilitator set) where `owner` has a confirmed place, with one item and a policy. */
  async buildTarget(context, _kind, owner) {
    const { deps } = context;
    const { edition, staff } = await editionWithParticipants(context, [owner]);
    const section = await saveSection(deps.db, deps, staff, edition.id, null, {
      title: { en: 'Assessment' },
    });
    const item = await saveItem(deps.db, deps, staff, edition.id, null, {
      sectionId: section.id,
      kind: 'page',
      title: { en: 'Essay' },
      settings: { body: { en: 'Write' } },
    });
    await saveResultPolicy(deps.db, deps, staff, edition.id, {
      passMark: '60',
      achievementGives: 'achievement',
      participationGives: 'participation',
      components: { [item.id]: { weight: '1', minMark: '', cutoff: '2027-04-16' } },
    });
    return { editionId: edition.id, itemId: item.id, ownerId: owner.id };
  },
  shownBy: (target) => target.itemId,
});
