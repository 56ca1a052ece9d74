import {
  EDITION_MATRIX_ROLES,
  type EditionRole,
  editionWithParticipants,
  expectFor,
  LEARNER_GET,
  STAFF_GET,
  staffPost,
} from '../../../test/helpers/edition-matrix.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { saveFileItem } from './save-file-item.js';
import { saveItem } from './save-item.js';
import { saveSection } from './save-section.js';

/**
 * Every spaces route with every role: a space opens to the edition's confirmed participant (the owner), its
 * facilitator and managers; anyone else is told it does not exist (a facilitator of another edition too);
 * the builder needs a staff role and the edition; a refusal changes nothing.
 */

type RoleName = EditionRole;

interface Target {
  editionId: string;
  sectionId: string;
  emptySectionId: string;
  pageId: string;
  fileId: string;
}
type Case = MatrixCase<RoleName, 'space', Target>;

const e = expectFor;

// Learners' pages: the space's people see it; anyone else signed in: 404; signed out: sign in (303).
const spaceGet = LEARNER_GET;
// The builder: staff roles first (403 for the others), then the edition (another edition's facilitator: 404).
const buildGet = STAFF_GET;
const buildPost = staffPost;
const s = (t: Target) => `/spaces/${t.editionId}`;
const page = (t: Target) => ({
  kind: 'page',
  sectionId: t.sectionId,
  'title.en': 'New page',
  'settings.body.en': 'Text',
});

// biome-ignore format: a table
const CASES: Case[] = [
  { route: 'GET /spaces/:editionId', kind: 'space', path: s, expect: spaceGet },
  { route: 'GET /spaces/:editionId/items/:itemId', kind: 'space', path: (t) => `${s(t)}/items/${t.pageId}`, expect: spaceGet },
  { route: 'GET /spaces/:editionId/items/:itemId/file', kind: 'space', path: (t) => `${s(t)}/items/${t.fileId}/file`, expect: spaceGet },
  { route: 'POST /spaces/:editionId/items/:itemId/done', kind: 'space', path: (t) => `${s(t)}/items/${t.pageId}/done`, mutates: true, expect: e(404, { anonymous: 401, owner: 303, editionFacilitator: 403, manager: 403 }) },
  { route: 'GET /spaces/:editionId/offline.zip', kind: 'space', path: (t) => `${s(t)}/offline.zip`, expect: spaceGet },
  { route: 'POST /spaces/time-zone', kind: 'space', path: () => '/spaces/time-zone', body: () => ({ timeZone: 'Europe/Paris', next: '/' }), mutates: true, expect: e(303, { anonymous: 401 }) },
  { route: 'GET /spaces/:editionId/progress', kind: 'space', path: (t) => `${s(t)}/progress`, expect: buildGet },
  { route: 'GET /spaces/:editionId/progress.csv', kind: 'space', path: (t) => `${s(t)}/progress.csv`, expect: buildGet },
  { route: 'GET /spaces/:editionId/build', kind: 'space', path: (t) => `${s(t)}/build`, expect: buildGet },
  // Copying the space onto itself is refused (nothing changes); copying itself is tested in the integration tests.
  { route: 'POST /spaces/:editionId/build/copy', kind: 'space', path: (t) => `${s(t)}/build/copy`, body: (t) => ({ fromEditionId: t.editionId }), expect: e(403, { anonymous: 401, editionFacilitator: 400, otherFacilitator: 404, manager: 400 }) },
  { route: 'POST /spaces/:editionId/build/sections', kind: 'space', path: (t) => `${s(t)}/build/sections`, body: () => ({ 'title.en': 'Week 2' }), mutates: true, expect: buildPost(303) },
  { route: 'GET /spaces/:editionId/build/sections/:sectionId', kind: 'space', path: (t) => `${s(t)}/build/sections/${t.sectionId}`, expect: buildGet },
  { route: 'POST /spaces/:editionId/build/sections/:sectionId', kind: 'space', path: (t) => `${s(t)}/build/sections/${t.sectionId}`, body: () => ({ 'title.en': 'Renamed' }), mutates: true, expect: buildPost(303) },
  { route: 'POST /spaces/:editionId/build/sections/:sectionId/move', kind: 'space', path: (t) => `${s(t)}/build/sections/${t.emptySectionId}/move`, body: () => ({ direction: 'up' }), mutates: true, expect: buildPost(303) },
  { route: 'POST /spaces/:editionId/build/sections/:sectionId/remove', kind: 'space', path: (t) => `${s(t)}/build/sections/${t.emptySectionId}/remove`, mutates: true, expect: buildPost(303) },
  { route: 'GET /spaces/:editionId/build/items/new', kind: 'space', path: (t) => `${s(t)}/build/items/new?section=${t.sectionId}&kind=page`, expect: buildGet },
  { route: 'POST /spaces/:editionId/build/items', kind: 'space', path: (t) => `${s(t)}/build/items`, body: page, mutates: true, expect: buildPost(303) },
  { route: 'GET /spaces/:editionId/build/items/:itemId', kind: 'space', path: (t) => `${s(t)}/build/items/${t.pageId}`, expect: buildGet },
  { route: 'POST /spaces/:editionId/build/items/:itemId', kind: 'space', path: (t) => `${s(t)}/build/items/${t.pageId}`, body: page, mutates: true, expect: buildPost(303) },
  { route: 'POST /spaces/:editionId/build/items/:itemId/move', kind: 'space', path: (t) => `${s(t)}/build/items/${t.fileId}/move`, body: () => ({ direction: 'up' }), mutates: true, expect: buildPost(303) },
  { route: 'POST /spaces/:editionId/build/items/:itemId/remove', kind: 'space', path: (t) => `${s(t)}/build/items/${t.fileId}/remove`, mutates: true, expect: buildPost(303) },
];

runRouteMatrix<Exclude<RoleName, 'anonymous'>, 'space', Target>({
  module: 'spaces',
  roles: EDITION_MATRIX_ROLES,
  owner: 'owner',
  kinds: ['space'],
  cases: CASES,
  watched: ['spaces', 'space_sections', 'space_items', 'space_item_progress', 'users', 'audit_events'],
  /** A new edition (its facilitator set) where `owner` has a confirmed place, with a page, a file and an empty section. */
  async buildTarget(context, _kind, owner) {
    const { deps } = context;
    const { edition, staff } = await editionWithParticipants(context, [owner]);
    const section = await saveSection(deps.db, deps, staff, edition.id, null, { title: { en: 'Week 1' } });
    const empty = await saveSection(deps.db, deps, staff, edition.id, null, { title: { en: 'Later' } });
    const pageItem = await saveItem(deps.db, deps, staff, edition.id, null, {
      sectionId: section.id,
      kind: 'page',
      title: { en: 'Read me' },
      settings: { body: { en: 'Hello' } },
    });
    const file = await saveFileItem(
      deps.db,
      deps,
      staff,
      edition.id,
      null,
      { sectionId: section.id, title: { en: 'Slides' } },
      { fileName: 'slides.pdf', bytes: Buffer.from('%PDF-1.4') },
    );
    return {
      editionId: edition.id,
      sectionId: section.id,
      emptySectionId: empty.id,
      pageId: pageItem.id,
      fileId: file.id,
    };
  },
  shownBy: (target) => target.pageId,
});
