import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { seedScale } from '../../../seed/scale.js';
import {
  type CandidateFilter,
  orderedCandidacyIds,
  searchCandidacies,
} from './candidates-search.repository.js';

/**
 * The candidates list reads a page sorted by name either from the people's name index (when the page is
 * found long before the matches run out) or by sorting the matches; the count never reads the people.
 * Whichever way each page is read, the pages put together are the whole list in one order, each
 * candidate once, people of the same name included (both engines).
 */

const PAGE = 50;

for (const dialect of DIALECTS) {
  describe(`${dialect}: paging the candidates list`, () => {
    let deps: TestDeps;
    let programmeId: string;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      await seedScale(deps, 260);
      const { programme_id } = await deps.db
        .selectFrom('candidacies')
        .select('programme_id')
        .groupBy('programme_id')
        .orderBy((eb) => eb.fn.countAll(), 'desc')
        .executeTakeFirstOrThrow();
      programmeId = programme_id;
      // Namesakes: twelve people called the same, so that ties in the name order are exercised.
      const namesakes = await deps.db
        .selectFrom('users')
        .select('id')
        .where('email', 'like', 'scale-%')
        .orderBy('email')
        .limit(12)
        .execute();
      await deps.db
        .updateTable('users')
        .set({ full_name: 'Amina Diallo' })
        .where(
          'id',
          'in',
          namesakes.map((n) => n.id),
        )
        .execute();
    }, 120_000);
    afterAll(async () => deps?.close());

    async function allPages(filter: Omit<CandidateFilter, 'limit' | 'offset'>) {
      const whole = await searchCandidacies(deps.db, { ...filter, limit: 10_000, offset: 0 });
      const pages: string[] = [];
      for (let offset = 0; offset < whole.total; offset += PAGE) {
        const page = await searchCandidacies(deps.db, { ...filter, limit: PAGE, offset });
        expect(page.total).toBe(whole.total);
        pages.push(...page.rows.map((r) => r.id));
      }
      // The whole ordered list (kept by the list page) is the same list in the same order.
      expect(await orderedCandidacyIds(deps.db, filter)).toEqual(whole.rows.map((r) => r.id));
      return { whole: whole.rows.map((r) => r.id), pages, total: whole.total };
    }

    it('puts the pages together into the whole list, for every order and direction', async () => {
      for (const sort of ['name', 'deadline', 'registered', 'progress'] as const) {
        for (const direction of ['asc', 'desc'] as const) {
          const { whole, pages, total } = await allPages({ programmeId, sort, direction });
          expect(total).toBeGreaterThan(4 * PAGE);
          expect(pages).toEqual(whole);
          expect(new Set(pages).size).toBe(total);
        }
      }
    });

    it('orders by name, then by person, both in the chosen direction', async () => {
      const { rows } = await searchCandidacies(deps.db, {
        programmeId,
        sort: 'name',
        direction: 'asc',
        limit: PAGE,
        offset: 0,
      });
      const namesakes = rows.filter((r) => r.full_name === 'Amina Diallo').map((r) => r.user_id);
      expect(namesakes.length).toBeGreaterThan(1);
      expect(namesakes).toEqual([...namesakes].sort());
    });

    it('counts and pages with filters on the standing and on the person', async () => {
      const filtered = await allPages({ programmeId, sort: 'name', direction: 'asc', atRisk: true });
      expect(filtered.pages).toEqual(filtered.whole);
      const byCountry = await allPages({
        programmeId,
        sort: 'deadline',
        direction: 'asc',
        country: 'NG',
        text: 'a',
      });
      expect(byCountry.pages).toEqual(byCountry.whole);
      const everyone = await searchCandidacies(deps.db, {
        programmeId,
        sort: 'name',
        direction: 'asc',
        limit: 10_000,
        offset: 0,
      });
      const expected = everyone.rows.filter(
        (r) => r.country === 'NG' && /a/i.test(`${r.full_name} ${r.email}`),
      );
      expect(byCountry.total).toBe(expected.length);
      expect(new Set(byCountry.whole)).toEqual(new Set(expected.map((r) => r.id)));
    });
  });
}
