import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { findPersonIdByEmail } from '../identity/create-person.js';
import type { CandidateDetail } from './candidates/candidate-detail.js';
import { getCandidate } from './candidates/get-candidate.js';
import { getMyPathways } from './candidates/get-my-pathways.js';
import { listCandidates } from './candidates/list-candidates.js';
import type { CourseRequirementEvaluation } from './rules/evaluation.js';

/**
 * The demo seed gives every stage of the diploma (shared/demo/README.md), as of the tests' date
 * (2026-11-28), read through the same use cases the pages use.
 */

const SYSTEM = systemActor('test');
const PROGRAMME = 'labour-migration';

for (const dialect of DIALECTS) {
  describe(`${dialect}: the demo candidates`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect, { now: TEST_NOW });
      await seedDemo(deps);
    }, 120_000);
    afterAll(async () => deps?.close());

    /** A demo candidate's page, found through the candidates list by email. */
    const candidate = async (email: string): Promise<CandidateDetail> => {
      const page = await listCandidates(deps.db, deps, SYSTEM, PROGRAMME, { q: email });
      expect(page.items.map((i) => i.email)).toEqual([email]);
      return (await getCandidate(deps.db, deps, SYSTEM, page.items[0]!.id, 'en')).detail;
    };
    const requirement = (detail: CandidateDetail, id: string) =>
      detail.evaluation.requirements.find((r) => r.id === id) as CourseRequirementEvaluation;

    it('has Aisha awarded her diploma, and Thandiwe hers through her passed capstone (the capstones demo)', async () => {
      const aisha = await candidate('aisha.bello@example.org');
      expect(aisha.evaluation).toMatchObject({ status: 'completed', awardable: true });
      expect(requirement(aisha, 'electives').counted).toHaveLength(3);
      const thandiwe = await candidate('thandiwe.dlamini@example.org');
      expect(thandiwe.evaluation).toMatchObject({ status: 'completed', awardable: true });
      // The ready list leaves out those who hold a diploma already (Aisha's, Thandiwe's, Ahmed's suspended one).
      const ready = await listCandidates(deps.db, deps, SYSTEM, PROGRAMME, { ready: '1' });
      expect(ready.items.map((i) => i.email)).toEqual([]);
    });

    it('has Fatou expired and María José withdrawn, neither awardable', async () => {
      const fatou = await candidate('fatou.ndiaye@example.org');
      expect(fatou.evaluation).toMatchObject({ status: 'expired', awardable: false });
      expect(fatou.evaluation.window.deadline! < '2026-11-28').toBe(true);
      const mariaJose = await candidate('maria.jose.perez@example.org');
      expect(mariaJose.status).toBe('withdrawn');
      expect(mariaJose.withdrawnReason).toContain('Cambio de empleo');
      expect(mariaJose.evaluation).toMatchObject({ status: 'withdrawn', awardable: false, atRisk: [] });
      const byStatus = async (status: string) =>
        (await listCandidates(deps.db, deps, SYSTEM, PROGRAMME, { status })).items.map((i) => i.email);
      expect(await byStatus('expired')).toEqual(['fatou.ndiaye@example.org']);
      expect(await byStatus('withdrawn')).toEqual(['maria.jose.perez@example.org']);
    });

    it('has Ramesh and others at risk of their window closing', async () => {
      const ramesh = await candidate('ramesh.shrestha@example.org');
      expect(ramesh.evaluation.status).toBe('active');
      expect(ramesh.evaluation.atRisk).toContainEqual({
        kind: 'deadline-soon',
        deadline: '2027-02-14',
        missing: ['electives', 'capstone'],
      });
      const atRisk = (await listCandidates(deps.db, deps, SYSTEM, PROGRAMME, { atRisk: '1' })).items.map(
        (i) => i.email,
      );
      expect(atRisk).toContain('ramesh.shrestha@example.org');
      expect(atRisk.length).toBeGreaterThan(1);
      expect(atRisk).not.toContain('aisha.bello@example.org');
      const soon = await listCandidates(deps.db, deps, SYSTEM, PROGRAMME, { deadlineWithinMonths: '3' });
      expect(soon.items.map((i) => i.email)).toContain('ramesh.shrestha@example.org');
    });

    it("does not count Kwame's participation certificates, and counts Elena's legacy Academy", async () => {
      const kwame = await candidate('kwame.mensah@example.org');
      expect(kwame.evaluation.uncounted.map((u) => [u.course, u.reason])).toEqual([
        ['FRP-SL', 'participation'],
        ['FRP', 'participation'],
      ]);
      expect(requirement(kwame, 'electives').have).toBe(0);
      expect(kwame.results.every((r) => r.completedOn <= '2026-11-28')).toBe(true);
      const elena = await candidate('elena.popescu@example.org');
      expect(requirement(elena, 'academy')).toMatchObject({ status: 'met', counted: ['LMA'] });
      expect(elena.results).toContainEqual(
        expect.objectContaining({
          courseCode: 'LMA',
          source: 'legacy',
          editionId: null,
          completedOn: '2022-06-24',
        }),
      );
      expect(elena.evaluation.window.start).toBe('2022-06-13');
    });

    it('has Joseph saved by his 12-month extension', async () => {
      const joseph = await candidate('joseph.kamau@example.org');
      expect(joseph.extensions).toEqual([expect.objectContaining({ months: 12 })]);
      expect(joseph.evaluation).toMatchObject({
        status: 'active',
        extensionsMonths: 12,
        window: { start: '2021-03-08', deadline: '2027-03-08' },
      });
      // Five years from his first counted start ended on 2026-03-08, before today: without it he would
      // have expired.
      expect('2026-03-08' < TEST_NOW.slice(0, 10)).toBe(true);
      expect(joseph.evaluation.reasons.map((r) => r.code)).toContain('extensionGranted');
      expect(requirement(joseph, 'electives').status).toBe('met');
    });

    it('shows the demo participant 2 of 3 electives, one under way, and editions to take next', async () => {
      const userId = await findPersonIdByEmail(deps.db, deps, 'participant@example.org');
      const actor = {
        kind: 'user' as const,
        id: userId!,
        roles: ['participant' as const],
        via: 'session' as const,
      };
      const [mine] = await getMyPathways(deps.db, deps, actor, 'en');
      const electives = mine!.detail.evaluation.requirements.find((r) => r.id === 'electives');
      expect(electives).toMatchObject({ status: 'in-progress', have: 2, needed: 3, enrolled: ['MALM'] });
      expect(mine!.detail.evaluation.capstoneUnlocked).toBe(false);
      const next = mine!.nextEditions.map((e) => e.courseCode);
      expect(next.length).toBeGreaterThan(0);
      for (const code of ['LMA', 'ELMA', 'FRP', 'MMDP', 'MALM']) expect(next).not.toContain(code);
    });
  });
}
