import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { findLatestStatusListCounter, findStatusList, updateStatusList } from '../credentials.repository.js';
import { loadIssuer } from '../keys/issuer.js';
import { allocateStatusIndex } from './status-list-store.js';

/**
 * Taking status indexes (issue 16: issuance reads the list's counter only, not its 40 KB of bits and signed
 * credential): consecutive indexes in the first pair of lists, created on first use, and the next pair of
 * lists when the last one is full.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: status indexes`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    it('takes consecutive indexes, creating both lists first, then the next pair when the last is full', async () => {
      const issuer = await loadIssuer(deps.db, deps);
      const take = () => deps.db.transaction().execute((trx) => allocateStatusIndex(trx, issuer, new Date()));
      const first = await take();
      const second = await take();
      expect(second.index).toBe(first.index + 1);
      const counter = await findLatestStatusListCounter(deps.db, 'revocation');
      expect(counter).toEqual({
        id: expect.any(String),
        list_number: first.listNumber,
        size: expect.any(Number),
        next_index: second.position + 1,
      });
      expect(await findStatusList(deps.db, 'suspension', first.listNumber)).toBeDefined();

      // The last list is full: the next index is the first of a new pair of lists.
      await updateStatusList(deps.db, counter!.id, { next_index: counter!.size });
      const next = await take();
      expect(next).toMatchObject({ listNumber: first.listNumber + 1, position: 0 });
      expect(next.index).toBe((first.listNumber + 1) * counter!.size);
      expect(await findStatusList(deps.db, 'revocation', next.listNumber)).toMatchObject({ next_index: 1 });
      expect(await findStatusList(deps.db, 'suspension', next.listNumber)).toBeDefined();
    });
  });
}
