import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { findEditionIdByCode } from '../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../identity/create-person.js';
import { DEMO_SPACE_EDITION } from './demo/seed-spaces.js';
import { getItemPage } from './get-item-page.js';
import { getSpaceHome } from './get-space-home.js';

describe('sqlite: the demo Academy space', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps('sqlite');
    await seedDemo(deps);
    await seedDemo(deps); // idempotent
  }, 120_000);
  afterAll(async () => {
    await deps.close();
  });

  it('gives the next Academy a space in three languages that its confirmed participant opens', async () => {
    const editionId = (await findEditionIdByCode(deps.db, deps, DEMO_SPACE_EDITION))!;
    const carlos = (await findPersonIdByEmail(deps.db, deps, 'carlos.nunez@example.org'))!;
    const actor = {
      kind: 'user' as const,
      id: carlos,
      roles: ['participant' as const],
      via: 'session' as const,
    };
    const home = await getSpaceHome(deps.db, deps, actor, editionId);
    // The space's own sections, then the packages' and the webinars' (later modules add theirs after).
    expect(home.sections.map((s) => s.items.length).slice(0, 4)).toEqual([3, 2, 2, 2]);
    expect(home.sections[1]?.phase).toBe('residential');
    expect(home.next?.title.en).toBe('Welcome to the Academy');
    expect(home.due[0]?.dueAt).toBe('2027-06-08T17:00:00.000Z');
    for (const item of home.sections.flatMap((s) => s.items).filter((i) => i.kind === 'page'))
      expect(Object.keys((item.settings as { body: object }).body).sort()).toEqual(['en', 'es', 'fr']);
    // The demo's facilitator (the browser journey's) facilitates it.
    const jeanPierre = (await findPersonIdByEmail(deps.db, deps, 'facilitator@example.org'))!;
    const staff = {
      kind: 'user' as const,
      id: jeanPierre,
      roles: ['facilitator' as const],
      via: 'session' as const,
    };
    expect((await getSpaceHome(deps.db, deps, staff, editionId)).can.build).toBe(true);
    const page = await getItemPage(deps.db, deps, actor, editionId, home.next!.id, 'fr');
    expect(JSON.stringify(page.body)).toContain('Bienvenue à l’Académie');
  });
});
