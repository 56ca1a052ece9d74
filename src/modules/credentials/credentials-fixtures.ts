/**
 * Test helpers for the credentials module: the reference data folder, the 1EdTech test key, a keyring in a
 * temporary folder, and sample inputs for every kind of credential. Not a test file itself.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { DataIntegrityProof } from '@digitalbazaar/data-integrity';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { cryptosuite as eddsaRdfc2022 } from '@digitalbazaar/eddsa-rdfc-2022-cryptosuite';
import { signPresentation } from '@digitalbazaar/vc';
import jsigs from 'jsonld-signatures';
import { buildAchievementCredential, type UnsignedCredential } from './issuing/achievement-credential.js';
import type { AchievementCredentialInput, CredentialKind } from './issuing/credential-input.js';
import { didDocument } from './keys/issuer-documents.js';
import { type Keyring, loadOrCreateKeyring } from './keys/keys.js';
import { EXAMPLES_V2_CONTEXT, EXAMPLES_V2_CONTEXT_DOCUMENT } from './verifying/contexts.js';
import {
  controllerDocuments,
  createDocumentLoader,
  type DocumentLoader,
} from './verifying/document-loader.js';
import type { StatusAnswer, VerifyDeps } from './verifying/verify.js';

/** The 1EdTech reference data the tests use (a copy in test/reference; see its README). */
export const OB_REFERENCE_DIR = fileURLToPath(
  new URL('../../../test/reference/openbadges-3.0/', import.meta.url),
);
/** The same data beside the repository (../shared/reference), when present: the copy must equal it. */
export const SHARED_REFERENCE_DIR = fileURLToPath(
  new URL('../../../../shared/reference/openbadges-3.0/', import.meta.url),
);
/** The official schema in the reference data. */
export const REFERENCE_SCHEMA_PATH = join(OB_REFERENCE_DIR, 'schema', 'achievementcredential.json');

/** A reference file as text. */
export function referenceText(path: string): string {
  return readFileSync(join(OB_REFERENCE_DIR, path), 'utf8');
}

/** A reference file as JSON. */
export function referenceJson<T = Record<string, unknown>>(path: string): T {
  return JSON.parse(referenceText(path)) as T;
}

/**
 * The key pair of 1EdTech's test vectors (Open Badges 3.0 Implementation Guide, "Linked Data Proof Test
 * Vector"): public key hex 4bdeafde…c5a5, published for testing.
 */
export const TEST_VECTOR_KEY = {
  controller: 'https://example.edu/issuers/565049',
  publicKeyMultibase: 'z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi',
  secretKeyMultibase:
    'zrv2bqTbNwCTsRrHFcJCPjVAduh4Ezcnoq1A3ZxH1GWTNkxipLVuaAoMFmze2gFN9oNXfJjufxSHWVZzsJiUsMHFMcx',
} as const;

/** The example issuers of the reference credentials and their published keys (from the key ids). */
export const EXAMPLE_ISSUERS: Record<string, string[]> = {
  'https://example.edu/issuers/565049': [TEST_VECTOR_KEY.publicKeyMultibase],
  'https://example.com/issuers/876543': [TEST_VECTOR_KEY.publicKeyMultibase],
  'https://1edtech.edu/issuers/565049': ['z6Mknyb2Gb4NxzW3xSr9ChTtdQZ1zs77piQ3r9SaJ9vMzmrs'],
};

/** Controller documents for the example issuers, as a verifier that trusts them would configure. */
export function exampleIssuerDocuments(): Array<[string, object]> {
  return Object.entries(EXAMPLE_ISSUERS).flatMap(([controller, keys]) =>
    controllerDocuments(controller, keys),
  );
}

/** Our test issuer. */
export const TEST_BASE_URL = 'https://diploma.example.org';
export const TEST_DID = 'did:web:diploma.example.org';

let keyringPromise: Promise<Keyring> | null = null;

/** A keyring generated once per test file in a temporary DATA_DIR. */
export function testKeyring(): Promise<Keyring> {
  keyringPromise ??= loadOrCreateKeyring(mkdtempSync(join(tmpdir(), 'diploma-keys-')), {});
  return keyringPromise;
}

/** A document loader knowing our test issuer and the example issuers. */
export function testDocumentLoader(keyring: Keyring): DocumentLoader {
  return createDocumentLoader({
    issuerDidDocument: didDocument(keyring, TEST_DID),
    extraDocuments: exampleIssuerDocuments(),
  });
}

/** Verification dependencies with a status answer per list URL + index (default: clear). */
export function testVerifyDeps(
  keyring: Keyring,
  overrides: Partial<VerifyDeps> & { setEntries?: string[] } = {},
): VerifyDeps {
  const { setEntries = [], ...rest } = overrides;
  return {
    documentLoader: testDocumentLoader(keyring),
    resolveStatus: async (entry): Promise<StatusAnswer> => ({ set: setEntries.includes(entry.id) }),
    now: new Date('2027-03-01T12:00:00Z'),
    knownIssuers: [TEST_DID, ...Object.keys(EXAMPLE_ISSUERS)],
    schemaPath: REFERENCE_SCHEMA_PATH,
    ...rest,
  };
}

const text = (en: string, fr: string, es: string) => ({ en, fr, es });

/** The sample issuer profile. */
export const SAMPLE_ISSUER = {
  did: TEST_DID,
  name: text(
    'International Training Centre',
    'Centre international de formation',
    'Centro Internacional de Formación',
  ),
  url: TEST_BASE_URL,
  email: 'credentials@diploma.example.org',
};

/** A sample input of the given kind (a course certificate, or the diploma with evidence). */
export function sampleInput(kind: CredentialKind, serial = 1): AchievementCredentialInput {
  const isDiploma = kind === 'diploma';
  return {
    id: `${TEST_BASE_URL}/verify/0190f5d2-7d2c-7000-8000-00000000000${serial}`,
    kind,
    language: 'fr',
    title: text(
      'Certificate of Achievement — Labour Migration Academy',
      'Certificat de réussite — Académie des migrations de main-d’œuvre',
      'Certificado de logro — Academia de Migración Laboral',
    ),
    issuer: SAMPLE_ISSUER,
    validFrom: '2026-12-01T09:00:00Z',
    awardedDate: '2026-11-28T00:00:00Z',
    holder: {
      subjectId: '6a1c7a52-0f3e-4d41-9a3b-2f7f0e4b8c11',
      name: 'Fatoumata Diallo-Ñúñez',
      email: 'Fatoumata.Diallo@example.net',
      salt: 'c0ffee-salt-0123456789',
    },
    achievement: {
      id: isDiploma
        ? `${TEST_BASE_URL}/achievements/programmes/LMD`
        : `${TEST_BASE_URL}/achievements/courses/LMA/${kind}`,
      name: isDiploma
        ? text(
            'Diploma for Labour Migration Experts and Practitioners',
            'Diplôme pour experts et praticiens des migrations de main-d’œuvre',
            'Diploma para expertos y profesionales de la migración laboral',
          )
        : text(
            'Labour Migration Academy',
            'Académie des migrations de main-d’œuvre',
            'Academia de Migración Laboral',
          ),
      description: text('A two-week course.', 'Un cours de deux semaines.', 'Un curso de dos semanas.'),
      criteria: text('Pass the final assignment.', 'Réussir le devoir final.', 'Aprobar la tarea final.'),
      themes: [
        {
          name: text(
            'Fair and effective governance',
            'Gouvernance juste et efficace',
            'Gobernanza justa y eficaz',
          ),
          url: `${TEST_BASE_URL}/themes/governance`,
          code: 'governance',
        },
      ],
      hours: {
        label: text('Learning hours', 'Heures de formation', 'Horas de aprendizaje'),
        value: isDiploma ? '300' : '60',
      },
      ...(kind === 'certificate-of-achievement'
        ? { grade: { label: text('Grade', 'Note', 'Nota'), value: '87', resultType: 'Percent' as const } }
        : {}),
    },
    status: { revocation: { listUrl: `${TEST_BASE_URL}/status/revocation/1`, index: 40 + serial } },
    evidence: isDiploma
      ? [1, 2, 3].map((n) => ({
          id: `${TEST_BASE_URL}/verify/component-${n}`,
          name: text(`Course ${n}`, `Cours ${n}`, `Curso ${n}`),
          narrative: text(
            'Counted towards the diploma.',
            'Compté pour le diplôme.',
            'Contado para el diploma.',
          ),
        }))
      : [],
  };
}

/** A built (unsigned) sample credential. */
export function sampleCredential(kind: CredentialKind, serial = 1): UnsignedCredential {
  return buildAchievementCredential(sampleInput(kind, serial));
}

/**
 * A holder or third-party issuer with a fresh Ed25519 key, signing as issuers elsewhere would: its DID is a
 * did:key, or the given `controller` (a did:web whose document `didDocument()` gives).
 */
export async function didKeySigner(controller?: string) {
  const key = await Ed25519Multikey.generate();
  const did = controller ?? `did:key:${key.publicKeyMultibase}`;
  key.controller = did;
  key.id = controller ? `${did}#key-1` : `${did}#${key.publicKeyMultibase}`;
  const method = {
    id: key.id,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase: key.publicKeyMultibase,
  };
  const documentLoader = createDocumentLoader({
    extraDocuments: [[EXAMPLES_V2_CONTEXT, EXAMPLES_V2_CONTEXT_DOCUMENT]],
  });
  const suite = (date?: Date) =>
    new DataIntegrityProof({ signer: key.signer(), cryptosuite: eddsaRdfc2022, ...(date ? { date } : {}) });
  return {
    did,
    methodId: key.id,
    /** Its DID document (as a did:web would publish it, with a relative method id). */
    didDocument: () => ({
      '@context': ['https://www.w3.org/ns/did/v1', 'https://w3id.org/security/multikey/v1'],
      id: did,
      verificationMethod: [{ ...method, id: '#key-1' }],
      assertionMethod: ['#key-1'],
      authentication: ['#key-1'],
    }),
    /** Adds this key's proof to `document` (after any proofs there, optionally chained to `previousProof`). */
    async sign(document: Record<string, unknown>, options: { previousProof?: string; id?: string } = {}) {
      const { proof: existing, ...unsigned } = document;
      const previous = existing === undefined ? [] : Array.isArray(existing) ? existing : [existing];
      const named = previous.find((p) => (p as { id?: string }).id === options.previousProof);
      const secured = options.previousProof ? { ...unsigned, proof: named } : unsigned;
      const signer = suite() as unknown as { proof?: object; createProof(o: object): Promise<object> };
      signer.proof = {
        ...(options.id ? { id: options.id } : {}),
        ...(options.previousProof ? { previousProof: options.previousProof } : {}),
      };
      const proof = await signer.createProof({
        document: structuredClone(secured),
        purpose: new jsigs.purposes.AssertionProofPurpose(),
        proofSet: [],
        documentLoader,
      });
      return { ...unsigned, proof: [...previous, proof] };
    },
    /** A presentation signed for authentication with a challenge and, optionally, a domain. */
    async signPresentation(presentation: Record<string, unknown>, challenge: string, domain?: string) {
      return signPresentation({
        presentation: structuredClone(presentation),
        suite: suite(),
        documentLoader,
        challenge,
        ...(domain ? { domain } : {}),
      });
    },
  };
}
