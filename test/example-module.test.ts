import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../src/app.js';
import { helpText } from '../src/cli/run.js';
import { runJobsUntilIdle } from '../src/jobs/runner.js';
import { allJobHandlers, MODULES } from '../src/modules/index.js';
import { countedNotes, exampleModule } from './example-module/example.module.js';
import { buildPerson } from './helpers/factories.js';
import { Client, tokenOf } from './helpers/http-extra.js';
import { namedTables } from './helpers/source-scan.js';
import { createTestDeps, type TestDeps } from './helpers/test-deps.js';

/**
 * A module is a folder plus one line: the example module (test/example-module/, not shipped) is added to a
 * module list and everything it brings works — its migration, routes with their declared access, job,
 * notification kind, navigation entry and CLI command — with nothing outside its folder changed.
 */
describe('adding a module: a folder plus one line', () => {
  const modules = [...MODULES, exampleModule];
  let deps: TestDeps;
  let app: Awaited<ReturnType<typeof buildApp>>;

  beforeAll(async () => {
    deps = await createTestDeps('sqlite', { modules });
    app = await buildApp(deps, { logger: false });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    await deps.close();
  });

  it('runs its migration, serves its routes as declared, runs its job and sends its notice', async () => {
    const tables = await sql<{
      name: string;
    }>`select name from sqlite_master where name = 'example_notes'`.execute(deps.db);
    expect(tables.rows).toHaveLength(1);
    const facilitator = await buildPerson(deps, { roles: ['facilitator'], fullName: 'Awa Ndiaye' });
    const participant = await buildPerson(deps, { roles: ['participant'] });
    const post = (token?: string) =>
      app.inject({
        method: 'POST',
        url: '/api/v1/example/notes',
        headers: token ? { authorization: `Bearer ${token}` } : {},
        payload: { body: 'Bring the case study.' },
      });
    expect((await post()).statusCode).toBe(401);
    expect((await post(await tokenOf(deps, participant))).statusCode).toBe(403);
    const created = await post(await tokenOf(deps, facilitator));
    expect(created.statusCode).toBe(201);
    const { id } = created.json() as { id: string };

    const browser = new Client(app);
    await browser.signIn(facilitator.email, facilitator.password);
    const list = await browser.get('/example/notes');
    expect(list.json()).toEqual([{ id, body: 'Bring the case study.', author: 'Awa Ndiaye' }]);
    // Its navigation entry shows to facilitators.
    expect((await browser.get('/courses')).body).toContain('href="/example/notes"');

    await runJobsUntilIdle(deps, allJobHandlers(modules));
    expect(countedNotes).toContain(id);
    const notices = await app.inject({
      method: 'GET',
      url: '/api/v1/notifications',
      headers: { authorization: `Bearer ${await tokenOf(deps, facilitator)}` },
    });
    expect(notices.json().notifications).toMatchObject([
      { kind: 'example.note-added', url: expect.stringContaining(`/example/notes#${id}`) },
    ]);
  });

  it('adds its CLI command to the help', () => {
    expect(helpText(modules.flatMap((m) => m.cli ?? []))).toContain('diploma example hello');
  });

  it('names only its own tables (others through their owners’ read models)', () => {
    const dir = fileURLToPath(new URL('./example-module/', import.meta.url));
    const named = readdirSync(dir)
      .filter((f) => f.endsWith('.ts'))
      .flatMap((f) => namedTables(readFileSync(join(dir, f), 'utf8')));
    expect([...new Set(named)]).toEqual(['example_notes']);
  });
});
