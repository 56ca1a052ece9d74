import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DB } from '../../src/db/schema.js';
import type { Role } from '../../src/kernel/actor.js';
import { buildPerson, type TestPerson } from './factories.js';
import { createTestApp } from './http.js';
import { Client, tokenOf } from './http-extra.js';
import type { TestDeps } from './test-deps.js';

/**
 * The one route × role matrix runner every module's detailed matrix uses: each row is a route with the
 * status every role must get on a real record; a refusal must change nothing in the watched tables; an
 * owner's list must not show to others. The rows must name exactly the routes the module registers
 * (`app.routeModules`), so a new route without a row fails.
 */

/** Every route of the app as `METHOD /path` (HEAD left out), read from Fastify's route tree. */
export function allRoutes(app: FastifyInstance): string[] {
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

type Method = 'GET' | 'POST' | 'PUT' | 'DELETE';

/** One row: a route, the record it acts on, and the status each role gets. */
export interface MatrixCase<R extends string, K extends string, T> {
  route: string;
  kind: K;
  path: (t: T) => string;
  body?: (t: T) => Record<string, unknown>;
  /** Sent by the spec's own `call` (an upload, say). */
  special?: string;
  /** Success changes data: each role that succeeds runs on a fresh record of its own. */
  mutates?: boolean;
  expect: Record<R, number>;
  /** On 200, the body must not show the record to these roles (and must show it to the others). */
  hiddenFrom?: R[];
}

/** What a spec's hooks get: the app, its dependencies and the people of each role. */
export interface MatrixContext<R extends string> {
  app: FastifyInstance;
  deps: TestDeps;
  people: Record<Exclude<R, 'anonymous'>, TestPerson>;
}

export interface MatrixSpec<R extends string, K extends string, T> {
  /** The module whose routes the rows cover. */
  module: string;
  /** The roles of the matrix and what each holds (`anonymous` is signed out). */
  roles: Record<Exclude<R, 'anonymous'>, Role[]> & Partial<Record<'anonymous', never>>;
  /** The role that owns records (a fresh owner is made for its mutating rows). */
  owner: Exclude<R, 'anonymous'>;
  kinds: readonly K[];
  cases: readonly MatrixCase<R | 'anonymous', K, T>[];
  /** The tables a request may change (a refusal must leave them as they were). */
  watched: readonly (keyof DB)[];
  /** Runs once after the people exist. */
  setup?(context: MatrixContext<R>): Promise<void>;
  /** A new record of `kind` owned by `owner`. */
  buildTarget(context: MatrixContext<R>, kind: K, owner: TestPerson): Promise<T>;
  /** The text that shows the record in a body (its id). */
  shownBy(target: T): string;
  /** Sends rows marked `special` (uploads). */
  call?(
    context: MatrixContext<R>,
    c: MatrixCase<R | 'anonymous', K, T>,
    target: T,
    client: Client,
    token: string | undefined,
  ): Promise<LightMyRequestResponse>;
}

/** Describes the matrix of `spec`: one test per row, plus the check that the rows cover the module. */
export function runRouteMatrix<R extends string, K extends string, T>(spec: MatrixSpec<R, K, T>): void {
  type Who = R | 'anonymous';
  const who = ['anonymous', ...Object.keys(spec.roles)] as Who[];
  describe(`${spec.module}: every route with every role`, () => {
    const context = { people: {} } as MatrixContext<R>;
    let close: () => Promise<void>;
    const web = {} as Record<Who, Client>;
    const tokens = {} as Record<Who, string | undefined>;
    const shared = {} as Record<K, T>;

    async function snapshot(): Promise<string> {
      const rows = [];
      for (const table of spec.watched)
        rows.push(await context.deps.db.selectFrom(table).selectAll().execute());
      return JSON.stringify(rows);
    }

    async function call(c: MatrixCase<Who, K, T>, target: T, client: Client, token: string | undefined) {
      if (c.special && spec.call) return spec.call(context, c, target, client, token);
      const url = c.path(target);
      const [method] = c.route.split(' ') as [Method];
      if (!url.startsWith('/api/')) {
        if (method === 'GET') return client.get(url);
        return client.send(url, (c.body?.(target) ?? {}) as Record<string, string>);
      }
      const headers: Record<string, string> = token ? { authorization: `Bearer ${token}` } : {};
      const body = c.body?.(target);
      return context.app.inject({ method, url, headers, ...(body ? { payload: body } : {}) });
    }

    beforeAll(async () => {
      const created = await createTestApp('sqlite');
      context.app = created.app;
      context.deps = created.deps;
      close = created.close;
      web.anonymous = new Client(context.app);
      for (const [name, grants] of Object.entries(spec.roles) as [Exclude<R, 'anonymous'>, Role[]][]) {
        context.people[name] = await buildPerson(context.deps, { roles: grants });
        web[name] = new Client(context.app);
        await web[name].signIn(context.people[name].email, context.people[name].password);
        tokens[name] = await tokenOf(context.deps, context.people[name]);
      }
      await spec.setup?.(context);
      for (const kind of spec.kinds)
        shared[kind] = await spec.buildTarget(context, kind, context.people[spec.owner]);
    }, 60_000);
    afterAll(() => close());

    it(`has a row for every ${spec.module} route the app registers`, () => {
      const registered = [...context.app.routeModules]
        .filter(([, module]) => module === spec.module)
        .map(([route]) => route);
      expect(registered.sort()).toEqual(spec.cases.map((c) => c.route).sort());
    });

    for (const c of spec.cases) {
      it(c.route, async () => {
        const problems: string[] = [];
        for (const role of who) {
          const expected = c.expect[role];
          const succeeds = expected < 400;
          const fresh = c.mutates && succeeds && role !== 'anonymous';
          let target = shared[c.kind];
          let client = web[role];
          let token = tokens[role];
          if (fresh) {
            const owner = role === spec.owner ? await buildPerson(context.deps) : context.people[spec.owner];
            target = await spec.buildTarget(context, c.kind, owner);
            if (role === spec.owner) {
              client = new Client(context.app);
              await client.signIn(owner.email, owner.password);
              token = await tokenOf(context.deps, owner);
            }
          }
          const before = fresh ? '' : await snapshot();
          const response = await call(c, target, client, token);
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
            const shows = response.body.includes(spec.shownBy(target));
            if (c.hiddenFrom.includes(role) && shows) problems.push(`${role}: sees someone else's record`);
            if (!c.hiddenFrom.includes(role) && !shows) problems.push(`${role}: does not see the record`);
          }
        }
        expect(problems).toEqual([]);
      });
    }
  });
}
