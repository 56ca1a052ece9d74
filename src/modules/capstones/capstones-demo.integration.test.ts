import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { seedDemo } from '../../seed/seed-demo.js';
import { DEMO_PASSWORD } from '../identity/demo/demo-people.js';
import { markingOfOwner } from '../marking/marking.queries.js';
import { CAPSTONE_STATES } from './capstone.js';
import { capstoneSettings } from './capstone-settings.js';
import { countByState, listAttempts } from './capstones.repository.js';
import { DEMO_CAPSTONE_RUBRIC } from './demo/capstone-rubric.js';
import { searchLibrary } from './library/search-library.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: the demo capstones`, () => {
    let deps: TestDeps;
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      await seedDemo(deps);
      await seedDemo(deps); // idempotent
    }, 600_000);
    afterAll(async () => {
      await close();
    });

    const passedCapstone = () =>
      deps.db.selectFrom('capstones').selectAll().where('state', '=', 'passed').executeTakeFirstOrThrow();

    it('has capstones in every state', async () => {
      const counts = await countByState(deps.db);
      for (const state of CAPSTONE_STATES) expect(counts.get(state) ?? 0, state).toBeGreaterThan(0);
    });

    it('issues Thandiwe’s diploma with her capstone credential in its CLR, and publishes the capstone', async () => {
      const capstone = await passedCapstone();
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

    it('assesses on the programme’s capstone rubric: five criteria in three languages, a pass mark', async () => {
      const capstone = await passedCapstone();
      const settings = await capstoneSettings(deps.db, capstone.programme_id);
      expect(settings.passMark).toBe(5000);
      const version = await deps.db
        .selectFrom('marking_rubric_versions')
        .select('criteria_json')
        .where('rubric_id', '=', settings.rubricId!)
        .executeTakeFirstOrThrow();
      const criteria = JSON.parse(version.criteria_json) as typeof DEMO_CAPSTONE_RUBRIC.criteria;
      expect(criteria.map((c) => c.titles.en)).toEqual([
        'Analytical use of the Academy and of the three courses',
        'Analysis of the country context',
        'Quality and feasibility of the policy recommendations',
        'Use of evidence and of international labour standards',
        'Structure and language',
      ]);
      for (const c of criteria)
        expect(c.titles.fr && c.titles.es && c.titles.fr !== c.titles.es).toBeTruthy();
    });

    it('shows the manager each assessor’s points and comment on every criterion of a marked capstone', async () => {
      const capstone = await passedCapstone();
      const [attempt] = await listAttempts(deps.db, capstone.id);
      const marking = await markingOfOwner(deps.db, 'capstones', attempt!.id);
      const marks = await deps.db
        .selectFrom('marking_marks')
        .selectAll()
        .where('submission_id', '=', marking!.id)
        .execute();
      expect(marks.map((m) => m.total).sort()).toEqual([6800, 7400]);
      for (const mark of marks) {
        const scores = JSON.parse(mark.scores_json) as Record<string, { points: number; comment: string }>;
        expect(Object.keys(scores).sort()).toEqual(['c1', 'c2', 'c3', 'c4', 'c5']);
        for (const score of Object.values(scores)) expect(score.comment.length).toBeGreaterThan(10);
      }
      // The demo manager reads Spanish: the criteria are named in Spanish, with both assessors' points.
      const manager = new Client(app);
      await manager.signIn('manager@example.org', DEMO_PASSWORD);
      const page = await manager.get(`/marking/submissions/${marking!.id}`);
      expect(page.statusCode).toBe(200);
      for (const c of DEMO_CAPSTONE_RUBRIC.criteria) expect(page.body).toContain(c.titles.es);
      expect(page.body).toContain('Uses the Academy’s rights-based approach');
      expect(page.body).toContain('The three courses are combined well');
      expect(page.body).not.toContain(DEMO_CAPSTONE_RUBRIC.criteria[0]!.titles.en);
    });
  });
}
