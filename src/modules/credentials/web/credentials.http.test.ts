import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv2019 from 'ajv/dist/2019.js';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { awardableCandidate, issuedCertificate } from '../../../../test/helpers/credential-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildProgramme } from '../../../../test/helpers/factories.js';
import { api, createTestApp } from '../../../../test/helpers/http.js';
import { apiUser, errorCode, signedIn, tokenOf } from '../../../../test/helpers/http-extra.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { OB_REFERENCE_DIR, REFERENCE_SCHEMA_PATH } from '../credentials-fixtures.js';
import { revokeCredential } from '../status/revoke-credential.js';

/** The official GetOpenBadgeCredentialsResponse schema (it embeds AchievementCredential). */
function obListValidator() {
  const ajv = new Ajv2019.default({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const schema = JSON.parse(
    readFileSync(join(OB_REFERENCE_DIR, 'schema', 'getopenbadgecredentialsresponse.json'), 'utf8'),
  );
  return ajv.compile(schema);
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: credentials HTTP`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterAll(async () => close?.());

    it('serves the DID document and the JWKS to anyone, with public keys only', async () => {
      const did = await app.inject('/.well-known/did.json');
      expect(did.statusCode).toBe(200);
      expect(did.headers['content-type']).toContain('application/did+json');
      expect(did.headers['access-control-allow-origin']).toBe('*');
      expect(did.json()).toMatchObject({ id: 'did:web:localhost%3A3000' });
      expect(did.json().assertionMethod).toHaveLength(2);
      const jwks = await app.inject('/.well-known/jwks.json');
      expect(jwks.statusCode).toBe(200);
      expect(
        jwks
          .json()
          .keys.map((k: { alg: string }) => k.alg)
          .sort(),
      ).toEqual(['EdDSA', 'RS256']);
      for (const body of [did.body, jwks.body]) expect(body).not.toMatch(/"(d|p|q|dp|dq|qi)"\s*:/);
      const profile = await app.inject('/ob/profile');
      expect(profile.json()).toMatchObject({ id: 'did:web:localhost%3A3000', type: ['Profile'] });
    });

    it('serves the signed status lists with an ETag, 304 when unchanged, a new ETag after a revocation', async () => {
      const { credential } = await issuedCertificate(deps);
      const first = await app.inject('/status-lists/revocation');
      expect(first.statusCode).toBe(200);
      expect(first.headers['content-type']).toContain('application/vc+ld+json');
      expect(first.headers['cache-control']).toBe('public, no-cache');
      const etag = first.headers.etag as string;
      expect(etag).toMatch(/^"[\w-]+"$/);
      const list = first.json();
      expect(list.type).toEqual(['VerifiableCredential', 'BitstringStatusListCredential']);
      expect(list.credentialSubject.encodedList).toMatch(/^u/);
      const verified = await app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: list },
      });
      expect(verified.json().results.find((r: { id: string }) => r.id === 'proof')).toMatchObject({
        ok: true,
      });
      const same = await app.inject({ url: '/status-lists/revocation', headers: { 'if-none-match': etag } });
      expect(same.statusCode).toBe(304);
      expect(same.body).toBe('');
      expect((await app.inject('/status-lists/suspension')).statusCode).toBe(200);
      await revokeCredential(deps.db, deps, { kind: 'system', reason: 'test' }, credential.id, {
        reason: 'other',
        note: 'test',
      });
      const changed = await app.inject({
        url: '/status-lists/revocation',
        headers: { 'if-none-match': etag },
      });
      expect(changed.statusCode).toBe(200);
      expect(changed.headers.etag).not.toBe(etag);
      for (const url of ['/status-lists/revocation-2', '/status-lists/other', '/status-lists/revocation-1']) {
        const missing = await app.inject(url);
        expect(missing.statusCode, url).toBe(404);
        expect(errorCode(missing)).toBe('not_found');
      }
    });

    it('verifies credentials and presentations for anyone (VC-API): 200 verified, 400 not', async () => {
      const { credential } = await issuedCertificate(deps);
      const json = JSON.parse(credential.credential_json);
      const verify = (body: unknown) =>
        app.inject({ method: 'POST', url: '/credentials/verify', payload: body as object });
      const ok = await verify({ verifiableCredential: json });
      expect(ok.statusCode).toBe(200);
      expect(ok.json()).toMatchObject({ verified: true, errors: [], kind: 'data-integrity' });
      expect(ok.json().checks).toEqual(['schema', 'proof', 'status', 'validity', 'issuer']);
      expect((await verify({ verifiableCredential: credential.jwt_rs256 })).json()).toMatchObject({
        verified: true,
        kind: 'jwt',
      });
      const envelope = {
        type: 'EnvelopedVerifiableCredential',
        id: `data:application/vc+jwt,${credential.jwt_eddsa}`,
      };
      expect((await verify({ verifiableCredential: envelope })).statusCode).toBe(200);
      const tampered = structuredClone(json);
      tampered.validFrom = '2020-01-01T00:00:00Z';
      const refused = await verify({ verifiableCredential: tampered });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toContain('proof:invalid_signature');
      const proof = refused.json().results.find((r: { id: string }) => r.id === 'proof');
      expect(proof.message).toMatch(/changed after signing/);
      const french = await app.inject({
        method: 'POST',
        url: '/credentials/verify?lang=fr',
        payload: { verifiableCredential: tampered },
      });
      expect(french.json().results.find((r: { id: string }) => r.id === 'proof').message).toMatch(/modifiée/);
      for (const bad of [{}, { verifiableCredential: 42 }, { verifiableCredential: '' }]) {
        const response = await verify(bad);
        expect(response.statusCode).toBe(400);
        expect(response.json()).toMatchObject({
          type: 'https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR',
          code: 'validation_failed',
        });
      }
      expect((await verify({ verifiableCredential: 'not a credential' })).statusCode).toBe(400);
      const presentation = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiablePresentation'],
        verifiableCredential: [json],
      };
      const vp = await app.inject({
        method: 'POST',
        url: '/presentations/verify',
        payload: { verifiablePresentation: presentation },
      });
      expect(vp.statusCode).toBe(200);
      expect(vp.json()).toMatchObject({ verified: true, presentationProof: { ok: true, code: 'none' } });
      // verifiableCredential is optional in a presentation (issue 16, point 4).
      const empty = await app.inject({
        method: 'POST',
        url: '/presentations/verify',
        payload: { verifiablePresentation: { ...presentation, verifiableCredential: [] } },
      });
      expect(empty.statusCode).toBe(200);
      expect(empty.json().warnings).toContain('credentials:none');
      const malformed = await app.inject({
        method: 'POST',
        url: '/presentations/verify',
        payload: { verifiablePresentation: 'x' },
      });
      expect(malformed.statusCode).toBe(400);
    });

    it('signs a supplied credential for administrators’ API tokens only (VC-API issue)', async () => {
      const credential = {
        '@context': ['https://www.w3.org/ns/credentials/v2'],
        type: ['VerifiableCredential'],
        issuer: 'did:web:localhost%3A3000',
        validFrom: '2026-01-01T00:00:00Z',
        credentialSubject: { id: 'did:example:holder', name: 'Test' },
      };
      const issue = (token?: string, body: unknown = { credential }) =>
        api(app, 'POST', '/credentials/issue', { body, ...(token ? { token } : {}) });
      expect((await issue()).statusCode).toBe(401);
      expect((await issue(undefined, {})).json()).toMatchObject({
        code: 'unauthenticated',
        title: 'Unauthorized',
      });
      for (const roles of [['participant'], ['manager']] as const) {
        const { token } = await apiUser(deps, [...roles]);
        const refused = await issue(token);
        expect(refused.statusCode, roles.join()).toBe(403);
      }
      // An administrator's browser session cannot sign (no cookies on machine endpoints).
      const { browser } = await signedIn(app, deps, ['administrator']);
      const session = await app.inject({
        method: 'POST',
        url: '/credentials/issue',
        headers: { cookie: browser.jar.header() },
        payload: { credential },
      });
      expect(session.statusCode).toBe(401);
      const { token } = await apiUser(deps, ['administrator']);
      const signed = await issue(token);
      expect(signed.statusCode).toBe(201);
      expect(signed.json().proof[0]).toMatchObject({
        type: 'DataIntegrityProof',
        cryptosuite: 'eddsa-rdfc-2022',
      });
      const checked = await app.inject({
        method: 'POST',
        url: '/credentials/verify',
        payload: { verifiableCredential: signed.json() },
      });
      expect(checked.json().results.find((r: { id: string }) => r.id === 'proof')).toMatchObject({
        ok: true,
      });
      const foreign = await issue(token, { credential: { ...credential, issuer: 'did:example:someone' } });
      expect(foreign.statusCode).toBe(400);
      expect(foreign.json().errors).toEqual([
        expect.objectContaining({ path: 'credential.issuer', code: 'credential.problem.foreignIssuer' }),
      ]);
      const old = await issue(token, {
        credential: { ...credential, '@context': ['https://www.w3.org/2018/credentials/v1'] },
      });
      expect(old.statusCode).toBe(400);
      expect((await issue(token, { nope: true })).statusCode).toBe(400);
    });

    it('serves the Open Badges API: discovery to anyone, credentials to their holder’s token', async () => {
      const discovery = await app.inject('/ims/ob/v3p0/discovery');
      expect(discovery.statusCode).toBe(200);
      expect(discovery.json()).toMatchObject({
        openapi: '3.0.1',
        info: {
          version: '1.0',
          termsOfService: expect.any(String),
          'x-imssf-privacyPolicyUrl': expect.any(String),
        },
        components: { securitySchemes: {} },
        servers: [{ url: 'http://localhost:3000/ims/ob/v3p0' }],
      });
      const { person, credential } = await issuedCertificate(deps);
      await issuedCertificate(deps, { person, outcome: 'participation' });
      const anonymous = await app.inject('/ims/ob/v3p0/credentials');
      expect(anonymous.statusCode).toBe(401);
      expect(anonymous.json()).toMatchObject({
        imsx_codeMajor: 'failure',
        imsx_severity: 'error',
        imsx_codeMinor: { imsx_codeMinorField: [{ imsx_codeMinorFieldValue: 'unauthorizedrequest' }] },
      });
      const token = await tokenOf(deps, person);
      const list = await api(app, 'GET', '/ims/ob/v3p0/credentials', { token });
      expect(list.statusCode).toBe(200);
      expect(list.headers['x-total-count']).toBe('2');
      expect(list.json().credential).toHaveLength(2);
      expect(list.json().credential.map((c: { id: string }) => c.id)).toContain(
        `http://localhost:3000/verify/${credential.id}`,
      );
      {
        const validate = obListValidator();
        expect(validate(list.json()), JSON.stringify(validate.errors?.slice(0, 3))).toBe(true);
        expect(REFERENCE_SCHEMA_PATH).toBeTruthy();
      }
      const page = await api(app, 'GET', '/ims/ob/v3p0/credentials?limit=1&offset=0', { token });
      expect(page.json().credential).toHaveLength(1);
      expect(page.headers.link).toContain('rel="next"');
      const bad = await api(app, 'GET', '/ims/ob/v3p0/credentials?limit=0', { token });
      expect(bad.statusCode).toBe(400);
      expect(bad.json().imsx_codeMinor.imsx_codeMinorField[0].imsx_codeMinorFieldValue).toBe(
        'invalid_query_parameter',
      );
      const { token: other } = await apiUser(deps);
      expect((await api(app, 'GET', '/ims/ob/v3p0/credentials', { token: other })).json()).toEqual({
        credential: [],
      });
    });

    it('lets the holder and managers download a credential, and no one else', async () => {
      const { person, credential } = await issuedCertificate(deps);
      const base = `/credentials/${credential.id}`;
      // A browser without a session is sent to sign in; a client with a bad token gets 401.
      const anonymous = await app.inject(`${base}.json`);
      expect(anonymous.statusCode).toBe(303);
      expect(anonymous.headers.location).toContain('/sign-in?next=');
      const badToken = await api(app, 'GET', `${base}.json`, { token: 'dp_nope' });
      expect(badToken.statusCode).toBe(401);
      expect(errorCode(badToken)).toBe('unauthenticated');
      const token = await tokenOf(deps, person);
      const json = await api(app, 'GET', `${base}.json`, { token });
      expect(json.statusCode).toBe(200);
      expect(json.headers['content-type']).toContain('application/ld+json');
      expect(json.body).toBe(credential.credential_json);
      expect((await api(app, 'GET', `${base}.jwt`, { token })).body).toBe(credential.jwt_rs256);
      expect((await api(app, 'GET', `${base}.jwt?alg=EdDSA`, { token })).body).toBe(credential.jwt_eddsa);
      expect((await api(app, 'GET', `${base}.jwt?alg=HS256`, { token })).statusCode).toBe(400);
      expect((await api(app, 'GET', `${base}.clr.json`, { token })).statusCode).toBe(404);
      expect((await api(app, 'GET', `${base}.txt`, { token })).statusCode).toBe(404);
      expect((await api(app, 'GET', `/credentials/${crypto.randomUUID()}.json`, { token })).statusCode).toBe(
        404,
      );
      const pdf = await api(app, 'GET', `${base}.pdf`, { token });
      expect(pdf.statusCode).toBe(200);
      expect(pdf.headers['content-type']).toBe('application/pdf');
      expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
      const { token: stranger } = await apiUser(deps);
      expect((await api(app, 'GET', `${base}.json`, { token: stranger })).statusCode).toBe(403);
      const { token: manager } = await apiUser(deps, ['manager']);
      expect((await api(app, 'GET', `${base}.json`, { token: manager })).statusCode).toBe(200);
      // The holder's browser session downloads it too.
      const holder = await signedIn(app, deps);
      const own = await issuedCertificate(deps, { person: holder.person });
      const viaSession = await holder.browser.get(`/credentials/${own.credential.id}.json`);
      expect(viaSession.statusCode).toBe(200);
      expect((await holder.browser.get(`${base}.json`)).statusCode).toBe(403);
      // The printed short link leads to the verification page.
      const short = await app.inject(
        `/v/${credential.short_code.slice(0, 4)}-${credential.short_code.slice(4)}`,
      );
      expect(short.statusCode).toBe(302);
      expect(short.headers.location).toBe(`/verify/${credential.id}`);
      expect((await app.inject('/v/0000-0000')).statusCode).toBe(404);
    });

    it('answers the /api/v1 credential routes with 400/401/403/404/409 as their policies say', async () => {
      const { person, credential } = await issuedCertificate(deps);
      const { token: participant } = await apiUser(deps);
      const { token: manager } = await apiUser(deps, ['manager']);
      const unknown = crypto.randomUUID();

      const view = await api(app, 'GET', `/api/v1/credentials/${credential.id}`);
      expect(view.statusCode).toBe(200);
      expect(view.json()).toMatchObject({ id: credential.id, status: 'valid', kind: 'achievement' });
      expect(
        (await api(app, 'GET', `/api/v1/credentials/${credential.short_code.toLowerCase()}`)).statusCode,
      ).toBe(200);
      expect((await api(app, 'GET', `/api/v1/credentials/${unknown}`)).statusCode).toBe(404);

      expect((await api(app, 'GET', '/api/v1/me/credentials')).statusCode).toBe(401);
      const mine = await api(app, 'GET', '/api/v1/me/credentials', { token: await tokenOf(deps, person) });
      expect(mine.json().credentials.map((c: { id: string }) => c.id)).toEqual([credential.id]);
      expect((await api(app, 'GET', `/api/v1/people/${person.id}/credentials`)).statusCode).toBe(401);
      expect(
        (await api(app, 'GET', `/api/v1/people/${person.id}/credentials`, { token: participant })).statusCode,
      ).toBe(403);
      expect(
        (await api(app, 'GET', `/api/v1/people/${person.id}/credentials`, { token: manager })).statusCode,
      ).toBe(200);
      expect(
        (await api(app, 'GET', `/api/v1/people/${unknown}/credentials`, { token: manager })).json(),
      ).toEqual({ credentials: [] });
      expect((await api(app, 'GET', '/api/v1/people/nope/credentials', { token: manager })).statusCode).toBe(
        404,
      );

      const revoke = (token: string | undefined, id: string, body: unknown) =>
        api(app, 'POST', `/api/v1/credentials/${id}/revoke`, { body, ...(token ? { token } : {}) });
      const reason = { reason: 'issued-in-error', note: 'wrong person' };
      expect((await revoke(undefined, credential.id, {})).statusCode).toBe(401);
      expect((await revoke(participant, credential.id, reason)).statusCode).toBe(403);
      const invalid = await revoke(manager, credential.id, { reason: 'nope', note: '' });
      expect(invalid.statusCode).toBe(400);
      expect(
        invalid
          .json()
          .error.fields.map((f: { path: string }) => f.path)
          .sort(),
      ).toEqual(['note', 'reason']);
      expect((await revoke(manager, unknown, reason)).statusCode).toBe(404);
      for (const [action, body] of [
        ['suspend', { reason: 'under-investigation', note: 'checking' }],
        ['reinstate', { note: 'cleared' }],
        ['supersede', { note: 'corrected' }],
      ] as const) {
        const url = `/api/v1/credentials/${credential.id}/${action}`;
        expect((await api(app, 'POST', url, { body: {} })).statusCode, action).toBe(401);
        expect((await api(app, 'POST', url, { body, token: participant })).statusCode, action).toBe(403);
        expect((await api(app, 'POST', url, { body: {}, token: manager })).statusCode, action).toBe(400);
        expect(
          (await api(app, 'POST', url.replace(credential.id, unknown), { body, token: manager })).statusCode,
          action,
        ).toBe(404);
      }
      const suspended = await api(app, 'POST', `/api/v1/credentials/${credential.id}/suspend`, {
        body: { reason: 'under-investigation', note: 'checking' },
        token: manager,
      });
      expect(suspended.json()).toEqual({ id: credential.id, status: 'suspended' });
      const notSuspended = await api(app, 'POST', `/api/v1/credentials/${credential.id}/suspend`, {
        body: { reason: 'other', note: 'twice' },
        token: manager,
      });
      expect(notSuspended.statusCode).toBe(409);
      expect(notSuspended.json().error.fields[0].code).toBe('credential.problem.notActive');
      const superseded = await api(app, 'POST', `/api/v1/credentials/${credential.id}/supersede`, {
        body: { note: 'corrected' },
        token: manager,
      });
      expect(superseded.statusCode).toBe(201);
      expect(superseded.json()).toMatchObject({
        replaced: credential.id,
        verifyUrl: expect.stringContaining('/verify/'),
      });
      const revoked = await revoke(manager, credential.id, reason);
      expect(revoked.statusCode).toBe(409);
    });

    it('awards diplomas over the API (one and in bulk) for managers only', async () => {
      const { candidacyId, person } = await awardableCandidate(deps);
      const { token: participant } = await apiUser(deps);
      const { token: manager } = await apiUser(deps, ['manager']);
      const url = `/api/v1/candidates/${candidacyId}/diploma`;
      expect((await api(app, 'POST', url)).statusCode).toBe(401);
      expect((await api(app, 'POST', url, { token: participant })).statusCode).toBe(403);
      expect(
        (await api(app, 'POST', `/api/v1/candidates/${crypto.randomUUID()}/diploma`, { token: manager }))
          .statusCode,
      ).toBe(404);
      const awarded = await api(app, 'POST', url, { token: manager });
      expect(awarded.statusCode).toBe(201);
      const again = await api(app, 'POST', `${url}?lang=fr`, { token: manager });
      expect(again.statusCode).toBe(409);
      expect(again.json().error.fields[0]).toMatchObject({
        code: 'credential.problem.alreadyAwarded',
        message: 'Cette personne a déjà un diplôme.',
      });
      const diploma = await api(app, 'GET', `/api/v1/credentials/${awarded.json().id}`);
      expect(diploma.json()).toMatchObject({ kind: 'diploma', holderName: expect.any(String) });
      expect(diploma.json().components).toHaveLength(4);
      const holder = await tokenOf(deps, person);
      expect(
        (await api(app, 'GET', `/credentials/${awarded.json().id}.clr.json`, { token: holder })).statusCode,
      ).toBe(200);

      expect((await api(app, 'POST', '/api/v1/diplomas', { body: { candidacyIds: [] } })).statusCode).toBe(
        401,
      );
      expect(
        (
          await api(app, 'POST', '/api/v1/diplomas', {
            body: { candidacyIds: [candidacyId] },
            token: participant,
          })
        ).statusCode,
      ).toBe(403);
      expect(
        (await api(app, 'POST', '/api/v1/diplomas', { body: { candidacyIds: [] }, token: manager }))
          .statusCode,
      ).toBe(400);
      const bulk = await api(app, 'POST', '/api/v1/diplomas', {
        body: { candidacyIds: [candidacyId, 'nope'] },
        token: manager,
      });
      expect(bulk.statusCode).toBe(200);
      expect(
        bulk.json().results.map((r: { outcome: string; problem?: string }) => r.problem ?? r.outcome),
      ).toEqual(['alreadyAwarded', 'notFound']);
      expect(actorOf(person).kind).toBe('user');
    });

    it('lets anyone read the issuer profile and administrators set it; managers set the automatic award', async () => {
      expect((await api(app, 'GET', '/api/v1/issuer')).json()).toMatchObject({
        did: 'did:web:localhost%3A3000',
      });
      const profile = {
        name: { en: 'Test Centre', fr: 'Centre de test' },
        url: 'https://centre.example.org',
        email: '',
      };
      const { token: manager } = await apiUser(deps, ['manager']);
      const { token: admin } = await apiUser(deps, ['administrator']);
      expect((await api(app, 'PUT', '/api/v1/issuer', { body: profile })).statusCode).toBe(401);
      expect((await api(app, 'PUT', '/api/v1/issuer', { body: profile, token: manager })).statusCode).toBe(
        403,
      );
      const invalid = await api(app, 'PUT', '/api/v1/issuer', {
        body: { name: {}, url: 'ftp://x' },
        token: admin,
      });
      expect(invalid.statusCode).toBe(400);
      const saved = await api(app, 'PUT', '/api/v1/issuer', { body: profile, token: admin });
      expect(saved.json()).toMatchObject({
        name: { en: 'Test Centre' },
        url: 'https://centre.example.org',
        email: null,
      });
      expect((await app.inject('/ob/profile')).json()).toMatchObject({
        name: 'Test Centre',
        url: 'https://centre.example.org',
      });

      const url = '/api/v1/programmes/labour-migration/auto-award';
      const { token: participant } = await apiUser(deps);
      await buildProgramme(deps);
      expect((await api(app, 'PUT', url, { body: { awardAutomatically: true } })).statusCode).toBe(401);
      expect(
        (await api(app, 'PUT', url, { body: { awardAutomatically: true }, token: participant })).statusCode,
      ).toBe(403);
      expect(
        (await api(app, 'PUT', url, { body: { awardAutomatically: 'maybe' }, token: manager })).statusCode,
      ).toBe(400);
      expect(
        (
          await api(app, 'PUT', '/api/v1/programmes/none-such/auto-award', {
            body: { awardAutomatically: true },
            token: manager,
          })
        ).statusCode,
      ).toBe(404);
      expect(
        (await api(app, 'PUT', url, { body: { awardAutomatically: true }, token: manager })).json(),
      ).toEqual({ awardAutomatically: true });
    });
  });
}
