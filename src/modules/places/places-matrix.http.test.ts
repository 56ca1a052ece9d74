import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCourse, buildEdition, buildPerson, type TestPerson } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, tokenOf } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import type { DB } from '../../db/schema.js';
import type { Role } from '../../kernel/actor.js';
import { requestPlace } from './request-place.js';

/**
 * Every places route (web and API, participants' and managers') with every role: the status each gets,
 * that a refusal changes nothing, and that nobody sees or changes another person's place. Routes are read
 * from Fastify's route tree, so a new places route without a row here fails the first test.
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
interface Case {
  route: string;
  kind: Kind;
  path: (t: Target) => string;
  body?: (t: Target) => Record<string, unknown>;
  /** Success changes data: run on a fresh edition of its own. */
  mutates?: boolean;
  expect: Expect;
  /** On 200, the body must not mention the owner's place. */
  hiddenFrom?: RoleName[];
}

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

/** The tables a places request may change (a refusal must leave them exactly as they were). */
const WATCHED: (keyof DB)[] = ['enrolments', 'candidacies', 'notifications', 'jobs', 'audit_events'];

/** Every route of the app as `METHOD /path` (HEAD left out), read from Fastify's route tree. */
function allRoutes(app: FastifyInstance): string[] {
  const stack: string[] = [];
  const routes: string[] = [];
  for (const line of app.printRoutes({ commonPrefix: false }).split('\n')) {
    const match = line.match(/^((?:│ {3}| {4})*)(?:├── |└── )(\S+)(?: \((.+)\))?$/);
    if (!match) continue;
    const depth = (match[1]?.length ?? 0) / 4;
    const path = (stack[depth - 1] ?? '') + match[2];
    stack[depth] = path;
    stack.length = depth + 1;
    for (const method of match[3]?.split(', ') ?? []) if (method !== 'HEAD') routes.push(`${method} ${path}`);
  }
  return routes.sort();
}

describe('places: every route with every role', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  const people = {} as Record<Exclude<RoleName, 'anonymous'>, TestPerson>;
  const web = {} as Record<RoleName, Client>;
  const tokens = {} as Record<RoleName, string | undefined>;
  const shared = {} as Record<Kind, Target>;

  /** A new edition (its facilitator set) where `owner` asked for a place, as `kind` says. */
  async function buildTarget(kind: Kind, owner: TestPerson): Promise<Target> {
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
  }

  async function snapshot(): Promise<string> {
    const rows = [];
    for (const table of WATCHED) rows.push(await deps.db.selectFrom(table).selectAll().execute());
    return JSON.stringify(rows);
  }

  async function call(c: Case, target: Target, client: Client, token: string | undefined) {
    const url = c.path(target);
    const [method] = c.route.split(' ') as ['GET' | 'POST'];
    if (!url.startsWith('/api/')) {
      if (method === 'GET') return client.get(url);
      return client.send(url, (c.body?.(target) ?? {}) as Record<string, string>);
    }
    const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
    const body = c.body?.(target);
    return app.inject({ method, url, headers, ...(body ? { payload: body } : {}) });
  }

  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    const roles: Record<Exclude<RoleName, 'anonymous'>, Role[]> = {
      owner: ['participant'],
      otherParticipant: ['participant'],
      assessor: ['assessor'],
      editionFacilitator: ['facilitator'],
      manager: ['manager'],
      administrator: ['administrator'],
    };
    web.anonymous = new Client(app);
    for (const [name, grants] of Object.entries(roles) as [Exclude<RoleName, 'anonymous'>, Role[]][]) {
      people[name] = await buildPerson(deps, { roles: grants });
      web[name] = new Client(app);
      await web[name].signIn(people[name].email, people[name].password);
      tokens[name] = await tokenOf(deps, people[name]);
    }
    enrolEmail = (await buildPerson(deps)).email;
    for (const kind of ['requested', 'waitlisted'] as Kind[])
      shared[kind] = await buildTarget(kind, people.owner);
  }, 60_000);
  afterAll(() => close());

  it('has a row for every places route the app registers', () => {
    const registered = allRoutes(app).filter((r) => /\/(places?|place)\b/.test(r));
    expect(registered.sort()).toEqual(CASES.map((c) => c.route).sort());
  });

  for (const c of CASES) {
    it(`${c.route}`, async () => {
      const problems: string[] = [];
      for (const role of ROLES) {
        const expected = c.expect[role];
        const succeeds = expected < 400;
        const fresh = c.mutates && succeeds && role !== 'anonymous';
        let target = shared[c.kind];
        let client = web[role];
        let token = tokens[role];
        if (fresh) {
          const owner = role === 'owner' ? await buildPerson(deps) : people.owner;
          target = await buildTarget(c.kind, owner);
          if (role === 'owner') {
            client = new Client(app);
            await client.signIn(owner.email, owner.password);
            token = await tokenOf(deps, owner);
          }
        }
        const before = fresh ? '' : await snapshot();
        const response: LightMyRequestResponse = await call(c, target, client, token);
        if (response.statusCode !== expected)
          problems.push(
            `${role}: expected ${expected}, got ${response.statusCode} ${response.body.slice(0, 300)}`,
          );
        // Signed out, a page sends to the sign-in form (and back afterwards).
        const location = String(response.headers.location ?? '');
        if (role === 'anonymous' && response.statusCode === 303 && !location.startsWith('/sign-in?next='))
          problems.push(`anonymous: redirected to ${location}, not to the sign-in form`);
        if (!fresh && !succeeds && (await snapshot()) !== before)
          problems.push(`${role}: refused but changed data`);
        const code = { 401: 'unauthenticated', 403: 'forbidden', 404: 'not_found' }[response.statusCode];
        if (code && c.path(target).startsWith('/api/') && response.json().error?.code !== code)
          problems.push(`${role}: ${response.statusCode} without the error code ${code}`);
        if (response.statusCode === 200 && c.hiddenFrom) {
          const shows = response.body.includes(target.placeId);
          if (c.hiddenFrom.includes(role) && shows) problems.push(`${role}: sees someone else's place`);
          if (!c.hiddenFrom.includes(role) && !shows) problems.push(`${role}: does not see their place`);
        }
      }
      expect(problems).toEqual([]);
    });
  }
});
