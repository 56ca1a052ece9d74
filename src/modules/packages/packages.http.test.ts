import { randomUUID } from 'node:crypto';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition, buildPerson, type TestPerson } from '../../../test/helpers/factories.js';
import { Browser, createTestApp, csrfFrom } from '../../../test/helpers/http.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { buildTestPackage, CMI5_AU_ID, type TestPackageName } from '../../../test/helpers/test-packages.js';
import { buildZip } from '../../../test/helpers/zip-builder.js';
import { systemActor } from '../../kernel/actor.js';
import { giveConfirmedPlace } from '../places/enrol-directly.js';
import { saveSection } from '../spaces/save-section.js';
import { runContentCommand } from './packages-cli.js';

for (const dialect of DIALECTS) {
  describe(`${dialect}: SCORM and cmi5 packages`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    let editionId: string;
    let learner: TestPerson;
    let browser: Browser;
    const dir = mkdtempSync(join(tmpdir(), 'dp-packages-'));

    const importFile = async (bytes: Buffer, edition = editionId) => {
      const file = join(dir, `${randomUUID()}.zip`);
      writeFileSync(file, bytes);
      const out: string[] = [];
      const err: string[] = [];
      const code = await runContentCommand(['import', '--edition', edition, file], deps, {
        stdout: (t) => out.push(t),
        stderr: (t) => err.push(t),
      });
      return { code, out: out.join(''), err: err.join(''), id: out.join('').trim().split('\n').at(-1) ?? '' };
    };
    /** The package placed in the space item whose id the command printed last. */
    const packageOfItem = async (itemId: string) =>
      (
        await deps.db
          .selectFrom('packages')
          .select('id')
          .where('item_id', '=', itemId)
          .executeTakeFirstOrThrow()
      ).id;
    const importPackage = async (name: TestPackageName) =>
      packageOfItem((await importFile(buildTestPackage(name))).id);
    const count = async () =>
      Number(
        (
          await deps.db
            .selectFrom('packages')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );

    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      const course = await buildCourse(deps);
      editionId = (await buildEdition(deps, course.code)).id;
      learner = await buildPerson(deps, { roles: ['participant'] });
      await giveConfirmedPlace(deps.db, deps, systemActor('test'), editionId, {
        userId: learner.id,
        fundingKind: 'self',
        fundingName: null,
      });
      browser = new Browser(app);
      await browser.signIn(learner.email, learner.password);
    }, 60_000);
    afterAll(() => close());

    it('imports packages from the command line (id last); a bad package exits 2 with one line and stores nothing', async () => {
      const ok = await importFile(buildTestPackage('scorm12-passing'));
      expect(ok.code).toBe(0);
      expect(ok.id).toMatch(/^[0-9a-f-]{36}$/);
      // The last line is the new item of the edition's space, holding the package.
      const item = await deps.db
        .selectFrom('space_items')
        .selectAll()
        .where('id', '=', ok.id)
        .executeTakeFirstOrThrow();
      expect(item.kind).toBe('package');
      expect(JSON.parse(item.settings_json)).toEqual({ packageId: await packageOfItem(ok.id) });
      expect((await importFile(buildTestPackage('cmi5-bare'))).code).toBe(0);
      const before = await count();
      const hostile: [Buffer, string][] = [
        [
          buildZip([
            { name: '../evil.html', data: 'x' },
            { name: 'imsmanifest.xml', data: '<manifest/>' },
          ]),
          'outside its folder',
        ],
        [
          buildZip([
            { name: 'imsmanifest.xml', data: 'x' },
            { name: 'link', data: '/etc/passwd', symlink: true },
          ]),
          'symbolic link',
        ],
        [buildZip([{ name: 'zeros.bin', data: Buffer.alloc(8 * 1024 * 1024) }]), 'zip bomb'],
        [
          buildZip([
            {
              name: 'imsmanifest.xml',
              data: '<?xml version="1.0"?><!DOCTYPE m [<!ENTITY x SYSTEM "file:///etc/passwd">]><manifest>&x;</manifest>',
            },
          ]),
          'entities',
        ],
        [buildZip([{ name: 'index.html', data: 'x' }]), 'imsmanifest.xml'],
        [Buffer.from('not a package'), 'neither'],
      ];
      for (const [bytes, words] of hostile) {
        const result = await importFile(bytes);
        expect(result.code, words).toBe(2);
        expect(result.err.trim().split('\n')).toHaveLength(1);
        expect(result.err).toContain(words);
      }
      expect((await importFile(buildTestPackage('scorm12-passing'), randomUUID())).code).toBe(2);
      expect(await count()).toBe(before);
    });

    it('plays a SCORM 1.2 package: the player, sandboxed content, commits rolled up to passed and kept as the grade', async () => {
      const id = await importPackage('scorm12-passing');
      expect((await browser.get(`/packages/${id}`)).statusCode).toBe(200);
      const player = await browser.get(`/packages/${id}/scos/0/launch`);
      expect(player.statusCode).toBe(200);
      expect(player.body).toContain('sandbox="allow-scripts allow-popups"');
      expect(player.body).toContain('/package-runtime/scorm12.min.js');
      const config = JSON.parse(player.body.match(/id="scorm-config">([^<]+)</)?.[1] ?? '{}');
      const content = await app.inject({ method: 'GET', url: config.contentUrl });
      expect(content.statusCode).toBe(200);
      expect(content.headers['content-security-policy']).toMatch(/^sandbox allow-scripts allow-popups;/);
      expect(content.headers['content-security-policy']).toContain("connect-src 'none'");
      expect(content.headers['x-frame-options']).toBeUndefined();
      expect(content.body).toContain('/package-runtime/child.js');
      const wrongKey = String(config.contentUrl).replace(
        /\/package-content\/([^/]+)\/[^/]+\//,
        '/package-content/$1/nope/',
      );
      expect((await app.inject({ method: 'GET', url: wrongKey })).statusCode).toBe(404);
      expect((await app.inject({ method: 'GET', url: '/package-runtime/player.js' })).statusCode).toBe(200);

      const commit = (url: string, body: unknown) =>
        app.inject({
          method: 'POST',
          url,
          headers: { cookie: browser.jar.header() },
          payload: body as object,
        });
      const cmi = {
        cmi: { core: { lesson_status: 'completed', score: { raw: '85', min: '0', max: '100' } } },
      };
      const forged = await commit(String(config.commitUrl).replace(/key=[^&]+/, 'key=guess'), cmi);
      expect(forged.statusCode).toBe(404);
      const committed = await commit(config.commitUrl, cmi);
      expect(committed.json()).toMatchObject({ result: true, errorCode: 0, status: 'passed', score: 8500 });
      const attempt = await deps.db
        .selectFrom('package_attempts')
        .selectAll()
        .where('package_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(attempt).toMatchObject({ status: 'passed', score: 8500, number: 1 });
      expect((await browser.get(`/packages/${id}`)).body).toContain('passed');
      // Passing the package completes its space item for the learner.
      const { item_id } = await deps.db
        .selectFrom('packages')
        .select('item_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const progress = await deps.db
        .selectFrom('space_item_progress')
        .selectAll()
        .where('item_id', '=', String(item_id))
        .where('user_id', '=', learner.id)
        .executeTakeFirst();
      expect(progress?.completed_at).toBeTruthy();
    });

    it('rolls up SCORM 2004 failure, many SCOs, and refuses attempts past the limit', async () => {
      const failing = await importPackage('scorm2004-failing');
      const player = await browser.get(`/packages/${failing}/scos/0/launch`);
      const config = JSON.parse(player.body.match(/id="scorm-config">([^<]+)</)?.[1] ?? '{}');
      const response = await app.inject({
        method: 'POST',
        url: config.commitUrl,
        headers: { cookie: browser.jar.header() },
        payload: {
          cmi: { completion_status: 'completed', success_status: 'failed', score: { scaled: '0.4' } },
        },
      });
      expect(response.json()).toMatchObject({ status: 'failed', score: 4000 });

      const many = await importPackage('scorm12-many-scos');
      const first = await browser.get(`/packages/${many}/scos/0/launch`);
      const manyConfig = JSON.parse(first.body.match(/id="scorm-config">([^<]+)</)?.[1] ?? '{}');
      const one = await app.inject({
        method: 'POST',
        url: manyConfig.commitUrl,
        headers: { cookie: browser.jar.header() },
        payload: { cmi: { core: { lesson_status: 'completed' } } },
      });
      expect(one.json()).toMatchObject({ status: 'incomplete' });

      await deps.db.updateTable('packages').set({ max_attempts: 1 }).where('id', '=', failing).execute();
      const again = await browser.submit(`/packages/${failing}`, `/packages/${failing}/attempts`, {});
      expect(again.statusCode).toBe(409);
    });

    it('keeps packages from people outside the edition (not found)', async () => {
      const id = await importPackage('scorm12-passing');
      const stranger = await buildPerson(deps, { roles: ['participant'] });
      const other = new Browser(app);
      await other.signIn(stranger.email, stranger.password);
      expect((await other.get(`/packages/${id}`)).statusCode).toBe(404);
      expect((await other.get(`/packages/${id}/scos/0/launch`)).statusCode).toBe(404);
      const facilitator = await buildPerson(deps, { roles: ['facilitator'] });
      const staff = new Browser(app);
      await staff.signIn(facilitator.email, facilitator.password);
      // Another edition's facilitator may not add packages here (nor see its sections).
      const upload = await staff.get(`/editions/${editionId}/packages/new`);
      expect(upload.statusCode).toBe(403);
    });

    it("places a package in the section chosen on upload or on the command line; another edition's section is refused", async () => {
      const facilitator = await buildPerson(deps, { roles: ['facilitator'] });
      const course = await buildCourse(deps);
      const edition = await buildEdition(deps, course.code, { facilitatorIds: [facilitator.id] });
      const staffActor = {
        kind: 'user' as const,
        id: facilitator.id,
        roles: ['facilitator' as const],
        via: 'session' as const,
      };
      const week1 = await saveSection(deps.db, deps, staffActor, edition.id, null, {
        title: { en: 'Week 1' },
      });
      const week2 = await saveSection(deps.db, deps, staffActor, edition.id, null, {
        title: { en: 'Week 2', fr: 'Semaine 2' },
      });
      const sectionOf = async (itemId: string) =>
        (
          await deps.db
            .selectFrom('space_items')
            .select('section_id')
            .where('id', '=', itemId)
            .executeTakeFirstOrThrow()
        ).section_id;
      // The command line: --section, else the first section.
      const file = join(dir, `${randomUUID()}.zip`);
      writeFileSync(file, buildTestPackage('scorm12-passing'));
      const out: string[] = [];
      const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => out.push(t) };
      expect(
        await runContentCommand(['import', '--edition', edition.id, '--section', week2.id, file], deps, io),
      ).toBe(0);
      expect(await sectionOf(out.join('').trim().split('\n').at(-1)!)).toBe(week2.id);
      out.length = 0;
      expect(await runContentCommand(['import', '--edition', edition.id, file], deps, io)).toBe(0);
      expect(await sectionOf(out.join('').trim().split('\n').at(-1)!)).toBe(week1.id);
      // A section of another edition: exit 2, one line, nothing stored.
      const elsewhere = await saveSection(deps.db, deps, systemActor('test'), editionId, null, {
        title: { en: 'Elsewhere' },
      });
      const before = await count();
      out.length = 0;
      expect(
        await runContentCommand(
          ['import', '--edition', edition.id, '--section', elsewhere.id, file],
          deps,
          io,
        ),
      ).toBe(2);
      expect(out.join('')).toBe("Choose a section of this edition's space.\n");
      expect(await count()).toBe(before);
      // The upload form offers the sections, in the reader's language, and places the package in the one chosen.
      const staff = new Browser(app);
      await staff.signIn(facilitator.email, facilitator.password);
      const form = await staff.get(`/editions/${edition.id}/packages/new`);
      expect(form.statusCode).toBe(200);
      expect(form.body).toContain(`<option value="${week2.id}">Week 2</option>`);
      // The builder's "Add a package" link leads here with its section chosen; another edition's is ignored.
      const builder = await staff.get(`/spaces/${edition.id}/build`);
      expect(builder.body).toContain(`href="/editions/${edition.id}/packages/new?section=${week2.id}"`);
      const chosen = await staff.get(`/editions/${edition.id}/packages/new?section=${week2.id}`);
      expect(chosen.body).toContain(`<option value="${week2.id}" selected>Week 2</option>`);
      const foreign = await staff.get(`/editions/${edition.id}/packages/new?section=${elsewhere.id}`);
      expect(foreign.body).not.toContain(' selected>');
      const boundary = '----section-test';
      const body = Buffer.concat([
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="_csrf"\r\n\r\n${csrfFrom(form.body)}\r\n`,
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="sectionId"\r\n\r\n${elsewhere.id}\r\n`,
        ),
        Buffer.from(
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="p.zip"\r\nContent-Type: application/zip\r\n\r\n`,
        ),
        buildTestPackage('scorm12-passing'),
        Buffer.from(`\r\n--${boundary}--\r\n`),
      ]);
      const refused = await app.inject({
        method: 'POST',
        url: `/editions/${edition.id}/packages`,
        headers: { cookie: staff.jar.header(), 'content-type': `multipart/form-data; boundary=${boundary}` },
        payload: body,
      });
      expect(refused.statusCode).toBe(400);
      expect(refused.body).toContain('Choose a section of this edition');
      expect(await count()).toBe(before);
    });

    it('launches cmi5: registration, one-time fetch, LMS.LaunchData, no voiding, moveOn → satisfied → passed', async () => {
      const id = await importPackage('cmi5');
      const launch = await browser.get(`/packages/${id}/scos/0/launch`);
      expect(launch.statusCode).toBe(303);
      const url = new URL(String(launch.headers.location));
      expect(url.pathname).toMatch(/^\/package-content\/.+\/au\/index\.html$/);
      const registration = url.searchParams.get('registration') ?? '';
      const actor = JSON.parse(url.searchParams.get('actor') ?? '{}');
      expect(url.searchParams.get('activityId')).toBe(CMI5_AU_ID);
      expect(url.searchParams.get('endpoint')).toMatch(/\/xapi\/$/);
      const fetchPath = new URL(url.searchParams.get('fetch') ?? '').pathname;
      const fetched = (await app.inject({ method: 'POST', url: fetchPath })).json();
      expect(fetched['auth-token']).toBeTruthy();
      expect((await app.inject({ method: 'POST', url: fetchPath })).json()).toMatchObject({
        'error-code': '1',
      });

      const xapi = (method: 'GET' | 'POST', path: string, payload?: unknown) =>
        app.inject({
          method,
          url: path,
          headers: {
            authorization: `Basic ${fetched['auth-token']}`,
            'x-experience-api-version': '1.0.3',
            ...(payload ? { 'content-type': 'application/json' } : {}),
          },
          ...(payload ? { payload: JSON.stringify(payload) } : {}),
        });
      const stateUrl = `/xapi/activities/state?activityId=${encodeURIComponent(CMI5_AU_ID)}&agent=${encodeURIComponent(JSON.stringify(actor))}&registration=${registration}&stateId=LMS.LaunchData`;
      const launchData = await xapi('GET', stateUrl);
      expect(launchData.json()).toMatchObject({
        launchMode: 'Normal',
        moveOn: 'CompletedAndPassed',
        masteryScore: 0.6,
      });
      const statement = (verb: string, extra: Record<string, unknown> = {}) => ({
        actor,
        verb: { id: `http://adlnet.gov/expapi/verbs/${verb}` },
        object: { id: CMI5_AU_ID },
        context: { registration },
        ...extra,
      });
      const posted = await xapi('POST', '/xapi/statements', [
        statement('initialized'),
        statement('completed'),
      ]);
      expect(posted.statusCode).toBe(200);
      const voiding = await xapi('POST', '/xapi/statements', {
        actor,
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
        object: { objectType: 'StatementRef', id: posted.json()[0] },
      });
      expect(voiding.statusCode).toBe(403);
      expect((await browser.get(`/packages/${id}`)).body).toContain('not finished');
      await xapi(
        'POST',
        '/xapi/statements',
        statement('passed', { result: { score: { scaled: 0.9 }, success: true } }),
      );
      const page = await browser.get(`/packages/${id}`);
      expect(page.body).toContain('passed');
      const attempt = await deps.db
        .selectFrom('package_attempts')
        .selectAll()
        .where('package_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(attempt).toMatchObject({ status: 'passed', score: 9000, registration });
      const satisfied = (
        await xapi(
          'GET',
          `/xapi/statements?registration=${registration}&verb=${encodeURIComponent('https://w3id.org/xapi/adl/verbs/satisfied')}`,
        )
      ).json();
      expect(satisfied.statements.length).toBe(2); // the AU and the course
    });
  });
}
