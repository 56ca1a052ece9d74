import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { createTestDeps, type TestDeps } from '../../test/helpers/test-deps.js';
import { insertRows } from './bulk-insert.js';
import { clearStagedRows } from './staged-rows.js';
import { inTransaction } from './transaction.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: insertRows`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(() => deps.close());

    const rows = (n: number, owner: string) =>
      Array.from({ length: n }, (_, i) => ({
        batch_id: `b-${owner}`,
        target: 't',
        seq: i,
        rows_json: i % 2 ? `[${i}]` : '[]',
        ignored: 'not a column',
      }));
    const read = (owner: string) =>
      deps.db
        .selectFrom('staged_rows')
        .select(['batch_id', 'owner', 'target', 'seq', 'rows_json', 'created_at'])
        .where('owner', '=', owner)
        .orderBy('seq')
        .execute();

    it('writes every row, in statements of equal size and a last shorter one, with the constants', async () => {
      // 5 columns: 2,000 rows per statement, so 4,501 rows are three statements.
      await insertRows(deps.db, 'staged_rows', ['batch_id', 'target', 'seq', 'rows_json'], rows(4501, 'a'), {
        owner: 'a',
        created_at: '2026-12-07T00:00:00.000Z',
      });
      const stored = await read('a');
      expect(stored).toHaveLength(4501);
      expect(stored[4500]).toEqual({
        batch_id: 'b-a',
        owner: 'a',
        target: 't',
        seq: 4500,
        rows_json: '[]',
        created_at: '2026-12-07T00:00:00.000Z',
      });
      expect(stored[7]?.rows_json).toBe('[7]');
      await clearStagedRows(deps.db, { owner: 'a' });
    });

    it('writes nothing when the transaction is rolled back, and nothing for no rows', async () => {
      await insertRows(deps.db, 'staged_rows', ['batch_id'], [], { owner: 'b' });
      await expect(
        inTransaction(deps.db, async (trx) => {
          await insertRows(trx, 'staged_rows', ['batch_id', 'target', 'seq', 'rows_json'], rows(3, 'b'), {
            owner: 'b',
            created_at: 'now',
          });
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(await read('b')).toEqual([]);
    });
  });
}
