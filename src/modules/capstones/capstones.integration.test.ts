import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  capstoneCandidate,
  draftedCapstone,
  proposalForm,
  refusal,
} from '../../../test/helpers/capstone-factories.js';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { findCapstone } from './capstones.repository.js';
import { decideProposal } from './committee/decide-proposal.js';
import { saveProposal } from './proposal/save-proposal.js';
import { submitProposal } from './proposal/submit-proposal.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: capstone proposals`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
    });
    afterEach(async () => {
      await deps.close();
    });

    it('lets a candidate draft before the capstone unlocks, but not submit', async () => {
      const { person, counted } = await capstoneCandidate(deps, { unlocked: false });
      const { id } = await saveProposal(deps.db, deps, actorOf(person), proposalForm(counted));
      expect((await findCapstone(deps.db, id))?.state).toBe('draft');
      expect(await refusal(submitProposal(deps.db, deps, actorOf(person), id))).toBe(
        'state:capstones.error.locked',
      );
      expect((await findCapstone(deps.db, id))?.state).toBe('draft');
    });

    it('refuses bad input and a proposal that leaves out a counted course, changing nothing', async () => {
      const { person, counted, capstoneId } = await draftedCapstone(deps);
      expect(
        await refusal(saveProposal(deps.db, deps, actorOf(person), proposalForm(counted, { country: 'XX' }))),
      ).toBe('country:capstones.error.country');
      await saveProposal(
        deps.db,
        deps,
        actorOf(person),
        proposalForm(counted, { [`approach.${counted[2]}`]: '' }),
      );
      expect(await refusal(submitProposal(deps.db, deps, actorOf(person), capstoneId))).toBe(
        `approach.${counted[2]}:capstones.error.approachMissing`,
      );
      await saveProposal(deps.db, deps, actorOf(person), proposalForm(counted, { finalDue: '2030-01-01' }));
      expect(await refusal(submitProposal(deps.db, deps, actorOf(person), capstoneId))).toBe(
        'finalDue:capstones.error.milestoneAfterWindow',
      );
      expect((await findCapstone(deps.db, capstoneId))?.state).toBe('draft');
    });

    it('goes to the committee, is returned once with a comment, then approved (audited, notified)', async () => {
      const { person, counted, capstoneId, manager } = await draftedCapstone(deps);
      await submitProposal(deps.db, deps, actorOf(person), capstoneId);
      expect(
        await refusal(decideProposal(deps.db, deps, actorOf(manager), capstoneId, { decision: 'return' })),
      ).toBe('comment:capstones.error.commentNeeded');
      expect(
        await refusal(decideProposal(deps.db, deps, actorOf(person), capstoneId, { decision: 'approve' })),
      ).toBe('forbidden');
      await decideProposal(deps.db, deps, actorOf(manager), capstoneId, {
        decision: 'return',
        comment: 'Narrow the question to one corridor.',
      });
      const returned = await findCapstone(deps.db, capstoneId);
      expect(returned?.state).toBe('returned');
      expect(returned?.committee_comment).toBe('Narrow the question to one corridor.');
      await saveProposal(
        deps.db,
        deps,
        actorOf(person),
        proposalForm(counted, { policyQuestion: 'Ghana–Lebanon?' }),
      );
      await submitProposal(deps.db, deps, actorOf(person), capstoneId);
      await decideProposal(deps.db, deps, actorOf(manager), capstoneId, { decision: 'approve' });
      expect((await findCapstone(deps.db, capstoneId))?.state).toBe('approved');
      const notices = await deps.db
        .selectFrom('notifications')
        .select('kind')
        .where('user_id', '=', person.id)
        .where('kind', '=', 'capstones.proposal-decided')
        .execute();
      expect(notices).toHaveLength(2);
      const audits = await deps.db
        .selectFrom('audit_events')
        .select('action')
        .where('target_id', '=', capstoneId)
        .where('action', '=', 'capstones.proposal-decided')
        .execute();
      expect(audits).toHaveLength(2);
      expect(await refusal(saveProposal(deps.db, deps, actorOf(person), proposalForm(counted)))).toBe(
        'state:capstones.error.notEditable',
      );
    });
  });
}
