/**
 * A did:web resolver for verifying credentials of other issuers, careful with what a credential makes the
 * server fetch: https only, a short timeout, a size limit, no connection to a private, loopback or
 * link-local address (checked on the address actually connected to, so a DNS answer cannot rebind it —
 * through redirects too, at most MAX_REDIRECTS), and a cache of answers (failures too, for less time).
 * Contexts are never fetched: only DID documents, and only through this resolver. Tests allow loopback
 * (`allowLoopback`, which also allows http to a loopback host) to serve a DID document locally.
 */
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import http from 'node:http';
import https from 'node:https';
import { BlockList, isIP, type LookupFunction } from 'node:net';
import { DID_V1_CONTEXT, JWK_V1_CONTEXT, MULTIKEY_V1_CONTEXT } from './contexts.js';

type Json = Record<string, unknown>;

/** How the resolver behaves (defaults for production). */
export interface DidWebResolverOptions {
  timeoutMs?: number;
  maxBytes?: number;
  cacheTtlMs?: number;
  failureTtlMs?: number;
  maxEntries?: number;
  /** Tests only: allow loopback addresses (and plain http to them). */
  allowLoopback?: boolean;
}

const MAX_REDIRECTS = 2;

/** Thrown when a did:web cannot be resolved (the verifier reports the key as unknown). */
export class DidResolutionError extends Error {
  override readonly name = 'DidResolutionError';
}

/** Pure: the URL of a did:web's DID document (`did:web:host%3Aport:path` → `https://host:port/path/did.json`). */
export function didWebUrl(did: string, scheme: 'https' | 'http' = 'https'): string {
  const match = /^did:web:([^#?/]+)$/.exec(did);
  if (!match) throw new DidResolutionError(`not a did:web: ${did}`);
  const [host, ...path] = match[1]!.split(':').map((part) => decodeURIComponent(part));
  if (
    !host ||
    /[/@\s]/.test(host) ||
    path.some((part) => part === '' || part === '.' || part === '..' || part.includes('/'))
  )
    throw new DidResolutionError(`invalid did:web: ${did}`);
  const location = path.length
    ? `/${path.map(encodeURIComponent).join('/')}/did.json`
    : '/.well-known/did.json';
  return `${scheme}://${host}${location}`;
}

const blocked = new BlockList();
for (const [network, prefix] of [
  ['0.0.0.0', 8],
  ['10.0.0.0', 8],
  ['100.64.0.0', 10],
  ['127.0.0.0', 8],
  ['169.254.0.0', 16],
  ['172.16.0.0', 12],
  ['192.0.0.0', 24],
  ['192.168.0.0', 16],
  ['198.18.0.0', 15],
  ['224.0.0.0', 3],
] as const)
  blocked.addSubnet(network, prefix, 'ipv4');
for (const [network, prefix] of [
  ['::', 127],
  ['fc00::', 7],
  ['fe80::', 10],
  ['ff00::', 8],
] as const)
  blocked.addSubnet(network, prefix, 'ipv6');

const loopback = new BlockList();
loopback.addSubnet('127.0.0.0', 8, 'ipv4');
loopback.addAddress('::1', 'ipv6');

/** Pure: may the resolver connect to this address? */
export function isAllowedAddress(address: string, allowLoopback = false): boolean {
  // An IPv4-mapped IPv6 address is judged as the IPv4 address it carries.
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return isAllowedAddress(mapped[1]!, allowLoopback);
  const family = isIP(address) === 6 ? 'ipv6' : 'ipv4';
  if (allowLoopback && loopback.check(address, family)) return true;
  return !blocked.check(address, family);
}

function guardedLookup(allowLoopback: boolean): LookupFunction {
  return (hostname, options, callback) => {
    dnsLookup(hostname, { ...options, all: true }, (error, addresses) => {
      if (error) return callback(error, '', 0);
      const list = addresses as unknown as LookupAddress[];
      const allowed = list.filter((entry) => isAllowedAddress(entry.address, allowLoopback));
      if (allowed.length === 0 || allowed.length !== list.length)
        return callback(new DidResolutionError(`${hostname} resolves to a private address`), '', 0);
      if ((options as { all?: boolean }).all)
        return (callback as unknown as (e: null, a: LookupAddress[]) => void)(null, allowed);
      return callback(null, allowed[0]!.address, allowed[0]!.family);
    });
  };
}

/**
 * Pure: a resolved DID document made usable by the document loader: relative method ids made absolute,
 * the controller filled in, and each method as a standalone JSON-LD document. Null when it is not the
 * document of `did`.
 */
export function didDocumentEntries(did: string, document: unknown): Array<[string, object]> | null {
  const doc = document as Json | null;
  if (!doc || typeof doc !== 'object' || doc.id !== did) return null;
  const absolute = (id: unknown) => (typeof id === 'string' && id.startsWith('#') ? `${did}${id}` : id);
  const methods = (Array.isArray(doc.verificationMethod) ? doc.verificationMethod : [])
    .filter((method): method is Json => !!method && typeof method === 'object')
    .map((method): Json => ({ ...method, id: absolute(method.id), controller: method.controller ?? did }));
  const relation = (name: string) =>
    (Array.isArray(doc[name]) ? (doc[name] as unknown[]) : []).map((item) =>
      typeof item === 'string' ? absolute(item) : absolute((item as Json | null)?.id),
    );
  const controller = {
    '@context': [DID_V1_CONTEXT, MULTIKEY_V1_CONTEXT, JWK_V1_CONTEXT],
    id: did,
    verificationMethod: methods,
    assertionMethod: relation('assertionMethod'),
    authentication: relation('authentication'),
  };
  const entries: Array<[string, object]> = [[did, controller]];
  for (const method of methods) {
    if (typeof method.id !== 'string' || !method.id.startsWith(`${did}#`)) continue;
    const context =
      method.type === 'JsonWebKey' || method.type === 'JsonWebKey2020' ? JWK_V1_CONTEXT : MULTIKEY_V1_CONTEXT;
    entries.push([method.id, { '@context': context, ...method }]);
  }
  return entries;
}

interface CacheEntry {
  expiresAt: number;
  entries: Array<[string, object]> | null;
}

/** Resolves did:web identifiers to document-loader entries, with a cache. */
export class DidWebResolver {
  private readonly cache = new Map<string, CacheEntry>();
  private readonly options: Required<DidWebResolverOptions>;

  constructor(options: DidWebResolverOptions = {}) {
    this.options = {
      timeoutMs: 3000,
      maxBytes: 64 * 1024,
      cacheTtlMs: 5 * 60_000,
      failureTtlMs: 30_000,
      maxEntries: 1000,
      allowLoopback: false,
      ...options,
    };
  }

  /** The loader entries of a did:web's document; throws DidResolutionError when it cannot be had. */
  async resolve(did: string): Promise<Array<[string, object]>> {
    const now = Date.now();
    const cached = this.cache.get(did);
    if (cached && cached.expiresAt > now) {
      if (!cached.entries) throw new DidResolutionError(`${did} could not be resolved (cached)`);
      return cached.entries;
    }
    let entries: Array<[string, object]> | null = null;
    try {
      entries = didDocumentEntries(did, await this.fetchJson(this.urlOf(did), 0));
      if (!entries) throw new DidResolutionError(`${did}: the document is not the DID document of ${did}`);
      return entries;
    } finally {
      if (this.cache.size >= this.options.maxEntries)
        this.cache.delete(this.cache.keys().next().value as string);
      this.cache.set(did, {
        entries,
        expiresAt: now + (entries ? this.options.cacheTtlMs : this.options.failureTtlMs),
      });
    }
  }

  private urlOf(did: string): string {
    const host = new URL(didWebUrl(did)).hostname.replace(/^\[|\]$/g, '');
    const isLoopbackHost =
      host === 'localhost' || (isIP(host) !== 0 && loopback.check(host, isIP(host) === 6 ? 'ipv6' : 'ipv4'));
    return didWebUrl(did, this.options.allowLoopback && isLoopbackHost ? 'http' : 'https');
  }

  private fetchJson(url: string, redirects: number): Promise<unknown> {
    const target = new URL(url);
    const insecure = target.protocol === 'http:';
    if (!(target.protocol === 'https:' || (insecure && this.options.allowLoopback)))
      return Promise.reject(new DidResolutionError(`refused scheme ${target.protocol}`));
    const literal = target.hostname.replace(/^\[|\]$/g, '');
    if (isIP(literal) && !isAllowedAddress(literal, this.options.allowLoopback))
      return Promise.reject(new DidResolutionError(`${literal} is a private address`));
    const client = insecure ? http : https;
    return new Promise((resolve, reject) => {
      const request = client.get(
        target,
        {
          lookup: guardedLookup(this.options.allowLoopback),
          timeout: this.options.timeoutMs,
          headers: { accept: 'application/did+json, application/json' },
          agent: false,
        },
        (response) => {
          const status = response.statusCode ?? 0;
          if (status >= 300 && status < 400 && response.headers.location) {
            response.resume();
            if (redirects >= MAX_REDIRECTS) return reject(new DidResolutionError('too many redirects'));
            return resolve(this.fetchJson(new URL(response.headers.location, target).href, redirects + 1));
          }
          if (status !== 200) {
            response.resume();
            return reject(new DidResolutionError(`HTTP ${status}`));
          }
          const chunks: Buffer[] = [];
          let size = 0;
          response.on('data', (chunk: Buffer) => {
            size += chunk.length;
            if (size > this.options.maxBytes) {
              request.destroy(new DidResolutionError('DID document too large'));
              return;
            }
            chunks.push(chunk);
          });
          response.on('end', () => {
            try {
              resolve(JSON.parse(Buffer.concat(chunks).toString('utf8')));
            } catch {
              reject(new DidResolutionError('DID document is not JSON'));
            }
          });
          response.on('error', reject);
        },
      );
      const deadline = setTimeout(
        () => request.destroy(new DidResolutionError('timed out')),
        this.options.timeoutMs,
      );
      request.on('close', () => clearTimeout(deadline));
      request.on('timeout', () => request.destroy(new DidResolutionError('timed out')));
      request.on('error', (error) =>
        reject(error instanceof DidResolutionError ? error : new DidResolutionError(error.message)),
      );
    });
  }
}
