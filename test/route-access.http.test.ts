import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROLES, type Role } from '../src/kernel/actor.js';
import { newId } from '../src/kernel/ids.js';
import { MODULES } from '../src/modules/index.js';
import type { RouteAccess } from '../src/modules/module.js';
import { buildPerson } from './helpers/factories.js';
import { createTestApp } from './helpers/http.js';
import { Client, tokenOf } from './helpers/http-extra.js';
import { allRoutes } from './helpers/route-matrix.js';

/**
 * The route × role sweep over every module of the list: each route the app registers is declared by the
 * module that registered it (`Module.routeAccess`), and every role gets what the declaration says — a
 * signed-out visitor is sent to sign in (401 / 303), a role the route is not for gets 403 before anything
 * else happens (even with a body the route would refuse), and the roles it is for are never refused.
 * Modules' own matrices (admissions, places …) check records and data on top of this.
 */

/** Routes of the platform itself, outside every module. */
const PLATFORM_ROUTES = new Set([
  'GET /healthz',
  'GET /readyz',
  'GET /lang/:locale',
  // The static files (`/static/…`), served by @fastify/static's wildcard route.
  'GET /*',
  'GET /api/openapi.json',
]);

/** Paths served like the API (bearer token, JSON errors): the API and the standards' machine endpoints. */
const MACHINE =
  /^\/(?:api\/|\.well-known\/|status-lists\/|ob\/|ims\/|presentations\/|challenges$|credentials\/(?:verify|issue|status)$)/;

const WHO = ['anonymous', ...ROLES] as const;
type Who = (typeof WHO)[number];

function fill(path: string, id: string): string {
  return path
    .replace(/:(\w+)/g, (_m, name: string) =>
      /slug/i.test(name) ? 'no-such-slug' : name === 'code' ? 'NOPE' : id,
    )
    .replace(/\*$/, 'x');
}

function allowed(access: RouteAccess, who: Who): boolean {
  if (access === 'public') return true;
  if (who === 'anonymous') return false;
  return access === 'signed-in' || access.includes(who as Role);
}

describe('every route of every module, with every role', () => {
  let app: FastifyInstance;
  let close: () => Promise<void>;
  const clients = {} as Record<Who, Client>;
  const tokens = {} as Record<Who, string | undefined>;

  beforeAll(async () => {
    const created = await createTestApp('sqlite');
    app = created.app;
    close = created.close;
    for (const who of WHO) {
      clients[who] = new Client(app);
      if (who === 'anonymous') continue;
      const person = await buildPerson(created.deps, { roles: [who] });
      await clients[who].signIn(person.email, person.password);
      tokens[who] = await tokenOf(created.deps, person);
    }
  }, 60_000);
  afterAll(() => close());

  it('knows the module of every route, and every declaration names a route that exists', () => {
    const registered = allRoutes(app).filter(
      (route) => !PLATFORM_ROUTES.has(route) && !route.includes('/api/docs'),
    );
    const unknown = registered.filter((route) => !app.routeModules.has(route));
    expect(unknown).toEqual([]);
    const stale = MODULES.flatMap((module) =>
      Object.keys(module.routeAccess ?? {})
        .filter((route) => app.routeModules.get(route) !== module.name)
        .map((route) => `${module.name}: ${route}`),
    );
    expect(stale).toEqual([]);
  });

  for (const module of MODULES) {
    const routes = Object.entries(module.routeAccess ?? {});
    if (routes.length === 0) continue;
    it(`${module.name}: ${routes.length} routes answer each role as declared`, async () => {
      const problems: string[] = [];
      for (const [route, access] of routes) {
        const [method, path] = route.split(' ') as ['GET' | 'POST' | 'PUT' | 'DELETE' | 'OPTIONS', string];
        const url = fill(path, newId());
        // Signing out would end the sessions the sweep goes on with: checked on fresh browsers instead.
        const ends = route === 'POST /sign-out';
        for (const who of WHO) {
          const client = ends ? new Client(app) : clients[who];
          let response: LightMyRequestResponse;
          if (MACHINE.test(url)) {
            const token = tokens[who];
            response = await app.inject({
              method,
              url,
              headers: token ? { authorization: `Bearer ${token}` } : {},
              ...(method === 'GET' || method === 'DELETE' ? {} : { payload: {} }),
            });
          } else if (method === 'GET') response = await client.get(url);
          else response = await client.send(url, {});
          const status = response.statusCode;
          const location = String(response.headers.location ?? '');
          const sentToSignIn = status === 401 || (status === 303 && location.startsWith('/sign-in'));
          if (status >= 500) problems.push(`${route} ${who}: ${status}`);
          else if (allowed(access, who)) {
            if (status === 403 || status === 401) problems.push(`${route} ${who}: refused with ${status}`);
          } else if (who === 'anonymous') {
            if (!sentToSignIn) problems.push(`${route} anonymous: ${status}, not sent to sign in`);
          } else if (status !== 403) problems.push(`${route} ${who}: ${status}, expected 403`);
        }
      }
      expect(problems).toEqual([]);
    }, 120_000);
  }
});
