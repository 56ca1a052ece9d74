import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { countRows } from '../../../../test/helpers/http-extra.js';
import { editionCode, importCsv } from '../../../../test/helpers/import-helpers.js';
import {
  buildDatedEdition,
  buildParticipant,
  buildPathwayProgramme,
  registerAs,
} from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { commitImport } from './import-commit.js';
import { uploadImport } from './import-upload.js';
import { getImport } from './import-view.js';

/**
 * All or nothing: the swap (docs/decisions/0010-staged-writes.md) copies the staged places, results and
 * audit events, then the issuance jobs; a copy that fails there rolls back everything the swap wrote before
 * it — enrolments, results, audit events, standings — and the import stays committable; once the cause is
 * gone the same commit succeeds, and no staging table is left behind.
 */

const failOnCall = { n: 0, calls: 0 };

vi.mock('../../../db/staged-rows.js', async (importOriginal) => {
  const original = await importOriginal<typeof import('../../../db/staged-rows.js')>();
  return {
    ...original,
    copyStagedRows: async (...args: Parameters<typeof original.copyStagedRows>) => {
      if (args[2] === 'jobs') {
        failOnCall.calls += 1;
        if (failOnCall.n > 0 && failOnCall.calls === failOnCall.n) throw new Error('disk full (simulated)');
      }
      return original.copyStagedRows(...args);
    },
  };
});

const SYSTEM = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`${dialect}: a failing row rolls the whole import back`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    it('writes nothing when a write half-way fails, and commits everything once it no longer fails', async () => {
      deps.clock.set(TEST_NOW);
      const programme = await buildPathwayProgramme(deps);
      const code = editionCode();
      await buildDatedEdition(deps, programme.electives[0], '2026-03-01', '2026-04-30', { code });
      const people = [];
      for (let i = 0; i < 4; i++) people.push(await buildParticipant(deps));
      const candidacyId = await registerAs(deps, programme, people[0]!, '2026-01-01');
      const csv = importCsv([
        {
          email: people[0]!.email,
          course: programme.academy,
          outcome: 'achievement',
          completed_on: '2022-05-01',
        },
        ...people.map((p) => ({
          email: p.email,
          course: programme.electives[0],
          edition: code,
          outcome: 'achievement',
          completed_on: '2026-04-30',
        })),
      ]);
      const { id } = await uploadImport(deps.db, deps, SYSTEM, {
        fileName: 'r.csv',
        bytes: Buffer.from(csv),
      });
      const snapshot = async () =>
        JSON.stringify([
          await deps.db.selectFrom('results').selectAll().orderBy('id').execute(),
          await deps.db.selectFrom('enrolments').selectAll().orderBy('id').execute(),
          await deps.db.selectFrom('candidacies').selectAll().where('id', '=', candidacyId).execute(),
          await countRows(deps, 'audit_events'),
          await countRows(deps, 'import_files'),
        ]);
      const before = await snapshot();
      failOnCall.n = 1;
      failOnCall.calls = 0;
      await expect(commitImport(deps.db, deps, SYSTEM, id)).rejects.toThrow('disk full');
      expect(failOnCall.calls).toBe(1);
      expect(await snapshot()).toBe(before);
      const view = await getImport(deps.db, deps, SYSTEM, id);
      expect(view.status).toBe('previewed');
      expect(view.canCommit).toBe(true);

      failOnCall.n = 0;
      expect(await commitImport(deps.db, deps, SYSTEM, id)).toEqual({ status: 'committed' });
      expect(await countRows(deps, 'results')).toBe(5);
      expect(await countRows(deps, 'enrolments')).toBe(4);
      // The staging tables of both attempts are dropped with their listing.
      expect(await countRows(deps, 'staged_rows')).toBe(0);
    });
  });
}
