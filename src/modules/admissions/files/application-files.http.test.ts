import { readdirSync } from 'node:fs';
import { join, relative } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, TINY_PDF, uploadForm } from '../../../../test/helpers/application-factories.js';
import { buildProgramme } from '../../../../test/helpers/factories.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { apiUser, countRows, errorCode, signedIn } from '../../../../test/helpers/http-extra.js';
import { multipartBody } from '../../../../test/helpers/import-helpers.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { setStrictMessages } from '../../../i18n/i18n.js';
import { APPLICATION_FILE_MAX_BYTES } from './application-files.js';

/** Uploaded documents: PDF by content only, at most 5 MB, generated keys, served as attachments only. */

function filesUnder(root: string): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else out.push(relative(root, path));
    }
  };
  try {
    walk(root);
  } catch {
    // No folder yet: no file.
  }
  return out.sort();
}

describe('application documents (web and API)', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let root: string;
  beforeAll(async () => {
    setStrictMessages(true);
    ({ app, deps, close } = await createTestApp('sqlite'));
    await buildProgramme(deps);
    root = join(deps.config.dataDir, 'files');
  });
  afterAll(() => close());

  it('stores a PDF under a generated key with its SHA-256, and replaces it', async () => {
    const { browser, person } = await signedIn(app, deps);
    const { id } = await buildApplication(deps, { person });
    const response = await uploadForm(browser, id, 'cv', {
      name: '../../../etc/passwd.pdf',
      content: TINY_PDF,
    });
    expect(response.statusCode).toBe(303);
    const row = await deps.db
      .selectFrom('application_files')
      .selectAll()
      .where('application_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.original_name).toBe('passwd.pdf');
    expect(row.storage_key).toMatch(new RegExp(`^applications/${id}/[0-9a-f-]{36}\\.pdf$`));
    expect(row.size_bytes).toBe(TINY_PDF.length);
    expect(row.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect(filesUnder(root)).toContain(row.storage_key);
    expect(filesUnder(root).every((f) => f.startsWith('applications/'))).toBe(true);
    const second = Buffer.concat([TINY_PDF, Buffer.from('% second\n')]);
    expect(
      (await uploadForm(browser, id, 'cv', { name: 'C:\\Users\\me\\cv-2.pdf', content: second })).statusCode,
    ).toBe(303);
    const rows = await deps.db
      .selectFrom('application_files')
      .selectAll()
      .where('application_id', '=', id)
      .execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.original_name).toBe('cv-2.pdf');
    expect(filesUnder(root)).not.toContain(row.storage_key);
  });

  it('serves a document only as a PDF attachment that is never sniffed', async () => {
    const { browser, person } = await signedIn(app, deps);
    const { id } = await buildApplication(deps, { person });
    await uploadForm(browser, id, 'letter', { name: '<script>alert(1)</script>.pdf', content: TINY_PDF });
    const download = await browser.get(`/my/applications/${id}/files/letter`);
    expect(download.statusCode).toBe(200);
    expect(download.headers['content-type']).toBe('application/pdf');
    expect(download.headers['content-disposition']).toMatch(
      /^attachment; filename="letter-[0-9a-f]{8}\.pdf"$/,
    );
    expect(download.headers['x-content-type-options']).toBe('nosniff');
    expect(download.rawPayload.equals(TINY_PDF)).toBe(true);
    expect((await browser.get(`/my/applications/${id}/files/cv`)).statusCode).toBe(404);
    expect((await browser.get(`/my/applications/${id}/files/..%2F..%2Fetc%2Fpasswd`)).statusCode).toBe(404);
    const removed = await browser.send(`/my/applications/${id}/files/letter/delete`);
    expect(removed.statusCode).toBe(303);
    expect((await browser.get(`/my/applications/${id}/files/letter`)).statusCode).toBe(404);
  });

  it('refuses anything that is not a PDF by content, an empty file, a missing file, a wrong kind', async () => {
    const { browser, person } = await signedIn(app, deps, ['participant'], { locale: 'fr' });
    const { id } = await buildApplication(deps, { person });
    const before = await countRows(deps, 'application_files');
    const filesBefore = filesUnder(root);
    const html = Buffer.from('<html><script>alert(1)</script></html>');
    const notPdf = await uploadForm(browser, id, 'cv', { name: 'cv.pdf', content: html });
    expect(notPdf.statusCode).toBe(400);
    expect(notPdf.body).toContain('Ce fichier n’est pas un PDF. Téléversez un document PDF.');
    const exe = await uploadForm(browser, id, 'cv', {
      name: 'cv.pdf',
      content: Buffer.from('MZ\x90\x00 %PDF-1.4'),
    });
    expect(exe.statusCode).toBe(400);
    const empty = await uploadForm(browser, id, 'cv', { name: 'cv.pdf', content: Buffer.alloc(0) });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('Le fichier est vide.');
    const none = await uploadForm(browser, id, 'cv', null);
    expect(none.statusCode).toBe(400);
    expect(none.body).toContain('Choisissez un fichier à téléverser.');
    const kind = await uploadForm(browser, id, 'photo', { name: 'cv.pdf', content: TINY_PDF });
    expect(kind.statusCode).toBe(400);
    expect(await countRows(deps, 'application_files')).toBe(before);
    expect(filesUnder(root)).toEqual(filesBefore);
  });

  it('refuses a file larger than 5 MB with a message, keeping nothing', async () => {
    const { browser, person } = await signedIn(app, deps, ['participant'], { locale: 'es' });
    const { id } = await buildApplication(deps, { person });
    const before = await countRows(deps, 'application_files');
    const filesBefore = filesUnder(root);
    const big = Buffer.concat([TINY_PDF, Buffer.alloc(APPLICATION_FILE_MAX_BYTES)]);
    const response = await uploadForm(browser, id, 'cv', { name: 'big.pdf', content: big });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain('El archivo supera los 5 MB.');
    expect(await countRows(deps, 'application_files')).toBe(before);
    expect(filesUnder(root)).toEqual(filesBefore);
    const exactly = Buffer.concat([TINY_PDF, Buffer.alloc(APPLICATION_FILE_MAX_BYTES - TINY_PDF.length)]);
    expect((await uploadForm(browser, id, 'cv', { name: 'max.pdf', content: exactly })).statusCode).toBe(303);
  });

  it('the API takes the same uploads with the same rules', async () => {
    const { person, token } = await apiUser(deps, ['participant'], { locale: 'es' });
    const { id } = await buildApplication(deps, { person });
    const post = (
      fields: Record<string, string>,
      file: Parameters<typeof multipartBody>[1],
      auth: string | null = token,
    ) => {
      const { payload, headers } = multipartBody(fields, file);
      return app.inject({
        method: 'POST',
        url: `/api/v1/applications/mine/${id}/files`,
        headers: {
          ...headers,
          ...(auth ? { authorization: `Bearer ${auth}` } : {}),
          'accept-language': 'es',
        },
        payload,
      });
    };
    expect((await post({ kind: 'cv' }, { name: 'cv.pdf', content: TINY_PDF }, null)).statusCode).toBe(401);
    const bad = await post({ kind: 'cv' }, { name: 'cv.pdf', content: 'GIF89a' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({
      path: 'file',
      message: 'Este archivo no es un PDF. Suba un documento PDF.',
    });
    const big = await post(
      { kind: 'cv' },
      { name: 'cv.pdf', content: Buffer.concat([TINY_PDF, Buffer.alloc(APPLICATION_FILE_MAX_BYTES)]) },
    );
    expect(big.statusCode).toBe(400);
    const ok = await post({ kind: 'cv' }, { name: 'cv.pdf', content: TINY_PDF });
    expect(ok.statusCode).toBe(201);
    expect(ok.json().files).toEqual([
      expect.objectContaining({ kind: 'cv', originalName: 'cv.pdf', sizeBytes: TINY_PDF.length }),
    ]);
    const other = await apiUser(deps);
    const theirs = await app.inject({
      method: 'GET',
      url: `/api/v1/applications/mine/${id}/files/cv`,
      headers: { authorization: `Bearer ${other.token}` },
    });
    expect(theirs.statusCode).toBe(404);
    expect(errorCode(theirs)).toBe('not_found');
    const mine = await app.inject({
      method: 'GET',
      url: `/api/v1/applications/mine/${id}/files/cv`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(mine.headers['content-type']).toBe('application/pdf');
    expect(mine.headers['content-disposition']).toMatch(/^attachment;/);
    expect(mine.headers['x-content-type-options']).toBe('nosniff');
    const removed = await app.inject({
      method: 'DELETE',
      url: `/api/v1/applications/mine/${id}/files/cv`,
      headers: { authorization: `Bearer ${token}` },
    });
    expect(removed.statusCode).toBe(200);
    expect(removed.json().files).toEqual([]);
  });
});
