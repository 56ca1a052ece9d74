/**
 * The W3C VC-API as the VC 2.0 / VC-DI / Bitstring Status List suites and an independent verifier use it
 * (issue 16, points 2, 4–8, 10–12; issue 11, point 4).
 */
import { createHash } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { issuedCertificate } from '../../../../test/helpers/credential-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { api, createTestApp } from '../../../../test/helpers/http.js';
import { apiUser, nextAddress } from '../../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { didKeySigner } from '../credentials-fixtures.js';
import { EXAMPLES_V2_CONTEXT, EXAMPLES_V2_CONTEXT_DOCUMENT, VC_V2_CONTEXT } from '../verifying/contexts.js';
import { createDocumentLoader } from '../verifying/document-loader.js';
import { achievementCredentialValidator } from '../verifying/schema-check.js';

const ISSUER = 'did:web:localhost%3A3000';

const alumni = (extra: Record<string, unknown> = {}) => ({
  '@context': [VC_V2_CONTEXT, EXAMPLES_V2_CONTEXT],
  type: ['VerifiableCredential', 'ExampleAlumniCredential'],
  issuer: ISSUER,
  credentialSubject: { id: 'did:example:ebfeb1f712ebc6f1c276e12ec21', alumniOf: 'Example University' },
  ...extra,
});

for (const dialect of DIALECTS) {
  describe(`${dialect}: VC-API`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    let admin: string;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      ({ token: admin } = await apiUser(deps, ['administrator']));
    });
    afterAll(async () => close?.());

    const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
      app.inject({ method: 'POST', url, payload: payload as object, remoteAddress: nextAddress(), headers });
    const issue = (credential: unknown, options?: unknown) =>
      api(app, 'POST', '/credentials/issue', {
        body: { credential, ...(options ? { options } : {}) },
        token: admin,
      });

    it('signs a credential with the examples context and no validFrom, and verifies it (points 2, 6)', async () => {
      const signed = await issue(alumni());
      expect(signed.statusCode).toBe(201);
      const verified = await post('/credentials/verify', { verifiableCredential: signed.json() });
      expect(verified.statusCode).toBe(200);
      expect(verified.json()).toMatchObject({ verified: true, errors: [] });
      expect(verified.json().results.find((r: { id: string }) => r.id === 'schema').code).toBe('data_model');
    });

    it('refuses a credential sent as a JSON string as a parsing error (point 10)', async () => {
      const signed = (await issue(alumni())).json();
      const response = await post('/credentials/verify', { verifiableCredential: JSON.stringify(signed) });
      expect(response.statusCode).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json()).toMatchObject({
        type: 'https://www.w3.org/TR/vc-data-model#PARSING_ERROR',
        title: expect.any(String),
        detail: expect.stringContaining('JSON object'),
      });
    });

    it('separates a valid proof from a trusted issuer: untrusted is a warning until TRUSTED_ISSUERS lists it (point 3)', async () => {
      const other = await didKeySigner();
      const signed = await other.sign(alumni({ issuer: other.did }));
      const issuerCheck = (body: { results: Array<{ id: string; code: string }> }) =>
        body.results.find((r) => r.id === 'issuer')?.code;
      const untrusted = await post('/credentials/verify', { verifiableCredential: signed });
      expect(untrusted.statusCode, untrusted.body).toBe(200);
      expect(untrusted.json()).toMatchObject({ verified: true, errors: [] });
      expect(untrusted.json().warnings).toContain('issuer:untrusted');
      expect(issuerCheck(untrusted.json())).toBe('untrusted');
      deps.config.trustedIssuers.push(other.did);
      try {
        const trusted = await post('/credentials/verify', { verifiableCredential: signed });
        expect(trusted.statusCode).toBe(200);
        expect(trusted.json().warnings).not.toContain('issuer:untrusted');
        expect(issuerCheck(trusted.json())).toBe('known');
      } finally {
        deps.config.trustedIssuers.pop();
      }
      // A broken proof of the same issuer fails whatever the trust: trust never stands for a proof.
      const proof = (signed.proof as Array<Record<string, unknown>>)[0]!;
      const broken = {
        ...signed,
        proof: [{ ...proof, proofValue: `${String(proof.proofValue).slice(0, -4)}AAAA` }],
      };
      const refused = await post('/credentials/verify', { verifiableCredential: broken });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors.some((e: string) => e.startsWith('proof:'))).toBe(true);
    });

    it('verifies a presentation without credentials, and compares challenge and domain (points 4, 5)', async () => {
      const holder = await didKeySigner();
      const bare = { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: holder.did };
      const unsigned = await post('/presentations/verify', { verifiablePresentation: bare });
      expect(unsigned.statusCode).toBe(200);
      const signed = await holder.signPresentation(bare, 'abc-123', 'https://verifier.example');
      const ok = await post('/presentations/verify', {
        verifiablePresentation: signed,
        options: { challenge: 'abc-123', domain: 'https://verifier.example' },
      });
      expect(ok.statusCode, ok.body).toBe(200);
      expect(ok.json()).toMatchObject({ verified: true, presentationProof: { ok: true, code: 'ok' } });
      // The caller's own challenge is compared as given: replaying it works, another fails.
      expect(
        (
          await post('/presentations/verify', {
            verifiablePresentation: signed,
            options: { challenge: 'abc-123' },
          })
        ).statusCode,
      ).toBe(200);
      const otherChallenge = await post('/presentations/verify', {
        verifiablePresentation: signed,
        options: { challenge: 'another' },
      });
      expect(otherChallenge.statusCode).toBe(400);
      expect(otherChallenge.json()).toMatchObject({
        type: 'https://www.w3.org/TR/vc-data-model#CRYPTOGRAPHIC_SECURITY_ERROR',
        presentationProof: { code: 'challenge_mismatch' },
      });
      const otherDomain = await post('/presentations/verify', {
        verifiablePresentation: signed,
        options: { challenge: 'abc-123', domain: 'https://evil.example' },
      });
      expect(otherDomain.json().presentationProof.code).toBe('domain_mismatch');
      expect(
        (await post('/presentations/verify', { verifiablePresentation: bare, options: { challenge: 'x' } }))
          .statusCode,
      ).toBe(400);
    });

    it('issues single-use challenges: a presentation answering one verifies once (point 5)', async () => {
      const created = await post('/challenges', {});
      expect(created.statusCode).toBe(201);
      const { challenge } = created.json();
      expect(challenge).toMatch(/^[\w-]{20,}$/);
      const holder = await didKeySigner();
      const presentation = await holder.signPresentation(
        { '@context': [VC_V2_CONTEXT], type: ['VerifiablePresentation'], holder: holder.did },
        challenge,
      );
      const first = await post('/presentations/verify', {
        verifiablePresentation: presentation,
        options: { challenge },
      });
      expect(first.statusCode).toBe(200);
      const replay = await post('/presentations/verify', {
        verifiablePresentation: presentation,
        options: { challenge },
      });
      expect(replay.statusCode).toBe(400);
      expect(replay.json().presentationProof.code).toBe('challenge_used');
    });

    it('refuses non-conforming documents at issuance, naming the property (point 7)', async () => {
      const cases: Array<[Record<string, unknown>, string]> = [
        [{ refreshService: { id: 'https://refresh.example/1' } }, 'credential.refreshService.type'],
        [{ credentialSchema: { id: 'https://schema.example/1.json' } }, 'credential.credentialSchema.type'],
        [{ relatedResource: ['https://a.example/x'] }, 'credential.relatedResource.0'],
        [{ relatedResource: [{ digestSRI: 'sha384-abc' }] }, 'credential.relatedResource.0.id'],
        [
          {
            relatedResource: [
              { id: 'https://a.example/x', digestSRI: 'sha384-abc' },
              { id: 'https://a.example/x', digestSRI: 'sha384-abc' },
            ],
          },
          'credential.relatedResource.1.id',
        ],
        [{ relatedResource: [{ id: 'https://a.example/x' }] }, 'credential.relatedResource.0.digestSRI'],
      ];
      for (const [extra, path] of cases) {
        const response = await issue(alumni(extra));
        expect(response.statusCode, path).toBe(400);
        expect(
          response.json().errors.map((e: { path: string }) => e.path),
          path,
        ).toContain(path);
      }
    });

    it('adds status entries on request, changes them through /credentials/status, and the verifier sees them (points 8, 11)', async () => {
      const signed = await issue(alumni(), {
        credentialStatus: [
          { type: 'BitstringStatusListEntry', statusPurpose: 'revocation' },
          { type: 'BitstringStatusListEntry', statusPurpose: 'suspension' },
        ],
      });
      expect(signed.statusCode, signed.body).toBe(201);
      const credential = signed.json();
      expect(credential.id).toMatch(/^urn:uuid:/);
      expect(credential.credentialStatus.map((e: { statusPurpose: string }) => e.statusPurpose)).toEqual([
        'revocation',
        'suspension',
      ]);
      const verify = () => post('/credentials/verify', { verifiableCredential: credential });
      expect((await verify()).statusCode).toBe(200);
      const status = (body: unknown, token?: string) =>
        api(app, 'POST', '/credentials/status', { body, ...(token ? { token } : {}) });
      const suspend = {
        credentialId: credential.id,
        credentialStatus: [{ type: 'BitstringStatusListCredential', status: 'suspended' }],
      };
      expect((await status(suspend)).statusCode).toBe(401);
      const { token: manager } = await apiUser(deps, ['manager']);
      expect((await status(suspend, manager)).statusCode).toBe(403);
      expect((await status({ ...suspend, credentialId: 'urn:uuid:nope' }, admin)).statusCode).toBe(404);
      const suspended = await status(suspend, admin);
      expect(suspended.statusCode, suspended.body).toBe(200);
      const refused = await verify();
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors).toContain('status:suspended');
      await status(
        { credentialId: credential.id, credentialStatus: [{ statusPurpose: 'suspension', status: false }] },
        admin,
      );
      expect((await verify()).statusCode).toBe(200);
      await status({ credentialId: credential.id, credentialStatus: [{ status: 'revoked' }] }, admin);
      expect((await verify()).json().errors).toContain('status:revoked');
      const lift = await status(
        { credentialId: credential.id, credentialStatus: [{ statusPurpose: 'revocation', status: false }] },
        admin,
      );
      expect(lift.statusCode).toBe(409);
    });

    it('keeps the platform’s credentials valid under the OB 3.0 schema, which takes one status entry only (point 11)', async () => {
      const { credential } = await issuedCertificate(deps);
      const json = JSON.parse(credential.credential_json);
      const validate = achievementCredentialValidator();
      expect(validate(json), JSON.stringify(validate.errors)).toBe(true);
      // The official schema refuses an array of entries: our OB credentials keep the revocation entry, and
      // our verifier reads the suspension list at the same index (docs/decisions/0007).
      expect(validate({ ...json, credentialStatus: [json.credentialStatus, json.credentialStatus] })).toBe(
        false,
      );
      const ob = await issue(
        {
          ...json,
          proof: undefined,
          credentialStatus: undefined,
          id: 'urn:uuid:0190f5d2-0000-7000-8000-000000000001',
        },
        {
          credentialStatus: [
            { type: 'BitstringStatusListEntry' },
            { type: 'BitstringStatusListEntry', statusPurpose: 'suspension' },
          ],
        },
      );
      expect(ob.statusCode).toBe(400);
      expect(ob.json().errors[0].path).toBe('options.credentialStatus');
    });

    it('speaks VC-API: CORS, application/ld+json, problem details in English unless asked, options.checks (point 12)', async () => {
      for (const url of ['/credentials/verify', '/presentations/verify']) {
        const preflight = await app.inject({
          method: 'OPTIONS',
          url,
          headers: { origin: 'https://wallet.example', 'access-control-request-method': 'POST' },
        });
        expect(preflight.statusCode, url).toBe(204);
        expect(preflight.headers['access-control-allow-origin'], url).toBe('*');
        expect(preflight.headers['access-control-allow-methods'], url).toContain('POST');
      }
      const signed = (await issue(alumni({ validUntil: '2020-01-01T00:00:00Z' }))).json();
      const ld = await post('/credentials/verify', JSON.stringify({ verifiableCredential: signed }), {
        'content-type': 'application/ld+json',
        origin: 'https://wallet.example',
      });
      expect(ld.headers['access-control-allow-origin']).toBe('*');
      expect(ld.statusCode).toBe(400);
      expect(ld.json()).toMatchObject({
        type: 'https://www.w3.org/TR/vc-data-model#RANGE_ERROR',
        title: 'The credential was not verified',
        detail: expect.any(String),
        verified: false,
        errors: ['validity:expired'],
      });
      const french = await post(
        '/credentials/verify',
        { verifiableCredential: signed },
        { 'accept-language': 'fr' },
      );
      expect(french.json().title).toBe('L’attestation n’a pas été vérifiée');
      // A language cookie is a browser's preference for pages: the VC-API keeps to English.
      const cookie = await post(
        '/credentials/verify',
        { verifiableCredential: signed },
        { cookie: 'dp_lang=fr' },
      );
      expect(cookie.json().title).toBe('The credential was not verified');
      // The rest of the JSON API keeps its own documented shape ({ error: { code, message } }), not problem details.
      const apiError = await app.inject({
        method: 'POST',
        url: '/api/v1/credentials/nope/revoke',
        payload: {},
      });
      expect(apiError.headers['content-type']).toContain('application/json');
      expect(apiError.json()).toMatchObject({
        error: { code: expect.any(String), message: expect.any(String) },
      });
      expect(apiError.json().type).toBeUndefined();
      const proofOnly = await post('/credentials/verify', {
        verifiableCredential: signed,
        options: { checks: ['proof'] },
      });
      expect(proofOnly.statusCode).toBe(200);
      expect(proofOnly.json().checks).toEqual(['proof']);
      const unknownCheck = await post('/credentials/verify', {
        verifiableCredential: signed,
        options: { checks: ['magic'] },
      });
      expect(unknownCheck.statusCode).toBe(400);
      expect(unknownCheck.json()).toMatchObject({
        type: 'https://www.w3.org/TR/vc-data-model#MALFORMED_VALUE_ERROR',
      });
    });

    it('bounds what one request may ask: depth, credentials per presentation, and a budget that counts work (issue 11.4)', async () => {
      let deep: unknown = 'x';
      for (let i = 0; i < 200; i++) deep = { a: deep };
      const tooDeep = await post('/credentials/verify', { verifiableCredential: { ...alumni(), deep } });
      expect(tooDeep.statusCode).toBe(400);
      expect(tooDeep.json().type).toBe('https://www.w3.org/TR/vc-data-model#PARSING_ERROR');
      const signed = (await issue(alumni())).json();
      const many = {
        '@context': [VC_V2_CONTEXT],
        type: ['VerifiablePresentation'],
        verifiableCredential: Array(11).fill(signed),
      };
      expect((await post('/presentations/verify', { verifiablePresentation: many })).statusCode).toBe(400);
      // One address: ten presentations of ten credentials are more work than a minute's budget.
      const address = nextAddress();
      const ten = { ...many, verifiableCredential: Array(10).fill(signed) };
      const statuses: number[] = [];
      for (let i = 0; i < 12; i++) {
        const response = await app.inject({
          method: 'POST',
          url: '/presentations/verify',
          payload: { verifiablePresentation: ten },
          remoteAddress: address,
        });
        statuses.push(response.statusCode);
        if (response.statusCode === 429) {
          expect(response.headers['retry-after']).toMatch(/^\d+$/);
          break;
        }
      }
      expect(statuses).toContain(429);
      expect(statuses.filter((s) => s === 200).length).toBeLessThan(12);
    });
  });
}

describe('the bundled W3C examples context', () => {
  it('is an exact copy of https://www.w3.org/ns/credentials/examples/v2 (hash checked), known to the loader (point 6)', async () => {
    const hash = createHash('sha256').update(JSON.stringify(EXAMPLES_V2_CONTEXT_DOCUMENT)).digest('hex');
    expect(hash).toBe('8a675bead391be98e6054c4e07c41f73337508d398e07047344c5d349aa2dc58');
    const loaded = await createDocumentLoader()(EXAMPLES_V2_CONTEXT);
    expect(loaded.document).toEqual(EXAMPLES_V2_CONTEXT_DOCUMENT);
  });
});
