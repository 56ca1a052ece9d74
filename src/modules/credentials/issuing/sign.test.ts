import { readFileSync } from 'node:fs';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { issue } from '@digitalbazaar/vc';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { describe, expect, it } from 'vitest';
import {
  referenceJson,
  referenceText,
  sampleCredential,
  TEST_DID,
  TEST_VECTOR_KEY,
  testDocumentLoader,
  testKeyring,
} from '../credentials-fixtures.js';
import { publicJwks } from '../keys/issuer-documents.js';
import { controllerDocuments, createDocumentLoader } from '../verifying/document-loader.js';
import { signDataIntegrity, signVcJwt } from './sign.js';

/** The unsigned credential of the CLR 2.0 test vector (OB 3.0 Implementation Guide). */
const CLR_TEST_VECTOR_INPUT = JSON.parse(
  readFileSync(new URL('../test-data/clr-test-vector-input.json', import.meta.url), 'utf8'),
) as Record<string, unknown>;
/** The CLR test vector's published proofValue (same guide). */
const CLR_TEST_VECTOR_PROOF_VALUE =
  'zF52sU1nfPAjcwCqtgxPNSor6SJnAzRBwZW5VNQXPt8xXCHkd39sgqj32DnMjhFCzbyHsLkhQ8HpBqQTkMgXy329';
const TEST_VECTOR_CREATED = '2010-01-01T19:23:24Z';

const loader = createDocumentLoader({
  extraDocuments: controllerDocuments(TEST_VECTOR_KEY.controller, [TEST_VECTOR_KEY.publicKeyMultibase]),
});

/** The proof configuration the test vectors canonicalise: the proof without proofValue, with the document's context. */
function proofConfiguration(document: Record<string, unknown>) {
  return {
    '@context': document['@context'],
    type: 'DataIntegrityProof',
    created: TEST_VECTOR_CREATED,
    verificationMethod: `${TEST_VECTOR_KEY.controller}#${TEST_VECTOR_KEY.publicKeyMultibase}`,
    cryptosuite: 'eddsa-rdfc-2022',
    proofPurpose: 'assertionMethod',
  };
}

/** Signs with the published test key through the same library path as signDataIntegrity. */
async function signWithTestKey(document: Record<string, unknown>) {
  const key = await Ed25519Multikey.from({
    type: 'Multikey',
    id: `${TEST_VECTOR_KEY.controller}#${TEST_VECTOR_KEY.publicKeyMultibase}`,
    controller: TEST_VECTOR_KEY.controller,
    publicKeyMultibase: TEST_VECTOR_KEY.publicKeyMultibase,
    secretKeyMultibase: TEST_VECTOR_KEY.secretKeyMultibase,
  });
  const suite = new DataIntegrityProof({ signer: key.signer(), cryptosuite, date: TEST_VECTOR_CREATED });
  return issue({ credential: structuredClone(document), suite, documentLoader: loader });
}

describe('the 1EdTech test vectors (byte for byte)', () => {
  it('reproduces the OB 3.0 document and proof N-Quads and the signed proofValue', async () => {
    const vector = referenceJson('examples/eddsa-rdfc-2022-test-vector.json');
    const { proof, ...unsigned } = vector as Record<string, unknown> & { proof: { proofValue: string } };
    expect(await cryptosuite.canonize(unsigned, { documentLoader: loader })).toBe(
      referenceText('examples/ob-3.0-test-vectors/document-canon.txt'),
    );
    expect(await cryptosuite.canonize(proofConfiguration(unsigned), { documentLoader: loader })).toBe(
      referenceText('examples/ob-3.0-test-vectors/proof-canon.txt'),
    );
    const signed = await signWithTestKey(unsigned);
    expect((signed.proof as { proofValue: string }).proofValue).toBe(proof.proofValue);
  });

  it('reproduces the CLR 2.0 document and proof N-Quads and the published proofValue', async () => {
    expect(await cryptosuite.canonize(CLR_TEST_VECTOR_INPUT, { documentLoader: loader })).toBe(
      referenceText('examples/clr-2.0-test-vectors/document-canon.txt'),
    );
    expect(
      await cryptosuite.canonize(proofConfiguration(CLR_TEST_VECTOR_INPUT), { documentLoader: loader }),
    ).toBe(referenceText('examples/clr-2.0-test-vectors/proof-canon.txt'));
    const signed = await signWithTestKey(CLR_TEST_VECTOR_INPUT);
    expect((signed.proof as { proofValue: string }).proofValue).toBe(CLR_TEST_VECTOR_PROOF_VALUE);
  });
});

describe('signDataIntegrity', () => {
  it('adds one eddsa-rdfc-2022 DataIntegrityProof as an array, by our did:web key', async () => {
    const keyring = await testKeyring();
    const signed = await signDataIntegrity(
      sampleCredential('certificate-of-achievement'),
      keyring,
      testDocumentLoader(keyring),
      {
        created: new Date('2026-12-01T09:00:00Z'),
      },
    );
    expect(signed.proof).toEqual([
      {
        type: 'DataIntegrityProof',
        created: '2026-12-01T09:00:00Z',
        verificationMethod: `${TEST_DID}#${keyring.ed25519.kid}`,
        cryptosuite: 'eddsa-rdfc-2022',
        proofPurpose: 'assertionMethod',
        proofValue: expect.stringMatching(/^z[1-9A-HJ-NP-Za-km-z]{80,90}$/),
      },
    ]);
  });

  it('is deterministic for the same input and time (EdDSA), and appends to existing proofs', async () => {
    const keyring = await testKeyring();
    const loaderForUs = testDocumentLoader(keyring);
    const created = new Date('2026-12-01T09:00:00Z');
    const first = await signDataIntegrity(sampleCredential('diploma'), keyring, loaderForUs, { created });
    const second = await signDataIntegrity(sampleCredential('diploma'), keyring, loaderForUs, { created });
    expect(second).toEqual(first);
    const twice = await signDataIntegrity(first, keyring, loaderForUs, {
      created: new Date('2027-01-01T00:00:00Z'),
    });
    expect(twice.proof).toHaveLength(2);
  });
});

describe('signVcJwt', () => {
  for (const alg of ['RS256', 'EdDSA'] as const) {
    it(`signs a VC-JWT with ${alg} that jose verifies against our JWKS, with the OB claims`, async () => {
      const keyring = await testKeyring();
      const credential = sampleCredential('certificate-of-achievement');
      const jwt = await signVcJwt(credential, keyring, alg);
      const header = decodeProtectedHeader(jwt);
      const key = alg === 'EdDSA' ? keyring.ed25519 : keyring.rsa;
      expect(header).toEqual({ alg, typ: 'JWT', kid: `${TEST_DID}#${key.kid}` });
      const { payload } = await jwtVerify(jwt, createLocalJWKSet(publicJwks(keyring, TEST_DID)), {
        issuer: TEST_DID,
        currentDate: new Date('2027-01-01T00:00:00Z'),
      });
      expect(payload).toMatchObject({
        iss: TEST_DID,
        jti: credential.id,
        sub: (credential.credentialSubject as { id: string }).id,
        nbf: Date.parse(credential.validFrom) / 1000,
        vc: credential,
      });
      expect(payload.vc).not.toHaveProperty('proof');
    });
  }
});
