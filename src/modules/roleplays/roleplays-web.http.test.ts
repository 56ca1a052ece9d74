import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, countRows, fieldError, tokenOf } from '../../../test/helpers/http-extra.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import {
  buildRoleplay,
  DESTINATION_SECRET,
  ORIGIN_SECRET,
} from '../../../test/helpers/roleplay-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { saveRole } from './manage/save-role.js';

async function browserOf(app: FastifyInstance, person: { email: string; password: string }) {
  const client = new Client(app);
  await client.signIn(person.email, person.password);
  return client;
}

describe('role-play pages and API', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: SpaceWorld;
  let built: Awaited<ReturnType<typeof buildRoleplay>>;
  let bystander: Awaited<ReturnType<typeof buildPerson>>;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await buildSpaceWorld(deps);
    bystander = await buildPerson(deps);
    await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
      email: bystander.email,
      fundingKind: 'self',
    });
    built = await buildRoleplay(deps, actorOf(world.facilitator), world.edition.id, world.participant.id);
  }, 60_000);
  afterAll(() => close());

  const itemPage = () => `/spaces/${world.edition.id}/items/${built.itemId}`;

  it('shows the holder their own private brief on the page, and nobody else’s', async () => {
    const holder = await (await browserOf(app, world.participant)).get(itemPage());
    expect(holder.statusCode).toBe(200);
    expect(holder.body).toContain(ORIGIN_SECRET);
    expect(holder.body).not.toContain(DESTINATION_SECRET);
    const other = await (await browserOf(app, bystander)).get(itemPage());
    expect(other.statusCode).toBe(200);
    expect(other.body).toContain('Ministry of Labour, destination country');
    expect(other.body).not.toContain(ORIGIN_SECRET);
    expect(other.body).not.toContain(DESTINATION_SECRET);
    const staff = await (await browserOf(app, world.facilitator)).get(itemPage());
    expect(staff.body).toContain(ORIGIN_SECRET);
    expect(staff.body).toContain(DESTINATION_SECRET);
  });

  it('answers the API with privateBrief only for holders and staff, and 404 to others', async () => {
    const get = async (
      person: { id: string; email: string; password: string; roles: never[] | string[] },
      url: string,
    ) => app.inject({ url, headers: { authorization: `Bearer ${await tokenOf(deps, person as never)}` } });
    const holder = (await get(world.participant, `/api/v1/roleplays/${built.itemId}`)).json();
    expect(holder.id).toBe(built.itemId);
    expect(holder.title).toBe('Negotiating a bilateral agreement');
    expect(holder.roles[0]).toEqual({
      id: built.originId,
      name: 'Ministry of Labour, origin country',
      publicBrief: 'You send workers abroad.',
      holders: [world.participant.id],
      privateBrief: `Never accept less than ${ORIGIN_SECRET}.`,
    });
    expect(Object.keys(holder.roles[1])).not.toContain('privateBrief');
    const list = (await get(bystander, `/api/v1/editions/${world.edition.id}/roleplays`)).json();
    expect(list.items.map((i: { id: string }) => i.id)).toEqual([built.itemId]);
    expect(JSON.stringify(list)).not.toContain('privateBrief');
    const manager = (await get(world.manager, `/api/v1/roleplays/${built.itemId}`)).json();
    expect(manager.roles.every((r: object) => 'privateBrief' in r)).toBe(true);
    const outsider = await get(world.outsider, `/api/v1/roleplays/${built.itemId}`);
    expect(outsider.statusCode).toBe(404);
    expect(outsider.json().error.code).toBe('not_found');
    expect((await get(world.participant, '/api/v1/roleplays/nope')).statusCode).toBe(404);
    expect((await app.inject({ url: `/api/v1/roleplays/${built.itemId}` })).statusCode).toBe(401);
    const doc = (await app.inject('/api/openapi.json')).json() as { paths: Record<string, unknown> };
    expect(Object.keys(doc.paths)).toEqual(
      expect.arrayContaining(['/api/v1/editions/{id}/roleplays', '/api/v1/roleplays/{id}']),
    );
  });

  it('renders script in names as text and refuses line breaks with a translated error, saving nothing', async () => {
    await saveRole(deps.db, deps, actorOf(world.facilitator), built.itemId, null, {
      name: { en: '<script>alert(1)</script> Agency' },
      publicBrief: { en: '<img src=x onerror=alert(1)> [x](javascript:alert(1))' },
    });
    const page = await (await browserOf(app, bystander)).get(itemPage());
    expect(page.body).not.toContain('<script>alert(1)');
    expect(page.body).toContain('&lt;script>alert(1)&lt;/script> Agency');
    expect(page.body).not.toContain('<img src=x');
    expect(page.body).not.toContain('href="javascript:');
    const french = await buildPerson(deps, { roles: ['manager'], locale: 'fr' });
    const browser = await browserOf(app, french);
    const roles = await countRows(deps, 'roleplay_roles');
    const refused = await browser.send(`/roleplays/${built.itemId}/roles`, { 'name.en': 'Agency\r\nBcc: x' });
    expect(refused.statusCode).toBe(400);
    expect(fieldError(refused.body, 'name.en')).toBe(
      'Ceci contient des caractères qui ne peuvent pas être utilisés.',
    );
    expect(refused.body).toContain('Agency');
    expect(await countRows(deps, 'roleplay_roles')).toBe(roles);
  });

  it('keeps the typed outcome when someone saved meanwhile, and lets a bystander only read it', async () => {
    const holder = await browserOf(app, world.participant);
    const editor = await holder.get(`/roleplays/${built.itemId}/outcome`);
    expect(editor.statusCode).toBe(200);
    const saved = await holder.send(`/roleplays/${built.itemId}/outcome`, {
      body: 'Article 1: fair recruitment.',
      baseVersion: '0',
    });
    expect(saved.statusCode).toBe(303);
    const stale = await holder.send(`/roleplays/${built.itemId}/outcome`, {
      body: 'My own draft',
      baseVersion: '0',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('My own draft');
    expect(stale.body).toContain('Article 1: fair recruitment.');
    const other = await browserOf(app, bystander);
    expect((await other.get(`/roleplays/${built.itemId}/outcome`)).statusCode).toBe(403);
    expect(
      (await other.send(`/roleplays/${built.itemId}/outcome`, { body: 'x', baseVersion: '1' })).statusCode,
    ).toBe(403);
    expect((await other.get(itemPage())).body).toContain('Article 1: fair recruitment.');
    expect(await countRows(deps, 'roleplay_outcome_versions')).toBe(1);
  });

  it('lets the facilitator manage the exercise in pages', async () => {
    const staff = await browserOf(app, world.facilitator);
    const manage = await staff.get(`/roleplays/${built.itemId}/manage`);
    expect(manage.statusCode).toBe(200);
    expect(manage.body).toContain(DESTINATION_SECRET);
    const assigned = await staff.send(`/roleplays/${built.itemId}/assign`, { mode: 'random' });
    expect(assigned.statusCode).toBe(303);
    const revealed = await staff.send(`/roleplays/${built.itemId}/reveal`, {});
    expect(revealed.statusCode).toBe(303);
    const page = await (await browserOf(app, bystander)).get(itemPage());
    expect(page.body).toContain(ORIGIN_SECRET);
    expect(page.body).toContain(DESTINATION_SECRET);
  });
});
