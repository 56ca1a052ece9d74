import {
  EDITION_MATRIX_ROLES,
  type EditionRole,
  editionWithParticipants,
  expectFor,
  LEARNER_GET,
  STAFF_GET,
  staffPost,
} from '../../../test/helpers/edition-matrix.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { joinGroup } from './choose-group.js';
import { addGroupFile } from './group-files.js';
import { groupSetsOfEdition } from './groups.port.js';
import { GROUP_TABLES } from './groups.tables.js';
import { createGroupSet } from './manage-group-sets.js';
import { openPeerEvaluation } from './peer-evaluations.js';

/**
 * Every groups route with every role: an edition's groups open to its confirmed participant (the owner,
 * member of a group), its facilitator and managers; anyone else is told they do not exist (a facilitator
 * of another edition too); staff pages and forms need a staff role and the edition; what only members do
 * (rate peers, work on a group task, choose a group) is refused to staff (403); a refusal changes nothing.
 */

type Target = {
  editionId: string;
  setId: string;
  groupId: string;
  selfGroupId: string;
  fileId: string;
  itemId: string;
  ownerId: string;
};
type Case = MatrixCase<EditionRole, 'group', Target>;

const e = expectFor;
const member = (ok: number) => e(404, { anonymous: 401, owner: ok, editionFacilitator: 403, manager: 403 });
const memberGet = e(404, { anonymous: 303, owner: 200, editionFacilitator: 403, manager: 403 });
const contributor = (ok: number) =>
  e(404, { anonymous: 401, owner: ok, editionFacilitator: ok, manager: ok });
const s = (t: Target) => `/groups/sets/${t.setId}`;
const g = (t: Target) => `/groups/${t.groupId}`;

// biome-ignore format: a table
const CASES: Case[] = [
  { route: 'GET /spaces/:editionId/groups', kind: 'group', path: (t) => `/spaces/${t.editionId}/groups`, expect: LEARNER_GET },
  { route: 'POST /spaces/:editionId/groups', kind: 'group', path: (t) => `/spaces/${t.editionId}/groups`, body: () => ({ name: 'Another set', formation: 'manual', groupCount: 2 }), mutates: true, expect: staffPost(303) },
  { route: 'GET /groups/sets/:setId', kind: 'group', path: s, expect: STAFF_GET },
  { route: 'POST /groups/sets/:setId/members', kind: 'group', path: (t) => `${s(t)}/members`, body: (t) => ({ userId: t.ownerId, groupId: '' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /groups/sets/:setId/form', kind: 'group', path: (t) => `${s(t)}/form`, mutates: true, expect: staffPost(303) },
  { route: 'POST /groups/sets/:setId/delete', kind: 'group', path: (t) => `${s(t)}/delete`, mutates: true, expect: staffPost(303) },
  { route: 'POST /groups/sets/:setId/peer', kind: 'group', path: (t) => `${s(t)}/peer`, body: () => ({ criteria: 'Contribution', closesAt: '2030-01-01T00:00:00.000Z' }), mutates: true, expect: staffPost(303) },
  { route: 'GET /groups/sets/:setId/peer.csv', kind: 'group', path: (t) => `${s(t)}/peer.csv`, expect: STAFF_GET },
  { route: 'GET /groups/sets/:setId/peer', kind: 'group', path: (t) => `${s(t)}/peer`, expect: memberGet },
  { route: 'POST /groups/sets/:setId/peer/ratings', kind: 'group', path: (t) => `${s(t)}/peer/ratings`, body: (t) => ({ [`score.${t.ownerId}`]: '4', [`comment.${t.ownerId}`]: 'Fair' }), mutates: true, expect: member(303) },
  { route: 'GET /groups/:groupId', kind: 'group', path: g, expect: LEARNER_GET },
  { route: 'POST /groups/:groupId/join', kind: 'group', path: (t) => `/groups/${t.selfGroupId}/join`, mutates: true, expect: member(303) },
  { route: 'POST /groups/:groupId/leave', kind: 'group', path: (t) => `/groups/${t.selfGroupId}/leave`, mutates: true, expect: member(303) },
  { route: 'POST /groups/:groupId/page', kind: 'group', path: (t) => `${g(t)}/page`, body: () => ({ version: 0, body: '# Our plan' }), mutates: true, expect: contributor(303) },
  { route: 'GET /groups/:groupId/page/history', kind: 'group', path: (t) => `${g(t)}/page/history`, expect: LEARNER_GET },
  // Without a file the upload is refused (400, nothing stored); uploading itself: groups-web.http.test.ts.
  { route: 'POST /groups/:groupId/files', kind: 'group', path: (t) => `${g(t)}/files`, expect: contributor(400) },
  { route: 'GET /groups/:groupId/files/:fileId', kind: 'group', path: (t) => `${g(t)}/files/${t.fileId}`, expect: LEARNER_GET },
  { route: 'POST /groups/:groupId/files/:fileId/remove', kind: 'group', path: (t) => `${g(t)}/files/${t.fileId}/remove`, mutates: true, expect: contributor(303) },
  { route: 'GET /group-tasks/:itemId', kind: 'group', path: (t) => `/group-tasks/${t.itemId}`, expect: LEARNER_GET },
  { route: 'POST /group-tasks/:itemId/work', kind: 'group', path: (t) => `/group-tasks/${t.itemId}/work`, body: () => ({ version: 0, body: 'Draft' }), mutates: true, expect: member(303) },
  { route: 'GET /api/v1/editions/:id/groups', kind: 'group', path: (t) => `/api/v1/editions/${t.editionId}/groups`, expect: e(404, { anonymous: 401, owner: 200, editionFacilitator: 200, manager: 200 }) },
];

runRouteMatrix<Exclude<EditionRole, 'anonymous'>, 'group', Target>({
  module: 'groups',
  roles: EDITION_MATRIX_ROLES,
  owner: 'owner',
  kinds: ['group'],
  cases: CASES,
  watched: [...GROUP_TABLES, 'space_item_progress', 'audit_events'],
  /** A new edition where `owner` has a confirmed place: a balanced set (one group: the owner's), a self-selection set the owner chose in, a file, a group task, an open peer evaluation. */
  async buildTarget(context, _kind, owner) {
    const { deps } = context;
    const { edition, staff } = await editionWithParticipants(context, [owner]);
    const set = await createGroupSet(
      deps.db,
      deps,
      staff,
      edition.id,
      { name: 'Working groups', formation: 'balanced', groupCount: 1 },
      'Group',
    );
    const self = await createGroupSet(
      deps.db,
      deps,
      staff,
      edition.id,
      { name: 'Choose', formation: 'self', groupCount: 2, capacity: 5 },
      'Team',
    );
    const sets = await groupSetsOfEdition(deps.db, edition.id);
    const groupId = sets.find((x) => x.id === set.id)?.groups[0]?.id as string;
    const selfGroupId = sets.find((x) => x.id === self.id)?.groups[0]?.id as string;
    await joinGroup(deps.db, deps, actorOf(owner), selfGroupId);
    const file = await addGroupFile(deps.db, deps, actorOf(owner), groupId, {
      fileName: 'notes.txt',
      bytes: Buffer.from('notes'),
    });
    await openPeerEvaluation(deps.db, deps, staff, set.id, {
      criteria: 'Contribution',
      closesAt: '2030-01-01T00:00:00.000Z',
    });
    const section = await saveSection(deps.db, deps, staff, edition.id, null, {
      title: { en: 'Group work' },
    });
    const item = await saveItem(deps.db, deps, staff, edition.id, null, {
      sectionId: section.id,
      kind: 'group-task',
      title: { en: 'Policy brief' },
      settings: { groupSet: 'Working groups', instructions: 'Write it together.' },
      completionRule: 'submitted',
    });
    return {
      editionId: edition.id,
      setId: set.id,
      groupId,
      selfGroupId,
      fileId: file.id,
      itemId: item.id,
      ownerId: owner.id,
    };
  },
  shownBy: (target) => target.groupId,
});
