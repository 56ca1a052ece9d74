import type { KyselyPlugin, OperationNode, RootOperationNode } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition, buildPerson } from '../../../test/helpers/factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { ANONYMOUS, systemActor } from '../../kernel/actor.js';
import { listThemes } from '../programmes/get-programme.js';
import { CATALOGUE_PAGE_TABLES } from './catalogue-page-tables.js';
import { searchCatalogue } from './search-catalogue.js';

/**
 * Every name a query's tree gives a table (from, joins, subqueries, the read models' subqueries, and the
 * columns' table references) and every alias it defines: the tables read are the first less the second.
 */
function namesOf(node: unknown, tables: Set<string>, aliases: Set<string>): void {
  if (Array.isArray(node)) for (const item of node) namesOf(item, tables, aliases);
  else if (node && typeof node === 'object') {
    const op = node as OperationNode & {
      table?: { identifier?: { name?: string } };
      alias?: { kind?: string; name?: string };
      node?: { kind?: string };
    };
    if (op.kind === 'TableNode' && op.table?.identifier?.name) tables.add(op.table.identifier.name);
    if (op.kind === 'AliasNode' && op.alias?.kind === 'IdentifierNode' && op.alias.name) {
      // `courses as source`: the alias is not a table; a subquery's alias (`usersView(db).as('users')`) is
      // read through its own tree.
      if (op.node?.kind === 'TableNode') aliases.add(op.alias.name);
    }
    for (const value of Object.values(node)) namesOf(value, tables, aliases);
  }
}

/**
 * The kept catalogue pages go stale when one of CATALOGUE_PAGE_TABLES is written: the list must name every
 * table the page reads, whatever the filters. The queries are walked as Kysely builds them.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the catalogue page's tables`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      const facilitator = await buildPerson(deps, { roles: ['facilitator'] });
      const course = await buildCourse(deps, {
        themes: ['rights'],
        title: { en: 'Rights of migrant workers' },
      });
      await buildCourse(deps, { countsAs: [course.code] });
      await buildEdition(deps, course.code, { facilitatorIds: [facilitator.id], language: 'fr' });
    });
    afterAll(async () => deps?.close());

    it('names every table the page reads, for every kind of filter', async () => {
      const named = new Set<string>();
      const aliases = new Set<string>();
      const recorder: KyselyPlugin = {
        transformQuery: (args) => {
          namesOf(args.node as RootOperationNode, named, aliases);
          return args.node;
        },
        transformResult: async (args) => args.result,
      };
      const db = deps.db.withPlugin(recorder);
      const queries = [
        {},
        { q: 'migrant' },
        { theme: 'rights', language: 'fr', mode: 'online', open: '1' },
        { from: '2027-01-01', to: '2027-12-31', page: '1' },
        { retired: '1' },
      ];
      for (const query of queries) {
        await listThemes(db, deps);
        await searchCatalogue(db, deps, systemActor('test'), query);
        await searchCatalogue(db, deps, ANONYMOUS, query);
      }
      const read = new Set([...named].filter((name) => !aliases.has(name) || name === 'users'));
      expect(
        [...read].filter((table) => !(CATALOGUE_PAGE_TABLES as readonly string[]).includes(table)),
      ).toEqual([]);
      expect(read.size).toBeGreaterThanOrEqual(8);
    });
  });
}
