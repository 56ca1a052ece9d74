import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { buildPerson } from '../../test/helpers/factories.js';
import { createTestDeps, type TestDeps } from '../../test/helpers/test-deps.js';
import { reusableQuery } from './reusable-query.js';
import { inTransaction } from './transaction.js';

const namesLike = reusableQuery((db, id: string, other: string) =>
  db
    .selectFrom('users')
    .select(['id', 'full_name'])
    .where((eb) => eb.or([eb('id', '=', id), eb('id', '=', other)]))
    .where('disabled_at', 'is', null)
    .orderBy('full_name'),
);

for (const dialect of DIALECTS) {
  describe(`${dialect}: reusableQuery`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(() => deps.close());

    it('answers as the same Kysely query would, call after call, in and out of transactions', async () => {
      const a = await buildPerson(deps, { fullName: 'Ana Reusable' });
      const b = await buildPerson(deps, { fullName: 'Bea Reusable' });
      const direct = (id: string, other: string) =>
        deps.db
          .selectFrom('users')
          .select(['id', 'full_name'])
          .where((eb) => eb.or([eb('id', '=', id), eb('id', '=', other)]))
          .where('disabled_at', 'is', null)
          .orderBy('full_name')
          .execute();
      for (const [x, y] of [
        [a.id, b.id],
        [b.id, 'none'],
        ['none', 'nobody'],
      ] as const)
        expect(await namesLike(deps.db, x, y)).toEqual(await direct(x, y));
      expect(await inTransaction(deps.db, (trx) => namesLike(trx, a.id, a.id))).toEqual([
        { id: a.id, full_name: 'Ana Reusable' },
      ]);
    });

    it('refuses a builder that does not use every argument as a value', async () => {
      const unused = reusableQuery((db, _id: string) => db.selectFrom('users').select('id'));
      await expect(unused(deps.db, 'x')).rejects.toThrow(/uses 0 of its 1 arguments/);
    });
  });
}
