import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftedCapstone } from '../../../../test/helpers/capstone-factories.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client } from '../../../../test/helpers/http-extra.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { grantExtension } from '../../pathway/grant-extension.js';
import { decideProposal } from '../committee/decide-proposal.js';
import { submitProposal } from '../proposal/submit-proposal.js';
import { assignSupervisor } from '../supervision/assign-supervisor.js';
import { setSupervisorLoad } from '../supervision/set-supervisor-load.js';

/**
 * Over HTTP: after an extension the supervisor's capstone page offers the plan shifted (the form holds
 * the new dates), the candidate is told who plans again, and saving the form moves the plan. The
 * committee's kept queue writes names beyond Latin-1 as character references and no stage column.
 */
describe('capstones over HTTP: the plan after an extension, the kept queue', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: Awaited<ReturnType<typeof draftedCapstone>>;
  const browsers = {} as { manager: Client; supervisor: Client; candidate: Client };

  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    deps.clock.set('2026-12-01T09:00:00.000Z');
    world = await draftedCapstone(deps, { fullName: 'Nguyễn Thị Plan' });
    const supervisor = await buildPerson(deps, { roles: ['facilitator'] });
    const manager = actorOf(world.manager);
    await submitProposal(deps.db, deps, actorOf(world.person), world.capstoneId);
    await decideProposal(deps.db, deps, manager, world.capstoneId, { decision: 'approve' });
    await setSupervisorLoad(deps.db, deps, manager, { personId: supervisor.id, maxLoad: 3 });
    await assignSupervisor(deps.db, deps, manager, world.capstoneId, { supervisorId: supervisor.id });
    for (const [key, who] of [
      ['manager', world.manager],
      ['supervisor', supervisor],
      ['candidate', world.person],
    ] as const) {
      browsers[key] = new Client(app);
      await browsers[key].signIn(who.email, who.password);
    }
  }, 120_000);
  afterAll(() => close());

  it('offers the shifted plan in the supervisor’s form, tells the candidate, and moves it once saved', async () => {
    const page = async (who: Client) => (await who.get(`/capstones/${world.capstoneId}`)).body;
    expect(await page(browsers.supervisor)).not.toContain('The window was extended');
    await grantExtension(deps.db, deps, actorOf(world.manager), world.candidacyId, {
      months: 6,
      reason: 'Illness',
    });
    const offered = await page(browsers.supervisor);
    expect(offered).toContain('The window was extended: it now ends on 10 December 2029');
    expect(offered).toContain('The form below holds these dates');
    expect(offered).toMatch(/name="finalDue"[^>]*value="2027-11-14"|value="2027-11-14"[^>]*name="finalDue"/);
    const candidate = await page(browsers.candidate);
    expect(candidate).toContain('Your supervisor plans the milestones again.');
    expect(candidate).not.toContain(`action="/capstones/${world.capstoneId}/timeline"`);
    const saved = await browsers.supervisor.send(`/capstones/${world.capstoneId}/timeline`, {
      outlineDue: '2027-07-17',
      draftDue: '2027-09-14',
      finalDue: '2027-11-14',
    });
    expect(saved.statusCode).toBe(303);
    expect(await page(browsers.supervisor)).not.toContain('The window was extended');
    expect(await page(browsers.candidate)).toContain('14 November 2027');
  });

  it('keeps the committee’s queue in Latin-1 (character references) without a stage column', async () => {
    const queue = (await browsers.manager.get('/capstones?state=approved')).body;
    expect(queue).toContain('Nguy&#7877;n Th&#7883; Plan');
    expect(queue).not.toContain('Nguyễn');
    expect(queue).not.toContain('class="tag tag-approved"');
  });
});
