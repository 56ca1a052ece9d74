import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { type AssessmentWorld, buildAssessmentWorld } from '../../../test/helpers/assessment-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson, type TestPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { refusal } from '../../../test/helpers/refusal.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { createGroupSet } from '../groups/manage-group-sets.js';
import { givePeerRatings, openPeerEvaluation } from '../groups/peer-evaluations.js';
import { allocateMarker } from '../marking/allocation/allocate-markers.js';
import { releasedMarksOfContext } from '../marking/marking.queries.js';
import { agreeMark } from '../marking/moderation/moderate-submission.js';
import { releaseMark } from '../marking/release-marks.js';
import { markFromForm, saveMark } from '../marking/save-mark.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { getAssignmentPage } from './get-assignment-page.js';
import { getMarkerView } from './get-marker-view.js';
import { saveContribution } from './save-contribution.js';
import { saveDraft } from './save-draft.js';
import { submitAssignment } from './submit-assignment.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: group assignments`, () => {
    let deps: TestDeps;
    let world: AssessmentWorld;
    let partner: TestPerson;
    let setId: string;
    beforeEach(async () => {
      deps = await createTestDeps(dialect, { now: '2026-12-01T10:00:00.000Z' });
      world = await buildAssessmentWorld(deps, { secondMarking: false, passMark: '50' });
      partner = await buildPerson(deps, { fullName: 'Pat Partner' });
      await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
        email: partner.email,
        fundingKind: 'self',
      });
      // One group holding both participants.
      setId = (
        await createGroupSet(
          deps.db,
          deps,
          actorOf(world.facilitator),
          world.edition.id,
          { name: 'Teams', formation: 'random', groupCount: 1 },
          'Team',
        )
      ).id;
    });
    afterEach(async () => {
      await deps.close();
    });

    const settings = (extra: Record<string, unknown>) => ({
      title: 'Group brief',
      instructions: { en: 'Write together' },
      acceptsText: true,
      passMark: '50',
      groupWork: 'on',
      ...extra,
    });

    it('hands in one submission per group with each member’s statement; the released mark reaches every member', async () => {
      const { updateAssignmentSettings } = await import('./save-assignment.js');
      const staff = actorOf(world.facilitator);
      // A group set that is not the edition's, or peer adjustment without a set, is refused.
      expect(
        await refusal(
          updateAssignmentSettings(deps.db, deps, staff, world.assignmentId, {
            ...settings({ groupSetId: world.edition.id }),
          }),
        ),
      ).toBe('groupSetId:validation.invalidChoice');
      expect(
        await refusal(
          updateAssignmentSettings(
            deps.db,
            deps,
            staff,
            world.assignmentId,
            settings({ peerAdjustment: 'on' }),
          ),
        ),
      ).toBe('groupSetId:assignments.error.peerNeedsSet');
      await updateAssignmentSettings(
        deps.db,
        deps,
        staff,
        world.assignmentId,
        settings({ groupSetId: setId, peerAdjustment: 'on' }),
      );
      const me = actorOf(world.participant);
      const them = actorOf(partner);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text: 'Our brief', declared: true });
      // The partner sees and edits the same draft.
      const theirPage = await getAssignmentPage(
        deps.db,
        deps,
        them,
        world.assignmentId,
        deps.clock.now().toISOString(),
      );
      expect(theirPage.draft?.row.text).toBe('Our brief');
      expect(theirPage.group?.name).toBe('Team 1');
      expect(theirPage.group?.members.map((m) => [m.name, m.statement])).toEqual([
        ['Pat Partner', null],
        [expect.any(String), null],
      ]);
      // Submitting needs the submitter's own statement.
      expect(await refusal(submitAssignment(deps.db, deps, them, world.assignmentId))).toBe(
        'statement:assignments.error.contributionNeeded',
      );
      expect(
        await refusal(saveContribution(deps.db, deps, them, world.assignmentId, { statement: ' ' })),
      ).toBe('statement:validation.required');
      await saveContribution(deps.db, deps, them, world.assignmentId, { statement: 'I wrote the analysis.' });
      await saveContribution(deps.db, deps, me, world.assignmentId, { statement: 'I drafted the options.' });
      const receipt = await submitAssignment(deps.db, deps, them, world.assignmentId);
      const rows = await deps.db
        .selectFrom('assignment_submissions')
        .select(['id', 'group_id'])
        .where('assignment_id', '=', world.assignmentId)
        .execute();
      expect(rows).toEqual([{ id: receipt.submissionId, group_id: expect.any(String) }]);
      // The marker reads both statements blind (participant numbers).
      const markingId = (
        await deps.db
          .selectFrom('marking_submissions')
          .select('id')
          .where('owner_id', '=', receipt.submissionId)
          .executeTakeFirstOrThrow()
      ).id;
      await allocateMarker(deps.db, deps, staff, markingId, { markerId: world.assessor.id, role: 'first' });
      const view = await getMarkerView(deps.db, deps, actorOf(world.assessor), receipt.submissionId);
      expect(view.contributions.map((c) => c.participant).sort()).toEqual(['P-0001', 'P-0002']);
      expect(JSON.stringify(view)).not.toContain('Pat Partner');
      await saveMark(
        deps.db,
        deps,
        actorOf(world.assessor),
        markingId,
        markFromForm({ mark: '70', overall: 'Good', complete: 'on' }),
      );
      await agreeMark(deps.db, deps, staff, markingId, {});
      // Peer evaluation: the partner is rated higher (received 5 vs 3, mean 4): factors 1.25 and 0.75.
      await openPeerEvaluation(deps.db, deps, staff, setId, {
        criteria: 'Contribution',
        closesAt: '2026-12-31T00:00:00.000Z',
      });
      await givePeerRatings(deps.db, deps, me, setId, {
        [world.participant.id]: { score: 4 },
        [partner.id]: { score: 5 },
      });
      await givePeerRatings(deps.db, deps, them, setId, {
        [world.participant.id]: { score: 3 },
        [partner.id]: { score: 4 },
      });
      await releaseMark(deps.db, deps, staff, markingId);
      const released = await releasedMarksOfContext(deps.db, world.edition.id);
      const byPerson = new Map(released.map((r) => [r.participantId, r.mark]));
      expect([byPerson.get(world.participant.id), byPerson.get(partner.id)]).toEqual([5250, 8750]);
      const mine = await getAssignmentPage(
        deps.db,
        deps,
        me,
        world.assignmentId,
        deps.clock.now().toISOString(),
      );
      expect(mine.attempts[0]?.marking?.released?.mark).toBe(5250);
      const progress = await deps.db
        .selectFrom('space_item_progress')
        .select(['user_id', 'score'])
        .where('item_id', '=', world.itemId)
        .execute();
      expect(new Map(progress.map((p) => [p.user_id, p.score]))).toEqual(
        new Map([
          [world.participant.id, 5250],
          [partner.id, 8750],
        ]),
      );
      // Who hands in together is fixed once someone has started.
      expect(
        await refusal(
          updateAssignmentSettings(deps.db, deps, staff, world.assignmentId, settings({ groupWork: '' })),
        ),
      ).toBe('groupWork:assignments.error.groupsFixed');
    });

    it('works as a group of one until a group set is chosen', async () => {
      const { updateAssignmentSettings } = await import('./save-assignment.js');
      await updateAssignmentSettings(
        deps.db,
        deps,
        actorOf(world.facilitator),
        world.assignmentId,
        settings({}),
      );
      const me = actorOf(world.participant);
      await saveDraft(deps.db, deps, me, world.assignmentId, { text: 'Mine', declared: true });
      const page = await getAssignmentPage(
        deps.db,
        deps,
        me,
        world.assignmentId,
        deps.clock.now().toISOString(),
      );
      expect(page.group).toMatchObject({ name: null });
      expect(page.group?.members).toHaveLength(1);
      // Alone: no statement needed; the partner has their own draft.
      await submitAssignment(deps.db, deps, me, world.assignmentId);
      const partnerPage = await getAssignmentPage(
        deps.db,
        deps,
        actorOf(partner),
        world.assignmentId,
        deps.clock.now().toISOString(),
      );
      expect(partnerPage.attempts).toEqual([]);
    });
  });
}
