import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { down, up } from './migrations/2026-12-10T0900-lrs-statement-target.js';

/** The migration that records each stored StatementRef's target (docs/spaces.md § ADL conformance suite run). */
for (const dialect of DIALECTS) {
  describe(`${dialect}: statement target migration`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(() => deps.close());

    it('fills target_id for the statements stored before it, and only for StatementRef objects', async () => {
      await down(deps.db);
      const target = randomUUID();
      const row = (id: string, object: Record<string, unknown>) => ({
        id,
        seq: randomUUID(),
        stored: new Date().toISOString(),
        timestamp: new Date().toISOString(),
        statement_json: JSON.stringify({ id, object }),
        verb_id: 'http://example.org/verbs/pointed',
        registration: null,
        is_voided: 0,
        voids_id: null,
        credential_id: randomUUID(),
      });
      const pointer = randomUUID();
      const plain = randomUUID();
      await deps.db
        .insertInto('lrs_statements')
        .values([
          row(pointer, { objectType: 'StatementRef', id: target.toUpperCase() }),
          row(plain, { objectType: 'Activity', id: 'http://example.org/StatementRef' }),
        ] as never)
        .execute();
      await up(deps.db);
      const targets = await deps.db
        .selectFrom('lrs_statements')
        .select(['id', 'target_id'])
        .where('id', 'in', [pointer, plain])
        .execute();
      expect(Object.fromEntries(targets.map((t) => [t.id, t.target_id]))).toEqual({
        [pointer]: target,
        [plain]: null,
      });
    });
  });
}
