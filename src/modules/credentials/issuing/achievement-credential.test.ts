import { describe, expect, it } from 'vitest';
import {
  REFERENCE_SCHEMA_PATH,
  referenceText,
  SAMPLE_ISSUER,
  sampleCredential,
  sampleInput,
  TEST_BASE_URL,
  TEST_DID,
  testDocumentLoader,
  testKeyring,
} from '../credentials-fixtures.js';
import { buildStatusListCredential, createBitstring, encodeList } from '../status/status-list.js';
import { achievementCredentialValidator, checkCredentialSchema } from '../verifying/schema-check.js';
import { buildAchievementCredential, buildClrCredential } from './achievement-credential.js';
import { CREDENTIAL_KINDS } from './credential-input.js';
import { hashedEmail } from './credential-parts.js';
import { signDataIntegrity } from './sign.js';

const created = new Date('2026-12-01T09:00:00Z');

async function signedSamples() {
  const keyring = await testKeyring();
  const loader = testDocumentLoader(keyring);
  const sign = (credential: Record<string, unknown>) =>
    signDataIntegrity(credential, keyring, loader, { created });
  const achievement = await sign(sampleCredential('certificate-of-achievement', 1));
  const participation = await sign(sampleCredential('certificate-of-participation', 2));
  const diploma = await sign(sampleCredential('diploma', 3));
  const clr = await sign(
    buildClrCredential({
      id: `${TEST_BASE_URL}/verify/clr-1`,
      language: 'es',
      title: { en: 'Diploma record', fr: 'Relevé du diplôme', es: 'Registro del diploma' },
      issuer: SAMPLE_ISSUER,
      validFrom: '2026-12-01T09:00:00Z',
      holder: sampleInput('diploma').holder,
      credentials: [diploma, achievement] as Array<Record<string, unknown> & { id: string; proof: unknown }>,
      parentAchievementId: `${TEST_BASE_URL}/achievements/programmes/LMD`,
      status: { revocation: { listUrl: `${TEST_BASE_URL}/status/revocation/1`, index: 9 } },
    }),
  );
  const statusList = await sign(
    buildStatusListCredential({
      id: `${TEST_BASE_URL}/status/revocation/1`,
      issuer: TEST_DID,
      purpose: 'revocation',
      encodedList: encodeList(createBitstring()),
      validFrom: '2026-12-01T09:00:00Z',
    }) as unknown as Record<string, unknown>,
  );
  return { achievement, participation, diploma, clr, statusList };
}

describe('every kind we build against the official OB 3.0 schema (reference copy)', () => {
  it('signed Certificates of Achievement and Participation and the diploma validate as they are', async () => {
    const validate = achievementCredentialValidator(REFERENCE_SCHEMA_PATH);
    const { achievement, participation, diploma } = await signedSamples();
    for (const credential of [achievement, participation, diploma]) {
      expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
    }
  });

  it('the CLR: every bundled credential validates; the status list passes its structural check', async () => {
    const validate = achievementCredentialValidator(REFERENCE_SCHEMA_PATH);
    const { clr, statusList } = await signedSamples();
    const bundled = (clr.credentialSubject as { verifiableCredential: unknown[] }).verifiableCredential;
    expect(bundled).toHaveLength(2);
    for (const credential of bundled)
      expect(validate(credential), JSON.stringify(validate.errors)).toBe(true);
    expect(checkCredentialSchema(clr, REFERENCE_SCHEMA_PATH)).toEqual({
      ok: true,
      code: 'clr_components',
      details: [],
    });
    expect(checkCredentialSchema(statusList, REFERENCE_SCHEMA_PATH)).toEqual({
      ok: true,
      code: 'status_list',
      details: [],
    });
  });

  it('the official schemas define credentialStatus as ONE object everywhere (issue 16, point 11)', () => {
    // Why our Open Badges credentials carry one status entry: in both 1EdTech schemas, the credential's and
    // the embedded endorsement's `credentialStatus` is `$ref: #/$defs/CredentialStatus`, an object schema
    // (`type: object`) with no array alternative — unlike `credentialSchema`, `proof`, `evidence` (arrays).
    // If 1EdTech ever accepts an array, this fails: then put both entries in the credential.
    for (const file of ['achievementcredential.json', 'endorsementcredential.json']) {
      const schema = JSON.parse(referenceText(`schema/${file}`)) as {
        properties: Record<string, unknown>;
        $defs: Record<string, { type?: string; properties?: Record<string, unknown> }>;
      };
      const credentialDefinitions = [schema, ...Object.values(schema.$defs)].filter(
        (definition) => definition.properties?.credentialStatus,
      );
      expect(credentialDefinitions.length).toBeGreaterThan(0);
      for (const definition of credentialDefinitions)
        expect(definition.properties?.credentialStatus).toEqual({ $ref: '#/$defs/CredentialStatus' });
      expect(schema.$defs.CredentialStatus?.type).toBe('object');
      expect(JSON.stringify(schema.$defs.CredentialStatus)).not.toMatch(/anyOf|oneOf|"array"/);
      expect((schema.properties.credentialSchema as { type?: string }).type).toBe('array');
    }
  });

  it('two status entries (revocation + suspension) fail the official schema only at /credentialStatus', () => {
    const input = sampleInput('certificate-of-achievement');
    const credential = buildAchievementCredential({
      ...input,
      status: {
        ...input.status,
        suspension: { listUrl: `${TEST_BASE_URL}/status/suspension/1`, index: 41 },
      },
    });
    const validate = achievementCredentialValidator(REFERENCE_SCHEMA_PATH);
    expect(validate(credential)).toBe(false);
    expect(new Set(validate.errors?.map((error) => error.instancePath))).toEqual(
      new Set(['/credentialStatus']),
    );
    expect(checkCredentialSchema(credential, REFERENCE_SCHEMA_PATH).code).toBe('normalised');
  });
});

describe('buildAchievementCredential', () => {
  it('validates against the bundled schema copy too (the product works without ../shared)', () => {
    for (const kind of CREDENTIAL_KINDS)
      expect(checkCredentialSchema(sampleCredential(kind)).code).toBe('ok');
  });

  it('has the OB 3.0 shape: contexts, array types, Profile issuer, achievement type per kind', () => {
    const credential = sampleCredential('certificate-of-achievement');
    expect(credential['@context'].slice(0, 2)).toEqual([
      'https://www.w3.org/ns/credentials/v2',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
    ]);
    expect(credential.type).toEqual(['VerifiableCredential', 'OpenBadgeCredential']);
    expect(credential.issuer).toMatchObject({ id: TEST_DID, type: ['Profile'], url: TEST_BASE_URL });
    expect(credential.credentialStatus).toEqual({
      id: `${TEST_BASE_URL}/status/revocation/1#41`,
      type: 'BitstringStatusListEntry',
      statusPurpose: 'revocation',
      statusListIndex: '41',
      statusListCredential: `${TEST_BASE_URL}/status/revocation/1`,
    });
    const types = CREDENTIAL_KINDS.map(
      (kind) =>
        (sampleCredential(kind).credentialSubject as { achievement: { achievementType: string } }).achievement
          .achievementType,
    );
    expect(types).toEqual(['Certificate', 'ext:CertificateOfParticipation', 'Diploma', 'Assessment']);
  });

  it('puts the chosen language first and carries the other two as language maps', () => {
    const achievement = (
      sampleCredential('certificate-of-achievement').credentialSubject as {
        achievement: Record<string, unknown>;
      }
    ).achievement;
    expect(achievement.name).toBe('Académie des migrations de main-d’œuvre');
    expect(Object.keys(achievement.nameMap as object)).toEqual(['fr', 'en', 'es']);
    expect(achievement.inLanguage).toBe('fr');
    expect((achievement.criteria as { narrativeMap: object }).narrativeMap).toHaveProperty(
      'es',
      'Aprobar la tarea final.',
    );
  });

  it('identifies the holder by a urn:uuid, the name as written and the salted hash of the email', () => {
    const subject = sampleCredential('certificate-of-achievement').credentialSubject as Record<
      string,
      unknown
    >;
    expect(subject.id).toBe('urn:uuid:6a1c7a52-0f3e-4d41-9a3b-2f7f0e4b8c11');
    expect(subject.identifier).toEqual([
      { type: 'IdentityObject', identityHash: 'Fatoumata Diallo-Ñúñez', identityType: 'name', hashed: false },
      {
        type: 'IdentityObject',
        identityHash: hashedEmail('fatoumata.diallo@example.net', 'c0ffee-salt-0123456789'),
        identityType: 'emailAddress',
        hashed: true,
        salt: 'c0ffee-salt-0123456789',
      },
    ]);
    expect(JSON.stringify(subject)).not.toContain('example.net');
    // OB's own example: sha256 of 'a@example.com' salted with 'Kosher'.
    expect(hashedEmail('a@example.com', 'Kosher')).toBe(
      'sha256$b5809d8a92f8858436d7e6b87c12ebc0ae1eac4baecc2c0b913aee2c922ef399',
    );
  });

  it('carries hours and grade as results with matching result descriptions, and evidence for the diploma', () => {
    const credential = sampleCredential('certificate-of-achievement');
    const subject = credential.credentialSubject as {
      result: Array<{ resultDescription: string; value: string }>;
      achievement: { resultDescription: Array<{ id: string; resultType: string }> };
    };
    const descriptions = new Map(
      subject.achievement.resultDescription.map((item) => [item.id, item.resultType]),
    );
    expect(subject.result.map((item) => [descriptions.get(item.resultDescription), item.value])).toEqual([
      ['Percent', '87'],
      ['ext:LearningHours', '60'],
    ]);
    expect(sampleCredential('diploma').evidence).toHaveLength(3);
    expect(sampleCredential('certificate-of-participation')).not.toHaveProperty('evidence');
  });

  it('refuses bad input with a ZodError', () => {
    const input = sampleInput('diploma');
    expect(() =>
      buildAchievementCredential({ ...input, holder: { ...input.holder, salt: 'short' } }),
    ).toThrow(/salt|too_small|Too small/i);
    expect(() => buildAchievementCredential({ ...input, title: {} })).toThrow();
  });
});
