import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftedCapstone, refusal } from '../../../test/helpers/capstone-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { assignSupervisor } from './assign-supervisor.js';
import { findCapstone } from './capstones.repository.js';
import { decideProposal } from './decide-proposal.js';
import { getCapstonePage } from './get-capstone-page.js';
import { getCapstoneQueues } from './get-capstone-queues.js';
import { nameCommitteeMember } from './name-committee-member.js';
import { recordMilestone } from './record-milestone.js';
import { setSupervisorLoad } from './set-supervisor-load.js';
import { submitProposal } from './submit-proposal.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: the programme's capstone committee and the milestones reached`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('lets only the named committee decide a programme’s proposals once it has one (audited)', async () => {
      const world = await draftedCapstone(deps);
      const { programme_id: programmeId } = (await findCapstone(deps.db, world.capstoneId))!;
      const member = await buildPerson(deps, { roles: ['manager'] });
      const facilitator = await buildPerson(deps, { roles: ['facilitator'] });
      const manager = actorOf(world.manager);
      const name = (input: object, actor = manager) =>
        refusal(nameCommitteeMember(deps.db, deps, actor, input));
      await submitProposal(deps.db, deps, actorOf(world.person), world.capstoneId);
      // Any manager names the committee (here the member names themselves, then is taken off).
      expect(
        await name({ committeeProgrammeId: programmeId, memberId: member.id }, actorOf(member)),
      ).toBeUndefined();
      await nameCommitteeMember(deps.db, deps, manager, {
        committeeProgrammeId: programmeId,
        memberId: member.id,
        change: 'remove',
      });
      expect(await name({ committeeProgrammeId: programmeId, memberId: facilitator.id })).toBe(
        'memberId:capstones.error.notManager',
      );
      expect(await name({ committeeProgrammeId: world.capstoneId, memberId: member.id })).toBe(
        'committeeProgrammeId:validation.invalidChoice',
      );
      expect(await name({ committeeProgrammeId: programmeId, memberId: member.id, change: 'x' })).toBe(
        'change:validation.invalidChoice',
      );
      expect(
        await name({ committeeProgrammeId: programmeId, memberId: member.id }, actorOf(facilitator)),
      ).toBe('forbidden');
      await nameCommitteeMember(deps.db, deps, manager, {
        committeeProgrammeId: programmeId,
        memberId: member.id,
      });
      // The manager who named the committee is not on it: they no longer decide, the member does.
      expect(
        await refusal(decideProposal(deps.db, deps, manager, world.capstoneId, { decision: 'approve' })),
      ).toBe('forbidden');
      expect((await getCapstonePage(deps.db, deps, manager, world.capstoneId)).can.decide).toBe(false);
      await decideProposal(deps.db, deps, actorOf(member), world.capstoneId, { decision: 'approve' });
      expect((await findCapstone(deps.db, world.capstoneId))?.state).toBe('approved');
      const events = await deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'capstones.committee-changed')
        .execute();
      expect(events).toHaveLength(3);
    });

    it('records the outline as reached: the warning and the at-risk line go, a future day is refused', async () => {
      const world = await draftedCapstone(deps);
      const manager = actorOf(world.manager);
      await submitProposal(deps.db, deps, actorOf(world.person), world.capstoneId);
      expect(
        await refusal(
          recordMilestone(deps.db, deps, manager, world.capstoneId, {
            milestone: 'outline',
            reachedOn: '2026-11-01',
          }),
        ),
      ).toBe('milestone:capstones.error.notInProgress');
      await decideProposal(deps.db, deps, manager, world.capstoneId, { decision: 'approve' });
      const supervisor = await buildPerson(deps, { roles: ['facilitator'] });
      await setSupervisorLoad(deps.db, deps, manager, { personId: supervisor.id, maxLoad: 3 });
      await assignSupervisor(deps.db, deps, manager, world.capstoneId, { supervisorId: supervisor.id });
      // Two weeks before the outline is due (2027-01-15): warned, and at risk on the managers' list.
      deps.clock.set('2027-01-01T09:00:00.000Z');
      const page = () => getCapstonePage(deps.db, deps, actorOf(world.person), world.capstoneId);
      const atRisk = async () =>
        (await getCapstoneQueues(deps.db, deps, manager, {})).committee!.atRisk.map((l) => l.id);
      expect((await page()).warnings.map((w) => w.kind)).toEqual(['outline']);
      expect(await atRisk()).toEqual([world.capstoneId]);
      const { counts } = (await getCapstoneQueues(deps.db, deps, manager, { state: 'approved' })).committee!;
      expect([counts.approved, counts.proposed, counts.passed]).toEqual([1, 0, 0]);
      const record = (actor: ReturnType<typeof actorOf>, input: object) =>
        refusal(recordMilestone(deps.db, deps, actor, world.capstoneId, input));
      expect(await record(actorOf(world.person), { milestone: 'outline', reachedOn: '2026-12-30' })).toBe(
        'forbidden',
      );
      expect(await record(actorOf(supervisor), { milestone: 'outline', reachedOn: '2027-01-02' })).toBe(
        'reachedOn:capstones.error.inFuture',
      );
      expect(await record(actorOf(supervisor), { milestone: 'final', reachedOn: '2026-12-30' })).toBe(
        'milestone:validation.invalidChoice',
      );
      expect(await record(actorOf(supervisor), { milestone: 'outline', reachedOn: '30/12/2026' })).toBe(
        'reachedOn:validation.invalidDate',
      );
      await recordMilestone(deps.db, deps, actorOf(supervisor), world.capstoneId, {
        milestone: 'outline',
        reachedOn: '2026-12-30',
      });
      expect((await page()).warnings).toEqual([]);
      expect((await page()).milestonesReached).toEqual([{ milestone: 'outline', reachedOn: '2026-12-30' }]);
      expect(await atRisk()).toEqual([]);
      // Near the full draft's date (2027-03-15) and not reached: at risk again.
      deps.clock.set('2027-03-01T09:00:00.000Z');
      expect(await atRisk()).toEqual([world.capstoneId]);
    });
  });
}
