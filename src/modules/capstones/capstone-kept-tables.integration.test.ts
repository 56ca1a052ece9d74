import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftedCapstone } from '../../../test/helpers/capstone-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { newId } from '../../kernel/ids.js';
import { CAPSTONE_STATES, librarySearchDocument } from './capstone.js';
import { LIBRARY_TABLES, QUEUE_TABLES } from './capstone-kept-tables.js';
import { findCapstone, insertAttempt, updateCapstone } from './capstones.repository.js';
import { getCapstoneQueues } from './get-capstone-queues.js';
import { indexLibraryEntry } from './library/capstone-library.repository.js';
import { libraryThemes, searchLibrary } from './library/search-library.js';

const undeclared = (read: Set<string>, declared: readonly string[]) =>
  [...read].filter((table) => !declared.includes(table));

/**
 * The library's searches and the committee's queues are kept until one of their declared tables is
 * written: each list must name every table they read, whatever the filters (queries walked as Kysely
 * builds them; a handle with a plugin keeps nothing, so every search really runs).
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the tables of the kept library and queues`, () => {
    let deps: TestDeps;
    let world: Awaited<ReturnType<typeof draftedCapstone>>;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      world = await draftedCapstone(deps);
      // Published as scale data is (the passing and the consent have their own tests): the library then
      // reads the entry's attempt for its abstract.
      const now = new Date().toISOString();
      await updateCapstone(deps.db, world.capstoneId, {
        state: 'passed',
        completed_on: '2026-06-30',
        library_licence: 'CC-BY-4.0',
        published_at: now,
        search_text: 'protecting migrant domestic workers in ghana',
      });
      await insertAttempt(deps.db, {
        id: newId(),
        capstone_id: world.capstoneId,
        attempt: 1,
        type: 'pdf',
        size_bytes: 1000,
        sha256: 'a'.repeat(64),
        storage_key: `capstones/${world.capstoneId}/kept.pdf`,
        original_name: 'capstone.pdf',
        abstracts_json: JSON.stringify({ en: 'Domestic workers abroad.' }),
        declared: 1,
        digest: 'b'.repeat(64),
        submitted_at: now,
        created_at: now,
      });
      const row = (await findCapstone(deps.db, world.capstoneId))!;
      await indexLibraryEntry(deps.db, row.id, librarySearchDocument(row));
    }, 60_000);
    afterAll(async () => deps?.close());

    it('names every table the library’s search reads, for every kind of filter', async () => {
      const { db, read } = recordingTables(deps.db);
      const searches = [
        {},
        { q: 'migrant' },
        { q: 'ghana', country: 'GH' },
        { q: 'sudáfrica', theme: 'Domestic work', page: '2' },
        { country: 'GH', language: 'fr', year: '2026', page: '3' },
        { theme: 'Social protection' },
      ];
      let found = 0;
      for (const search of searches) found += (await searchLibrary(db, deps, search)).items.length;
      expect(found).toBeGreaterThan(0);
      await libraryThemes(db);
      expect(undeclared(read(), LIBRARY_TABLES)).toEqual([]);
      expect(read()).toEqual(new Set(LIBRARY_TABLES));
    });

    it('names every table the committee’s queues read, in every state', async () => {
      const { db, read } = recordingTables(deps.db);
      for (const state of CAPSTONE_STATES)
        await getCapstoneQueues(db, deps, actorOf(world.manager), { state, page: '2' });
      await getCapstoneQueues(db, deps, actorOf(world.manager), { state: 'passed' });
      expect(undeclared(read(), QUEUE_TABLES)).toEqual([]);
      expect(read()).toEqual(new Set(QUEUE_TABLES));
    });
  });
}
