import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { CAPSTONE_STATES } from './capstone.js';
import { countByState } from './capstones.repository.js';
import { searchLibrary } from './library/search-library.js';

describe('sqlite: the demo capstones', () => {
  let deps: TestDeps;
  beforeAll(async () => {
    deps = await createTestDeps('sqlite');
    await seedDemo(deps);
    await seedDemo(deps); // idempotent
  }, 300_000);
  afterAll(async () => {
    await deps.close();
  });

  it('has capstones in every state', async () => {
    const counts = await countByState(deps.db);
    for (const state of CAPSTONE_STATES) expect(counts.get(state) ?? 0, state).toBeGreaterThan(0);
  });

  it('issues Thandiwe’s diploma with her capstone credential in its CLR, and publishes the capstone', async () => {
    const capstone = await deps.db
      .selectFrom('capstones')
      .selectAll()
      .where('state', '=', 'passed')
      .executeTakeFirstOrThrow();
    const diploma = await deps.db
      .selectFrom('credentials')
      .selectAll()
      .where('candidacy_id', '=', capstone.candidacy_id)
      .where('kind', '=', 'diploma')
      .executeTakeFirstOrThrow();
    const clr = JSON.parse(diploma.clr_json!) as {
      credentialSubject: { verifiableCredential: { id: string }[] };
    };
    expect(
      clr.credentialSubject.verifiableCredential.some((vc) => vc.id.endsWith(capstone.credential_id!)),
    ).toBe(true);
    const found = await searchLibrary(deps.db, deps, { q: 'Sudáfrica' });
    expect(found.items.map((i) => i.id)).toEqual([capstone.id]);
  });
});
