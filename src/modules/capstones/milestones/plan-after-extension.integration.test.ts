import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftedCapstone } from '../../../../test/helpers/capstone-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { grantExtension } from '../../pathway/grant-extension.js';
import { findCapstone } from '../capstones.repository.js';
import { decideProposal } from '../committee/decide-proposal.js';
import { getCapstonePage } from '../get-capstone-page.js';
import { submitProposal } from '../proposal/submit-proposal.js';
import { assignSupervisor } from '../supervision/assign-supervisor.js';
import { setSupervisorLoad } from '../supervision/set-supervisor-load.js';
import { recordMilestone } from './record-milestone.js';
import { replanMilestones } from './replan-milestones.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: an extension granted after the milestones were planned`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('offers the plan shifted by the extension to the supervisor, tells the candidate, and moves nothing until it is saved', async () => {
      deps.clock.set('2026-12-01T09:00:00.000Z');
      const world = await draftedCapstone(deps);
      const manager = actorOf(world.manager);
      await submitProposal(deps.db, deps, actorOf(world.person), world.capstoneId);
      // The plan was checked against the window as it was: it ends on 2029-06-10.
      expect((await findCapstone(deps.db, world.capstoneId))?.planned_deadline).toBe('2029-06-10');
      await decideProposal(deps.db, deps, manager, world.capstoneId, { decision: 'approve' });
      const supervisor = await buildPerson(deps, { roles: ['facilitator'] });
      await setSupervisorLoad(deps.db, deps, manager, { personId: supervisor.id, maxLoad: 3 });
      await assignSupervisor(deps.db, deps, manager, world.capstoneId, { supervisorId: supervisor.id });
      const page = (who: typeof supervisor) => getCapstonePage(deps.db, deps, actorOf(who), world.capstoneId);
      expect((await page(supervisor)).plan).toEqual({ shift: null, outsideWindow: [] });
      await recordMilestone(deps.db, deps, actorOf(supervisor), world.capstoneId, {
        milestone: 'outline',
        reachedOn: '2026-12-01',
      });

      // Six months more: the window now ends on 2029-12-10, 183 days later.
      await grantExtension(deps.db, deps, manager, world.candidacyId, { months: 6, reason: 'Illness' });
      const offered = (await page(supervisor)).plan.shift;
      expect(offered).toEqual({
        from: '2029-06-10',
        to: '2029-12-10',
        days: 183,
        // The outline, reached, stays; the full draft and the final move by 183 days.
        timeline: { outline: '2027-01-15', draft: '2027-09-14', final: '2027-11-14' },
      });
      const candidatePage = await page(world.person);
      expect(candidatePage.plan.shift).toEqual(offered);
      expect(candidatePage.can.replanMilestones).toBe(false);
      // Offered, not applied: the planned dates are still the old ones.
      const row = await findCapstone(deps.db, world.capstoneId);
      expect([row?.outline_due, row?.draft_due, row?.final_due]).toEqual([
        '2027-01-15',
        '2027-03-15',
        '2027-05-15',
      ]);

      // The supervisor saves the offered plan: the dates move and the offer is gone.
      await replanMilestones(deps.db, deps, actorOf(supervisor), world.capstoneId, {
        outlineDue: offered?.timeline.outline,
        draftDue: offered?.timeline.draft,
        finalDue: offered?.timeline.final,
      });
      const moved = await findCapstone(deps.db, world.capstoneId);
      expect([moved?.outline_due, moved?.draft_due, moved?.final_due, moved?.planned_deadline]).toEqual([
        '2027-01-15',
        '2027-09-14',
        '2027-11-14',
        '2029-12-10',
      ]);
      expect((await page(supervisor)).plan.shift).toBeNull();

      // Another extension, and the supervisor keeps the dates as they are: saving them acknowledges it.
      await grantExtension(deps.db, deps, manager, world.candidacyId, { months: 1, reason: 'Fieldwork' });
      expect((await page(supervisor)).plan.shift?.days).toBe(31);
      await replanMilestones(deps.db, deps, manager, world.capstoneId, {
        outlineDue: '2027-01-15',
        draftDue: '2027-09-14',
        finalDue: '2027-11-14',
      });
      expect((await page(supervisor)).plan.shift).toBeNull();
      expect((await findCapstone(deps.db, world.capstoneId))?.final_due).toBe('2027-11-14');
    });

    it('offers nothing once the capstone is no longer in progress', async () => {
      deps.clock.set('2026-12-01T09:00:00.000Z');
      const world = await draftedCapstone(deps);
      const manager = actorOf(world.manager);
      await submitProposal(deps.db, deps, actorOf(world.person), world.capstoneId);
      await grantExtension(deps.db, deps, manager, world.candidacyId, { months: 6, reason: 'Illness' });
      // Proposed, not approved: the committee has not accepted a plan yet; nothing to shift.
      const page = await getCapstonePage(deps.db, deps, manager, world.capstoneId);
      expect(page.plan).toEqual({ shift: null, outsideWindow: [] });
    });
  });
}
