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
import { addMaterial } from './add-material.js';
import { getCalendarFeed, renewCalendarFeed } from './calendar-token.js';

/**
 * Every webinars route with every role: a session opens to the edition's confirmed participant (the
 * owner), its facilitator and managers; anyone else is told it does not exist (a facilitator of another
 * edition too); the staff page and its forms need a staff role and the edition; a refusal changes nothing.
 * The edition's calendar is public; the private feed is reached by its token.
 */

type RoleName = EditionRole;

interface Target {
  editionId: string;
  itemId: string;
  materialId: string;
  fileId: string;
  ownerEmail: string;
  feedToken: string;
}
type Case = MatrixCase<RoleName, 'webinar', Target>;

const e = expectFor;

const learnerGet = LEARNER_GET;
// Joining inside the window redirects to the meeting (303), for the edition's people only.
const join = e(404, { anonymous: 303, owner: 303, editionFacilitator: 303, manager: 303 });
const staffGet = STAFF_GET;
const w = (t: Target) => `/webinars/${t.itemId}`;

// biome-ignore format: a table
const CASES: Case[] = [
  { route: 'GET /webinars/:itemId/join', kind: 'webinar', path: (t) => `${w(t)}/join`, expect: join },
  { route: 'GET /webinars/:itemId/calendar.ics', kind: 'webinar', path: (t) => `${w(t)}/calendar.ics`, expect: learnerGet },
  { route: 'GET /webinars/:itemId/materials/:materialId', kind: 'webinar', path: (t) => `${w(t)}/materials/${t.fileId}`, expect: learnerGet },
  { route: 'GET /webinars/:itemId/manage', kind: 'webinar', path: (t) => `${w(t)}/manage`, expect: staffGet },
  { route: 'POST /webinars/:itemId/attendance', kind: 'webinar', path: (t) => `${w(t)}/attendance`, body: () => ({}), mutates: true, expect: staffPost(303) },
  // Without a file the preview is refused (400, nothing stored); the preview itself: webinars-web.http.test.ts.
  { route: 'POST /webinars/:itemId/attendance/preview', kind: 'webinar', path: (t) => `${w(t)}/attendance/preview`, expect: staffPost(400) },
  { route: 'POST /webinars/:itemId/attendance/import', kind: 'webinar', path: (t) => `${w(t)}/attendance/import`, body: (t) => ({ csv: `email,attended\n${t.ownerEmail},yes\n` }), mutates: true, expect: staffPost(303) },
  // BigBlueButton is not configured in tests: a clear refusal (409) for staff; fetching itself: the integration tests.
  { route: 'POST /webinars/:itemId/bbb', kind: 'webinar', path: (t) => `${w(t)}/bbb`, expect: staffPost(409) },
  { route: 'POST /webinars/:itemId/materials', kind: 'webinar', path: (t) => `${w(t)}/materials`, body: () => ({ kind: 'recording', title: 'Recording', url: 'https://video.example.org/1' }), mutates: true, expect: staffPost(303) },
  { route: 'POST /webinars/:itemId/materials/:materialId/remove', kind: 'webinar', path: (t) => `${w(t)}/materials/${t.materialId}/remove`, mutates: true, expect: staffPost(303) },
  { route: 'GET /editions/:id/calendar.ics', kind: 'webinar', path: (t) => `/editions/${t.editionId}/calendar.ics`, expect: e(200, {}) },
  { route: 'GET /calendars/:token', kind: 'webinar', path: (t) => `/calendars/${t.feedToken}.ics`, expect: e(200, {}) },
  { route: 'GET /account/calendar', kind: 'webinar', path: () => '/account/calendar', expect: e(200, { anonymous: 303 }) },
  { route: 'POST /account/calendar/renew', kind: 'webinar', path: () => '/account/calendar/renew', mutates: true, expect: e(303, { anonymous: 401 }) },
  { route: 'POST /account/calendar/revoke', kind: 'webinar', path: () => '/account/calendar/revoke', mutates: true, expect: e(303, { anonymous: 401 }) },
];

runRouteMatrix<Exclude<RoleName, 'anonymous'>, 'webinar', Target>({
  module: 'webinars',
  roles: EDITION_MATRIX_ROLES,
  owner: 'owner',
  kinds: ['webinar'],
  cases: CASES,
  watched: [
    'webinar_attendance',
    'webinar_materials',
    'webinar_reminders',
    'webinar_calendar_tokens',
    'space_item_progress',
    'audit_events',
  ],
  /** A new edition (its facilitator set) where `owner` has a confirmed place, with a session open to join now. */
  async buildTarget(context, _kind, owner) {
    const { deps } = context;
    const { edition, staff } = await editionWithParticipants(context, [owner]);
    const section = await saveSection(deps.db, deps, staff, edition.id, null, { title: { en: 'Live' } });
    const now = deps.clock.now().getTime();
    const item = await saveItem(deps.db, deps, staff, edition.id, null, {
      sectionId: section.id,
      kind: 'webinar',
      title: { en: 'Opening webinar' },
      settings: {
        startsAt: new Date(now + 5 * 60_000).toISOString(),
        endsAt: new Date(now + 65 * 60_000).toISOString(),
        provider: 'external',
        url: 'https://zoom.us/j/1',
      },
      completionRule: 'attended',
    });
    const link = await addMaterial(
      deps.db,
      deps,
      staff,
      item.id,
      { kind: 'recording', title: 'Rec', url: 'https://v.example.org/1' },
      null,
    );
    const file = await addMaterial(
      deps.db,
      deps,
      staff,
      item.id,
      { kind: 'slides', title: 'Slides' },
      {
        fileName: 'slides.pdf',
        bytes: Buffer.from('%PDF-1.4'),
      },
    );
    const ownerActor = actorOf(owner);
    // The owner's feed is made once (every target of the owner shares it: renewing would change it).
    if (!(await getCalendarFeed(deps.db, deps, ownerActor)).url)
      await renewCalendarFeed(deps.db, deps, ownerActor);
    const feed = (await getCalendarFeed(deps.db, deps, ownerActor)).url ?? '';
    return {
      editionId: edition.id,
      itemId: item.id,
      materialId: link.id,
      fileId: file.id,
      ownerEmail: owner.email,
      feedToken:
        feed
          .split('/')
          .at(-1)
          ?.replace(/\.ics$/, '') ?? '',
    };
  },
  shownBy: (target) => target.itemId,
});
