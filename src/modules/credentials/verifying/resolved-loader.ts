/**
 * The did:web documents a verification needs, resolved before it starts: the DIDs of the issuer, of each
 * proof's verification method and of a VC-JWT's key, in the submitted document and the credentials a
 * presentation embeds (at most MAX_RESOLVED_DIDS). The verification itself then runs on a static loader
 * (provably offline, and movable to a worker thread); a DID that cannot be resolved leaves its key unknown.
 */
import { DidWebResolver } from './did-web-resolver.js';
import type { DocumentLoader } from './document-loader.js';
import { decodedJwt } from './jwt-memo.js';

type Json = Record<string, unknown>;

/** Most did:web identifiers resolved for one verification. */
export const MAX_RESOLVED_DIDS = 4;

/** The resolver the server uses (production settings, one cache per process). */
export const serverDidWebResolver = new DidWebResolver();

const didOfUrl = (url: unknown): string | null =>
  typeof url === 'string' && url.startsWith('did:web:') ? (url.split('#')[0] ?? null) : null;

function jwtDids(jwt: string): string[] {
  const decoded = decodedJwt(jwt.trim());
  if (!decoded) return [];
  return [didOfUrl(decoded.header.kid), didOfUrl(decoded.payload.iss)].filter(
    (did): did is string => did !== null,
  );
}

function documentDids(document: unknown): string[] {
  if (typeof document === 'string') return jwtDids(document.replace(/^data:[^,]*,/, ''));
  const json = document as Json | null;
  if (!json || typeof json !== 'object') return [];
  if (json.type === 'EnvelopedVerifiableCredential' && typeof json.id === 'string')
    return documentDids(json.id);
  const issuer = json.issuer;
  const proofs = json.proof === undefined ? [] : Array.isArray(json.proof) ? json.proof : [json.proof];
  const embedded = json.verifiableCredential;
  const credentials = embedded === undefined ? [] : Array.isArray(embedded) ? embedded : [embedded];
  return [
    didOfUrl(typeof issuer === 'string' ? issuer : (issuer as Json | null)?.id),
    didOfUrl((json.holder as Json | null)?.id ?? json.holder),
    ...proofs.map((proof) => {
      const method = (proof as Json | null)?.verificationMethod;
      return didOfUrl(typeof method === 'string' ? method : (method as Json | null)?.id);
    }),
  ]
    .filter((did): did is string => did !== null)
    .concat(credentials.flatMap((item) => documentDids(item)));
}

/** Pure: the did:web identifiers a submitted credential or presentation refers to, ours excepted. */
export function referencedDidWebs(document: unknown, ownDid: string): string[] {
  return [...new Set(documentDids(document))].filter((did) => did !== ownDid).slice(0, MAX_RESOLVED_DIDS);
}

/** The loader entries of every did:web the input refers to (resolved in parallel; failures left out). */
export async function resolvedDidEntries(
  document: unknown,
  ownDid: string,
  resolver: DidWebResolver = serverDidWebResolver,
): Promise<Array<[string, object]>> {
  const dids = referencedDidWebs(document, ownDid);
  const resolved = await Promise.allSettled(dids.map((did) => resolver.resolve(did)));
  return resolved.flatMap((outcome) => (outcome.status === 'fulfilled' ? outcome.value : []));
}

/** `base` extended with the documents of every did:web the input refers to (resolved in parallel). */
export async function loaderWithResolvedDids(
  document: unknown,
  base: DocumentLoader,
  ownDid: string,
  resolver: DidWebResolver = serverDidWebResolver,
): Promise<DocumentLoader> {
  // Our own credentials name no other DID: no resolution, no promise to settle.
  if (referencedDidWebs(document, ownDid).length === 0) return base;
  const extra = new Map(await resolvedDidEntries(document, ownDid, resolver));
  if (extra.size === 0) return base;
  return async (url: string) => {
    const found = extra.get(url);
    return found ? { contextUrl: null, documentUrl: url, document: found } : base(url);
  };
}
