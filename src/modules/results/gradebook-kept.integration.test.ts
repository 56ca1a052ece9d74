import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  enrolOther,
  submitForMarking,
} from '../../../test/helpers/assessment-factories.js';
import { buildDebate } from '../../../test/helpers/debate-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { recordingTables } from '../../../test/helpers/tables-read.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { buildWebinar } from '../../../test/helpers/webinar-factories.js';
import { allocateMarker } from '../marking/allocation/allocate-markers.js';
import { agreeMark } from '../marking/moderation/moderate-submission.js';
import { releaseMark } from '../marking/release-marks.js';
import { markFromForm, saveMark } from '../marking/save-mark.js';
import { finaliseResults } from './finalise-results.js';
import { getGradebook, gradebookContents } from './get-gradebook.js';
import { participationSource } from './participation-source.js';
import { GRADEBOOK_TABLES } from './results-kept-tables.js';
import { saveResultPolicy } from './save-result-policy.js';
import { setOverride } from './set-override.js';

/**
 * The gradebook's pages are kept until one of their declared tables is written (ADR 0009): the list must
 * name every table a page reads (a policy, required items, a held webinar and a debate make every query
 * run), and a kept page must never hide a change made through the use cases (a mark released, an
 * override, a new policy, finalising, a new participant), while a mark not yet released stays unseen.
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the kept gradebook`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let markingId: string;
    const policy = (passMark: string) => ({
      passMark,
      requiredItemsComplete: 'on',
      minAttendance: '50',
      achievementGives: 'achievement',
      participationGives: 'participation',
      components: { [world.itemId]: { weight: '1', minMark: '', cutoff: '2026-12-31' } },
    });
    beforeAll(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps, { passMark: '50' });
      const staff = actorOf(world.facilitator);
      await buildWebinar(deps, world, {
        startsAt: '2026-11-30T10:00:00.000Z',
        endsAt: '2026-11-30T11:00:00.000Z',
      });
      // After "today" (1 December), and required: the required-items gate's query runs too.
      const later = {
        opening: '2026-12-02T10:00',
        rebuttal: '2026-12-03T10:00',
        closing: '2026-12-04T10:00',
      };
      await buildDebate(deps, world, later, { required: true });
      await saveResultPolicy(deps.db, deps, staff, world.edition.id, policy('50'));
      markingId = await submitForMarking(deps, world, 'My brief');
      await allocateMarker(deps.db, deps, staff, markingId, { markerId: world.assessor.id, role: 'first' });
    }, 60_000);
    afterAll(async () => deps?.close());

    it('names every table a page reads, paged or whole', async () => {
      const { db, read } = recordingTables(deps.db);
      for (const page of [1, null])
        await gradebookContents(db, world.edition.id, '2026-12-01', participationSource, page, 50);
      expect([...read()].filter((table) => !GRADEBOOK_TABLES.includes(table as never))).toEqual([]);
      expect(read()).toEqual(new Set(GRADEBOOK_TABLES));
    });

    it('shows a released mark, an override, a new policy, finalising and a new participant at once', async () => {
      const staff = actorOf(world.facilitator);
      const page = () => getGradebook(deps.db, deps, staff, world.edition.id, undefined, 1);
      const cell = async () => (await page()).rows.find((r) => r.personId === world.participant.id)?.cells[0];
      const first = await page();
      // Kept: the same rows for the next reader (the manager sees the facilitator's page).
      expect(
        (await getGradebook(deps.db, deps, actorOf(world.manager), world.edition.id, undefined, 1)).rows,
      ).toBe(first.rows);
      expect(await cell()).toMatchObject({ mark: null, source: 'none' });
      // A mark given but not released stays out of the gradebook.
      const given = markFromForm({ overall: 'Fine', mark: '62', complete: 'on' });
      await saveMark(deps.db, deps, actorOf(world.assessor), markingId, given);
      await agreeMark(deps.db, deps, staff, markingId, {});
      expect(await cell()).toMatchObject({ mark: null, source: 'none' });
      await releaseMark(deps.db, deps, staff, markingId);
      expect(await cell()).toMatchObject({ mark: 6200, source: 'space' });
      await setOverride(deps.db, deps, staff, world.edition.id, {
        personId: world.participant.id,
        componentId: world.itemId,
        mark: '70',
        reason: 'Re-marked after appeal',
      });
      expect(await cell()).toMatchObject({ mark: 7000, source: 'override', recorded: 6200 });
      expect((await page()).policy?.version).toBe(1);
      await saveResultPolicy(deps.db, deps, staff, world.edition.id, policy('80'));
      const second = await page();
      expect(second.policy?.version).toBe(2);
      expect(second.rows.find((r) => r.personId === world.participant.id)?.result?.outcome).toBe(
        'participation',
      );
      // Results are recorded after the edition (its assignment is due on 16 April 2027): a new day, a new page.
      deps.clock.set('2027-05-01T10:00:00.000Z');
      expect((await page()).today).toBe('2027-05-01');
      expect((await page()).finalised).toEqual({});
      await finaliseResults(deps.db, deps, staff, world.edition.id);
      const snapshots = await deps.db.selectFrom('result_snapshots').select('user_id').execute();
      expect(snapshots.length).toBeGreaterThan(0);
      expect(Object.keys((await page()).finalised).sort()).toEqual(snapshots.map((s) => s.user_id).sort());
      const other = await enrolOther(deps, world);
      expect((await page()).everyone.map((p) => p.id)).toContain(other.id);
    });
  });
}
