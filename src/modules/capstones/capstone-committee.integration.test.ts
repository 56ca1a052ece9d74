import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftedCapstone, refusal } from '../../../test/helpers/capstone-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { grantExtension } from '../pathway/grant-extension.js';
import { findCapstone } from './capstones.repository.js';
import { decideProposal } from './committee/decide-proposal.js';
import { nameCommitteeMember } from './committee/name-committee-member.js';
import { getCapstonePage } from './get-capstone-page.js';
import { getCapstoneQueues } from './get-capstone-queues.js';
import { recordMilestone } from './milestones/record-milestone.js';
import { replanMilestones } from './milestones/replan-milestones.js';
import { submitProposal } from './proposal/submit-proposal.js';
import { assignSupervisor } from './supervision/assign-supervisor.js';
import { setSupervisorLoad } from './supervision/set-supervisor-load.js';

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

    it('plans the milestones again inside the window, which a granted extension moves (audited)', async () => {
      const world = await draftedCapstone(deps);
      const manager = actorOf(world.manager);
      await submitProposal(deps.db, deps, actorOf(world.person), world.capstoneId);
      const plan = { outlineDue: '2027-02-01', draftDue: '2028-01-15', finalDue: '2029-09-30' };
      const replan = (actor: ReturnType<typeof actorOf>, input: object) =>
        refusal(replanMilestones(deps.db, deps, actor, world.capstoneId, input));
      expect(await replan(manager, plan)).toBe('state:capstones.error.notInProgress');
      await decideProposal(deps.db, deps, manager, world.capstoneId, { decision: 'approve' });
      const supervisor = await buildPerson(deps, { roles: ['facilitator'] });
      await setSupervisorLoad(deps.db, deps, manager, { personId: supervisor.id, maxLoad: 3 });
      await assignSupervisor(deps.db, deps, manager, world.capstoneId, { supervisorId: supervisor.id });
      const planned = async () => {
        const row = (await findCapstone(deps.db, world.capstoneId))!;
        return [row.outline_due, row.draft_due, row.final_due];
      };
      // The window ends on 2029-06-10: a final date after it is refused, and nothing changes.
      expect(await replan(actorOf(supervisor), plan)).toBe('finalDue:capstones.error.milestoneAfterWindow');
      expect(await replan(actorOf(world.person), plan)).toBe('forbidden');
      expect(await planned()).toEqual(['2027-01-15', '2027-03-15', '2027-05-15']);
      // A six-month extension moves the window's end to 2029-12-10: the same plan now fits.
      await grantExtension(deps.db, deps, manager, world.candidacyId, { months: 6, reason: 'Illness' });
      expect(
        (await getCapstonePage(deps.db, deps, actorOf(supervisor), world.capstoneId)).can.replanMilestones,
      ).toBe(true);
      await replanMilestones(deps.db, deps, actorOf(supervisor), world.capstoneId, plan);
      expect(await planned()).toEqual(['2027-02-01', '2028-01-15', '2029-09-30']);
      expect(await replan(manager, { ...plan, finalDue: '2029-12-11' })).toBe(
        'finalDue:capstones.error.milestoneAfterWindow',
      );
      // A reached outline may stay in the past; a milestone not reached may not move before today.
      deps.clock.set('2027-03-01T09:00:00.000Z');
      expect(await replan(manager, plan)).toBe('outlineDue:capstones.error.milestoneOrder');
      await recordMilestone(deps.db, deps, actorOf(supervisor), world.capstoneId, {
        milestone: 'outline',
        reachedOn: '2027-02-01',
      });
      await replanMilestones(deps.db, deps, manager, world.capstoneId, { ...plan, draftDue: '2027-12-01' });
      expect(await planned()).toEqual(['2027-02-01', '2027-12-01', '2029-09-30']);
      expect(await replan(manager, { ...plan, draftDue: '2027-01-31' })).toBe(
        'draftDue:capstones.error.milestoneOrder',
      );
      const events = await deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('action', '=', 'capstones.milestones-replanned')
        .execute();
      expect(events).toHaveLength(2);
    });
  });
}
