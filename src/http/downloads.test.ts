import Fastify from 'fastify';
import { describe, expect, it } from 'vitest';
import { asciiFileName, sendDownload } from './downloads.js';

describe('downloads', () => {
  it('reduces a file name to ASCII for the plain filename', () => {
    expect(asciiFileName('Programme d’été.pdf')).toBe('Programme_d__t_.pdf');
    expect(asciiFileName('a"b\r\nc.csv')).toBe('a_b__c.csv');
  });

  it('sends an attachment that no browser renders, sniffs or caches, keeping the whole name in filename*', async () => {
    const app = Fastify();
    app.get('/ascii', (_request, reply) =>
      sendDownload(reply, { contentType: 'text/plain', fileName: 'notes.txt', body: 'x' }),
    );
    app.get('/accented', (_request, reply) =>
      sendDownload(reply, {
        contentType: 'application/pdf',
        fileName: 'Évaluation finale.pdf',
        body: new Uint8Array([37, 80, 68, 70]),
        cacheControl: 'no-store',
      }),
    );
    const plain = await app.inject('/ascii');
    expect(plain.headers['content-disposition']).toBe('attachment; filename="notes.txt"');
    expect(plain.headers['x-content-type-options']).toBe('nosniff');
    expect(plain.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(plain.headers['cache-control']).toBe('private, no-store');
    const accented = await app.inject('/accented');
    expect(accented.headers['content-disposition']).toBe(
      `attachment; filename="_valuation_finale.pdf"; filename*=UTF-8''%C3%89valuation%20finale.pdf`,
    );
    expect(accented.headers['cache-control']).toBe('no-store');
    expect(accented.rawPayload.toString()).toBe('%PDF');
    await app.close();
  });
});
