import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { findEditionIdByCode } from '../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../identity/create-person.js';
import { getContextOverview, getMyMarking } from '../marking/get-marking-views.js';
import { DEMO_MARKING_EDITION } from './demo/seed-assignments.js';
import { getAssignmentPage } from './get-assignment-page.js';

describe('sqlite: the demo’s marking', () => {
  let deps: TestDeps;
  let editionId: string;
  beforeAll(async () => {
    deps = await createTestDeps('sqlite');
    await seedDemo(deps);
    await seedDemo(deps); // idempotent
    editionId = (await findEditionIdByCode(deps.db, deps, DEMO_MARKING_EDITION))!;
  }, 300_000);
  afterAll(async () => {
    await deps.close();
  });

  const user = async (email: string, roles: ('manager' | 'assessor' | 'participant')[]) => ({
    kind: 'user' as const,
    id: (await findPersonIdByEmail(deps.db, deps, email))!,
    roles,
    via: 'session' as const,
  });

  it('has one assignment whose submissions stand in three states, allocated by language', async () => {
    expect(
      await deps.db.selectFrom('assignments').select('id').where('edition_id', '=', editionId).execute(),
    ).toHaveLength(1);
    const overview = await getContextOverview(
      deps.db,
      deps,
      await user('manager@example.org', ['manager']),
      editionId,
    );
    expect(overview.total).toBe(3);
    expect(overview.byState).toEqual({ released: 1, 'ready-for-review': 1, 'in-marking': 1 });
    expect(overview.submissions.filter((s) => s.discrepant)).toHaveLength(1);
    // Only Ngozi marks in Spanish: she first-marks the Spanish submission, which has no second marker
    // (allocation by language reported it); the English ones have both markers.
    const spanish = overview.submissions.find((s) => s.language === 'es');
    expect(spanish?.marks.map((m) => [m.role, m.markerName])).toEqual([['first', 'Ngozi Okafor']]);
    for (const s of overview.submissions.filter((s) => s.language === 'en')) expect(s.marks).toHaveLength(2);
    expect(overview.markers.find((m) => m.name === 'Ngozi Okafor')?.languages).toEqual(['en', 'es']);
  });

  it('shows the demo assessor their allocations, and the released participant her mark', async () => {
    const mine = await getMyMarking(deps.db, deps, await user('assessor@example.org', ['assessor']));
    expect(mine.rows.length).toBeGreaterThan(0);
    const aisha = await user('aisha.bello@example.org', ['participant']);
    const [assignment] = await deps.db
      .selectFrom('assignments')
      .select('id')
      .where('edition_id', '=', editionId)
      .execute();
    const page = await getAssignmentPage(
      deps.db,
      deps,
      aisha,
      assignment!.id,
      deps.clock.now().toISOString(),
    );
    expect(page.attempts[0]?.marking?.released).toMatchObject({ passed: true });
  });
});
