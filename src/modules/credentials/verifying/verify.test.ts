import { describe, expect, it } from 'vitest';
import {
  referenceJson,
  sampleCredential,
  TEST_DID,
  testKeyring,
  testVerifyDeps,
} from '../credentials-fixtures.js';
import { signDataIntegrity, signVcJwt } from '../issuing/sign.js';
import { type VerificationResult, verifyCredential, verifyPresentation } from './verify.js';

const created = new Date('2026-12-01T09:00:00Z');

/** `{schema: 'ok', proof: 'ok', …}`: each check's code, for compact assertions. */
function codes(result: VerificationResult): Record<string, string> {
  return Object.fromEntries(result.checks.map((check) => [check.id, check.message]));
}

async function signedCertificate(mutate: (credential: Record<string, unknown>) => void = () => {}) {
  const keyring = await testKeyring();
  const credential = sampleCredential('certificate-of-achievement');
  mutate(credential);
  const deps = testVerifyDeps(keyring);
  return {
    keyring,
    deps,
    signed: await signDataIntegrity(credential, keyring, deps.documentLoader as never, { created }),
  };
}

describe('the 1EdTech examples', () => {
  it('accepts complete.json, simple.json, simple-eddsa-2022.json and the signed test vector, proofs checked', async () => {
    const keyring = await testKeyring();
    const deps = testVerifyDeps(keyring, { now: new Date('2026-01-01T00:00:00Z') });
    const expected: Record<string, Record<string, string>> = {
      'complete.json': { schema: 'ok', proof: 'ok', status: 'unknown', validity: 'ok', issuer: 'known' },
      'simple.json': { schema: 'ok', proof: 'ok', status: 'none', validity: 'ok', issuer: 'known' },
      'simple-eddsa-2022.json': {
        schema: 'legacy_data_model',
        proof: 'ok',
        status: 'none',
        validity: 'ok',
        issuer: 'known',
      },
      'eddsa-rdfc-2022-test-vector.json': {
        schema: 'normalised',
        proof: 'ok',
        status: 'none',
        validity: 'ok',
        issuer: 'known',
      },
    };
    for (const [file, checks] of Object.entries(expected)) {
      const result = await verifyCredential(referenceJson(`examples/${file}`), deps);
      expect({ file, ...codes(result) }).toEqual({ file, ...checks });
      expect(result.valid).toBe(true);
    }
  });

  it('rejects the test vector with its name changed: the proof fails, the rest passes', async () => {
    const keyring = await testKeyring();
    const tampered = {
      ...referenceJson('examples/eddsa-rdfc-2022-test-vector.json'),
      name: 'Leadership Badge',
    };
    const result = await verifyCredential(tampered, testVerifyDeps(keyring));
    expect(codes(result)).toEqual({
      schema: 'normalised',
      proof: 'invalid_signature',
      status: 'none',
      validity: 'ok',
      issuer: 'known',
    });
    expect(result.valid).toBe(false);
  });
});

describe('verifyCredential (Data Integrity)', () => {
  it('accepts a credential we signed', async () => {
    const { signed, deps } = await signedCertificate();
    const result = await verifyCredential(signed, deps);
    expect(codes(result)).toEqual({
      schema: 'ok',
      proof: 'ok',
      status: 'ok',
      validity: 'ok',
      issuer: 'known',
    });
    expect(result).toMatchObject({ valid: true, kind: 'data-integrity' });
  });

  it('tampered (changed achievement name) → proof invalid_signature only', async () => {
    const { signed, deps } = await signedCertificate();
    const tampered = structuredClone(signed) as { credentialSubject: { achievement: { name: string } } };
    tampered.credentialSubject.achievement.name = 'Another course';
    expect(codes(await verifyCredential(tampered, deps))).toMatchObject({
      schema: 'ok',
      proof: 'invalid_signature',
      status: 'ok',
    });
  });

  it('expired (validUntil past) → validity expired; not yet valid → not_yet_valid', async () => {
    const { signed, deps } = await signedCertificate((credential) => {
      credential.validUntil = '2027-01-01T00:00:00Z';
    });
    expect(codes(await verifyCredential(signed, deps))).toMatchObject({ proof: 'ok', validity: 'expired' });
    const early = await verifyCredential(signed, { ...deps, now: new Date('2026-06-01T00:00:00Z') });
    expect(codes(early)).toMatchObject({ proof: 'ok', validity: 'not_yet_valid' });
  });

  it('revoked (status bit set) → status revoked; suspended → suspended; unknowable → unknown but valid', async () => {
    const { signed, keyring } = await signedCertificate();
    const entry = (signed.credentialStatus as { id: string }).id;
    const revoked = await verifyCredential(signed, testVerifyDeps(keyring, { setEntries: [entry] }));
    expect(revoked.valid).toBe(false);
    expect(codes(revoked)).toMatchObject({ proof: 'ok', status: 'revoked' });
    const offline = await verifyCredential(
      signed,
      testVerifyDeps(keyring, { resolveStatus: async () => 'unknown' as const }),
    );
    expect(offline.valid).toBe(true);
    expect(codes(offline)).toMatchObject({ status: 'unknown' });
    const suspended = await verifyCredential(
      {
        ...signed,
        credentialStatus: { ...(signed.credentialStatus as object), statusPurpose: 'suspension' },
      },
      testVerifyDeps(keyring, { setEntries: [entry] }),
    );
    expect(codes(suspended)).toMatchObject({ status: 'suspended', proof: 'invalid_signature' });
  });

  it('malformed (schema fails) → schema invalid with the failing path', async () => {
    const { signed, deps } = await signedCertificate();
    const malformed = { ...signed, type: 'VerifiableCredential' };
    const result = await verifyCredential(malformed, deps);
    const schema = result.checks.find((check) => check.id === 'schema');
    // Not of an OB type, but it declares the OB schema: checked against it, and refused.
    expect(schema).toMatchObject({ ok: false, message: 'invalid' });
    const noSubject = await verifyCredential(
      { ...signed, credentialSubject: { type: ['AchievementSubject'] } },
      deps,
    );
    expect(noSubject.checks[0]).toMatchObject({
      ok: false,
      message: 'invalid',
      details: [expect.stringContaining('/credentialSubject')],
    });
  });

  it('not JSON, an array, or an unknown issuer are each reported precisely', async () => {
    const { signed, keyring, deps } = await signedCertificate();
    expect(codes(await verifyCredential('{ not json', deps))).toMatchObject({
      schema: 'unreadable',
      proof: 'unreadable',
    });
    expect((await verifyCredential([] as unknown as object, deps)).valid).toBe(false);
    const stranger = await verifyCredential(signed, testVerifyDeps(keyring, { knownIssuers: [] }));
    expect(codes(stranger)).toMatchObject({ proof: 'ok', issuer: 'untrusted' });
    expect(stranger.valid).toBe(true);
    expect(codes(await verifyCredential(JSON.stringify(signed), deps)).proof).toBe('ok');
  });

  it('a proof by a key the loader does not know → unknown_key; no proof → missing', async () => {
    const { signed, deps } = await signedCertificate();
    const proof = (signed.proof as Array<Record<string, unknown>>)[0]!;
    const foreign = { ...signed, proof: [{ ...proof, verificationMethod: `${TEST_DID}#key-unknown` }] };
    expect(codes(await verifyCredential(foreign, deps)).proof).toBe('unknown_key');
    const { proof: _proof, ...unsigned } = signed;
    expect(codes(await verifyCredential(unsigned, deps)).proof).toBe('missing');
  });
});

describe('verifyCredential (VC-JWT)', () => {
  for (const alg of ['RS256', 'EdDSA'] as const) {
    it(`accepts our ${alg} VC-JWT, and rejects it with a bad signature`, async () => {
      const { keyring, deps } = await signedCertificate();
      const jwt = await signVcJwt(sampleCredential('certificate-of-achievement'), keyring, alg);
      const result = await verifyCredential(jwt, deps);
      expect(codes(result)).toEqual({
        schema: 'ok',
        proof: 'ok',
        status: 'ok',
        validity: 'ok',
        issuer: 'known',
      });
      expect(result.kind).toBe('jwt');
      const [header, payload, signature] = jwt.split('.');
      const flipped = `${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`;
      expect(codes(await verifyCredential(flipped, deps)).proof).toBe('invalid_signature');
    });
  }

  it('a JWT whose claims were edited fails; garbage in JWT shape is malformed_jwt', async () => {
    const { keyring, deps } = await signedCertificate();
    const jwt = await signVcJwt(sampleCredential('certificate-of-achievement'), keyring, 'RS256');
    const [header, payload, signature] = jwt.split('.') as [string, string, string];
    const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
    claims.vc.name = 'Forged';
    const forged = `${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`;
    expect(codes(await verifyCredential(forged, deps)).proof).toBe('invalid_signature');
    expect(codes(await verifyCredential('aaa.bbb.ccc', deps)).proof).toBe('malformed_jwt');
  });
});

describe('verifyPresentation', () => {
  it('verifies every embedded credential (JSON and JWT); a VP without proof is accepted as such', async () => {
    const { signed, keyring, deps } = await signedCertificate();
    const jwt = await signVcJwt(sampleCredential('diploma'), keyring, 'EdDSA');
    const presentation = {
      '@context': ['https://www.w3.org/ns/credentials/v2'],
      type: ['VerifiablePresentation'],
      verifiableCredential: [
        signed,
        {
          '@context': ['https://www.w3.org/ns/credentials/v2'],
          type: 'EnvelopedVerifiableCredential',
          id: `data:application/vc+jwt,${jwt}`,
        },
      ],
    };
    const result = await verifyPresentation(presentation, deps);
    expect(result.presentationProof).toEqual({ ok: true, message: 'none' });
    expect(result.credentials.map((item) => [item.kind, item.valid])).toEqual([
      ['data-integrity', true],
      ['jwt', true],
    ]);
    expect(result.valid).toBe(true);
    const tampered = await verifyPresentation(
      { ...presentation, verifiableCredential: [{ ...signed, name: 'x' }] },
      deps,
    );
    expect(tampered.valid).toBe(false);
  });
});
