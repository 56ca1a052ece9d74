import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftedCapstone } from '../../../../test/helpers/capstone-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { runJobsUntilIdle } from '../../../jobs/runner.js';
import { NOTIFICATION_JOBS } from '../../notifications/notification-jobs.js';
import { grantExtension } from '../../pathway/grant-extension.js';
import { decideProposal } from '../committee/decide-proposal.js';
import { submitProposal } from '../proposal/submit-proposal.js';
import { assignSupervisor } from '../supervision/assign-supervisor.js';
import { setSupervisorLoad } from '../supervision/set-supervisor-load.js';

const TITLE = 'Protecting migrant domestic workers in Ghana';

for (const dialect of DIALECTS) {
  describe(`${dialect}: an extension of the candidate's window is notified`, () => {
    let deps: TestDeps;
    beforeEach(async () => {
      deps = await createTestDeps(dialect);
      deps.clock.set('2026-12-01T09:00:00.000Z');
    });
    afterEach(async () => {
      await deps.close();
    });

    const noticesOf = (userId: string) =>
      deps.db
        .selectFrom('notifications')
        .selectAll()
        .where('user_id', '=', userId)
        .where('kind', '=', 'capstones.window-extended')
        .execute();

    it('tells the candidate and the supervisor, in the platform and by email, each in their language', async () => {
      const world = await draftedCapstone(deps, { locale: 'fr' });
      const manager = actorOf(world.manager);
      await submitProposal(deps.db, deps, actorOf(world.person), world.capstoneId);
      await decideProposal(deps.db, deps, manager, world.capstoneId, { decision: 'approve' });
      const supervisor = await buildPerson(deps, { roles: ['facilitator'], locale: 'es' });
      await setSupervisorLoad(deps.db, deps, manager, { personId: supervisor.id, maxLoad: 3 });
      await assignSupervisor(deps.db, deps, manager, world.capstoneId, { supervisorId: supervisor.id });
      await runJobsUntilIdle(deps, NOTIFICATION_JOBS, { workerId: 'test' });
      deps.mailer.sent.length = 0;

      // Six months more: the window ends on 2029-12-10 instead of 2029-06-10.
      await grantExtension(deps.db, deps, manager, world.candidacyId, { months: 6, reason: 'Illness' });
      const [toCandidate] = await noticesOf(world.person.id);
      const [toSupervisor] = await noticesOf(supervisor.id);
      expect(JSON.parse(toCandidate!.event_json)).toEqual({
        kind: 'capstones.window-extended',
        capstoneId: world.capstoneId,
        recipient: 'candidate',
        months: 6,
        deadline: '2029-12-10',
        reason: 'Illness',
      });
      expect(JSON.parse(toSupervisor!.event_json)).toMatchObject({ recipient: 'supervisor', months: 6 });

      await runJobsUntilIdle(deps, NOTIFICATION_JOBS, { workerId: 'test' });
      const fr = translator('fr');
      const es = translator('es');
      const mailTo = (email: string) => deps.mailer.sent.filter((m) => m.to.includes(email));
      const [candidateMail] = mailTo(world.person.email);
      expect(candidateMail?.subject).toBe(fr.t('capstones.notice.extended.candidate.subject'));
      expect(candidateMail?.text).toContain(fr.date('2029-12-10', 'long'));
      expect(candidateMail?.text).toContain('Illness');
      const [supervisorMail] = mailTo(supervisor.email);
      expect(supervisorMail?.subject).toBe(es.t('capstones.notice.extended.supervisor.subject'));
      expect(supervisorMail?.text).toContain(TITLE);
      expect(supervisorMail?.text).toContain(es.date('2029-12-10', 'long'));
      expect(deps.mailer.sent).toHaveLength(2);

      // A second extension is a notice of its own.
      await grantExtension(deps.db, deps, manager, world.candidacyId, { months: 1, reason: 'Fieldwork' });
      expect(await noticesOf(world.person.id)).toHaveLength(2);
      expect(await noticesOf(supervisor.id)).toHaveLength(2);
    });

    it('tells the candidate alone while no supervisor is assigned, and no one once the capstone failed', async () => {
      const world = await draftedCapstone(deps);
      const manager = actorOf(world.manager);
      await grantExtension(deps.db, deps, manager, world.candidacyId, { months: 2, reason: 'Family' });
      const notices = await deps.db
        .selectFrom('notifications')
        .select(['user_id'])
        .where('kind', '=', 'capstones.window-extended')
        .execute();
      expect(notices.map((n) => n.user_id)).toEqual([world.person.id]);
      // A refused extension (no reason) notifies no one.
      await expect(
        grantExtension(deps.db, deps, manager, world.candidacyId, { months: 2, reason: '' }),
      ).rejects.toThrow();
      expect(await noticesOf(world.person.id)).toHaveLength(1);
      // Once failed, the window no longer matters to the capstone.
      await deps.db
        .updateTable('capstones')
        .set({ state: 'failed' })
        .where('id', '=', world.capstoneId)
        .execute();
      await grantExtension(deps.db, deps, manager, world.candidacyId, { months: 1, reason: 'Appeal' });
      expect(await noticesOf(world.person.id)).toHaveLength(1);
    });
  });
}
