import { mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { issuedCertificate, runCredentialJobs } from '../../../../test/helpers/credential-factories.js';
import { browserOf } from '../../../../test/helpers/credential-pages.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { api, createTestApp } from '../../../../test/helpers/http.js';
import { tokenOf } from '../../../../test/helpers/http-extra.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import type { Logger } from '../../../deps.js';
import { type Locale, translator } from '../../../i18n/i18n.js';
import { getOwnAccount } from '../../identity/account/update-account.js';
import { CREDENTIAL_JOB_KINDS } from '../issuing/job-kinds.js';
import { clearFontCache, FONT_DIR_ENV, faceSpecs, resolveFacePath } from './fonts.js';
import { extractText, normaliseText, pdfToolsAvailable } from './pdf-test-tools.js';

/**
 * Certificate PDFs downloaded over HTTP as a holder does, on a machine with only `npm install`: the name as
 * in the profile in the PDF's text layer, in every script and the holder's language; and a PDF that cannot
 * be produced (its fonts gone) answers a translated page or a JSON error, logged in one line, and works
 * again as soon as the fonts are back, without a restart.
 */

/** Names in Latin-extended, Vietnamese, Cyrillic, Greek, Arabic, Chinese, Japanese, Korean; en/fr/es. */
const HOLDERS: { fullName: string; locale: Locale }[] = [
  { fullName: 'Nguyễn Thị Minh Khai', locale: 'fr' },
  { fullName: 'Carlos Ñúñez Rodríguez', locale: 'es' },
  { fullName: 'Мария Иванова', locale: 'en' },
  { fullName: 'Αικατερίνη Παπαδοπούλου', locale: 'es' },
  { fullName: 'محمد الأحمد', locale: 'fr' },
  { fullName: '王芳', locale: 'en' },
  { fullName: '山田 さくら', locale: 'es' },
  { fullName: '김민준', locale: 'fr' },
];

interface LogLine {
  level: 'info' | 'warn' | 'error';
  object: Record<string, unknown>;
  message: string | undefined;
}

/** A logger that keeps what it is given (the test checks what an operator would read). */
function capturingLogger(lines: LogLine[]): Logger {
  const keep = (level: LogLine['level']) => (object: object, message?: string) =>
    lines.push({ level, object: object as Record<string, unknown>, message });
  return { info: keep('info'), warn: keep('warn'), error: keep('error') };
}

/** An empty PDF_FONT_DIR (fonts missing), and a way to put the packaged fonts in it (installing them). */
function emptyFontDir(): { dir: string; install(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'pdf-fonts-missing-'));
  const sources = faceSpecs()
    .filter((spec) => spec.required)
    .map((spec) => resolveFacePath(spec.id, {})!);
  return {
    dir,
    install: () => {
      for (const source of sources) symlinkSync(source, join(dir, basename(source)));
    },
  };
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: credential PDF downloads`, () => {
    let app: FastifyInstance;
    let deps: TestDeps;
    let close: () => Promise<void>;
    const tempDirs: string[] = [];
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
    });
    afterEach(() => {
      delete process.env[FONT_DIR_ENV];
      clearFontCache();
    });
    afterAll(async () => {
      for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
      await close?.();
    });

    it.skipIf(!pdfToolsAvailable)(
      'gives the holder a PDF in their language whose text holds their name exactly as in their profile',
      async () => {
        for (const { fullName, locale } of HOLDERS) {
          const { person, credential } = await issuedCertificate(deps, { fullName, locale });
          const profile = await getOwnAccount(deps.db, deps, actorOf(person));
          expect(profile.fullName).toBe(fullName);
          const holder = await browserOf(app, person);
          const response = await holder.get(`/credentials/${credential.id}.pdf`);
          expect(response.statusCode, fullName).toBe(200);
          expect(response.headers['content-type']).toBe('application/pdf');
          expect(response.headers['content-disposition']).toBe(
            `attachment; filename="credential-${credential.short_code.toLowerCase()}.pdf"`,
          );
          const text = extractText(response.rawPayload);
          expect(text, fullName).toContain(normaliseText(profile.fullName.normalize('NFC')));
          const t = translator(locale);
          expect(text, fullName).toContain(t.t('credential.pdf.heading.achievement'));
          expect(text, fullName).toContain(t.t('credential.pdf.certifies'));
        }
      },
    );

    it('answers a PDF it cannot produce with a translated page or a JSON error, logs one line per failure, and works again once the fonts are installed', async () => {
      const { person, credential } = await issuedCertificate(deps, {
        fullName: 'Élodie Ngô Thị Hằng',
        locale: 'fr',
      });
      const fonts = emptyFontDir();
      tempDirs.push(fonts.dir);
      process.env[FONT_DIR_ENV] = fonts.dir;
      clearFontCache();
      const lines: LogLine[] = [];
      const originalLog = deps.log;
      deps.log = capturingLogger(lines);
      try {
        const fr = translator('fr');
        const holder = await browserOf(app, person);
        // The holder's page links to the PDF without `download`, so a failure shows its page.
        const page = await holder.get('/my/credentials');
        expect(page.body).toContain(`<a href="${deps.config.baseUrl}/credentials/${credential.id}.pdf">`);

        // A browser: the translated page, status 503, when to try again.
        const failed = await holder.get(`/credentials/${credential.id}.pdf`);
        expect(failed.statusCode).toBe(503);
        expect(failed.headers['content-type']).toContain('text/html');
        expect(failed.headers['retry-after']).toBe('300');
        expect(failed.body).toContain('<html lang="fr"');
        expect(failed.body).toContain(`<h1>${fr.t('errorPage.title.503')}</h1>`);
        expect(failed.body).toContain(fr.t('errors.pdf_unavailable'));
        expect(failed.body).not.toContain('PDF_FONT_DIR');

        // A client with a token: a JSON error with its stable code, in the account's language.
        const token = await tokenOf(deps, person);
        const viaApi = await api(app, 'GET', `/credentials/${credential.id}.pdf`, { token });
        expect(viaApi.statusCode).toBe(503);
        expect(viaApi.headers['content-type']).toContain('application/json');
        expect(viaApi.json()).toEqual({
          error: { code: 'pdf_unavailable', message: fr.t('errors.pdf_unavailable') },
        });

        // The PDF job fails too: the runner logs it in one line, no stack trace.
        await runCredentialJobs(deps, [CREDENTIAL_JOB_KINDS.renderPdf]);

        // This credential's failures (jobs of other tests' credentials may run too).
        const failures = lines.filter(
          (line) =>
            line.level !== 'info' &&
            (line.object.credentialId === credential.id ||
              String((line.object.err as Error | undefined)?.message).includes(credential.id)),
        );
        expect(failures.map((line) => line.message)).toEqual([
          'credential PDF download failed',
          'credential PDF download failed',
          'job will be retried',
        ]);
        for (const line of failures) {
          const reason = String(line.object.reason ?? (line.object.err as Error | undefined)?.stack);
          expect(reason).toContain(`PDF fonts missing in ${FONT_DIR_ENV}=${fonts.dir}`);
          expect(reason).not.toContain('\n');
        }
        expect(String((failures[2]!.object.err as Error).stack)).toMatch(/^CredentialPdfError: credential /);

        // The fonts are installed while the server runs: the same link works, no restart.
        fonts.install();
        const fixed = await holder.get(`/credentials/${credential.id}.pdf`);
        expect(fixed.statusCode).toBe(200);
        expect(fixed.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
        if (pdfToolsAvailable) expect(extractText(fixed.rawPayload)).toContain('Élodie Ngô Thị Hằng');
      } finally {
        deps.log = originalLog;
      }
    });
  });
}
