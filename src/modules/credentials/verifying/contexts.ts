/**
 * JSON-LD context URLs and the two context documents no npm package carries. Contexts are data from the
 * standards bodies: only exact copies belong here (a "close enough" context changes the canonical RDF and
 * breaks signatures).
 */

/** W3C Verifiable Credentials 2.0. */
export const VC_V2_CONTEXT = 'https://www.w3.org/ns/credentials/v2';
/** W3C Verifiable Credentials 1.1 (legacy credentials only; we never issue with it). */
export const VC_V1_CONTEXT = 'https://www.w3.org/2018/credentials/v1';
/** Open Badges 3.0.3: the context we issue with. */
export const OB_V3P0_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json';
/** Open Badges extensions (defines `1EdTechJsonSchemaValidator2019` used by `credentialSchema`). */
export const OB_EXTENSIONS_CONTEXT = 'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json';
/** Comprehensive Learner Record 2.0. */
export const CLR_V2P0_CONTEXT = 'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json';
/** W3C DID core 1.0 (first context of our DID document). */
export const DID_V1_CONTEXT = 'https://www.w3.org/ns/did/v1';
/** Multikey verification methods. */
export const MULTIKEY_V1_CONTEXT = 'https://w3id.org/security/multikey/v1';
/** JsonWebKey verification methods (W3C Controlled Identifiers). */
export const JWK_V1_CONTEXT = 'https://w3id.org/security/jwk/v1';

/** The official Open Badges 3.0 AchievementCredential schema, as cited in `credentialSchema`. */
export const OB_ACHIEVEMENT_CREDENTIAL_SCHEMA =
  'https://purl.imsglobal.org/spec/ob/v3p0/schema/json/ob_v3p0_achievementcredential_schema.json';
/** The official CLR 2.0 ClrCredential schema, as cited in `credentialSchema`. */
export const CLR_CREDENTIAL_SCHEMA =
  'https://purl.imsglobal.org/spec/clr/v2p0/schema/json/clr_v2p0_clrcredential_schema.json';
/** The `credentialSchema.type` the 1EdTech specifications use. */
export const ONE_EDTECH_SCHEMA_VALIDATOR = '1EdTechJsonSchemaValidator2019';

/**
 * Language maps for the texts we carry in all three languages. OB 3.0's `name`, `description` and
 * `narrative` are single strings (the official schema says so); this embedded context adds `nameMap`,
 * `descriptionMap` and `narrativeMap` (the ActivityStreams naming) as JSON-LD language maps onto the very
 * same properties, so a JSON-LD reader sees `schema:name "…"@fr, "…"@en, "…"@es`. Embedded, so a verifier
 * needs no extra download. PERSISTED SHAPE: issued credentials embed it verbatim; never edit it.
 */
export const LANGUAGE_MAP_CONTEXT = {
  nameMap: { '@id': 'https://schema.org/name', '@container': '@language' },
  descriptionMap: { '@id': 'https://schema.org/description', '@container': '@language' },
  narrativeMap: {
    '@id': 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#narrative',
    '@container': '@language',
  },
} as const;

/**
 * The CLR 2.0 context, `https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json`, as published by
 * 1EdTech (1EdTech specification licence) and shipped by 1EdTech's public validator. With it the signer
 * reproduces the CLR 2.0 test vector's canonical N-Quads byte for byte.
 */
export const CLR_V2P0_CONTEXT_DOCUMENT = {
  '@context': {
    id: '@id',
    type: '@type',
    ClrCredential: {
      '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrCredential',
      '@context': {
        id: '@id',
        type: '@type',
        partial: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#partial',
          '@type': 'xsd:boolean',
        },
      },
    },
    ClrSubject: {
      '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#ClrSubject',
      '@context': {
        id: '@id',
        type: '@type',
        cred: 'https://www.w3.org/2018/credentials#',
        obi: 'https://purl.imsglobal.org/spec/vc/ob/vocab.html#',
        achievement: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#achievement',
          '@type': 'obi:Achievement',
          '@container': '@set',
        },
        association: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#association',
          '@type': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association',
          '@container': '@set',
        },
        verifiableCredential: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#verifiableCredential',
          '@type': 'cred:verifiableCredential',
          '@container': '@set',
        },
        identifier: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#identifier-1',
          '@type': 'obi:Identifier',
          '@container': '@set',
        },
      },
    },
    Association: {
      '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#Association',
      '@context': {
        associationType: { '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#AssociationType' },
        sourceId: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#sourceId',
          '@type': 'xsd:anyURI',
        },
        targetId: {
          '@id': 'https://purl.imsglobal.org/spec/vc/clr/vocab.html#targetId',
          '@type': 'xsd:anyURI',
        },
      },
    },
  },
} as const;

/** The W3C VC 2.0 examples context (the specifications' and test suites' examples use it). */
export const EXAMPLES_V2_CONTEXT = 'https://www.w3.org/ns/credentials/examples/v2';

/**
 * `https://www.w3.org/ns/credentials/examples/v2`, an exact copy of the W3C document (its SHA-256 is
 * checked in contexts.test.ts): every term of an example is in the examples vocabulary.
 */
export const EXAMPLES_V2_CONTEXT_DOCUMENT = {
  '@context': { '@vocab': 'https://www.w3.org/ns/credentials/examples#' },
} as const;
