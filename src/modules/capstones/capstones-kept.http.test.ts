import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { draftedCapstone } from '../../../test/helpers/capstone-factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { decideProposal } from './decide-proposal.js';
import { submitProposal } from './submit-proposal.js';

/**
 * The committee's queues are kept between requests (every manager sees the same ones): a change shows on
 * the next request all the same.
 */
describe('capstones over HTTP: the kept committee queues', () => {
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
});
