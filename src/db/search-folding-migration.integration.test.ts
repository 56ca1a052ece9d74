import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../test/helpers/dialects.js';
import { buildCourse, buildPerson } from '../../test/helpers/factories.js';
import { createTestDeps, type TestDeps } from '../../test/helpers/test-deps.js';
import { ANONYMOUS } from '../kernel/actor.js';
import { searchCatalogue } from '../modules/catalogue/search-catalogue.js';
import { down, up } from './migrations/2026-12-06T1520-search-folding.js';

/** The migration that refolds what was stored before one folding served every search (issue 10.9). */
for (const dialect of DIALECTS) {
  describe(`${dialect}: search folding migration`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(() => deps.close());

    it('folds every name and refolds the catalogue documents stored with the older folding', async () => {
      const person = await buildPerson(deps, { fullName: 'Thị Nguyễn Œhlenschläger' });
      const course = await buildCourse(deps, { title: { en: 'Works', fr: 'L’Œuvre de l’Île' } });
      // As the database was: no folded names; documents lowered without diacritics, ligatures and
      // curly apostrophes kept.
      await down(deps.db);
      await deps.db
        .updateTable('course_search')
        .set({ body: `${course.code.toLowerCase()}\nworks\nl’œuvre de l’ile` })
        .where('course_id', '=', course.id)
        .execute();
      const codesFor = async (q: string) =>
        (await searchCatalogue(deps.db, deps, ANONYMOUS, { q })).entries.map((entry) => entry.course.code);
      expect(await codesFor('oeuvre')).not.toContain(course.code);

      await up(deps.db);
      const row = await deps.db
        .selectFrom('users')
        .select('search_name')
        .where('id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(row.search_name).toBe('thi nguyen oehlenschlager');
      for (const q of ['oeuvre', "l'ile", 'l’Île']) expect(await codesFor(q), q).toContain(course.code);
    });
  });
}
