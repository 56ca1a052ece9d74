import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AssessmentWorld, buildAssessmentWorld } from '../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { isAppError } from '../../kernel/errors.js';
import { getAssignmentPage } from '../assignments/get-assignment-page.js';
import { saveDraft } from '../assignments/save-draft.js';
import { submitAssignment } from '../assignments/submit-assignment.js';
import { allocateMarker, allocateMarkersEvenly } from './allocation/allocate-markers.js';
import { getMarkingPage, getMyMarking } from './get-marking-views.js';
import { markerViewOf, releasedMarkings, releasedMarksOfContext } from './marking.queries.js';
import { appointExaminer } from './moderation/appoint-examiner.js';
import { agreeMark, reviewSubmission } from './moderation/moderate-submission.js';
import { releaseMark } from './release-marks.js';
import { revealIdentities } from './reveal-identities.js';
import { saveRubric } from './rubrics/save-rubric.js';
import { markFromForm, saveMark } from './save-mark.js';

async function refusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    if (isAppError(error))
      return error.fields[0] ? `${error.fields[0].path}:${error.fields[0].key}` : error.code;
    throw error;
  }
  return undefined;
}

const CRITERIA = [
  { id: 'c1', title: 'Analysis', weight: 2, maxPoints: 10, levels: [] },
  {
    id: 'c2',
    title: 'Recommendations',
    weight: 1,
    maxPoints: 4,
    levels: [
      { label: 'Weak', points: 1 },
      { label: 'Good', points: 3 },
      { label: 'Excellent', points: 4 },
    ],
  },
];

const mark = (c1: string, c2: string, complete = true) =>
  markFromForm({
    'points.c1': c1,
    'points.c2': c2,
    'comment.c1': `Analysis ${c1}`,
    'comment.c2': 'Clear',
    overall: 'Good work',
    complete: complete ? 'on' : '',
  });

for (const dialect of DIALECTS) {
  describe(`${dialect}: the marking engine`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let rubricId: string;
    let markingId: string;
    beforeEach(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      const manager = await (await import('../../../test/helpers/factories.js')).buildPerson(deps, {
        roles: ['manager'],
      });
      rubricId = (
        await saveRubric(deps.db, deps, actorOf(manager), null, { title: 'Brief rubric', criteria: CRITERIA })
      ).id;
      world = await buildAssessmentWorld(deps, {
        rubricId,
        secondMarking: true,
        discrepancy: '10',
        passMark: '50',
      });
      const me = actorOf(world.participant);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text: 'My brief', declared: true });
      const receipt = await submitAssignment(deps.db, deps, me, world.assignmentId);
      markingId = (
        await deps.db
          .selectFrom('marking_submissions')
          .select('id')
          .where('owner_id', '=', receipt.submissionId)
          .executeTakeFirstOrThrow()
      ).id;
    });
    afterEach(async () => {
      await deps.close();
    });

    const state = async () =>
      (
        await deps.db
          .selectFrom('marking_submissions')
          .select('state')
          .where('id', '=', markingId)
          .executeTakeFirstOrThrow()
      ).state;

    it('re-marks on a new rubric version when the editor decides so: unreleased submissions move, marks re-open, audited', async () => {
      const staff = actorOf(world.facilitator);
      await allocateMarker(deps.db, deps, staff, markingId, { markerId: world.assessor.id, role: 'first' });
      await allocateMarker(deps.db, deps, staff, markingId, {
        markerId: world.secondAssessor.id,
        role: 'second',
      });
      await saveMark(deps.db, deps, actorOf(world.assessor), markingId, mark('7.5', '3'));
      const before = await deps.db
        .selectFrom('marking_submissions')
        .select('rubric_version_id')
        .where('id', '=', markingId)
        .executeTakeFirstOrThrow();
      const { version } = await saveRubric(deps.db, deps, staff, rubricId, {
        title: 'Brief rubric',
        criteria: CRITERIA,
        remark: 'remark',
      });
      expect(version).toBe(2);
      const after = await deps.db
        .selectFrom('marking_submissions')
        .innerJoin(
          'marking_rubric_versions',
          'marking_rubric_versions.id',
          'marking_submissions.rubric_version_id',
        )
        .select(['marking_submissions.state', 'marking_rubric_versions.version', 'rubric_version_id'])
        .where('marking_submissions.id', '=', markingId)
        .executeTakeFirstOrThrow();
      expect(after.rubric_version_id).not.toBe(before.rubric_version_id);
      expect([after.state, after.version]).toEqual(['in-marking', 2]);
      const marks = await deps.db
        .selectFrom('marking_marks')
        .select(['completed_at', 'total', 'scores_json'])
        .where('submission_id', '=', markingId)
        .where('marker_id', '=', world.assessor.id)
        .execute();
      expect(marks).toEqual([
        { completed_at: null, total: null, scores_json: expect.stringContaining('c1') },
      ]);
      const audits = await deps.db
        .selectFrom('audit_events')
        .select('after_json')
        .where('action', '=', 'marking.rubric-saved')
        .where('target_id', '=', rubricId)
        .execute();
      expect(audits.map((a) => JSON.parse(String(a.after_json)))).toContainEqual(
        expect.objectContaining({ version: 2, remark: 'remark', remarked: 1 }),
      );
      // The marker marks again, on the new version.
      expect((await saveMark(deps.db, deps, actorOf(world.assessor), markingId, mark('8', '4'))).total).toBe(
        8667,
      );
    });

    it('walks not marked → in marking → ready for review → in review → ready for release → released, two blind marks, a flagged pair agreed with a note', async () => {
      const staff = actorOf(world.facilitator);
      const first = actorOf(world.assessor);
      const second = actorOf(world.secondAssessor);
      // Only an allocated marker marks.
      expect(await refusal(saveMark(deps.db, deps, first, markingId, mark('7.5', '3')))).toBe('not_found');
      await allocateMarker(deps.db, deps, staff, markingId, { markerId: world.assessor.id, role: 'first' });
      expect(
        await refusal(
          allocateMarker(deps.db, deps, staff, markingId, { markerId: world.assessor.id, role: 'second' }),
        ),
      ).toBe('markerId:marking.error.sameMarker');
      expect(
        await refusal(
          allocateMarker(deps.db, deps, staff, markingId, { markerId: world.participant.id, role: 'second' }),
        ),
      ).toBe('markerId:marking.error.notAMarker');
      expect(
        await allocateMarkersEvenly(deps.db, deps, staff, world.edition.id, {
          markerIds: [world.assessor.id, world.secondAssessor.id],
          role: 'second',
        }),
      ).toMatchObject({ allocated: 1, refused: [] });
      // A draft mark starts the marking; a level that is not one of the criterion's is refused.
      await saveMark(deps.db, deps, first, markingId, mark('7.5', '', false));
      expect(await state()).toBe('in-marking');
      expect(await refusal(saveMark(deps.db, deps, first, markingId, mark('7.5', '2')))).toBe(
        'points.c2:marking.error.scoreLevel',
      );
      expect((await saveMark(deps.db, deps, first, markingId, mark('7.5', '3'))).total).toBe(7500);
      expect(await state()).toBe('in-marking');
      // Nothing is visible to the participant yet.
      const page = await getAssignmentPage(
        deps.db,
        deps,
        actorOf(world.participant),
        world.assignmentId,
        deps.clock.now().toISOString(),
      );
      expect(page.attempts[0]!.marking?.released).toBeNull();
      expect((await saveMark(deps.db, deps, second, markingId, mark('5', '1'))).total).toBe(4167);
      expect(await state()).toBe('ready-for-review');
      // The rubric version is frozen: editing it needs a decision; "keep" makes version 2, the submission keeps 1.
      expect(
        await refusal(
          saveRubric(deps.db, deps, staff, rubricId, {
            title: 'Brief rubric',
            criteria: CRITERIA.slice(0, 1),
          }),
        ),
      ).toBe('remark:marking.error.remarkDecision');
      expect(
        (
          await saveRubric(deps.db, deps, staff, rubricId, {
            title: 'Brief rubric',
            criteria: CRITERIA.slice(0, 1),
            remark: 'keep',
          })
        ).version,
      ).toBe(2);
      // 75.00 and 41.67 differ by more than 10: the moderator must give the agreed mark and a note.
      expect(await refusal(agreeMark(deps.db, deps, staff, markingId, {}))).toBe(
        'mark:marking.error.agreedMarkNeeded',
      );
      expect(await refusal(agreeMark(deps.db, deps, staff, markingId, { mark: '60' }))).toBe(
        'note:marking.error.noteNeeded',
      );
      expect(await refusal(releaseMark(deps.db, deps, staff, markingId))).toBe('invalid_state');
      expect(
        await agreeMark(deps.db, deps, staff, markingId, {
          mark: '60.5',
          note: 'Discussed: the analysis is sound',
        }),
      ).toEqual({ mark: 6050, discrepant: true });
      expect(await state()).toBe('ready-for-release');
      expect(await refusal(releaseMark(deps.db, deps, actorOf(world.assessor), markingId))).toBe('forbidden');
      await releaseMark(deps.db, deps, staff, markingId);
      expect(await state()).toBe('released');
      const marks = await releasedMarksOfContext(deps.db, world.edition.id);
      expect(marks.map((m) => [m.participantId, m.itemId, m.mark, m.passed])).toEqual([
        [world.participant.id, world.itemId, 6050, true],
      ]);
      // The mark reaches the course space; the participant sees mark and feedback, and is told.
      const progress = await deps.db
        .selectFrom('space_item_progress')
        .selectAll()
        .where('item_id', '=', world.itemId)
        .executeTakeFirstOrThrow();
      expect([progress.last_outcome, progress.score]).toEqual(['passed', 6050]);
      const after = await getAssignmentPage(
        deps.db,
        deps,
        actorOf(world.participant),
        world.assignmentId,
        deps.clock.now().toISOString(),
      );
      const released = after.attempts[0]!.marking?.released;
      expect(released?.markText).toBe('60.50');
      expect(released?.overall).toBe('Good work');
      expect(released?.criteria.map((c) => [c.title, c.points, c.comment])).toEqual([
        ['Analysis', '7.50', 'Analysis 7.5'],
        ['Recommendations', '3.00', 'Clear'],
      ]);
      const notices = await deps.db
        .selectFrom('notifications')
        .select('kind')
        .where('user_id', '=', world.participant.id)
        .execute();
      expect(notices.map((n) => n.kind)).toContain('marking.released');
      // Identities: a facilitator may not reveal; a manager may, once every mark is released.
      expect(await refusal(revealIdentities(deps.db, deps, staff, world.edition.id))).toBe('forbidden');
      await revealIdentities(deps.db, deps, actorOf(world.manager), world.edition.id);
      const audits = await deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'marking.identities-revealed')
        .execute();
      expect(audits).toHaveLength(1);
    });

    it('agrees two close marks on their mean, sends back to marking, and refuses every move the workflow does not allow', async () => {
      const staff = actorOf(world.facilitator);
      await allocateMarker(deps.db, deps, staff, markingId, { markerId: world.assessor.id, role: 'first' });
      await allocateMarker(deps.db, deps, staff, markingId, {
        markerId: world.secondAssessor.id,
        role: 'second',
      });
      expect(
        await refusal(reviewSubmission(deps.db, deps, staff, markingId, { action: 'start-review' })),
      ).toBe('invalid_state');
      await saveMark(deps.db, deps, actorOf(world.assessor), markingId, mark('7', '3'));
      await saveMark(deps.db, deps, actorOf(world.secondAssessor), markingId, mark('8', '3'));
      await reviewSubmission(deps.db, deps, staff, markingId, { action: 'start-review' });
      await reviewSubmission(deps.db, deps, staff, markingId, { action: 'return-to-marking' });
      expect(await state()).toBe('in-marking');
      // Sent back, the marks are open again; completing them again makes the pair ready for review.
      await saveMark(deps.db, deps, actorOf(world.assessor), markingId, mark('7', '3'));
      await saveMark(deps.db, deps, actorOf(world.secondAssessor), markingId, mark('8', '3'));
      // (2 × 0.7 + 0.75) ÷ 3 = 71.67; (2 × 0.8 + 0.75) ÷ 3 = 78.33; mean 75.00
      expect(await agreeMark(deps.db, deps, staff, markingId, {})).toEqual({ mark: 7500, discrepant: false });
      expect(await refusal(saveMark(deps.db, deps, actorOf(world.assessor), markingId, mark('1', '1')))).toBe(
        'invalid_state',
      );
      await reviewSubmission(deps.db, deps, staff, markingId, { action: 'reopen-review' });
      expect(await state()).toBe('in-review');
      const view = await releasedMarkings(deps.db, 'assignments', [
        (await deps.db.selectFrom('marking_submissions').select('owner_id').executeTakeFirstOrThrow())
          .owner_id,
      ]);
      expect([...view.values()][0]?.released).toBeNull();
      expect(await releasedMarksOfContext(deps.db, world.edition.id)).toEqual([]);
    });

    it('gives an external examiner read-only access to the moderation sample, appointed by a manager', async () => {
      const staff = actorOf(world.facilitator);
      const { buildPerson } = await import('../../../test/helpers/factories.js');
      const examiner = await buildPerson(deps, { roles: ['assessor'] });
      const ownerId = (
        await deps.db
          .selectFrom('marking_submissions')
          .select('owner_id')
          .where('id', '=', markingId)
          .executeTakeFirstOrThrow()
      ).owner_id;
      expect(
        await refusal(appointExaminer(deps.db, deps, staff, world.edition.id, { personId: examiner.id })),
      ).toBe('forbidden');
      expect(
        await refusal(
          appointExaminer(deps.db, deps, actorOf(world.manager), world.edition.id, {
            personId: world.participant.id,
          }),
        ),
      ).toBe('personId:marking.error.notAMarker');
      await appointExaminer(deps.db, deps, actorOf(world.manager), world.edition.id, {
        personId: examiner.id,
      });
      // Unmarked submissions are never in the sample.
      expect(await refusal(getMarkingPage(deps.db, deps, actorOf(examiner), markingId))).toBe('not_found');
      await allocateMarker(deps.db, deps, staff, markingId, { markerId: world.assessor.id, role: 'first' });
      await allocateMarker(deps.db, deps, staff, markingId, {
        markerId: world.secondAssessor.id,
        role: 'second',
      });
      await saveMark(deps.db, deps, actorOf(world.assessor), markingId, mark('7', '3'));
      await saveMark(deps.db, deps, actorOf(world.secondAssessor), markingId, mark('8', '3'));
      const page = await getMarkingPage(deps.db, deps, actorOf(examiner), markingId);
      expect(page.can).toEqual({
        manage: false,
        examine: true,
        mark: false,
        editMark: false,
        addFeedback: false,
      });
      expect(page.submission.marks).toHaveLength(2);
      expect((await getMyMarking(deps.db, deps, actorOf(examiner))).rows.map((s) => s.id)).toEqual([
        markingId,
      ]);
      expect(
        (await markerViewOf(deps.db, actorOf(examiner), 'assignments', ownerId))?.participantNumber,
      ).toBe('P-0001');
      expect(await refusal(agreeMark(deps.db, deps, actorOf(examiner), markingId, { mark: '70' }))).toBe(
        'forbidden',
      );
      expect(await refusal(saveMark(deps.db, deps, actorOf(examiner), markingId, mark('1', '1')))).toBe(
        'forbidden',
      );
    });
  });
}
