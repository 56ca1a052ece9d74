/**
 * The verifier as an independent verifier is judged by the W3C VC 2.0 / VC-DI suites: any conforming
 * credential from any issuer, whatever its type (issue 16, points 1, 2, 3 and 9).
 */
import { describe, expect, it } from 'vitest';
import { didKeySigner, sampleCredential, testKeyring, testVerifyDeps } from '../credentials-fixtures.js';
import { signDataIntegrity } from '../issuing/sign.js';
import { EXAMPLES_V2_CONTEXT, VC_V2_CONTEXT } from './contexts.js';
import { credentialDataModelProblems } from './data-model.js';
import { type VerificationResult, verifyCredential } from './verify.js';

function codes(result: VerificationResult): Record<string, string> {
  return Object.fromEntries(result.checks.map((check) => [check.id, check.message]));
}

const alumni = (issuer: string) => ({
  '@context': [VC_V2_CONTEXT, EXAMPLES_V2_CONTEXT],
  id: 'urn:uuid:0f9e4b0e-2c2a-4c55-9b55-3d2f5c8c7a11',
  type: ['VerifiableCredential', 'ExampleAlumniCredential'],
  issuer,
  credentialSubject: { id: 'did:example:holder', alumniOf: 'Example University' },
});

describe('any conforming VC 2.0 credential', () => {
  it('a credential of a type without a schema, from a did:key issuer, without validFrom, verifies (untrusted issuer: a warning)', async () => {
    const keyring = await testKeyring();
    const other = await didKeySigner();
    const signed = await other.sign(alumni(other.did));
    const result = await verifyCredential(signed, testVerifyDeps(keyring));
    expect(codes(result)).toEqual({
      schema: 'data_model',
      proof: 'ok',
      status: 'none',
      validity: 'ok',
      issuer: 'untrusted',
    });
    expect(result.valid).toBe(true);
    const trusted = await verifyCredential(signed, testVerifyDeps(keyring, { knownIssuers: [other.did] }));
    expect(codes(trusted).issuer).toBe('known');
  });

  it('a credential that declares the Open Badges schema is checked against it, whatever its type', async () => {
    const keyring = await testKeyring();
    const other = await didKeySigner();
    const declared = {
      ...alumni(other.did),
      credentialSchema: [
        {
          id: 'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json',
          type: '1EdTechJsonSchemaValidator2019',
        },
      ],
    };
    const result = await verifyCredential(await other.sign(declared), testVerifyDeps(keyring));
    expect(codes(result).schema).toBe('invalid');
    const unknown = {
      ...alumni(other.did),
      credentialSchema: { id: 'https://schemas.example/x.json', type: 'JsonSchema' },
    };
    const unknownResult = await verifyCredential(await other.sign(unknown), testVerifyDeps(keyring));
    expect(codes(unknownResult).schema).toBe('unknown_schema');
    expect(unknownResult.valid).toBe(true);
  });

  it('the VC 2.0 data model is checked: names the property that breaks it', () => {
    const base = alumni('did:example:issuer');
    expect(credentialDataModelProblems(base)).toEqual([]);
    const paths = (credential: Record<string, unknown>) =>
      credentialDataModelProblems(credential).map((p) => `${p.path} ${p.problem}`);
    expect(paths({ ...base, '@context': [EXAMPLES_V2_CONTEXT] })).toContain('@context notVc2');
    expect(paths({ ...base, type: ['ExampleAlumniCredential'] })).toContain('type notVc2');
    expect(paths({ ...base, issuer: 'not a url' })).toContain('issuer notAUrl');
    expect(paths({ ...base, validFrom: '2026-01-01' })).toContain('validFrom notADateTime');
    expect(paths({ ...base, credentialSubject: {} })).toContain('credentialSubject notAnObject');
    expect(paths({ ...base, refreshService: { id: 'https://r.example' } })).toContain(
      'refreshService/type missingType',
    );
    expect(paths({ ...base, credentialSchema: [{ id: 'https://s.example' }] })).toContain(
      'credentialSchema/0/type missingType',
    );
    expect(paths({ ...base, relatedResource: ['https://a.example'] })).toContain(
      'relatedResource/0 notAnObject',
    );
    expect(paths({ ...base, relatedResource: [{ digestSRI: 'sha384-x' }] })).toContain(
      'relatedResource/0/id notAUrl',
    );
    expect(paths({ ...base, relatedResource: [{ id: 'https://a.example' }] })).toContain(
      'relatedResource/0/digestSRI missingDigest',
    );
    expect(
      paths({
        ...base,
        relatedResource: [
          { id: 'https://a.example', digestSRI: 'sha384-x' },
          { id: 'https://a.example', digestMultibase: 'uEi' },
        ],
      }),
    ).toContain('relatedResource/1/id duplicateId');
  });

  it('a credential without validFrom is valid from its issuance; a bad date is invalid_dates', async () => {
    const keyring = await testKeyring();
    const other = await didKeySigner();
    const expired = await other.sign({ ...alumni(other.did), validUntil: '2020-01-01T00:00:00Z' });
    expect(codes(await verifyCredential(expired, testVerifyDeps(keyring))).validity).toBe('expired');
    const noDates = await other.sign(alumni(other.did));
    expect(codes(await verifyCredential(noDates, testVerifyDeps(keyring))).validity).toBe('ok');
  });
});

describe('several proofs (endorsements, proof chains)', () => {
  it('a second proof by another key is checked for its own key; the issuer’s proof must be the issuer’s', async () => {
    const keyring = await testKeyring();
    const deps = testVerifyDeps(keyring);
    const issuer = await didKeySigner();
    const endorser = await didKeySigner();
    const once = await issuer.sign(alumni(issuer.did), { id: 'urn:uuid:proof-1' });
    const endorsed = await endorser.sign(once);
    expect(codes(await verifyCredential(endorsed, deps))).toMatchObject({ proof: 'ok' });
    const chained = await endorser.sign(once, { previousProof: 'urn:uuid:proof-1', id: 'urn:uuid:proof-2' });
    expect(codes(await verifyCredential(chained, deps))).toMatchObject({ proof: 'ok' });
    // A broken second proof fails the whole credential.
    const proofs = endorsed.proof as Array<Record<string, unknown>>;
    const broken = {
      ...endorsed,
      proof: [proofs[0], { ...proofs[1], proofValue: `${String(proofs[1]!.proofValue).slice(0, -4)}AAAA` }],
    };
    expect(codes(await verifyCredential(broken, deps)).proof).not.toBe('ok');
    // Only a stranger's proof: not authorised for this issuer.
    const strangerOnly = await endorser.sign(alumni(issuer.did));
    expect(codes(await verifyCredential(strangerOnly, deps)).proof).toBe('not_authorized');
    // Our own OB credential endorsed by a did:key verifies too.
    const ours = await signDataIntegrity(
      sampleCredential('certificate-of-achievement'),
      keyring,
      deps.documentLoader as never,
    );
    expect(codes(await verifyCredential(await endorser.sign(ours), deps))).toMatchObject({
      schema: 'ok',
      proof: 'ok',
    });
  });
});

describe('broken Open Badges credentials (as 1EdTech’s validator rejects them)', () => {
  it('refuses wrong types, a missing issuer, a bad proof method or value, expired, not yet valid, a bad context', async () => {
    const keyring = await testKeyring();
    const deps = testVerifyDeps(keyring);
    const signed = await signDataIntegrity(
      sampleCredential('certificate-of-achievement'),
      keyring,
      deps.documentLoader as never,
    );
    const proof = (signed.proof as Array<Record<string, unknown>>)[0]!;
    const failing = async (credential: Record<string, unknown>, check: string) => {
      const result = await verifyCredential(credential, deps);
      expect(result.valid, check).toBe(false);
      return codes(result)[check];
    };
    expect(['undefined_terms', 'invalid_signature']).toContain(
      await failing({ ...signed, type: ['VerifiableCredential', 'SomethingElse'] }, 'proof'),
    );
    expect(await failing({ ...signed, type: ['OpenBadgeCredential'] }, 'schema')).toBe('invalid');
    const { issuer: _issuer, ...noIssuer } = signed;
    expect(await failing(noIssuer, 'schema')).toBe('invalid');
    expect(await failing({ ...signed, proof: [{ ...proof, type: 'Ed25519Signature2020' }] }, 'proof')).toBe(
      'unsupported_cryptosuite',
    );
    // A bad proof method: a key nobody publishes, or another controller's key (not the issuer's).
    expect(
      await failing(
        { ...signed, proof: [{ ...proof, verificationMethod: 'did:web:elsewhere.example#key-1' }] },
        'proof',
      ),
    ).toBe('unknown_key');
    const stranger = await didKeySigner();
    expect(
      await failing({ ...signed, proof: [{ ...proof, verificationMethod: stranger.methodId }] }, 'proof'),
    ).not.toBe('ok');
    expect(
      await failing(
        { ...signed, proof: [{ ...proof, proofValue: `${String(proof.proofValue).slice(0, -3)}abc` }] },
        'proof',
      ),
    ).not.toBe('ok');
    const later = testVerifyDeps(keyring, { now: new Date('2030-01-01T00:00:00Z') });
    const expired = await signDataIntegrity(
      { ...sampleCredential('certificate-of-achievement'), validUntil: '2029-01-01T00:00:00Z' },
      keyring,
      deps.documentLoader as never,
    );
    expect(codes(await verifyCredential(expired, later)).validity).toBe('expired');
    const early = testVerifyDeps(keyring, { now: new Date('2020-01-01T00:00:00Z') });
    expect(codes(await verifyCredential(signed, early)).validity).toBe('not_yet_valid');
    expect(
      await failing(
        { ...signed, '@context': ['https://www.w3.org/ns/credentials/v2', 'https://evil.example/ctx'] },
        'proof',
      ),
    ).toBe('unknown_context');
    expect(await failing({ ...signed, '@context': ['https://evil.example/ctx'] }, 'schema')).toBe('invalid');
  });
});
