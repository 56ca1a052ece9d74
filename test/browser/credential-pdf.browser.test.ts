import { mkdir, mkdtemp, readFile, rm, symlink } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import {
  clearFontCache,
  FONT_DIR_ENV,
  faceSpecs,
  resolveFacePath,
} from '../../src/modules/credentials/pdf/fonts.js';
import { extractText, pdfToolsAvailable } from '../../src/modules/credentials/pdf/pdf-test-tools.js';
import {
  clickAndWait,
  DEMO_PASSWORD,
  describeJourney,
  expectNoAxeViolations,
  JOURNEY_TIMEOUT_MS,
  signIn,
  textOf,
} from './browser-helpers.js';

/**
 * Certificate PDFs in chromium, on the demo data, with nothing but the npm packages' fonts: a French
 * speaker with an Arabic name (محمد الأحمد) clicks "PDF" while the fonts are gone and reads a translated
 * page (no silent failed download); the fonts come back without a restart and the same link gives his PDF,
 * his name in its text. An English speaker with a Chinese name (王芳) downloads hers. And the sign-in page
 * of the demo says which language each demo account opens in.
 */

const en = translator('en');
const fr = translator('fr');
const es = translator('es');
const SHOTS = '/tmp/shots';

describeJourney('browser: certificate PDFs', {}, (journey) => {
  let fontDir: string;

  beforeAll(async () => {
    fontDir = await mkdtemp(join(tmpdir(), 'pdf-fonts-browser-'));
    await mkdir(SHOTS, { recursive: true });
  });

  afterAll(async () => {
    delete process.env[FONT_DIR_ENV];
    clearFontCache();
    if (fontDir) await rm(fontDir, { recursive: true, force: true });
  });

  async function signedIn(email: string): Promise<Page> {
    const page = await journey.open();
    await signIn(page, journey.server.url, email, DEMO_PASSWORD);
    return page;
  }

  /** Clicks the first credential's PDF link and returns the downloaded file. */
  async function downloadFirstPdf(page: Page, label: string): Promise<Buffer> {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page
        .getByRole('link', { name: new RegExp(`^${label}`) })
        .first()
        .click(),
    ]);
    return readFile((await download.path())!);
  }

  test(
    'a PDF that cannot be produced shows a translated page; with the fonts back the same link downloads it',
    async () => {
      // The fonts are missing (an empty PDF_FONT_DIR) while the server runs.
      process.env[FONT_DIR_ENV] = fontDir;
      clearFontCache();
      const mohammed = await signedIn('mohammed.alahmad@example.org');
      await mohammed.goto(`${journey.server.url}/my/credentials`);
      expect(await mohammed.locator('html').getAttribute('lang')).toBe('fr');
      const pdfLink = mohammed.getByRole('link', {
        name: new RegExp(`^${fr.t('credential.web.download.pdf')}`),
      });
      await clickAndWait(mohammed, () => pdfLink.first().click());
      expect(new URL(mohammed.url()).pathname).toMatch(/^\/credentials\/[0-9a-f-]{36}\.pdf$/);
      expect(await textOf(mohammed.getByRole('heading', { level: 1 }))).toBe(fr.t('errorPage.title.503'));
      expect(await textOf(mohammed.locator('main'))).toContain(fr.t('errors.pdf_unavailable'));
      await expectNoAxeViolations(mohammed);
      await mohammed.screenshot({ path: `${SHOTS}/pdf-unavailable-fr.png`, fullPage: true });

      // The fonts are installed (linked into the directory): no restart, the same link gives the PDF.
      for (const spec of faceSpecs().filter((s) => s.required)) {
        const source = resolveFacePath(spec.id, {})!;
        await symlink(source, join(fontDir, basename(source)));
      }
      await mohammed.goBack();
      const pdf = await downloadFirstPdf(mohammed, fr.t('credential.web.download.pdf'));
      expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      if (pdfToolsAvailable) {
        const text = extractText(pdf);
        expect(text).toContain('محمد الأحمد');
        expect(text).toContain(fr.t('credential.pdf.heading.achievement'));
      }

      // With the packaged fonts (no PDF_FONT_DIR): an English speaker with a Chinese name.
      delete process.env[FONT_DIR_ENV];
      const wang = await signedIn('wang.fang@example.org');
      await wang.goto(`${journey.server.url}/my/credentials`);
      const hers = await downloadFirstPdf(wang, en.t('credential.web.download.pdf'));
      if (pdfToolsAvailable) {
        const text = extractText(hers);
        expect(text).toContain('王芳');
        expect(text).toContain(en.t('credential.pdf.heading.achievement'));
      }
    },
    JOURNEY_TIMEOUT_MS,
  );

  test(
    'the sign-in page names the demo accounts and the language each opens in, in the visitor’s language',
    async () => {
      const visitor = await journey.open('es-ES');
      await visitor.goto(`${journey.server.url}/sign-in`);
      const note = visitor.getByRole('complementary', { name: es.t('signIn.demoTitle') });
      const items = (await note.getByRole('listitem').allTextContents()).map((item) => item.trim());
      const language = (locale: 'en' | 'fr' | 'es') => es.t(`language.${locale}`);
      expect(items).toEqual([
        es.t('signIn.demoAccount', {
          role: es.t('role.administrator'),
          email: 'admin@example.org',
          language: language('fr'),
        }),
        es.t('signIn.demoAccount', {
          role: es.t('role.manager'),
          email: 'manager@example.org',
          language: language('es'),
        }),
        es.t('signIn.demoAccount', {
          role: es.t('role.facilitator'),
          email: 'facilitator@example.org',
          language: language('fr'),
        }),
        es.t('signIn.demoAccount', {
          role: es.t('role.assessor'),
          email: 'assessor@example.org',
          language: language('en'),
        }),
        es.t('signIn.demoAccount', {
          role: es.t('role.participant'),
          email: 'participant@example.org',
          language: language('en'),
        }),
      ]);
      await expectNoAxeViolations(visitor);
      await visitor.screenshot({ path: `${SHOTS}/sign-in-demo-es.png`, fullPage: true });
      // Signing in as the manager opens the platform in Spanish, as the note says.
      await visitor.getByLabel(es.t('field.email'), { exact: true }).fill('manager@example.org');
      await visitor.getByLabel(es.t('field.password'), { exact: true }).fill(DEMO_PASSWORD);
      await clickAndWait(visitor, () => visitor.getByRole('button', { name: es.t('signIn.submit') }).click());
      expect(await visitor.locator('html').getAttribute('lang')).toBe('es');
    },
    JOURNEY_TIMEOUT_MS,
  );
});
