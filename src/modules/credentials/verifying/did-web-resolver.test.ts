import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { didKeySigner, testDocumentLoader, testKeyring, testVerifyDeps } from '../credentials-fixtures.js';
import { VC_V2_CONTEXT } from './contexts.js';
import { DidWebResolver, didWebUrl, isAllowedAddress } from './did-web-resolver.js';
import { loaderWithResolvedDids, referencedDidWebs } from './resolved-loader.js';
import { verifyCredential } from './verify.js';

describe('did:web', () => {
  it('maps a did:web to its document URL', () => {
    expect(didWebUrl('did:web:example.com')).toBe('https://example.com/.well-known/did.json');
    expect(didWebUrl('did:web:example.com%3A8443:users:alice')).toBe(
      'https://example.com:8443/users/alice/did.json',
    );
    expect(() => didWebUrl('did:web:example.com:..:x')).toThrow();
    expect(() => didWebUrl('did:key:z6Mk')).toThrow();
  });

  it('never connects to private, loopback or link-local addresses (loopback allowed in tests only)', () => {
    for (const address of [
      '10.1.2.3',
      '192.168.0.1',
      '172.16.5.5',
      '127.0.0.1',
      '169.254.169.254',
      '::1',
      'fe80::1',
      'fd00::1',
      '::ffff:127.0.0.1',
      '0.0.0.0',
    ])
      expect(isAllowedAddress(address), address).toBe(false);
    expect(isAllowedAddress('93.184.216.34')).toBe(true);
    expect(isAllowedAddress('2606:2800:220:1:248:1893:25c8:1946')).toBe(true);
    expect(isAllowedAddress('127.0.0.1', true)).toBe(true);
  });

  describe('resolved from a server', () => {
    let server: Server;
    let did: string;
    let hits = 0;
    let signer: Awaited<ReturnType<typeof didKeySigner>>;
    beforeAll(async () => {
      server = createServer((request, response) => {
        hits += 1;
        if (request.url === '/.well-known/did.json') {
          response.setHeader('content-type', 'application/did+json');
          return response.end(JSON.stringify(signer.didDocument()));
        }
        if (request.url === '/big/did.json') return response.end(`{"x":"${'a'.repeat(200_000)}"}`);
        if (request.url === '/private/did.json') {
          response.statusCode = 302;
          response.setHeader('location', 'http://10.0.0.7/.well-known/did.json');
          return response.end();
        }
        if (request.url === '/slow/did.json') return; // never answers
        response.statusCode = 404;
        response.end();
      });
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      did = `did:web:127.0.0.1%3A${(server.address() as AddressInfo).port}`;
      signer = await didKeySigner(did);
    });
    afterAll(() => {
      server.closeAllConnections();
      server.close();
    });

    it('verifies a credential of a did:web issuer: proof ok, issuer untrusted (a warning); cached', async () => {
      const resolver = new DidWebResolver({ allowLoopback: true });
      const credential = await signer.sign({
        '@context': [VC_V2_CONTEXT],
        type: ['VerifiableCredential'],
        issuer: did,
        credentialSubject: { id: 'did:example:holder', name: 'Someone' },
      });
      expect(referencedDidWebs(credential, 'did:web:ours')).toEqual([did]);
      const keyring = await testKeyring();
      const deps = testVerifyDeps(keyring);
      deps.documentLoader = await loaderWithResolvedDids(
        credential,
        testDocumentLoader(keyring),
        'did:web:ours',
        resolver,
      );
      const result = await verifyCredential(credential, deps);
      expect(result.checks.map((c) => `${c.id}:${c.message}`)).toEqual([
        'schema:data_model',
        'proof:ok',
        'status:none',
        'validity:ok',
        'issuer:untrusted',
      ]);
      const before = hits;
      await resolver.resolve(did);
      expect(hits).toBe(before);
      // Without the resolution the key is unknown.
      const offline = await verifyCredential(credential, testVerifyDeps(keyring));
      expect(offline.checks[1]).toMatchObject({ ok: false, message: 'unknown_key' });
    });

    it('refuses loopback in production, redirects to private addresses, large documents and slow servers', async () => {
      await expect(new DidWebResolver().resolve(did)).rejects.toThrow();
      const resolver = new DidWebResolver({ allowLoopback: true, timeoutMs: 300 });
      await expect(resolver.resolve(`${did}:private`)).rejects.toThrow(/private/);
      await expect(resolver.resolve(`${did}:big`)).rejects.toThrow(/too large/);
      await expect(resolver.resolve(`${did}:slow`)).rejects.toThrow(/timed out/);
      await expect(resolver.resolve(`${did}:missing`)).rejects.toThrow(/404/);
    });
  });
});
