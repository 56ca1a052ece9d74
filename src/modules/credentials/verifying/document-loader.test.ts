import { describe, expect, it } from 'vitest';
import { TEST_DID, testKeyring } from '../credentials-fixtures.js';
import { didDocument } from '../keys/issuer-documents.js';
import { createDocumentLoader, UnknownDocumentError } from './document-loader.js';

describe('createDocumentLoader', () => {
  it('serves the VC 2.0, OB 3.0.x, CLR 2.0, Data Integrity and Multikey contexts', async () => {
    const load = createDocumentLoader();
    for (const url of [
      'https://www.w3.org/ns/credentials/v2',
      'https://www.w3.org/2018/credentials/v1',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.3.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/context-3.0.1.json',
      'https://purl.imsglobal.org/spec/ob/v3p0/extensions.json',
      'https://purl.imsglobal.org/spec/clr/v2p0/context-2.0.1.json',
      'https://w3id.org/security/data-integrity/v2',
      'https://w3id.org/security/multikey/v1',
    ]) {
      expect((await load(url)).document).toHaveProperty('@context');
    }
  });

  it('throws for anything unknown: nothing is ever fetched', async () => {
    const load = createDocumentLoader();
    await expect(load('https://evil.example/context.json')).rejects.toBeInstanceOf(UnknownDocumentError);
    await expect(load('did:web:evil.example')).rejects.toBeInstanceOf(UnknownDocumentError);
  });

  it('resolves our did:web document and each of its verification methods', async () => {
    const keyring = await testKeyring();
    const load = createDocumentLoader({ issuerDidDocument: didDocument(keyring, TEST_DID) });
    expect((await load(TEST_DID)).document).toMatchObject({ id: TEST_DID });
    const method = (await load(`${TEST_DID}#${keyring.ed25519.kid}`)).document;
    expect(method).toMatchObject({
      type: 'Multikey',
      controller: TEST_DID,
      publicKeyMultibase: keyring.ed25519.publicKeyMultibase,
    });
  });

  it('resolves did:key Ed25519 identifiers offline (the key is the identifier)', async () => {
    const did = 'did:key:z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi';
    const load = createDocumentLoader();
    expect((await load(did)).document).toMatchObject({
      id: did,
      assertionMethod: [`${did}#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi`],
    });
    expect((await load(`${did}#z6MkjZRZv3aez3r18pB1RBFJR1kwUVJ5jHt92JmQwXbd5hwi`)).document).toMatchObject({
      type: 'Multikey',
    });
    await expect(load('did:key:z6MkNotAKey')).rejects.toBeInstanceOf(UnknownDocumentError);
  });
});
