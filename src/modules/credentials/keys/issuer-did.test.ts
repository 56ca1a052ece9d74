import { describe, expect, it } from 'vitest';
import { didDocumentPath, didOf, issuerDidFromBaseUrl, verificationMethodId } from './issuer-did.js';

describe('issuerDidFromBaseUrl', () => {
  it('is did:web + the host, the port colon percent-encoded, a path as colon segments', () => {
    expect(issuerDidFromBaseUrl('https://Diploma.Example.org/')).toBe('did:web:diploma.example.org');
    expect(issuerDidFromBaseUrl('http://localhost:3000')).toBe('did:web:localhost%3A3000');
    expect(issuerDidFromBaseUrl('https://example.org/centre/diplomas')).toBe(
      'did:web:example.org:centre:diplomas',
    );
    expect(() => issuerDidFromBaseUrl('ftp://example.org')).toThrow(TypeError);
  });

  it('serves the DID document at /.well-known/did.json, or <path>/did.json', () => {
    expect(didDocumentPath('https://example.org')).toBe('/.well-known/did.json');
    expect(didDocumentPath('https://example.org/centre/')).toBe('/centre/did.json');
  });

  it('names verification methods <did>#key-…', () => {
    const id = verificationMethodId('did:web:example.org', 'key-abc');
    expect(id).toBe('did:web:example.org#key-abc');
    expect(didOf(id)).toBe('did:web:example.org');
  });
});
