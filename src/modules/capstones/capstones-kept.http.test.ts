import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftedCapstone } from '../../../test/helpers/capstone-factories.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, countRows, signedIn } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { findCapstone } from './capstones.repository.js';
import { decideProposal } from './committee/decide-proposal.js';
import { submitProposal } from './proposal/submit-proposal.js';

/**
 * The committee's queues are kept between requests (every manager sees the same ones): a change shows on
 * the next request all the same. Only managers can be named to a programme's committee.
 */
describe('capstones over HTTP: the committee and its kept queues', () => {
  let app: Awaited<ReturnType<typeof createTestApp>>['app'];
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: Awaited<ReturnType<typeof draftedCapstone>>;
  const manager = {} as { browser: Client };

  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await draftedCapstone(deps, { fullName: 'Kept Queue Candidate' });
    manager.browser = new Client(app);
    await manager.browser.signIn(world.manager.email, world.manager.password);
  }, 120_000);
  afterAll(() => close());

  it('shows a proposal submitted, then decided, on the very next request', async () => {
    const queue = async (state: string) => {
      const response = await manager.browser.get(`/capstones?state=${state}`);
      expect(response.statusCode).toBe(200);
      return response.body;
    };
    const title = 'Protecting migrant domestic workers in Ghana';
    expect(await queue('proposed')).not.toContain(title);
    expect(await queue('proposed')).not.toContain(title);
    expect(await queue('draft')).toContain('Kept Queue Candidate');
    await submitProposal(deps.db, deps, actorOf(world.person), world.capstoneId);
    expect(await queue('proposed')).toContain(title);
    expect(await queue('draft')).not.toContain(title);
    await decideProposal(deps.db, deps, actorOf(world.manager), world.capstoneId, { decision: 'approve' });
    expect(await queue('proposed')).not.toContain(title);
    expect(await queue('approved')).toContain(title);
  });

  it('refuses a committee member who is not a manager with a translated message, changing nothing', async () => {
    const { programme_id: programmeId } = (await findCapstone(deps.db, world.capstoneId))!;
    const facilitator = await buildPerson(deps, { roles: ['facilitator'], fullName: 'Fay Facilitator' });
    const assessor = await buildPerson(deps, { roles: ['assessor'] });
    const french = await signedIn(app, deps, ['manager'], { locale: 'fr' });
    const before = await countRows(deps, 'capstone_committee');
    const audited = await countRows(deps, 'audit_events');
    for (const [browser, message] of [
      [manager.browser, 'Choose a programme manager'],
      [french.browser, 'Choisissez un responsable de programme'],
    ] as const)
      for (const person of [facilitator, assessor]) {
        const refused = await browser.send('/capstones/committee', {
          committeeProgrammeId: programmeId,
          memberId: person.id,
        });
        expect(refused.statusCode).toBe(400);
        expect(refused.body).toContain(message);
      }
    expect(await countRows(deps, 'capstone_committee')).toBe(before);
    expect(await countRows(deps, 'audit_events')).toBe(audited);
    expect((await manager.browser.get('/capstones/admin')).body).toContain(
      'every manager (no committee named)',
    );
    // A manager is named (and shows on the page).
    const named = await manager.browser.send('/capstones/committee', {
      committeeProgrammeId: programmeId,
      memberId: french.person.id,
    });
    expect(named.statusCode).toBe(303);
    expect(await countRows(deps, 'capstone_committee')).toBe(before + 1);
  });
});
