import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { findEditionIdByCode } from '../catalogue/find-ids.js';
import { listEditionPlacesFor } from './list-edition-places.js';

describe('sqlite: demo places', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps('sqlite');
    await seedDemo(deps);
    await seedDemo(deps); // idempotent
  });
  afterAll(async () => {
    await deps.close();
  });

  it('has requests in the upcoming Academy and a full edition with a waiting list', async () => {
    const system = systemActor('test');
    const academy = await listEditionPlacesFor(
      deps.db,
      deps,
      system,
      (await findEditionIdByCode(deps.db, deps, 'A9012027'))!,
    );
    expect(academy.requests.map((p) => p.email).sort()).toEqual([
      'maria.ivanova@example.org',
      'wang.fang@example.org',
    ]);
    expect(academy.confirmed.map((p) => [p.email, p.fundingKind])).toContainEqual([
      'carlos.nunez@example.org',
      'sponsor',
    ]);
    const full = await listEditionPlacesFor(
      deps.db,
      deps,
      system,
      (await findEditionIdByCode(deps.db, deps, 'W9052027'))!,
    );
    expect(full.placesLeft).toBe(0);
    expect(full.waiting.map((p) => [p.email, p.position])).toEqual([
      ['kwame.mensah@example.org', 1],
      ['elena.popescu@example.org', 2],
    ]);
  });
});
