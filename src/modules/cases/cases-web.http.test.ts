import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildCase, LATER_NEWS } from '../../../test/helpers/case-factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, countRows, fieldError } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { scheduleNews } from './schedule-news.js';

async function browserOf(app: FastifyInstance, person: { email: string; password: string }) {
  const client = new Client(app);
  await client.signIn(person.email, person.password);
  return client;
}

// TEST_NOW is 2026-11-28T10:00Z.
describe('case study pages', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: SpaceWorld;
  let itemId: string;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await buildSpaceWorld(deps);
    ({ itemId } = await buildCase(deps, actorOf(world.facilitator), world.edition.id));
  }, 60_000);
  afterAll(() => close());

  const itemPage = () => `/spaces/${world.edition.id}/items/${itemId}`;

  it('keeps later news and the debrief off the participant’s page, and escapes script in headlines', async () => {
    await scheduleNews(deps.db, deps, actorOf(world.facilitator), itemId, {
      title: { en: '<script>alert(1)</script> Strike' },
      releaseAt: '2026-11-27T08:00Z',
    });
    const page = await (await browserOf(app, world.participant)).get(itemPage());
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Floods hit the north');
    expect(page.body).not.toContain(LATER_NEWS);
    expect(page.body).not.toContain('DEBRIEF-after-deadline');
    expect(page.body).not.toContain('<script>alert(1)');
    const staff = await (await browserOf(app, world.facilitator)).get(itemPage());
    expect(staff.body).toContain(LATER_NEWS);
  });

  it('saves an answer from the page, refuses an empty one with a translated error, and 403s staff', async () => {
    const participant = await browserOf(app, world.participant);
    expect((await participant.get(`/cases/${itemId}/answer`)).statusCode).toBe(200);
    const empty = await participant.send(`/cases/${itemId}/answer`, { body: '  ' });
    expect(empty.statusCode).toBe(400);
    expect(fieldError(empty.body, 'body')).toBe('This is required.');
    expect(await countRows(deps, 'case_answers')).toBe(0);
    expect((await participant.send(`/cases/${itemId}/answer`, { body: 'Employers pay.' })).statusCode).toBe(
      303,
    );
    expect((await participant.get(itemPage())).body).toContain('Employers pay.');
    const staff = await browserOf(app, world.facilitator);
    expect((await staff.get(`/cases/${itemId}/answer`)).statusCode).toBe(403);
    expect((await staff.get(`/cases/${itemId}/manage`)).body).toContain('Employers pay.');
  });
});
