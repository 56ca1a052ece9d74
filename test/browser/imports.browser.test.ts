import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import { importCsv } from '../helpers/import-helpers.js';
import {
  clickAndWait,
  DEMO_PASSWORD,
  describeJourney,
  expectNoAxeViolations,
  JOURNEY_TIMEOUT_MS,
  signIn,
  textOf,
} from './browser-helpers.js';

/** The demo manager (Lucía Fernández) reads the interface in Spanish. */
const es = translator('es');
const MANAGER = 'manager@example.org';
/** A demo candidate registered in 2026 with no result yet. */
const CANDIDATE = 'carlos.nunez@example.org';

describeJourney('browser: a manager imports results from a CSV file', {}, (journey) => {
  async function open(): Promise<Page> {
    return journey.open();
  }

  async function upload(page: Page, name: string, csv: string): Promise<void> {
    await page.goto(`${journey.server.url}/manage/imports/new`);
    await page
      .getByLabel(es.t('imports.new.file'), { exact: true })
      .setInputFiles({ name, mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await clickAndWait(page, () => page.getByRole('button', { name: es.t('imports.new.submit') }).click());
  }

  async function academyState(): Promise<string | null> {
    const page = await open();
    await signIn(page, journey.server.url, CANDIDATE, DEMO_PASSWORD);
    await page.goto(`${journey.server.url}/my/pathway`);
    return page.locator('ol.checklist > li').first().getAttribute('class');
  }

  test(
    'a file with a problem is refused row by row; the corrected one is previewed, committed, and counts',
    async () => {
      expect(await academyState()).not.toContain('met');
      const page = await open();
      await signIn(page, journey.server.url, MANAGER, DEMO_PASSWORD);
      await page.goto(`${journey.server.url}/manage/imports/new`);
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(es.t('imports.new.title'));
      await expectNoAxeViolations(page);

      const legacy = {
        email: CANDIDATE,
        course: 'LMA',
        outcome: 'Certificado de aprovechamiento',
        started_on: '2025-01-06',
        completed_on: '2025-03-01',
        reference: 'ITC-2025-7',
      };
      await upload(page, 'antiguos.csv', importCsv([legacy, { ...legacy, email: 'nadie@example.org' }]));
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(
        es.t('imports.page.title', { file: 'antiguos.csv' }),
      );
      expect(await textOf(page.locator('main'))).toContain(es.t('validation.unknownPerson'));
      expect(await page.getByRole('button', { name: /Registrar/ }).count()).toBe(0);
      await expectNoAxeViolations(page);

      await upload(page, 'antiguos.csv', importCsv([legacy]));
      await expectNoAxeViolations(page);
      await clickAndWait(page, () =>
        page.getByRole('button', { name: es.t('imports.page.commit', { count: 1 }) }).click(),
      );
      expect(await textOf(page.getByRole('status').first())).toBe(es.t('imports.flash.committed'));
      expect(await textOf(page.locator('main'))).toContain(es.t('imports.report.newResults', { count: 1 }));
      await expectNoAxeViolations(page);

      expect(await academyState()).toContain('met');
    },
    JOURNEY_TIMEOUT_MS,
  );
});
