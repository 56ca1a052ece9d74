import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  submitForMarking,
} from '../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { allocateMarker } from './allocation/allocate-markers.js';
import { saveMarkerLanguages } from './allocation/save-marker-languages.js';
import { getContextOverview, getMyMarking, myMarkingOf, overviewContents } from './get-marking-views.js';
import { MY_MARKING_TABLES, OVERVIEW_TABLES } from './marking-kept-tables.js';
import { appointExaminer } from './moderation/appoint-examiner.js';
import { markFromForm, saveMark } from './save-mark.js';
import { MARKING_STATES } from './workflow.js';

const mark = (percent: string, complete = true) =>
  markFromForm({ overall: 'Fine', mark: percent, complete: complete ? 'on' : '' });

/**
 * The marking overview's pages are kept until one of their declared tables is written (ADR 0009): the
 * list must name every table a page reads, in every state and revealed or not; and a kept page must never
 * hide a change made through the use cases.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the kept marking overview`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let markingId: string;
    beforeAll(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps, { secondMarking: true, discrepancy: '10', passMark: '50' });
      markingId = await submitForMarking(deps, world, 'My brief');
      const staff = actorOf(world.facilitator);
      await allocateMarker(deps.db, deps, staff, markingId, { markerId: world.assessor.id, role: 'first' });
      await saveMarkerLanguages(deps.db, deps, actorOf(world.assessor), { languages: ['en'] });
    }, 60_000);
    afterAll(async () => deps?.close());

    it('names every table a page reads, in every state, marked or not, revealed or not', async () => {
      const { db, read } = recordingTables(deps.db);
      for (const revealed of [false, true])
        for (const state of [null, ...MARKING_STATES])
          await overviewContents(db, world.edition.id, { state, page: 1 }, revealed);
      await saveMark(deps.db, deps, actorOf(world.assessor), markingId, mark('62'));
      // Marked: the moderation sample's query runs too.
      const marked = await overviewContents(db, world.edition.id, { state: null, page: 1 }, true);
      expect(marked.submissions[0]?.sampled).toBe(true);
      expect([...read()].filter((table) => !OVERVIEW_TABLES.includes(table as never))).toEqual([]);
      expect(read()).toEqual(new Set(OVERVIEW_TABLES));
    });

    it('names every table a marker’s own queue reads, an examiner’s sample included', async () => {
      const { db, read } = recordingTables(deps.db);
      const examiner = await buildPerson(deps, { roles: ['assessor'] });
      await appointExaminer(deps.db, deps, actorOf(world.manager), world.edition.id, {
        personId: examiner.id,
      });
      expect((await myMarkingOf(db, world.assessor.id)).length).toBeGreaterThan(0);
      await myMarkingOf(db, examiner.id);
      expect([...read()].filter((table) => !MY_MARKING_TABLES.includes(table as never))).toEqual([]);
      // One person's number in one context is read by a reusable statement (built once, marking-one.repository.ts),
      // whose tree the recorder never sees: its table (marking_numbers) is named here.
      expect(new Set([...read(), 'marking_numbers'])).toEqual(new Set(MY_MARKING_TABLES));
    });

    it('shows every change made through the use cases at once (a mark, a marker’s languages)', async () => {
      const staff = actorOf(world.facilitator);
      const page = () => getContextOverview(deps.db, deps, staff, world.edition.id);
      const before = await page();
      expect(await page()).toEqual(before);
      await allocateMarker(deps.db, deps, staff, markingId, {
        markerId: world.secondAssessor.id,
        role: 'second',
      });
      await saveMark(deps.db, deps, actorOf(world.secondAssessor), markingId, mark('90', false));
      const after = await page();
      expect(after.submissions[0]?.marks.map((m) => m.role)).toEqual(['first', 'second']);
      expect(after.submissions[0]?.state).toBe('in-marking');
      await saveMarkerLanguages(deps.db, deps, actorOf(world.assessor), { languages: ['en', 'fr'] });
      expect((await page()).markers.find((m) => m.id === world.assessor.id)?.languages).toEqual(['en', 'fr']);
    });

    it('keeps a marker’s queue until one of its tables is written (their own mark changed)', async () => {
      // After the test above: the second assessor holds a draft mark of 90.
      const second = actorOf(world.secondAssessor);
      const queue = () => getMyMarking(deps.db, deps, second);
      const before = await queue();
      expect((await queue()).queue).toBe(before.queue);
      expect(before.rows.map((s) => s.marks[0]?.total)).toEqual([9000]);
      await saveMark(deps.db, deps, second, markingId, mark('55', false));
      const after = await queue();
      expect(after.queue).not.toBe(before.queue);
      expect(after.rows.map((s) => s.marks[0]?.total)).toEqual([5500]);
    });
  });
}
