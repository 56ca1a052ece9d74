import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import {
  clickAndWait,
  DEMO_PASSWORD,
  describeJourney,
  expectNoAxeViolations,
  JOURNEY_TIMEOUT_MS,
  signIn,
  textOf,
  uploadCv,
} from './browser-helpers.js';

const es = translator('es');
const MOTIVATION =
  'Coordino la inserción laboral de personas migrantes en Bogotá y quiero comprender mejor los acuerdos bilaterales, el reconocimiento de competencias y la contratación equitativa para mejorar nuestras políticas locales. '.repeat(
    2,
  );

describeJourney('browser: an applicant applies in Spanish', {}, (journey) => {
  async function open(): Promise<Page> {
    return journey.open();
  }

  const saveAndContinue = (page: Page) =>
    clickAndWait(page, () =>
      page.getByRole('button', { name: es.t('admissions.action.saveContinue') }).click(),
    );

  test(
    'fills the form step by step, saves a draft, comes back, uploads a CV and submits',
    async () => {
      const page = await open();
      await signIn(page, journey.server.url, 'maria.jose.perez@example.org', DEMO_PASSWORD);
      await page.goto(`${journey.server.url}/programmes/labour-migration`);
      await clickAndWait(page, () => page.getByRole('link', { name: es.t('admissions.apply.link') }).click());
      expect(new URL(page.url()).pathname).toBe('/programmes/labour-migration/apply');
      await expectNoAxeViolations(page);
      await clickAndWait(page, () =>
        page.getByRole('button', { name: es.t('admissions.apply.start') }).click(),
      );

      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(es.t('admissions.step.person'));
      await expectNoAxeViolations(page);
      await page.getByLabel(es.t('admissions.form.fullName')).fill('María José Pérez');
      await page.getByLabel(es.t('admissions.form.countryOfResidence')).selectOption('CO');
      await page.getByLabel(es.t('admissions.form.nationality')).selectOption('CO');
      await page.getByLabel(es.t('admissions.form.sex')).selectOption('prefer-not-to-say');
      await saveAndContinue(page);

      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(es.t('admissions.step.work'));
      await expectNoAxeViolations(page);
      await page.getByLabel(es.t('admissions.form.constituency')).selectOption('ngo');
      await page.getByLabel(es.t('admissions.form.organisation')).fill('Fundación Migrar');
      await page.getByLabel(es.t('admissions.form.position'), { exact: true }).fill('Coordinadora');
      await page.getByLabel(es.t('admissions.form.yearsOfExperience')).fill('6');
      await saveAndContinue(page);

      await expectNoAxeViolations(page);
      await page.getByLabel(es.t('admissions.form.highestDegree')).selectOption('master');
      await page.getByLabel(es.t('admissions.form.fieldOfStudy')).selectOption('social-sciences');
      await page.getByLabel(es.t('admissions.form.language', { n: 1 }), { exact: true }).selectOption('es');
      await page.getByLabel(es.t('admissions.form.level', { n: 1 })).selectOption('native');
      await page.getByLabel(es.t('admissions.form.language', { n: 2 }), { exact: true }).selectOption('en');
      await page.getByLabel(es.t('admissions.form.level', { n: 2 })).selectOption('advanced');
      await saveAndContinue(page);

      // The counter follows the typing (a small script); the draft is saved and the applicant leaves.
      await expectNoAxeViolations(page);
      await page.getByLabel(es.t('admissions.form.motivation')).fill(MOTIVATION);
      const counter = page.locator('#motivation-counter');
      await expect
        .poll(() => textOf(counter))
        .toBe(es.t('admissions.form.counter', { count: [...MOTIVATION.trim()].length, min: 300, max: 3000 }));
      await clickAndWait(page, () =>
        page.getByRole('button', { name: es.t('admissions.action.saveDraft') }).click(),
      );
      expect(await textOf(page.getByRole('status'))).toBe(es.t('admissions.flash.saved'));
      await page.goto(`${journey.server.url}/`);

      // Back later, from "My applications".
      await clickAndWait(page, () =>
        page.getByRole('link', { name: es.t('admissions.nav.myApplications') }).click(),
      );
      await expectNoAxeViolations(page);
      expect(await textOf(page.getByRole('table'))).toContain(es.t('admissions.status.draft'));
      await clickAndWait(page, () =>
        page.getByRole('link', { name: es.t('admissions.my.continue') }).click(),
      );
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(es.t('admissions.step.documents'));
      await expectNoAxeViolations(page);

      await uploadCv(page, journey.server.dataDir, 'Hoja de vida.pdf');
      expect(await textOf(page.getByRole('status'))).toBe(es.t('admissions.flash.uploaded'));
      expect(await textOf(page.getByRole('main'))).toContain('Hoja de vida.pdf');

      await clickAndWait(page, () =>
        page.getByRole('link', { name: es.t('admissions.action.review') }).click(),
      );
      await expectNoAxeViolations(page);
      expect(await textOf(page.getByRole('main'))).toContain(es.t('admissions.eligibility.eligible'));
      await page.getByLabel(es.t('admissions.form.consent')).check();
      await clickAndWait(page, () =>
        page.getByRole('button', { name: es.t('admissions.action.submit') }).click(),
      );

      expect(await textOf(page.getByRole('status'))).toBe(es.t('admissions.flash.submitted'));
      await expectNoAxeViolations(page);
      const main = await textOf(page.getByRole('main'));
      expect(main).toContain(es.t('admissions.status.submitted'));
      expect(main).toContain(es.t('admissions.statusHint.submitted'));
    },
    JOURNEY_TIMEOUT_MS * 2,
  );
});
