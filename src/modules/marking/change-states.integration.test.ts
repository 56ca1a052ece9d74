import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  type AssessmentWorld,
  buildAssessmentWorld,
  enrolOther,
  markingStateOf,
  submitForMarking,
} from '../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { isAppError } from '../../kernel/errors.js';
import { saveDraft } from '../assignments/save-draft.js';
import { submitAssignment } from '../assignments/submit-assignment.js';
import { allocateMarker } from './allocation/allocate-markers.js';
import { changeMarkingStates } from './change-states.js';
import { getContextOverview, getMyMarking, overviewQuery } from './get-marking-views.js';
import { markFromForm, saveMark } from './save-mark.js';

const mark = (percent: string) => markFromForm({ overall: 'Fine', mark: percent, complete: 'on' });

describe('overviewQuery', () => {
  it('reads a known state and a page number; anything else is every state, page 1', () => {
    expect(overviewQuery({ state: 'in-review', page: '3' })).toEqual({ state: 'in-review', page: 3 });
    expect(overviewQuery({ state: 'nope', page: '-2' })).toEqual({ state: null, page: 1 });
    expect(overviewQuery({ page: '1.5' })).toEqual({ state: null, page: 1 });
  });
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: bulk moves and the paged overview`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let markingId: string;
    beforeEach(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps, { secondMarking: true, discrepancy: '10', passMark: '50' });
      markingId = await submitForMarking(deps, world, 'My brief');
      const staff = actorOf(world.facilitator);
      await allocateMarker(deps.db, deps, staff, markingId, { markerId: world.assessor.id, role: 'first' });
      await allocateMarker(deps.db, deps, staff, markingId, {
        markerId: world.secondAssessor.id,
        role: 'second',
      });
    });
    afterEach(async () => {
      await deps.close();
    });

    const state = () => markingStateOf(deps, markingId);

    it('agrees and releases the selected ones; refused moves are reported by number and change nothing', async () => {
      const staff = actorOf(world.facilitator);
      await saveMark(deps.db, deps, actorOf(world.assessor), markingId, mark('62'));
      await saveMark(deps.db, deps, actorOf(world.secondAssessor), markingId, mark('66'));
      expect(await state()).toBe('ready-for-review');
      // Release is refused before an agreed mark: reported, nothing changed.
      const early = await changeMarkingStates(deps.db, deps, staff, world.edition.id, {
        submissionIds: [markingId],
        bulkAction: 'release',
      });
      expect(early).toEqual({
        action: 'release',
        changed: 0,
        refused: [{ participant: 'P-0001', reason: 'not-now' }],
      });
      expect(await state()).toBe('ready-for-review');
      const agreed = await changeMarkingStates(deps.db, deps, staff, world.edition.id, {
        submissionIds: markingId,
        bulkAction: 'agree',
      });
      expect(agreed).toEqual({ action: 'agree', changed: 1, refused: [] });
      expect(await state()).toBe('ready-for-release');
      const released = await changeMarkingStates(deps.db, deps, staff, world.edition.id, {
        submissionIds: [markingId, '01900000-0000-7000-8000-000000000000'],
        bulkAction: 'release',
      });
      expect(released).toEqual({
        action: 'release',
        changed: 1,
        refused: [{ participant: '—', reason: 'not-found' }],
      });
      const overview = await getContextOverview(deps.db, deps, staff, world.edition.id, {
        state: 'released',
        page: 4,
      });
      expect([overview.total, overview.byState, overview.page, overview.pageCount]).toEqual([
        1,
        { released: 1 },
        1,
        1,
      ]);
      expect(overview.submissions.map((s) => [s.participant, s.agreed])).toEqual([['P-0001', 6400]]);
      const none = await getContextOverview(deps.db, deps, staff, world.edition.id, {
        state: 'in-review',
        page: 1,
      });
      expect(none.submissions).toEqual([]);
    });

    it('leaves a flagged pair to the moderator; refuses an empty selection, a participant and a bad move', async () => {
      const staff = actorOf(world.facilitator);
      await saveMark(deps.db, deps, actorOf(world.assessor), markingId, mark('80'));
      await saveMark(deps.db, deps, actorOf(world.secondAssessor), markingId, mark('40'));
      const outcome = await changeMarkingStates(deps.db, deps, staff, world.edition.id, {
        submissionIds: [markingId],
        bulkAction: 'agree',
      });
      expect(outcome.refused).toEqual([{ participant: 'P-0001', reason: 'needs-moderator' }]);
      expect(await state()).toBe('ready-for-review');
      const refusal = (input: unknown, actor = staff) =>
        changeMarkingStates(deps.db, deps, actor, world.edition.id, input).then(
          () => 'ok',
          (error: unknown) => (isAppError(error) ? (error.fields[0]?.key ?? error.code) : 'thrown'),
        );
      expect(await refusal({ bulkAction: 'agree' })).toBe('marking.error.noneSelected');
      expect(await refusal({ submissionIds: [markingId], bulkAction: 'delete' })).toBe(
        'validation.invalidChoice',
      );
      expect(
        await refusal({ submissionIds: [markingId], bulkAction: 'agree' }, actorOf(world.participant)),
      ).toBe('forbidden');
      expect(await state()).toBe('ready-for-review');
    });

    it('pages "My marking" (oldest first, a slice of the kept queue), own mark only', async () => {
      const staff = actorOf(world.facilitator);
      const other = await enrolOther(deps, world);
      await saveDraft(deps.db, deps, actorOf(other), world.assignmentId, { text: 'Theirs', declared: true });
      await submitAssignment(deps.db, deps, actorOf(other), world.assignmentId);
      const second = await deps.db
        .selectFrom('marking_submissions')
        .select('id')
        .where('id', '!=', markingId)
        .executeTakeFirstOrThrow();
      await allocateMarker(deps.db, deps, staff, second.id, { markerId: world.assessor.id, role: 'first' });
      await saveMark(deps.db, deps, actorOf(world.assessor), markingId, mark('62'));
      const me = actorOf(world.assessor);
      const whole = await getMyMarking(deps.db, deps, me);
      expect(whole.rows.map((s) => s.id).sort()).toEqual([markingId, second.id].sort());
      expect([whole.total, whole.page, whole.pageCount]).toEqual([2, 1, 1]);
      const first = await getMyMarking(deps.db, deps, me, { page: '1' }, 1);
      const last = await getMyMarking(deps.db, deps, me, { page: '2' }, 1);
      // One a page, in the whole list's order; the marker sees their own mark only.
      expect([...first.rows, ...last.rows].map((s) => s.id)).toEqual(whole.rows.map((s) => s.id));
      const marked = [...first.rows, ...last.rows].find((s) => s.id === markingId);
      expect([marked?.participant, marked?.marks.map((m) => m.total)]).toEqual(['P-0001', [6200]]);
      expect([last.total, last.page, last.pageCount]).toEqual([2, 2, 2]);
      // Past the last page, or not a page: the last page, the first.
      expect((await getMyMarking(deps.db, deps, me, { page: '9' }, 1)).page).toBe(2);
      expect((await getMyMarking(deps.db, deps, me, { page: 'x' }, 1)).rows).toEqual(first.rows);
    });
  });
}
