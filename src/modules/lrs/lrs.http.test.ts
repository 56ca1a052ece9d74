import { createHash, randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildPerson } from '../../../test/helpers/factories.js';
import { Browser, createTestApp, csrfFrom } from '../../../test/helpers/http.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { lrsAuthorization, xapiClient } from '../../../test/helpers/xapi-client.js';
import { systemActor } from '../../kernel/actor.js';
import { runLrsCommand } from './lrs-cli.js';
import { createLrsCredential, revokeLrsCredential } from './lrs-credentials.js';

const ACTIVITY = 'http://example.org/activities/course-1';
const VERB = 'http://adlnet.gov/expapi/verbs/completed';
const agent = (name: string) => ({ objectType: 'Agent', mbox: `mailto:${name}@example.org` });
const statement = (over: Record<string, unknown> = {}) => ({
  actor: agent('ada'),
  verb: { id: VERB, display: { 'en-US': 'completed' } },
  object: { objectType: 'Activity', id: ACTIVITY, definition: { name: { en: 'Course one' } } },
  ...over,
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: the xAPI LRS`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    let auth: string;
    let credentialId: string;

    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      ({ id: credentialId, auth } = await lrsAuthorization(deps, 'test client'));
    });
    afterAll(() => close());

    const xapi = xapiClient(
      () => app,
      () => auth,
    );

    it('answers /about without credentials, and refuses other calls without a version or valid credentials', async () => {
      const about = await app.inject({ method: 'GET', url: '/xapi/about' });
      expect(about.statusCode).toBe(200);
      expect(about.json().version).toContain('1.0.3');
      expect(about.json().version).toContain('2.0.0');
      expect(about.headers['x-experience-api-version']).toBe('1.0.3');
      const preflight = await app.inject({ method: 'OPTIONS', url: '/xapi/statements' });
      expect(preflight.statusCode).toBe(204);
      expect(preflight.headers['access-control-allow-headers']).toContain('X-Experience-API-Version');
      expect(about.headers['access-control-allow-origin']).toBe('*');

      const noVersion = await app.inject({
        method: 'GET',
        url: '/xapi/statements',
        headers: { authorization: auth },
      });
      expect(noVersion.statusCode).toBe(400);
      expect(noVersion.json()).toMatchObject({
        message: expect.stringContaining('X-Experience-API-Version'),
      });

      const anonymous = await app.inject({
        method: 'GET',
        url: '/xapi/statements',
        headers: { 'x-experience-api-version': '2.0.0' },
      });
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.headers['www-authenticate']).toMatch(/^Basic/);
      expect(anonymous.headers['x-experience-api-version']).toBe('2.0.0');
      const wrong = await xapi('GET', '/xapi/statements', undefined, {
        authorization: `Basic ${Buffer.from('nobody:nothing').toString('base64')}`,
      });
      expect(wrong.statusCode).toBe(401);
    });

    it('stores a statement by PUT, returns it with stored and authority; the same again is a no-op, a different one a conflict', async () => {
      const id = randomUUID();
      expect((await xapi('PUT', `/xapi/statements?statementId=${id}`, statement())).statusCode).toBe(204);
      const got = await xapi('GET', `/xapi/statements?statementId=${id}`);
      expect(got.statusCode).toBe(200);
      expect(got.headers['consistent-through']).toBeTruthy();
      const body = got.json();
      expect(body).toMatchObject({ id, verb: { id: VERB }, version: '1.0.0' });
      expect(body.stored).toBe(deps.clock.now().toISOString());
      expect(body.authority.account.name).toBeTruthy();
      expect((await xapi('PUT', `/xapi/statements?statementId=${id}`, statement())).statusCode).toBe(204);
      const conflict = await xapi(
        'PUT',
        `/xapi/statements?statementId=${id}`,
        statement({ actor: agent('bob') }),
      );
      expect(conflict.statusCode).toBe(409);
    });

    it('refuses invalid statements with a 400 naming the rule, and stores nothing of the batch', async () => {
      const good = { ...statement(), id: randomUUID() };
      const cases = [
        statement({ actor: { mbox: 'ada@example.org' } }),
        statement({ actor: { mbox: 'mailto:a@example.org', openid: 'http://x.org/a' } }),
        statement({ verb: { id: 'not an iri' } }),
        statement({ result: { score: { scaled: 2 } } }),
        statement({ context: { registration: 'nope' } }),
        statement({ object: { objectType: 'StatementRef', id: randomUUID() }, context: { platform: 'x' } }),
        statement({ unknown: true }),
        statement({ timestamp: 'yesterday' }),
      ];
      for (const bad of cases) {
        const response = await xapi('POST', '/xapi/statements', [good, bad]);
        expect(response.statusCode, JSON.stringify(bad)).toBe(400);
        expect(typeof response.json().message).toBe('string');
      }
      expect((await xapi('GET', `/xapi/statements?statementId=${good.id}`)).statusCode).toBe(404);
    });

    it('filters by agent, verb, activity, registration, related activities, since and until; pages with more', async () => {
      const registration = randomUUID();
      const activity = `http://example.org/query/${randomUUID()}`;
      const parent = `http://example.org/parent/${randomUUID()}`;
      const batch = Array.from({ length: 5 }, (_v, i) =>
        statement({
          actor: agent(`q${i % 2}`),
          object: { id: activity },
          context: { registration, contextActivities: { parent: { id: parent } } },
        }),
      );
      const posted = await xapi('POST', '/xapi/statements', batch);
      expect(posted.statusCode).toBe(200);
      const ids: string[] = posted.json();
      expect(ids).toHaveLength(5);

      const byActivity = (
        await xapi('GET', `/xapi/statements?activity=${encodeURIComponent(activity)}`)
      ).json();
      expect(byActivity.statements).toHaveLength(5);
      expect(byActivity.statements[0].id).toBe(ids[4]); // newest first
      const agentQ0 = encodeURIComponent(JSON.stringify(agent('q0')));
      const byAgent = (
        await xapi('GET', `/xapi/statements?agent=${agentQ0}&activity=${encodeURIComponent(activity)}`)
      ).json();
      expect(byAgent.statements.map((s: { id: string }) => s.id).sort()).toEqual(
        [ids[0], ids[2], ids[4]].sort(),
      );
      const byParent = (await xapi('GET', `/xapi/statements?activity=${encodeURIComponent(parent)}`)).json();
      expect(byParent.statements).toHaveLength(0);
      const related = (
        await xapi('GET', `/xapi/statements?activity=${encodeURIComponent(parent)}&related_activities=true`)
      ).json();
      expect(related.statements).toHaveLength(5);
      expect(related.statements[0].context.contextActivities.parent).toEqual([{ id: parent }]);
      const byRegistration = (
        await xapi('GET', `/xapi/statements?registration=${registration}&verb=${encodeURIComponent(VERB)}`)
      ).json();
      expect(byRegistration.statements).toHaveLength(5);
      const otherVerb = (
        await xapi(
          'GET',
          `/xapi/statements?registration=${registration}&verb=${encodeURIComponent('http://x.org/other')}`,
        )
      ).json();
      expect(otherVerb.statements).toHaveLength(0);

      const first = (
        await xapi('GET', `/xapi/statements?registration=${registration}&limit=2&ascending=true`)
      ).json();
      expect(first.statements.map((s: { id: string }) => s.id)).toEqual(ids.slice(0, 2));
      expect(first.more).toMatch(/^\/xapi\/statements\?/);
      const second = (await xapi('GET', first.more)).json();
      expect(second.statements.map((s: { id: string }) => s.id)).toEqual(ids.slice(2, 4));
      const third = (await xapi('GET', second.more)).json();
      expect(third.statements.map((s: { id: string }) => s.id)).toEqual(ids.slice(4));
      expect(third.more).toBe('');

      const stored = deps.clock.now().toISOString();
      const before = new Date(Date.parse(stored) - 1000).toISOString();
      expect(
        (await xapi('GET', `/xapi/statements?registration=${registration}&since=${before}`)).json()
          .statements,
      ).toHaveLength(5);
      expect(
        (await xapi('GET', `/xapi/statements?registration=${registration}&since=${stored}`)).json()
          .statements,
      ).toHaveLength(0);
      expect(
        (await xapi('GET', `/xapi/statements?registration=${registration}&until=${before}`)).json()
          .statements,
      ).toHaveLength(0);
      expect((await xapi('GET', '/xapi/statements?limit=x')).statusCode).toBe(400);
      expect((await xapi('GET', '/xapi/statements?agent={"mbox":"x"}')).statusCode).toBe(400);
      expect((await xapi('GET', `/xapi/statements?statementId=${ids[0]}&verb=x`)).statusCode).toBe(400);
    });

    it('voids a statement: it leaves queries and is found only by voidedStatementId; a voiding statement cannot be voided', async () => {
      const target = randomUUID();
      const activity = `http://example.org/void/${randomUUID()}`;
      await xapi('PUT', `/xapi/statements?statementId=${target}`, statement({ object: { id: activity } }));
      const voiding = statement({
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
        object: { objectType: 'StatementRef', id: target },
      });
      const posted = await xapi('POST', '/xapi/statements', voiding);
      expect(posted.statusCode).toBe(200);
      expect((await xapi('GET', `/xapi/statements?statementId=${target}`)).statusCode).toBe(404);
      expect((await xapi('GET', `/xapi/statements?voidedStatementId=${target}`)).json().id).toBe(target);
      // The voided statement leaves the list; the voiding one matches through its target (StatementRef rule).
      const listed = (await xapi('GET', `/xapi/statements?activity=${encodeURIComponent(activity)}`)).json();
      expect(listed.statements.map((s: { id: string }) => s.id)).toEqual([posted.json()[0]]);
      const again = await xapi(
        'POST',
        '/xapi/statements',
        statement({
          verb: { id: 'http://adlnet.gov/expapi/verbs/voided' },
          object: { objectType: 'StatementRef', id: posted.json()[0] },
        }),
      );
      expect(again.statusCode).toBe(400);
    });

    it('takes attachments as multipart/mixed with their SHA-256, refuses a wrong or missing part, and returns them', async () => {
      const content = Buffer.from('a certificate of attendance');
      const sha2 = createHash('sha256').update(content).digest('hex');
      const id = randomUUID();
      const withAttachment = {
        ...statement(),
        id,
        attachments: [
          {
            usageType: 'http://example.org/usage/certificate',
            display: { en: 'Certificate' },
            contentType: 'text/plain',
            length: content.length,
            sha2,
          },
        ],
      };
      const multipart = (json: unknown, parts: { hash: string; bytes: Buffer }[]) =>
        Buffer.concat([
          Buffer.from(`--b0\r\nContent-Type: application/json\r\n\r\n${JSON.stringify(json)}\r\n`),
          ...parts.flatMap((p) => [
            Buffer.from(
              `--b0\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${p.hash}\r\n\r\n`,
            ),
            p.bytes,
            Buffer.from('\r\n'),
          ]),
          Buffer.from('--b0--\r\n'),
        ]);
      const headers = { 'content-type': 'multipart/mixed; boundary=b0' };
      const tampered = await xapi(
        'POST',
        '/xapi/statements',
        multipart([withAttachment], [{ hash: sha2, bytes: Buffer.from('other') }]),
        headers,
      );
      expect(tampered.statusCode).toBe(400);
      const missing = await xapi('POST', '/xapi/statements', multipart([withAttachment], []), headers);
      expect(missing.statusCode).toBe(400);
      expect((await xapi('GET', `/xapi/statements?statementId=${id}`)).statusCode).toBe(404);
      const ok = await xapi(
        'POST',
        '/xapi/statements',
        multipart([withAttachment], [{ hash: sha2, bytes: content }]),
        headers,
      );
      expect(ok.statusCode).toBe(200);
      const got = await xapi('GET', `/xapi/statements?statementId=${id}&attachments=true`);
      expect(got.headers['content-type']).toMatch(/^multipart\/mixed; boundary=/);
      expect(got.body).toContain(`X-Experience-API-Hash: ${sha2}`);
      expect(got.body).toContain('a certificate of attendance');
    });

    it('keeps state documents with ETags, merges JSON on POST and honours If-Match / If-None-Match', async () => {
      const base = `/xapi/activities/state?activityId=${encodeURIComponent(ACTIVITY)}&agent=${encodeURIComponent(JSON.stringify(agent('doc')))}`;
      const url = `${base}&stateId=bookmark`;
      expect((await xapi('PUT', url, { page: 1 })).statusCode).toBe(204);
      const got = await xapi('GET', url);
      expect(got.json()).toEqual({ page: 1 });
      const etag = String(got.headers.etag);
      expect(etag).toMatch(/^"[0-9a-f]{40}"$/);
      expect((await xapi('POST', url, { score: 3 })).statusCode).toBe(204);
      expect((await xapi('GET', url)).json()).toEqual({ page: 1, score: 3 });
      expect((await xapi('PUT', url, { page: 2 }, { 'if-match': etag })).statusCode).toBe(412);
      expect((await xapi('PUT', url, { page: 2 }, { 'if-none-match': '*' })).statusCode).toBe(412);
      const current = String((await xapi('GET', url)).headers.etag);
      expect((await xapi('PUT', url, { page: 2 }, { 'if-match': current })).statusCode).toBe(204);
      expect((await xapi('POST', url, 'plain text', { 'content-type': 'text/plain' })).statusCode).toBe(400);
      expect((await xapi('GET', base)).json()).toEqual(['bookmark']);
      expect((await xapi('GET', `/xapi/activities/state?stateId=x`)).statusCode).toBe(400);
      expect((await xapi('DELETE', url)).statusCode).toBe(204);
      expect((await xapi('GET', url)).statusCode).toBe(404);
    });

    it('asks for a precondition before overwriting a profile document; agent profiles and activities answer', async () => {
      const url = `/xapi/activities/profile?activityId=${encodeURIComponent(ACTIVITY)}&profileId=p1`;
      expect((await xapi('PUT', url, { a: 1 }, { 'if-none-match': '*' })).statusCode).toBe(204);
      expect((await xapi('PUT', url, { a: 2 })).statusCode).toBe(409);
      expect((await xapi('GET', url)).json()).toEqual({ a: 1 });
      const agentUrl = `/xapi/agents/profile?agent=${encodeURIComponent(JSON.stringify(agent('prof')))}&profileId=bio`;
      expect(
        (await xapi('PUT', agentUrl, 'hello', { 'content-type': 'text/plain', 'if-none-match': '*' }))
          .statusCode,
      ).toBe(204);
      expect((await xapi('GET', agentUrl)).body).toBe('hello');
      const activity = (
        await xapi('GET', `/xapi/activities?activityId=${encodeURIComponent(ACTIVITY)}`)
      ).json();
      expect(activity).toMatchObject({ id: ACTIVITY, definition: { name: { en: 'Course one' } } });
      const person = (
        await xapi('GET', `/xapi/agents?agent=${encodeURIComponent(JSON.stringify(agent('prof')))}`)
      ).json();
      expect(person).toEqual({ objectType: 'Person', mbox: ['mailto:prof@example.org'] });
    });

    it('stops accepting a revoked credential', async () => {
      const other = await createLrsCredential(deps.db, deps, systemActor('test'), { name: 'short-lived' });
      const basic = `Basic ${Buffer.from(`${other.key}:${other.secret}`).toString('base64')}`;
      expect(
        (await xapi('GET', '/xapi/statements?limit=1', undefined, { authorization: basic })).statusCode,
      ).toBe(200);
      await revokeLrsCredential(deps.db, deps, systemActor('test'), other.id);
      expect(
        (await xapi('GET', '/xapi/statements?limit=1', undefined, { authorization: basic })).statusCode,
      ).toBe(401);
      expect(credentialId).toBeTruthy();
    });

    it('lets an administrator create a credential on the page (shown once) and revoke it; the CLI prints key:secret', async () => {
      const admin = await buildPerson(deps, { roles: ['administrator'] });
      const browser = new Browser(app);
      await browser.signIn(admin.email, admin.password);
      const page = await browser.get('/admin/lrs');
      expect(page.statusCode).toBe(200);
      const created = await browser.submit('/admin/lrs', '/admin/lrs/credentials', { name: 'Moodle' });
      expect(created.statusCode).toBe(201);
      const basic = created.body.match(/<code class="secret">([^<]+)<\/code>/)?.[1] ?? '';
      expect(basic).toMatch(/^[\w-]+:[\w-]+$/);
      const header = `Basic ${Buffer.from(basic).toString('base64')}`;
      expect(
        (await xapi('GET', '/xapi/statements?limit=1', undefined, { authorization: header })).statusCode,
      ).toBe(200);
      const invalid = await browser.submit('/admin/lrs', '/admin/lrs/credentials', { name: '' });
      expect(invalid.statusCode).toBe(400);
      const id = (await browser.get('/admin/lrs')).body.match(
        /\/admin\/lrs\/credentials\/([\w-]+)\/revoke/,
      )?.[1];
      const list = await browser.get('/admin/lrs');
      const revoked = await browser.submit('/admin/lrs', `/admin/lrs/credentials/${id}/revoke`, {});
      expect(revoked.statusCode).toBe(303);
      expect(csrfFrom(list.body)).toBeTruthy();

      const out: string[] = [];
      const err: string[] = [];
      const io = { stdout: (t: string) => out.push(t), stderr: (t: string) => err.push(t) };
      expect(await runLrsCommand(['create', '--name', 'cli'], deps, io)).toBe(0);
      expect(out.join('')).toMatch(/^[\w-]+:[\w-]+\n$/);
      expect(await runLrsCommand(['create'], deps, io)).toBe(2);
      expect(err.join('')).toContain('Usage: diploma lrs credentials create --name NAME');
    });
  });
}
