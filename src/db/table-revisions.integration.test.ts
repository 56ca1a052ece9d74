import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { createTestDeps, type TestDeps } from '../../test/helpers/test-deps.js';
import { tableRevisionsOf } from './database.js';

/** The write tracking of the database handle, on each engine: writes move their table's revision once committed. */
for (const dialect of DIALECTS) {
  describe(`${dialect}: table revisions`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    const stamp = (table: string) => {
      const revisions = tableRevisionsOf(deps.db);
      if (!revisions) throw new Error('the test database is not tracked');
      return revisions.stamp([table]);
    };
    const addTheme = (db: typeof deps.db, slug: string) =>
      sql`insert into themes (id, slug, name_i18n, description_i18n, position) values (${slug}, ${slug}, ${'{"en":"x"}'}, ${'{"en":"x"}'}, 99)`.execute(
        db,
      );

    it('moves a table on a write outside a transaction, and leaves other tables alone', async () => {
      const themes = stamp('themes');
      const courses = stamp('courses');
      await addTheme(deps.db, 'rev-a');
      expect(stamp('themes')).not.toBe(themes);
      expect(stamp('courses')).toBe(courses);
      const after = stamp('themes');
      await deps.db.selectFrom('themes').selectAll().execute();
      expect(stamp('themes')).toBe(after);
    });

    it('moves a table written in a transaction at its commit only, and not for a rollback', async () => {
      const before = stamp('themes');
      await deps.db.transaction().execute(async (trx) => {
        await addTheme(trx, 'rev-b');
        expect(stamp('themes')).toBe(before);
      });
      expect(stamp('themes')).not.toBe(before);
      const committed = stamp('themes');
      await expect(
        deps.db.transaction().execute(async (trx) => {
          await addTheme(trx, 'rev-c');
          throw new Error('rolled back');
        }),
      ).rejects.toThrow('rolled back');
      expect(stamp('themes')).toBe(committed);
      const rows = await deps.db.selectFrom('themes').select('slug').where('slug', '=', 'rev-c').execute();
      expect(rows).toEqual([]);
    });
  });
}
