import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { draftedCapstone } from '../../../../test/helpers/capstone-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client } from '../../../../test/helpers/http-extra.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { setTimeZone } from '../../identity/account/update-account.js';
import { decideProposal } from '../committee/decide-proposal.js';
import { submitProposal } from '../proposal/submit-proposal.js';
import { recordMilestone } from './record-milestone.js';

/**
 * The candidate's dashboard (/my/pathway) warns of the capstone's milestones near or past among what is at
 * risk, in the candidate's language, counted from their own day (their time zone), each line leading to
 * the capstone. Milestones: outline 2027-01-15, full draft 2027-03-15, final 2027-05-15; the window ends on
 * 2029-06-10 (no deadline warning in 2026–2027).
 */
for (const dialect of DIALECTS) {
  describe(`${dialect}: the capstone's milestone warnings on /my/pathway`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeEach(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterEach(async () => {
      await close();
    });

    const fr = translator('fr');
    /** The start of every capstone line among what is at risk ("Mémoire final — "). */
    const CAPSTONE_LINE = fr.t('risk.capstone', { warning: '' });
    const outlineIn = (days: number) =>
      fr.t('risk.capstone', {
        warning: fr.t('capstones.warning.near', {
          what: fr.t('capstones.milestone.outline'),
          date: fr.date('2027-01-15', 'long'),
          days,
        }),
      });

    it('warns of the outline within 30 days, by the candidate’s own day, until it is reached', async () => {
      // 20:00 UTC on 16 December is already 17 December in Auckland (UTC+13): 29 days to the outline, not 30.
      deps.clock.set('2026-12-16T20:00:00.000Z');
      const world = await draftedCapstone(deps, { locale: 'fr' });
      const candidate = actorOf(world.person);
      await setTimeZone(deps.db, deps, candidate, 'Pacific/Auckland');
      const browser = new Client(app);
      await browser.signIn(world.person.email, world.person.password);
      const page = async () => (await browser.get('/my/pathway')).body;

      // Proposed only: no plan accepted yet, nothing to warn of.
      await submitProposal(deps.db, deps, candidate, world.capstoneId);
      expect(await page()).not.toContain(CAPSTONE_LINE);

      await decideProposal(deps.db, deps, actorOf(world.manager), world.capstoneId, { decision: 'approve' });
      const html = await page();
      expect(html).toContain(fr.t('risk.title'));
      expect(html).toContain(outlineIn(29));
      expect(html).not.toContain(outlineIn(30));
      expect(html).toContain(`href="/capstones/${world.capstoneId}"`);
      // The full draft (89 days away) is not near: one capstone line only.
      expect(html.split(CAPSTONE_LINE)).toHaveLength(2);

      // In UTC the same instant is still 16 December: 30 days.
      await setTimeZone(deps.db, deps, candidate, 'UTC');
      expect(await page()).toContain(outlineIn(30));

      // Reached: the warning goes.
      await recordMilestone(deps.db, deps, actorOf(world.manager), world.capstoneId, {
        milestone: 'outline',
        reachedOn: '2026-12-16',
      });
      expect(await page()).not.toContain(CAPSTONE_LINE);
    });

    it('warns of a milestone past, and of the draft once near', async () => {
      // Planned and approved in December (the plan must start after the day it is made).
      deps.clock.set('2026-12-01T09:00:00.000Z');
      const world = await draftedCapstone(deps, { locale: 'fr' });
      const candidate = actorOf(world.person);
      await submitProposal(deps.db, deps, candidate, world.capstoneId);
      await decideProposal(deps.db, deps, actorOf(world.manager), world.capstoneId, { decision: 'approve' });
      deps.clock.set('2027-02-20T09:00:00.000Z');
      const browser = new Client(app);
      await browser.signIn(world.person.email, world.person.password);
      const html = (await browser.get('/my/pathway')).body;
      const past = fr.t('capstones.warning.past', {
        what: fr.t('capstones.milestone.outline'),
        date: fr.date('2027-01-15', 'long'),
        days: 36,
      });
      expect(html).toContain(fr.t('risk.capstone', { warning: past }));
      const draft = fr.t('capstones.warning.near', {
        what: fr.t('capstones.milestone.draft'),
        date: fr.date('2027-03-15', 'long'),
        days: 23,
      });
      expect(html).toContain(fr.t('risk.capstone', { warning: draft }));
    });
  });
}
