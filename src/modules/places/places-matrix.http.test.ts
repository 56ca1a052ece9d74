import { buildCourse, buildEdition, buildPerson, type TestPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { type MatrixCase, runRouteMatrix } from '../../../test/helpers/route-matrix.js';
import { requestPlace } from './offers/request-place.js';

/**
 * Every places route (web and API, participants' and managers') with every role: the status each gets,
 * that a refusal changes nothing, and that nobody sees or changes another person's place. Routes are read
 * from the module's registrations, so a new places route without a row here fails the first test.
 */

const ROLES = [
  'anonymous',
  'owner',
  'otherParticipant',
  'assessor',
  'editionFacilitator',
  'manager',
  'administrator',
] as const;
type RoleName = (typeof ROLES)[number];
type Expect = Record<RoleName, number>;
/** `requested`: the owner asked for a place (30 places); `waitlisted`: the owner is 2nd on a waiting list. */
type Kind = 'requested' | 'waitlisted';

interface Target {
  editionId: string;
  placeId: string;
}
type Case = MatrixCase<RoleName, Kind, Target>;

const e = (all: number, others: Partial<Expect>): Expect =>
  ({ ...Object.fromEntries(ROLES.map((r) => [r, all])), ...others }) as Expect;

/** The person managers enrol in the bulk and direct enrolment rows (set once the people exist). */
let enrolEmail = '';
const csv = (t: Target) => `email,edition,funding\n${enrolEmail},${t.editionId},self\n`;
const notOwner = ROLES.filter((r) => r !== 'owner');
// Managers manage; anyone else signed in (the edition's facilitator too) gets 403; signed out: 401 (pages: 303).
const managerGet = e(403, { anonymous: 303, manager: 200 });
const managerWeb = e(403, { anonymous: 401, manager: 303 });
const managerApi = (ok: number) => e(403, { anonymous: 401, manager: ok });
// A place is its person's (and managers'): anyone else is told it does not exist.
const ownPlace = (ok: number) => e(404, { anonymous: 401, owner: ok, manager: ok });

// One row per route, kept on one line each so the matrix reads as a table.
// biome-ignore format: a table
const CASES: Case[] = [
  // ——— participants' pages ———
  { route: 'GET /editions/:id/place', kind: 'requested', path: (t) => `/editions/${t.editionId}/place`, expect: e(200, {}) },
  { route: 'POST /editions/:id/place', kind: 'requested', path: (t) => `/editions/${t.editionId}/place`, body: () => ({ fundingKind: 'self' }), mutates: true, expect: e(303, { anonymous: 401, owner: 409 }) },
  { route: 'GET /my/places', kind: 'requested', path: () => '/my/places', expect: e(200, { anonymous: 303 }), hiddenFrom: notOwner },
  { route: 'POST /my/places/:id/withdraw', kind: 'requested', path: (t) => `/my/places/${t.placeId}/withdraw`, mutates: true, expect: ownPlace(303) },
  // ——— managers' pages ———
  { route: 'GET /manage/editions/:id/places', kind: 'requested', path: (t) => `/manage/editions/${t.editionId}/places`, expect: managerGet },
  { route: 'GET /manage/editions/:id/places.csv', kind: 'requested', path: (t) => `/manage/editions/${t.editionId}/places.csv`, expect: managerGet },
  { route: 'POST /manage/editions/:id/places/enrol', kind: 'requested', path: (t) => `/manage/editions/${t.editionId}/places/enrol`, body: () => ({ email: enrolEmail, fundingKind: 'self' }), mutates: true, expect: managerWeb },
  { route: 'POST /manage/places/:id/confirm', kind: 'requested', path: (t) => `/manage/places/${t.placeId}/confirm`, mutates: true, expect: managerWeb },
  { route: 'POST /manage/places/:id/decline', kind: 'requested', path: (t) => `/manage/places/${t.placeId}/decline`, body: () => ({ reason: 'Full.' }), mutates: true, expect: managerWeb },
  { route: 'POST /manage/places/:id/top', kind: 'waitlisted', path: (t) => `/manage/places/${t.placeId}/top`, mutates: true, expect: managerWeb },
  { route: 'POST /manage/places/:id/withdraw', kind: 'requested', path: (t) => `/manage/places/${t.placeId}/withdraw`, mutates: true, expect: managerWeb },
  { route: 'GET /manage/places/import', kind: 'requested', path: () => '/manage/places/import', expect: managerGet },
  { route: 'POST /manage/places/import', kind: 'requested', path: () => '/manage/places/import', body: (t) => ({ csv: csv(t) }), expect: e(403, { anonymous: 401, manager: 200 }) },
  { route: 'POST /manage/places/import/commit', kind: 'requested', path: () => '/manage/places/import/commit', body: (t) => ({ csv: csv(t) }), mutates: true, expect: managerWeb },
  // ——— API ———
  { route: 'POST /api/v1/editions/:id/places', kind: 'requested', path: (t) => `/api/v1/editions/${t.editionId}/places`, body: () => ({ fundingKind: 'self' }), mutates: true, expect: e(201, { anonymous: 401, owner: 409 }) },
  { route: 'GET /api/v1/me/places', kind: 'requested', path: () => '/api/v1/me/places', expect: e(200, { anonymous: 401 }), hiddenFrom: notOwner },
  { route: 'POST /api/v1/places/:id/withdraw', kind: 'requested', path: (t) => `/api/v1/places/${t.placeId}/withdraw`, mutates: true, expect: ownPlace(200) },
  { route: 'GET /api/v1/editions/:id/places', kind: 'requested', path: (t) => `/api/v1/editions/${t.editionId}/places`, expect: managerApi(200) },
  { route: 'POST /api/v1/places/:id/confirm', kind: 'requested', path: (t) => `/api/v1/places/${t.placeId}/confirm`, mutates: true, expect: managerApi(200) },
  { route: 'POST /api/v1/places/:id/decline', kind: 'requested', path: (t) => `/api/v1/places/${t.placeId}/decline`, body: () => ({ reason: 'Full.' }), mutates: true, expect: managerApi(200) },
  { route: 'POST /api/v1/places/:id/move-to-top', kind: 'waitlisted', path: (t) => `/api/v1/places/${t.placeId}/move-to-top`, mutates: true, expect: managerApi(200) },
  { route: 'POST /api/v1/editions/:id/places/enrol', kind: 'requested', path: (t) => `/api/v1/editions/${t.editionId}/places/enrol`, body: () => ({ email: enrolEmail, fundingKind: 'self' }), mutates: true, expect: managerApi(201) },
  { route: 'POST /api/v1/places/import', kind: 'requested', path: () => '/api/v1/places/import', body: (t) => ({ csv: csv(t), commit: true }), mutates: true, expect: managerApi(200) },
];

runRouteMatrix<Exclude<RoleName, 'anonymous'>, Kind, Target>({
  module: 'places',
  roles: {
    owner: ['participant'],
    otherParticipant: ['participant'],
    assessor: ['assessor'],
    editionFacilitator: ['facilitator'],
    manager: ['manager'],
    administrator: ['administrator'],
  },
  owner: 'owner',
  kinds: ['requested', 'waitlisted'],
  cases: CASES,
  watched: ['enrolments', 'candidacies', 'notifications', 'jobs', 'audit_events'],
  async setup({ deps }) {
    enrolEmail = (await buildPerson(deps)).email;
  },
  /** A new edition (its facilitator set) where `owner` asked for a place, as `kind` says. */
  async buildTarget({ deps, people }, kind, owner) {
    const course = await buildCourse(deps);
    const edition = await buildEdition(deps, course.code, {
      capacity: kind === 'waitlisted' ? 1 : 30,
      facilitatorIds: [people.editionFacilitator.id],
    });
    const ask = async (person: TestPerson) =>
      requestPlace(deps.db, deps, actorOf(person), edition.id, { fundingKind: 'self' });
    if (kind === 'waitlisted') {
      await ask(await buildPerson(deps));
      await ask(await buildPerson(deps));
    }
    const place = await ask(owner);
    return { editionId: edition.id, placeId: place.id };
  },
  shownBy: (target) => target.placeId,
});
