import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { countRows } from '../../../../test/helpers/http-extra.js';
import { editionCode, importCsv, insertPeople } from '../../../../test/helpers/import-helpers.js';
import {
  buildDatedEdition,
  buildPathwayProgramme,
  registerAs,
} from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { runJobsUntilIdle } from '../../../jobs/runner.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { commitImport } from './import-commit.js';
// The pathway's own jobs: the certificates these results earn are the credentials tests' business.
import { PATHWAY_JOBS } from './import-jobs.js';
import { uploadImport } from './import-upload.js';
import { getImport } from './import-view.js';

/**
 * A 20,000-row file through the job path (check, preview, commit), then the same file again (nothing
 * changes). Prints rows per second; the 100,000-row figure is in the benchmark.
 */

const ROWS_PER_PERSON = 10;
const PEOPLE = 2000;

for (const dialect of DIALECTS) {
  describe(`${dialect}: a 20,000-row import`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    it('checks and commits 20,000 rows in jobs, and a re-import changes nothing', {
      timeout: 300_000,
    }, async () => {
      deps.clock.set(TEST_NOW);
      const manager: Actor = systemActor('scale-test');
      const programme = await buildPathwayProgramme(deps);
      const editions: string[] = [];
      for (let i = 0; i < ROWS_PER_PERSON - 1; i++) {
        const code = editionCode('S');
        await buildDatedEdition(deps, programme.electives[i % 4]!, '2025-01-01', '2025-02-28', { code });
        editions.push(code);
      }
      const people = await insertPeople(deps, PEOPLE);
      for (const person of people.slice(0, 50)) await registerAs(deps, programme, person, '2025-01-01');
      const rows = people.flatMap((p, n) => [
        ...editions.map((code, i) => ({
          email: p.email,
          course: programme.electives[i % 4]!,
          edition: code,
          outcome: n % 7 === 0 ? 'participation' : 'achievement',
          grade: String(50 + ((n + i) % 50)),
          completed_on: '2025-02-28',
        })),
        {
          email: p.email,
          course: programme.academy,
          outcome: 'achievement',
          completed_on: '2019-06-30',
          reference: `L-${n}`,
        },
      ]);
      expect(rows).toHaveLength(PEOPLE * ROWS_PER_PERSON);
      const csv = Buffer.from(importCsv(rows));

      const started = performance.now();
      const { id } = await uploadImport(deps.db, deps, manager, { fileName: 'scale.csv', bytes: csv });
      const uploaded = performance.now();
      expect((await getImport(deps.db, deps, manager, id)).status).toBe('validating');
      await runJobsUntilIdle(deps, PATHWAY_JOBS);
      const checked = performance.now();
      const preview = await getImport(deps.db, deps, manager, id);
      expect(preview.problems).toEqual([]);
      expect(preview.counts).toMatchObject({
        rows: 20_000,
        newResults: 20_000,
        enrolments: 18_000,
        legacyRows: 2000,
      });
      expect(await commitImport(deps.db, deps, manager, id)).toEqual({ status: 'committing' });
      await runJobsUntilIdle(deps, PATHWAY_JOBS);
      const committed = performance.now();
      const report = await getImport(deps.db, deps, manager, id);
      expect(report.status).toBe('committed');
      expect(report.report).toMatchObject({
        newResults: 20_000,
        enrolments: 18_000,
        candidaciesRefreshed: 50,
      });
      const results = await countRows(deps, 'results');
      expect(results).toBe(20_000);

      const again = await uploadImport(deps.db, deps, manager, { fileName: 'scale.csv', bytes: csv });
      await runJobsUntilIdle(deps, PATHWAY_JOBS);
      expect((await getImport(deps.db, deps, manager, again.id)).counts).toMatchObject({
        unchangedRows: 20_000,
        newResults: 0,
      });
      const auditBefore = await countRows(deps, 'audit_events');
      await commitImport(deps.db, deps, manager, again.id);
      await runJobsUntilIdle(deps, PATHWAY_JOBS);
      expect((await getImport(deps.db, deps, manager, again.id)).report).toMatchObject({
        newResults: 0,
        changedResults: 0,
      });
      expect(await countRows(deps, 'results')).toBe(20_000);
      expect(await countRows(deps, 'audit_events')).toBe(auditBefore + 1);

      const seconds = (ms: number) => (ms / 1000).toFixed(2);
      const rate = (ms: number) => Math.round(20_000 / (ms / 1000));
      console.info(
        `[import scale ${dialect}] 20,000 rows: upload ${seconds(uploaded - started)} s, check ${seconds(checked - uploaded)} s, commit ${seconds(committed - checked)} s; ${rate(committed - started)} rows/s end to end`,
      );
    });
  });
}
