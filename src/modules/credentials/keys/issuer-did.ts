/**
 * The issuer's identifier: `did:web` derived from BASE_URL (https://w3c-ccg.github.io/did-method-web/).
 * `https://diploma.example.org` → `did:web:diploma.example.org`; a port's colon is percent-encoded
 * (`did:web:localhost%3A3000`) and a path becomes colon-separated segments, so the DID document is
 * served at `/.well-known/did.json` (no path) or `/<path>/did.json`.
 */

/** The prefix of every verification method id fragment we mint. */
export const KEY_FRAGMENT_PREFIX = 'key-';

/** `did:web:` + the host (and port, percent-encoded) and path of `baseUrl`. */
export function issuerDidFromBaseUrl(baseUrl: string): string {
  const url = new URL(baseUrl);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new TypeError(`BASE_URL must be an http(s) URL, got "${baseUrl}"`);
  }
  const host = url.port ? `${url.hostname}%3A${url.port}` : url.hostname;
  const segments = url.pathname
    .split('/')
    .filter((segment) => segment !== '')
    .map((segment) => encodeURIComponent(decodeURIComponent(segment)));
  // URL has already lower-cased the host name; the encoded port colon stays upper-case (%3A).
  return ['did:web', host, ...segments].join(':');
}

/** The path where the DID document of `did:web` for `baseUrl` is served. */
export function didDocumentPath(baseUrl: string): string {
  const path = new URL(baseUrl).pathname.replace(/\/+$/, '');
  return path === '' ? '/.well-known/did.json' : `${path}/did.json`;
}

/** The id of a verification method: `${did}#${kid}` (kids start with `key-`). */
export function verificationMethodId(did: string, kid: string): string {
  return `${did}#${kid}`;
}

/** The DID part of a DID URL (`did:web:x#key-1` → `did:web:x`). */
export function didOf(didUrl: string): string {
  const hash = didUrl.indexOf('#');
  return hash === -1 ? didUrl : didUrl.slice(0, hash);
}
