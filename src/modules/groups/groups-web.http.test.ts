import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPerson } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { Client, countRows, fieldError, tokenOf } from '../../../test/helpers/http-extra.js';
import { multipartBody } from '../../../test/helpers/import-helpers.js';
import { actorOf } from '../../../test/helpers/pathway-factories.js';
import { buildSpaceWorld, type SpaceWorld } from '../../../test/helpers/space-factories.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { saveItem } from '../spaces/save-item.js';
import { saveSection } from '../spaces/save-section.js';
import { groupSetsOfEdition } from './groups.port.js';
import { createGroupSet } from './manage-group-sets.js';
import { openPeerEvaluation } from './peer-evaluations.js';
import { saveSharedPage } from './shared-page.js';

async function browserOf(app: FastifyInstance, person: { email: string; password: string }) {
  const client = new Client(app);
  await client.signIn(person.email, person.password);
  return client;
}

describe('group pages and API', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let world: SpaceWorld;
  let participant: Client;
  let facilitator: Client;
  let groupId: string;
  let setId: string;
  let otherId: string;
  let otherPerson: Awaited<ReturnType<typeof buildPerson>>;
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    world = await buildSpaceWorld(deps);
    const other = await buildPerson(deps, { locale: 'fr' });
    otherId = other.id;
    otherPerson = other;
    await enrolDirectly(deps.db, deps, systemActor('test'), world.edition.id, {
      email: other.email,
      fundingKind: 'self',
    });
    ({ id: setId } = await createGroupSet(
      deps.db,
      deps,
      actorOf(world.facilitator),
      world.edition.id,
      { name: 'Working groups', formation: 'balanced', groupCount: 1 },
      'Group',
    ));
    groupId = (await groupSetsOfEdition(deps.db, world.edition.id))[0]?.groups[0]?.id as string;
    participant = await browserOf(app, world.participant);
    facilitator = await browserOf(app, world.facilitator);
  }, 60_000);
  afterAll(() => close());

  it('refuses a stale save of the shared page with both texts, overwriting nothing', async () => {
    await saveSharedPage(deps.db, deps, actorOf(world.participant), groupId, {
      version: 0,
      body: 'First text',
    });
    await saveSharedPage(deps.db, deps, actorOf(otherPerson), groupId, {
      version: 1,
      body: 'Their text',
    });
    const stale = await participant.send(`/groups/${groupId}/page`, {
      version: '1',
      body: 'My <script>alert(1)</script> text',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Someone saved this text while you were editing it');
    expect(stale.body).toContain('Their text');
    expect(stale.body).toContain('My &lt;script');
    expect(stale.body).not.toContain('<script>alert(1)');
    const page = await participant.get(`/groups/${groupId}`);
    expect(page.body).toContain('Their text');
    expect(page.body).toContain('name="version" value="2"');
    const saved = await participant.send(`/groups/${groupId}/page`, { version: '2', body: '**Merged**' });
    expect(saved.statusCode).toBe(303);
    expect((await participant.get(`/groups/${groupId}`)).body).toContain('<strong>Merged</strong>');
    expect((await participant.get(`/groups/${groupId}/page/history`)).body).toContain('First text');
  });

  it('answers bad input with translated field errors and nothing stored', async () => {
    const before = await countRows(deps, 'group_sets');
    const refused = await facilitator.send(`/spaces/${world.edition.id}/groups`, {
      name: '',
      formation: 'self',
      groupCount: '0',
    });
    expect(refused.statusCode).toBe(400);
    expect(fieldError(refused.body, 'name')).toBeTruthy();
    expect(fieldError(refused.body, 'groupCount')).toBeTruthy();
    expect(await countRows(deps, 'group_sets')).toBe(before);
    const badPeer = await facilitator.send(`/groups/sets/${setId}/peer`, {
      criteria: 'x',
      closesAt: 'tomorrow',
    });
    expect(badPeer.statusCode).toBe(400);
    expect(fieldError(badPeer.body, 'closesAt')).toBe('Enter a date and time.');
    const huge = await participant.send(`/groups/${groupId}/page`, {
      version: '3',
      body: 'x'.repeat(100_001),
    });
    expect(huge.statusCode).toBe(400);
    expect(await countRows(deps, 'peer_evaluations')).toBe(0);
  });

  it('stores a shared file through the storage port and serves it as a download', async () => {
    const { payload, headers } = multipartBody(
      { _csrf: await participant.csrf() },
      { name: 'plan.txt', content: 'our plan' },
    );
    const response = await app.inject({
      method: 'POST',
      url: `/groups/${groupId}/files`,
      payload,
      remoteAddress: participant.address,
      headers: { ...headers, cookie: participant.jar.header() },
    });
    expect(response.statusCode).toBe(303);
    const page = await participant.get(`/groups/${groupId}`);
    expect(page.body).toContain('plan.txt');
    expect(page.body).toMatch(/Up to 20 MB per file/);
    const href = /href="(\/groups\/[^"]+\/files\/[^"]+)"/.exec(page.body)?.[1] as string;
    const file = await participant.get(href);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-disposition']).toMatch(/^attachment/);
    expect(file.body).toBe('our plan');
  });

  it('shows peers nothing of who rated whom; staff see the results and export them', async () => {
    await openPeerEvaluation(deps.db, deps, actorOf(world.facilitator), setId, {
      criteria: 'Contribution',
      closesAt: '2030-01-01T00:00:00.000Z',
    });
    const rated = await participant.send(`/groups/sets/${setId}/peer/ratings`, {
      [`score.${world.participant.id}`]: '5',
      [`score.${otherId}`]: '2',
      [`comment.${otherId}`]: 'Secret remark about the other member',
    });
    expect(rated.statusCode).toBe(303);
    const missing = await participant.send(`/groups/sets/${setId}/peer/ratings`, {
      [`score.${otherId}`]: '2',
    });
    expect(missing.statusCode).toBe(400);
    const results = await facilitator.get(`/groups/sets/${setId}`);
    expect(results.body).toContain('Results');
    const csv = await facilitator.get(`/groups/sets/${setId}/peer.csv`);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.body).toContain(otherId);
    // The participant's own pages and the API never carry another member's ratings.
    const api = await app.inject({
      method: 'GET',
      url: `/api/v1/editions/${world.edition.id}/groups`,
      headers: { authorization: `Bearer ${await tokenOf(deps, world.participant)}` },
    });
    expect(api.statusCode).toBe(200);
    const body = api.json() as {
      items: { id: string; name: string; groupSet: { id: string; name: string }; members: string[] }[];
    };
    expect(body.items).toEqual([
      {
        id: groupId,
        name: 'Group 1',
        groupSet: { id: setId, name: 'Working groups' },
        members: expect.arrayContaining([world.participant.id, otherId]),
      },
    ]);
    expect(api.body).not.toContain('Secret remark');
    expect((await participant.get(`/groups/${groupId}`)).body).not.toContain('Secret remark');
  });

  it('offers the edition’s group sets in the builder and keeps a task’s set by id', async () => {
    const section = await saveSection(deps.db, deps, actorOf(world.facilitator), world.edition.id, null, {
      title: { en: 'Tasks' },
    });
    const form = await facilitator.get(
      `/spaces/${world.edition.id}/build/items/new?kind=group-task&section=${section.id}`,
    );
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain(`<option value="${setId}">Working groups</option>`);
    const saved = await facilitator.send(`/spaces/${world.edition.id}/build/items`, {
      kind: 'group-task',
      sectionId: section.id,
      'title.en': 'Joint brief',
      'settings.groupSetId': setId,
      'settings.instructions': 'Write together.',
      completionRule: 'submitted',
      timeZone: 'UTC',
    });
    expect(saved.statusCode).toBe(303);
    const item = await deps.db
      .selectFrom('space_items')
      .select(['id', 'settings_json'])
      .where('kind', '=', 'group-task')
      .where('section_id', '=', section.id)
      .executeTakeFirstOrThrow();
    expect(JSON.parse(item.settings_json)).toEqual({ groupSetId: setId, instructions: 'Write together.' });
    const task = await participant.get(`/group-tasks/${item.id}`);
    expect(task.statusCode).toBe(200);
    expect(task.body).not.toContain('There is no group set');
  });

  it('documents the groups API in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, unknown>;
    };
    expect(Object.keys(doc.paths)).toContain('/api/v1/editions/{id}/groups');
  });
  it('refuses a full group, a closed choice and a stale group-task save, each with a translated message', async () => {
    const { id: chooseId } = await createGroupSet(
      deps.db,
      deps,
      actorOf(world.facilitator),
      world.edition.id,
      { name: 'Choose', formation: 'self', groupCount: 2, capacity: 1, closesAt: '2026-11-28T12:00:00.000Z' },
      'Team',
    );
    const [first] =
      (await groupSetsOfEdition(deps.db, world.edition.id)).find((x) => x.id === chooseId)?.groups ?? [];
    const otherBrowser = await browserOf(app, otherPerson);
    expect((await otherBrowser.send(`/groups/${first?.id}/join`)).statusCode).toBe(303);
    const full = await participant.send(`/groups/${first?.id}/join`);
    expect(full.statusCode).toBe(303);
    expect(full.headers.location).toBe(`/spaces/${world.edition.id}/groups`);
    expect((await participant.get(String(full.headers.location))).body).toContain('This group is full.');
    const section = await saveSection(deps.db, deps, actorOf(world.facilitator), world.edition.id, null, {
      title: { en: 'Group work' },
    });
    const item = await saveItem(deps.db, deps, actorOf(world.facilitator), world.edition.id, null, {
      sectionId: section.id,
      kind: 'group-task',
      title: { en: 'Brief' },
      settings: { groupSet: 'Working groups', instructions: 'Write.' },
      completionRule: 'submitted',
    });
    expect(
      (await participant.send(`/group-tasks/${item.id}/work`, { version: '0', body: 'Ours' })).statusCode,
    ).toBe(303);
    const stale = await otherBrowser.send(`/group-tasks/${item.id}/work`, {
      version: '0',
      body: 'Mine instead',
    });
    expect(stale.statusCode).toBe(409);
    expect(stale.body).toContain('Ours');
    expect(stale.body).toContain('Mine instead');
    const staff = await facilitator.send(`/group-tasks/${item.id}/work`, {
      version: '1',
      body: 'Staff text',
    });
    expect(staff.statusCode).toBe(403);
    deps.clock.set('2026-11-28T12:00:00.000Z');
    const closed = await otherBrowser.send(`/groups/${first?.id}/leave`);
    expect(closed.statusCode).toBe(303);
    // In the person's language (French), and still in the group.
    expect((await otherBrowser.get(String(closed.headers.location))).body).toContain(
      'Le choix des groupes est clos.',
    );
    expect(
      (await groupSetsOfEdition(deps.db, world.edition.id)).find((x) => x.id === chooseId)?.groups[0]
        ?.memberIds,
    ).toEqual([otherId]);
  });
});
