/**
 * The points of the ADL LRS conformance suite that LRSs most often fail, and those its run found here
 * (docs/spaces.md § ADL conformance suite run): statement id conflicts, voided statements, since / until /
 * ascending, format=ids|canonical|exact, attachments=true, the concurrency headers of documents, 405, HEAD,
 * the consistent-through header, the alternate syntax, merged activity definitions.
 */
import { createHash, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { useLrsUnderTest } from '../../../test/helpers/xapi-client.js';

const agent = { objectType: 'Agent', name: 'Ada Lovelace', mbox: 'mailto:conformance@example.org' };
const statement = (over: Record<string, unknown> = {}) => ({
  id: randomUUID(),
  actor: agent,
  verb: {
    id: 'http://adlnet.gov/expapi/verbs/experienced',
    display: { 'en-US': 'experienced', 'fr-FR': 'a vécu' },
  },
  object: {
    objectType: 'Activity',
    id: 'http://example.org/activities/conformance',
    definition: {
      name: { 'en-US': 'Conformance', 'fr-FR': 'Conformité' },
      description: { 'en-US': 'A test' },
    },
  },
  context: {
    registration: randomUUID(),
    instructor: { objectType: 'Agent', name: 'Teacher', mbox: 'mailto:teacher@example.org' },
    contextActivities: {
      parent: [
        {
          objectType: 'Activity',
          id: 'http://example.org/activities/parent',
          definition: { name: { 'en-US': 'Parent' } },
        },
      ],
    },
  },
  ...over,
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: LRS conformance points`, () => {
    const lrs = useLrsUnderTest(dialect, 'conformance');
    const { xapi } = lrs;
    const get = async (query: string, headers: Record<string, string> = {}) =>
      xapi('GET', `/xapi/statements?${query}`, undefined, headers);

    it('answers 409 for an id stored with other content, in a PUT or inside a POST batch, and stores nothing of that batch', async () => {
      const first = statement();
      expect((await xapi('POST', '/xapi/statements', [first])).statusCode).toBe(200);
      // The same statement again is accepted (no change); changed content is a conflict.
      expect((await xapi('POST', '/xapi/statements', [first])).statusCode).toBe(200);
      const changed = { ...first, verb: { id: 'http://adlnet.gov/expapi/verbs/attempted' } };
      expect((await xapi('PUT', `/xapi/statements?statementId=${first.id}`, changed)).statusCode).toBe(409);
      const fresh = statement();
      expect((await xapi('POST', '/xapi/statements', [fresh, changed])).statusCode).toBe(409);
      expect((await get(`statementId=${fresh.id}`)).statusCode).toBe(404);
      // The same id twice in one batch is a bad request.
      const twice = statement();
      expect((await xapi('POST', '/xapi/statements', [twice, twice])).statusCode).toBe(400);
      // PUT without statementId, or with an id differing from the statement's: 400.
      expect((await xapi('PUT', '/xapi/statements', statement())).statusCode).toBe(400);
      expect(
        (await xapi('PUT', `/xapi/statements?statementId=${randomUUID()}`, statement())).statusCode,
      ).toBe(400);
    });

    it('takes statements from content of any origin (a sandboxed cmi5 unit sends Origin: null), as CORS allows', async () => {
      const s = statement();
      const posted = await xapi('POST', '/xapi/statements', [s], {
        origin: 'null',
        'sec-fetch-site': 'cross-site',
      });
      expect(posted.statusCode, posted.body).toBe(200);
      expect(posted.headers['access-control-allow-origin']).toBe('*');
      const put = await xapi(
        'PUT',
        `/xapi/statements?statementId=${randomUUID()}`,
        statement({ id: undefined }),
        {
          origin: 'https://content.example.org',
        },
      );
      expect(put.statusCode).toBe(204);
    });

    it('retrieves a voided statement only by voidedStatementId; the voiding statement is found; statementId and voidedStatementId do not mix', async () => {
      const target = statement();
      await xapi('POST', '/xapi/statements', [target]);
      const voiding = statement({
        verb: { id: 'http://adlnet.gov/expapi/verbs/voided', display: { 'en-US': 'voided' } },
        object: { objectType: 'StatementRef', id: target.id },
        context: undefined,
      });
      expect((await xapi('POST', '/xapi/statements', [voiding])).statusCode).toBe(200);
      expect((await get(`statementId=${target.id}`)).statusCode).toBe(404);
      const voided = await get(`voidedStatementId=${target.id}`);
      expect(voided.statusCode).toBe(200);
      expect(voided.json().id).toBe(target.id);
      expect((await get(`voidedStatementId=${voiding.id}`)).statusCode).toBe(404);
      expect((await get(`statementId=${voiding.id}`)).json().object.id).toBe(target.id);
      // The voided statement is not listed; the voiding one is, as its target meets the filter.
      const listed = (await get(`registration=${target.context.registration}`)).json().statements;
      expect(listed.map((s: { id: string }) => s.id)).toEqual([voiding.id]);
      expect((await get(`statementId=${target.id}&voidedStatementId=${target.id}`)).statusCode).toBe(400);
      expect(
        (await get(`statementId=${voiding.id}&verb=${encodeURIComponent('http://x.org')}`)).statusCode,
      ).toBe(400);
    });

    it('filters by stored time (since exclusive, until inclusive), newest first unless ascending, with Consistent-Through', async () => {
      const registration = randomUUID();
      const ids: string[] = [];
      const stored: string[] = [];
      for (let i = 0; i < 3; i++) {
        const s = statement({ context: { registration } });
        await xapi('POST', '/xapi/statements', [s]);
        ids.push(s.id);
        stored.push((await get(`statementId=${s.id}`)).json().stored);
        lrs.deps.clock.advance(1000); // the test clock stands still otherwise
      }
      const list = async (query: string) =>
        (await get(`registration=${registration}&${query}`))
          .json()
          .statements.map((s: { id: string }) => s.id);
      expect(await list('')).toEqual([...ids].reverse());
      expect(await list('ascending=true')).toEqual(ids);
      expect(await list(`since=${encodeURIComponent(stored[0]!)}&ascending=true`)).toEqual(ids.slice(1));
      expect(await list(`until=${encodeURIComponent(stored[1]!)}&ascending=true`)).toEqual(ids.slice(0, 2));
      expect(
        await list(`since=${encodeURIComponent(stored[0]!)}&until=${encodeURIComponent(stored[1]!)}`),
      ).toEqual([ids[1]]);
      const response = await get(`registration=${registration}`);
      expect(Date.parse(String(response.headers['x-experience-api-consistent-through']))).not.toBeNaN();
      expect((await get('since=yesterday')).statusCode).toBe(400);
      expect((await get('ascending=maybe')).statusCode).toBe(400);
    });

    it("returns format=exact as stored, ids with identifiers only, canonical in the reader's language", async () => {
      const s = statement();
      await xapi('POST', '/xapi/statements', [s]);
      const exact = (await get(`statementId=${s.id}&format=exact`)).json();
      expect(exact.object.definition.name).toEqual({ 'en-US': 'Conformance', 'fr-FR': 'Conformité' });
      expect(exact.actor.name).toBe('Ada Lovelace');
      const ids = (await get(`statementId=${s.id}&format=ids`)).json();
      expect(ids.actor).toEqual({ objectType: 'Agent', mbox: agent.mbox });
      expect(ids.verb).toEqual({ id: s.verb.id });
      expect(ids.object).toEqual({ objectType: 'Activity', id: s.object.id });
      expect(ids.context.instructor).toEqual({ objectType: 'Agent', mbox: 'mailto:teacher@example.org' });
      expect(ids.context.contextActivities.parent).toEqual([
        { objectType: 'Activity', id: 'http://example.org/activities/parent' },
      ]);
      expect(ids.context.registration).toBe(s.context.registration);
      const french = (
        await get(`statementId=${s.id}&format=canonical`, { 'accept-language': 'fr-FR' })
      ).json();
      expect(french.object.definition.name).toEqual({ 'fr-FR': 'Conformité' });
      expect(french.verb.display).toEqual({ 'fr-FR': 'a vécu' });
      // A map without the reader's language keeps one of its entries.
      expect(french.object.definition.description).toEqual({ 'en-US': 'A test' });
      expect((await get(`statementId=${s.id}&format=full`)).statusCode).toBe(400);
    });

    it('answers attachments=true as multipart/mixed (statements first, then each attachment once) and false as JSON', async () => {
      const content = Buffer.from('the attached transcript');
      const sha2 = createHash('sha256').update(content).digest('hex');
      const attachment = {
        usageType: 'http://example.org/usage/transcript',
        display: { 'en-US': 'Transcript' },
        contentType: 'text/plain',
        length: content.length,
        sha2,
      };
      const registration = randomUUID();
      const a = statement({ context: { registration }, attachments: [attachment] });
      const b = statement({ context: { registration }, attachments: [attachment] });
      const body = Buffer.concat([
        Buffer.from(`--b1\r\nContent-Type: application/json\r\n\r\n${JSON.stringify([a, b])}\r\n`),
        Buffer.from(
          `--b1\r\nContent-Type: text/plain\r\nContent-Transfer-Encoding: binary\r\nX-Experience-API-Hash: ${sha2}\r\n\r\n`,
        ),
        content,
        Buffer.from('\r\n--b1--\r\n'),
      ]);
      const posted = await lrs.app.inject({
        method: 'POST',
        url: '/xapi/statements',
        headers: {
          authorization: lrs.auth,
          'x-experience-api-version': '1.0.3',
          'content-type': 'multipart/mixed; boundary=b1',
        },
        payload: body,
      });
      expect(posted.statusCode).toBe(200);
      const multipart = await get(`registration=${registration}&attachments=true`);
      const boundary = /boundary=([^;]+)/.exec(String(multipart.headers['content-type']))?.[1];
      expect(boundary).toBeTruthy();
      const parts = multipart.body.split(`--${boundary}`).filter((p) => p.trim() && p.trim() !== '--');
      expect(parts).toHaveLength(2);
      expect(parts[0]).toMatch(/Content-Type: application\/json/i);
      expect(JSON.parse(parts[0]!.slice(parts[0]!.indexOf('{'))).statements).toHaveLength(2);
      expect(parts[1]).toContain(`X-Experience-API-Hash: ${sha2}`);
      expect(parts[1]).toContain('the attached transcript');
      const plain = await get(`registration=${registration}`);
      expect(plain.headers['content-type']).toMatch(/^application\/json/);
      expect(plain.json().statements[0].attachments[0].sha2).toBe(sha2);
    });

    it("keeps documents' concurrency rules: ETag on GET, 409 without a precondition on an existing profile, 412 on a stale one", async () => {
      const activityId = encodeURIComponent('http://example.org/activities/conformance');
      const url = `/xapi/activities/profile?activityId=${activityId}&profileId=settings`;
      // Creating: If-None-Match: * succeeds once, then fails.
      expect((await xapi('PUT', url, { a: 1 }, { 'if-none-match': '*' })).statusCode).toBe(204);
      expect((await xapi('PUT', url, { a: 2 }, { 'if-none-match': '*' })).statusCode).toBe(412);
      const got = await xapi('GET', url);
      const etag = String(got.headers.etag);
      expect(etag).toMatch(/^"[0-9a-f]+"$/);
      expect(got.headers['last-modified']).toBeTruthy();
      // Overwriting an existing profile document needs a precondition.
      expect((await xapi('PUT', url, { a: 3 })).statusCode).toBe(409);
      expect((await xapi('PUT', url, { a: 3 }, { 'if-match': '"0000"' })).statusCode).toBe(412);
      expect((await xapi('PUT', url, { a: 3 }, { 'if-match': etag })).statusCode).toBe(204);
      expect((await xapi('GET', url)).json()).toEqual({ a: 3 });
      // The old ETag is now stale, for DELETE too.
      expect((await xapi('DELETE', url, undefined, { 'if-match': etag })).statusCode).toBe(412);
      const current = String((await xapi('GET', url)).headers.etag);
      expect((await xapi('DELETE', url, undefined, { 'if-match': current })).statusCode).toBe(204);
      expect((await xapi('GET', url)).statusCode).toBe(404);
      // Agent profiles follow the same rules.
      const agentUrl = `/xapi/agents/profile?agent=${encodeURIComponent(JSON.stringify(agent))}&profileId=prefs`;
      expect((await xapi('PUT', agentUrl, { lang: 'fr' })).statusCode).toBe(204);
      expect((await xapi('PUT', agentUrl, { lang: 'es' })).statusCode).toBe(409);
    });

    it('answers 405 with Allow to a method the resource does not take, before asking for credentials', async () => {
      const id = encodeURIComponent('http://example.org/activities/conformance');
      const put = await xapi('PUT', `/xapi/activities?activityId=${id}`, {});
      expect(put.statusCode).toBe(405);
      expect(put.headers.allow).toBe('GET');
      expect(put.json().errorId).toBeTruthy();
      const anonymous = await lrs.app.inject({
        method: 'DELETE',
        url: `/xapi/statements?statementId=${randomUUID()}`,
        headers: { 'x-experience-api-version': '1.0.3' },
      });
      expect(anonymous.statusCode).toBe(405);
      expect(anonymous.headers.allow).toBe('GET, PUT, POST');
    });

    it('answers HEAD as GET without the body, on statements and documents', async () => {
      const headers = { authorization: lrs.auth, 'x-experience-api-version': '1.0.3' };
      const listed = await lrs.app.inject({ method: 'HEAD', url: '/xapi/statements', headers });
      expect(listed.statusCode).toBe(200);
      expect(listed.body).toBe('');
      const url = `/xapi/activities/state?activityId=${encodeURIComponent('http://example.org/a')}&agent=${encodeURIComponent(JSON.stringify(agent))}&stateId=${randomUUID()}`;
      expect((await xapi('PUT', url, { step: 1 })).statusCode).toBe(204);
      const state = await lrs.app.inject({ method: 'HEAD', url, headers });
      expect(state.statusCode).toBe(200);
      expect(state.headers.etag).toBeTruthy();
      expect(state.body).toBe('');
    });

    it('takes the alternate request syntax: content is JSON unless a Content-Type field says otherwise; no form body is a 400', async () => {
      const id = randomUUID();
      const form = new URLSearchParams({
        statementId: id,
        content: JSON.stringify(statement({ id: undefined })),
        'X-Experience-API-Version': '1.0.3',
        Authorization: lrs.auth,
      });
      const put = await lrs.app.inject({
        method: 'POST',
        url: '/xapi/statements?method=PUT',
        headers: { 'content-type': 'application/x-www-form-urlencoded' },
        payload: form.toString(),
      });
      expect(put.statusCode, put.body).toBe(204);
      expect((await get(`statementId=${id}`)).statusCode).toBe(200);
      const bare = await xapi('POST', '/xapi/statements?method=PUT');
      expect(bare.statusCode).toBe(400);
    });

    it('sends X-Experience-API-Consistent-Through on every answer of the Statement resource, a 404 and a 400 included', async () => {
      for (const query of [`statementId=${randomUUID()}`, 'foo=bar']) {
        const answer = await get(query);
        expect(answer.statusCode).toBeGreaterThanOrEqual(400);
        expect(Number.isNaN(Date.parse(String(answer.headers['x-experience-api-consistent-through'])))).toBe(
          false,
        );
      }
    });

    it('matches a statement whose StatementRef target meets the verb, registration, agent or activity filter, the voiding one too', async () => {
      const verb = `http://example.org/verbs/targeted-${randomUUID()}`;
      const target = statement({ verb: { id: verb } });
      const ref = (over: Record<string, unknown>) =>
        statement({ object: { objectType: 'StatementRef', id: target.id }, context: undefined, ...over });
      const voiding = ref({ verb: { id: 'http://adlnet.gov/expapi/verbs/voided' } });
      const pointer = ref({ actor: { mbox: 'mailto:pointer@example.org' } });
      const other = statement({
        object: { objectType: 'StatementRef', id: randomUUID() },
        context: undefined,
      });
      for (const s of [target, voiding, pointer, other])
        expect((await xapi('POST', '/xapi/statements', [s])).statusCode).toBe(200);
      const ids = async (query: string) =>
        (await get(query)).json().statements.map((s: { id: string }) => s.id);
      // The target is voided: not listed itself, but what points at it still matches its verb.
      expect(await ids(`verb=${encodeURIComponent(verb)}`)).toEqual([pointer.id, voiding.id]);
      expect(await ids(`registration=${target.context.registration}`)).toEqual([pointer.id, voiding.id]);
      const byActivity = await ids(
        `activity=${encodeURIComponent('http://example.org/activities/parent')}&related_activities=true`,
      );
      expect(byActivity).toContain(pointer.id);
      expect(
        await ids(`agent=${encodeURIComponent(JSON.stringify({ mbox: 'mailto:pointer@example.org' }))}`),
      ).toEqual([pointer.id]);
      // Time filters apply to the statement itself only; a statement pointing elsewhere does not match.
      expect(
        await ids(`verb=${encodeURIComponent(verb)}&since=${encodeURIComponent(new Date().toISOString())}`),
      ).toEqual([]);
      expect(await ids(`verb=${encodeURIComponent(verb)}&limit=1`)).toEqual([pointer.id]);
      expect(await ids(`registration=${target.context.registration}`)).not.toContain(other.id);
    });

    it('returns from /xapi/activities the languages every statement gave the activity', async () => {
      const id = `http://example.org/activities/merged-${randomUUID()}`;
      const named = (name: Record<string, string>) =>
        statement({ object: { objectType: 'Activity', id, definition: { name } } });
      expect((await xapi('POST', '/xapi/statements', [named({ 'en-US': 'Meeting' })])).statusCode).toBe(200);
      expect((await xapi('POST', '/xapi/statements', [named({ 'fr-FR': 'Réunion' })])).statusCode).toBe(200);
      const activity = await xapi('GET', `/xapi/activities?activityId=${encodeURIComponent(id)}`);
      expect(activity.json().definition.name).toEqual({ 'en-US': 'Meeting', 'fr-FR': 'Réunion' });
    });
  });
}
