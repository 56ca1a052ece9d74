import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { buildCase, LATER_NEWS } from '../../../test/helpers/case-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { getItemPage } from '../spaces/get-item-page.js';
import { addDocument } from './add-document.js';
import { CASE_CONTENT_TABLES, caseContent, readCaseContent } from './case-content.js';
import { getCase } from './get-case.js';
import { saveAnswer } from './save-answer.js';
import { saveCase } from './save-case.js';
import { scheduleNews } from './schedule-news.js';

/**
 * A case's content (texts, news, documents) is kept until one of its tables is written; what a reader sees
 * of it (news released by now, the debrief after the deadline) and their answer are per request.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the kept content of a case study`, () => {
    let deps: TestDeps;
    let world: SpaceWorld;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      world = await buildSpaceWorld(deps);
    });
    afterEach(async () => deps.close());
    const staff = () => actorOf(world.facilitator);

    it('names every table the content is read from', async () => {
      const { itemId } = await buildCase(deps, staff(), world.edition.id);
      const { db, read } = recordingTables(deps.db);
      await readCaseContent(db, itemId);
      expect([...read()].sort()).toEqual([...CASE_CONTENT_TABLES].sort());
    });

    it('is kept between requests; changes, dates and answers show at once', async () => {
      const { itemId } = await buildCase(deps, staff(), world.edition.id);
      const first = await caseContent(deps.db, itemId);
      expect(await caseContent(deps.db, itemId)).toBe(first);
      const participant = actorOf(world.participant);
      const read = () => getCase(deps.db, deps, participant, itemId);
      expect((await read()).news.map((n) => n.title.en)).toEqual(['Floods hit the north']);
      // A later date releases the news and, after the deadline, the debrief: nothing written, same content.
      deps.clock.set('2026-12-11T08:00Z');
      const later = await read();
      expect(JSON.stringify(later.news)).toContain(LATER_NEWS);
      expect(later.debrief?.en).toBe('DEBRIEF-after-deadline');
      expect(await caseContent(deps.db, itemId)).toBe(first);
      deps.clock.set('2026-11-28T10:00Z');
      // The reader's answer is theirs, read per request.
      await saveAnswer(deps.db, deps, participant, itemId, { body: 'Fees paid by employers.' });
      expect((await read()).mine?.body).toBe('Fees paid by employers.');
      // Staff changes: texts, a piece of news, a document.
      await saveCase(deps.db, deps, staff(), itemId, {
        context: { en: 'A new context.' },
        questions: { en: 'Q?' },
        deadlineAt: '2026-12-10T17:00Z',
      });
      await scheduleNews(deps.db, deps, staff(), itemId, {
        title: { en: 'Strike' },
        releaseAt: '2026-11-27T08:00Z',
      });
      await addDocument(
        deps.db,
        deps,
        staff(),
        itemId,
        { title: 'Data' },
        {
          fileName: 'data.csv',
          bytes: Buffer.from('a\n1\n'),
        },
      );
      const changed = await read();
      expect(changed.context.en).toBe('A new context.');
      expect(changed.news.map((n) => n.title.en)).toEqual(['Floods hit the north', 'Strike']);
      expect(changed.documents.map((d) => d.title)).toEqual(['Data']);
      // The space's item page renders the same view from the space it already read.
      const page = await getItemPage(deps.db, deps, participant, world.edition.id, itemId, 'en');
      expect(page.body).not.toBeNull();
    });
  });
}
