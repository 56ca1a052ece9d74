import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { findEditionIdByCode } from '../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../identity/create-person.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { DEMO_GROUP_SET, DEMO_GROUPS_EDITION, DEMO_SHARED_PAGE } from './demo/seed-groups.js';
import { getGroupPage, listEditionGroups } from './get-groups.js';
import { groupSetsOfEdition } from './groups.port.js';

describe('sqlite: the demo groups', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps('sqlite');
    await seedDemo(deps);
    await seedDemo(deps); // idempotent
  }, 180_000);
  afterAll(async () => {
    await deps.close();
  });

  it('forms balanced "Working groups" of the Academy A9012027, participant@example.org in one, with a shared page in three languages', async () => {
    const editionId = (await findEditionIdByCode(deps.db, deps, DEMO_GROUPS_EDITION)) as string;
    const sets = await groupSetsOfEdition(deps.db, editionId);
    expect(sets.map((s) => [s.name, s.formation])).toEqual([[DEMO_GROUP_SET, 'balanced']]);
    const everyone = (await confirmedParticipants(deps.db, editionId)).map((p) => p.id).sort();
    expect(sets[0]?.groups.flatMap((g) => g.memberIds).sort()).toEqual(everyone);
    const id = (await findPersonIdByEmail(deps.db, deps, 'participant@example.org')) as string;
    const actor = { kind: 'user' as const, id, roles: ['participant' as const], via: 'session' as const };
    const [mine, ...more] = await listEditionGroups(deps.db, actor, editionId);
    expect(more).toEqual([]);
    expect(mine?.members).toContain(id);
    const page = await getGroupPage(deps.db, deps, actor, mine?.id as string);
    expect(page.page?.body).toBe(DEMO_SHARED_PAGE);
    expect(page.page?.body).toMatch(/English[\s\S]*Français[\s\S]*Español/);
  });
});
