import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Browser, createTestApp } from '../../../../test/helpers/http.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { seedDemo } from '../../../seed/seed-demo.js';
import { findEditionIdByCode } from '../../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../../identity/create-person.js';
import { DEMO_PASSWORD } from '../../identity/demo/demo-people.js';
import { DEMO_SPACE_EDITION } from '../../spaces/demo/seed-spaces.js';
import { getSpaceHome } from '../../spaces/get-space-home.js';
import { DEMO_CMI5_AU_ID } from './demo-packages.js';

describe('sqlite: the demo Academy space holds pages in three languages, a SCORM quiz and an xAPI (cmi5) unit', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let editionId: string;
  let carlos: { kind: 'user'; id: string; roles: ['participant']; via: 'session' };
  beforeAll(async () => {
    ({ app, deps, close } = await createTestApp('sqlite'));
    await seedDemo(deps);
    await seedDemo(deps); // idempotent: no second copy of the packages
    editionId = (await findEditionIdByCode(deps.db, deps, DEMO_SPACE_EDITION))!;
    const id = (await findPersonIdByEmail(deps.db, deps, 'carlos.nunez@example.org'))!;
    carlos = { kind: 'user', id, roles: ['participant'], via: 'session' };
  }, 180_000);
  afterAll(() => close());

  it('has the self-paced modules section with both packages, after the trilingual pages', async () => {
    const home = await getSpaceHome(deps.db, deps, carlos, editionId);
    const items = home.sections.flatMap((s) => s.items);
    const pages = items.filter((i) => i.kind === 'page');
    expect(pages.length).toBeGreaterThanOrEqual(4);
    for (const page of pages)
      expect(Object.keys((page.settings as { body: object }).body).sort()).toEqual(['en', 'es', 'fr']);
    const modules = home.sections.find((s) => s.title.en === 'Self-paced modules');
    expect(modules?.phase).toBe('self-paced');
    expect(modules?.title.fr).toBe('Modules à votre rythme');
    expect(modules?.items.map((i) => i.kind)).toEqual(['package', 'package']);
    expect(modules?.items.map((i) => i.title.es)).toEqual([
      'Datos sobre migración laboral: un breve cuestionario',
      'Los acuerdos bilaterales de migración laboral (xAPI)',
    ]);
    const packages = await deps.db
      .selectFrom('packages')
      .select(['standard', 'item_id', 'max_attempts'])
      .where('edition_id', '=', editionId)
      .orderBy('created_at')
      .execute();
    expect(packages.map((p) => p.standard)).toEqual(['scorm12', 'cmi5']);
    expect(packages.map((p) => p.item_id)).toEqual(modules?.items.map((i) => i.id));
  });

  it('runs the cmi5 unit as its page does: token, launch data, statements to the LRS, the item completed', async () => {
    const browser = new Browser(app);
    await browser.signIn('carlos.nunez@example.org', DEMO_PASSWORD);
    const [scorm, cmi5] = await deps.db
      .selectFrom('packages')
      .select(['id', 'item_id'])
      .where('edition_id', '=', editionId)
      .orderBy('created_at')
      .execute();
    expect((await browser.get(`/packages/${scorm!.id}/scos/0/launch`)).statusCode).toBe(200);
    const launch = await browser.get(`/packages/${cmi5!.id}/scos/0/launch`);
    expect(launch.statusCode).toBe(303);
    const url = new URL(String(launch.headers.location));
    expect(url.searchParams.get('activityId')).toBe(DEMO_CMI5_AU_ID);
    // The AU's page is served (sandboxed) and holds the script that talks to the LRS.
    const page = await app.inject({ method: 'GET', url: url.pathname });
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain("'activities/state?stateId=LMS.LaunchData");
    const token = (
      await app.inject({ method: 'POST', url: new URL(url.searchParams.get('fetch')!).pathname })
    ).json()['auth-token'];
    const xapi = (method: 'GET' | 'POST', path: string, payload?: unknown) =>
      app.inject({
        method,
        url: `/xapi/${path}`,
        headers: {
          authorization: `Basic ${token}`,
          'x-experience-api-version': '1.0.3',
          ...(payload ? { 'content-type': 'application/json' } : {}),
        },
        ...(payload ? { payload: JSON.stringify(payload) } : {}),
      });
    const actor = JSON.parse(url.searchParams.get('actor')!);
    const registration = url.searchParams.get('registration')!;
    const launchData = (
      await xapi(
        'GET',
        `activities/state?stateId=LMS.LaunchData&activityId=${encodeURIComponent(DEMO_CMI5_AU_ID)}&agent=${encodeURIComponent(JSON.stringify(actor))}&registration=${registration}`,
      )
    ).json();
    expect(launchData.moveOn).toBe('Completed');
    // The context as the unit's page builds it: the launch data's template, the registration, cmi5's category.
    const statement = (verb: string, result?: object) => {
      const context = structuredClone(launchData.contextTemplate);
      context.registration = registration;
      context.contextActivities ??= {};
      context.contextActivities.category = [{ id: 'https://w3id.org/xapi/cmi5/context/categories/cmi5' }];
      return {
        actor,
        verb: { id: `http://adlnet.gov/expapi/verbs/${verb}`, display: { 'en-US': verb } },
        object: { id: DEMO_CMI5_AU_ID, objectType: 'Activity' },
        context,
        timestamp: new Date().toISOString(),
        ...(result ? { result } : {}),
      };
    };
    const first = await xapi('POST', 'statements', statement('initialized'));
    expect(first.statusCode, first.body).toBe(200);
    expect(
      (await xapi('POST', 'statements', statement('completed', { completion: true, duration: 'PT42S' })))
        .statusCode,
    ).toBe(200);
    expect(
      (await xapi('POST', 'statements', statement('terminated', { duration: 'PT43S' }))).statusCode,
    ).toBe(200);
    await browser.get(`/packages/${cmi5!.id}`);
    const home = await getSpaceHome(deps.db, deps, carlos, editionId);
    const item = home.sections.flatMap((s) => s.items).find((i) => i.id === cmi5!.item_id);
    expect(item?.complete).toBe(true);
  });
});
