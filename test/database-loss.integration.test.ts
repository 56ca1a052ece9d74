import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { isDatabaseUnavailable } from '../src/db/database.js';
import { translator } from '../src/i18n/i18n.js';
import { DIALECTS } from './helpers/dialects.js';
import { buildCourse, buildProgramme } from './helpers/factories.js';
import { apiUser, signedIn } from './helpers/http-extra.js';
import { createTestDeps, type TestDeps } from './helpers/test-deps.js';

/**
 * A lost PostgreSQL connection (a restart, a failover, an operator's pg_terminate_backend) never takes the
 * server down: requests in flight answer 503 with Retry-After (a translated page, or the API's JSON
 * error), and the next requests succeed on fresh connections. Only the app's own connections (by their
 * application_name) are terminated, so test files running beside this one keep theirs. SQLite has no
 * connections to lose: this runs on PostgreSQL only.
 */

const postgres = DIALECTS.includes('postgres');

describe.skipIf(!postgres)('postgres: losing the database connections under load', () => {
  const applicationName = `dp-loss-${randomBytes(4).toString('hex')}`;
  const lost: Error[] = [];
  let deps: TestDeps;
  let app: FastifyInstance;
  let base: string;
  let admin: pg.Client;
  let token: string;
  let cookie: string;
  const unavailable = translator('en').t('errors.service_unavailable');

  beforeAll(async () => {
    deps = await createTestDeps('postgres', {
      database: { applicationName, poolSize: 6, onConnectionError: (error) => lost.push(error) },
    });
    app = await buildApp(deps, { logger: false });
    await buildProgramme(deps);
    await buildCourse(deps);
    token = (await apiUser(deps, ['manager'])).token;
    cookie = (await signedIn(app, deps, ['participant'])).browser.jar.header();
    base = await app.listen({ port: 0, host: '127.0.0.1' });
    admin = new pg.Client({ connectionString: process.env.TEST_DATABASE_URL });
    await admin.connect();
  }, 60_000);
  afterAll(async () => {
    await admin?.end();
    await app?.close();
    await deps?.close();
  });

  /** Terminates every backend of the app's pool from a separate connection; returns how many. */
  async function terminateBackends(): Promise<number> {
    const result = await admin.query(
      `select pg_terminate_backend(pid) from pg_stat_activity
       where datname = current_database() and pid <> pg_backend_pid() and application_name = $1`,
      [applicationName],
    );
    return result.rowCount ?? 0;
  }

  /** One request of each kind: a public page, a signed-in page, an API read with a token, readiness. */
  const paths = ['/courses', '/account', '/api/v1/me', '/readyz'];
  const send = async (i: number) => {
    const path = paths[i % paths.length]!;
    const headers: Record<string, string> = path.startsWith('/api/')
      ? { authorization: `Bearer ${token}` }
      : { cookie };
    const response = await fetch(`${base}${path}`, { headers, redirect: 'manual' });
    return { path, status: response.status, response, body: await response.text() };
  };

  it('answers 200 or a clean 503 during a burst while the backends are terminated, then serves again', async () => {
    const results: Awaited<ReturnType<typeof send>>[] = [];
    let terminated = 0;
    let next = 0;
    const total = 400;
    const worker = async () => {
      while (next < total) {
        const i = next++;
        if (i === 80 || i === 200 || i === 320) terminated += await terminateBackends();
        results.push(await send(i));
      }
    };
    await Promise.all(Array.from({ length: 12 }, worker));
    const count = (status: number) => results.filter((r) => r.status === status).length;
    console.info(
      `database loss: ${terminated} backends terminated, ${count(200)} × 200, ${count(503)} × 503`,
    );
    expect(terminated).toBeGreaterThan(0);
    expect(lost.length).toBeGreaterThan(0);
    expect(results).toHaveLength(total);
    for (const r of results) {
      expect([200, 503], `${r.path}: ${r.body.slice(0, 200)}`).toContain(r.status);
      if (r.status !== 503) continue;
      expect(r.response.headers.get('retry-after')).toBe('5');
      if (r.path.startsWith('/api/')) expect(JSON.parse(r.body).error.code).toBe('service_unavailable');
      else if (r.path !== '/readyz') expect(r.body).toContain(unavailable);
    }
    // Afterwards every kind of request succeeds again on fresh connections.
    for (let i = 0; i < 40; i++) expect((await send(i)).status, `after, request ${i}`).toBe(200);
  }, 60_000);

  it('reconnects after losing idle connections', async () => {
    for (let i = 0; i < 8; i++) await send(i);
    expect(await terminateBackends()).toBeGreaterThan(0);
    await new Promise((resolve) => setTimeout(resolve, 200));
    for (let i = 0; i < 8; i++) expect((await send(i)).status, `request ${i}`).toBe(200);
  });
});

describe('which errors mean "the database is unavailable"', () => {
  it('knows lost and refused connections, and nothing else', () => {
    const withCode = (code: string, message = 'x') => Object.assign(new Error(message), { code });
    expect(isDatabaseUnavailable(withCode('57P01'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('08006'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('53300'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('ECONNREFUSED'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('SQLITE_BUSY'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('Connection terminated unexpectedly'))).toBe(true);
    expect(isDatabaseUnavailable(new Error('timeout exceeded when trying to connect'))).toBe(true);
    expect(isDatabaseUnavailable(withCode('23505'))).toBe(false);
    expect(isDatabaseUnavailable(withCode('SQLITE_CONSTRAINT'))).toBe(false);
    expect(isDatabaseUnavailable(new Error('boom'))).toBe(false);
    expect(isDatabaseUnavailable('57P01')).toBe(false);
  });
});
