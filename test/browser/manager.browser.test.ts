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
} from './browser-helpers.js';

/** The demo manager (Lucía Fernández) reads the interface in Spanish. */
const es = translator('es');
const MANAGER = 'manager@example.org';
/** A course with no Spanish edition in the demo data: the new one is the only Spanish edition it has. */
const COURSE = 'MALM';
const COURSE_TITLE = 'Measuring and Analysing Labour Migration';

describeJourney('browser: a manager creates an edition and sees it in the catalogue', {}, (journey) => {
  async function open(): Promise<Page> {
    return journey.open();
  }

  /** The catalogue filtered by teaching language, through the filter form. */
  async function filterByLanguage(page: Page, languageLabel: string, t = es): Promise<void> {
    const filters = page.getByRole('search', { name: t.t('catalogue.filters') });
    // The filters other than the text search are folded ("More filters") until one is in use.
    const more = filters.locator('details.more-filters');
    if ((await more.getAttribute('open')) === null) await more.locator('summary').click();
    await filters
      .getByLabel(t.t('catalogue.language'), { exact: true })
      .selectOption({ label: languageLabel });
    await clickAndWait(page, () =>
      filters
        .getByRole('button', { name: t.t('form.filter') })
        .first()
        .click(),
    );
  }

  test(
    'an invalid edition gets errors next to its fields; a valid one is saved and listed in Spanish',
    async () => {
      const page = await open();
      await page.goto(`${journey.server.url}/sign-in`);
      await expectNoAxeViolations(page);
      await signIn(page, journey.server.url, MANAGER, DEMO_PASSWORD);
      expect(await page.locator('html').getAttribute('lang')).toBe('es');
      expect(await textOf(page.getByRole('status'))).toBe(es.t('flash.signedIn'));
      await expectNoAxeViolations(page);

      // Before: the course has no Spanish edition in the catalogue.
      await page.goto(`${journey.server.url}/courses`);
      await filterByLanguage(page, es.t('language.es'));
      expect(new URL(page.url()).searchParams.get('language')).toBe('es');
      expect(await page.locator('ol.course-list > li').filter({ hasText: COURSE }).count()).toBe(0);
      await expectNoAxeViolations(page);

      await page.goto(`${journey.server.url}/courses/${COURSE}`);
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toContain(COURSE_TITLE);
      await expectNoAxeViolations(page);
      await clickAndWait(page, () => page.getByRole('link', { name: es.t('edition.new') }).click());
      expect(new URL(page.url()).pathname).toBe(`/manage/courses/${COURSE}/editions/new`);
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(
        es.t('edition.newTitle', { course: COURSE_TITLE }),
      );
      await expectNoAxeViolations(page);

      const form = page.getByRole('main').locator('form[method="post"]').last();
      const selfPaced = form.getByRole('group', { name: es.t('edition.phase.selfPaced') });
      const live = form.getByRole('group', { name: es.t('edition.phase.live') });
      const field = (label: string) => form.getByLabel(label, { exact: true });

      // First an invalid form: the self-paced phase ends before it starts; registration closes after the end.
      await field(es.t('edition.language')).selectOption({ label: es.t('language.es') });
      await field(es.t('edition.mode')).selectOption({ label: es.t('mode.online') });
      await selfPaced.getByLabel(es.t('edition.startDate'), { exact: true }).fill('2027-09-20');
      await selfPaced.getByLabel(es.t('edition.endDate'), { exact: true }).fill('2027-09-06');
      await field(es.t('edition.deadline')).fill('2027-12-01');
      await clickAndWait(page, () => page.getByRole('button', { name: es.t('form.save') }).click());
      expect(new URL(page.url()).pathname).toBe(`/manage/courses/${COURSE}/editions/new`);

      // The summary at the top: an alert, focusable, each problem a link to its field.
      const summary = page.locator('.error-summary');
      expect(await summary.getAttribute('role')).toBe('alert');
      expect(await summary.getAttribute('tabindex')).toBe('-1');
      const problems = summary.getByRole('link');
      const hrefs = await problems.evaluateAll((links) => links.map((a) => a.getAttribute('href')));
      expect(hrefs).toEqual(expect.arrayContaining(['#field-selfPacedEnd', '#field-registrationDeadline']));
      expect(await textOf(summary.getByRole('heading'))).toBe(
        es.t('form.errorSummary', { count: hrefs.length }),
      );
      await summary.focus();
      expect(await page.evaluate(() => document.activeElement?.classList.contains('error-summary'))).toBe(
        true,
      );

      // Each error sits next to its field and is announced with it (aria-describedby, aria-invalid).
      const end = selfPaced.getByLabel(es.t('edition.endDate'), { exact: true });
      expect(await end.inputValue()).toBe('2027-09-06');
      expect(await end.getAttribute('aria-invalid')).toBe('true');
      expect(await end.getAttribute('aria-describedby')).toContain('error-selfPacedEnd');
      expect(await textOf(page.locator('#error-selfPacedEnd'))).toBe(es.t('validation.endBeforeStart'));
      expect(
        await page
          .locator('#error-selfPacedEnd')
          .evaluate((e) => e.parentElement?.querySelector('input')?.id),
      ).toBe('field-selfPacedEnd');
      const deadline = field(es.t('edition.deadline'));
      expect(await deadline.getAttribute('aria-invalid')).toBe('true');
      expect(await deadline.getAttribute('aria-describedby')).toContain('error-registrationDeadline');
      expect(await textOf(page.locator('#error-registrationDeadline'))).toBe(
        es.t('validation.deadlineAfterEnd'),
      );
      // What was entered is kept.
      expect(await field(es.t('edition.language')).inputValue()).toBe('es');
      expect(await selfPaced.getByLabel(es.t('edition.startDate'), { exact: true }).inputValue()).toBe(
        '2027-09-20',
      );
      await expectNoAxeViolations(page);
      await page.screenshot({ path: '/tmp/shots/edition-form-errors.png', fullPage: true });

      // Following a problem's link brings the keyboard to the field.
      await summary.getByRole('link', { name: es.t('validation.endBeforeStart') }).click();
      await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('field-selfPacedEnd');

      // Now a valid edition: Spanish, online, self-paced then live, in 2027.
      await selfPaced.getByLabel(es.t('edition.startDate'), { exact: true }).fill('2027-09-06');
      await selfPaced.getByLabel(es.t('edition.endDate'), { exact: true }).fill('2027-09-24');
      await live.getByLabel(es.t('edition.startDate'), { exact: true }).fill('2027-09-27');
      await live.getByLabel(es.t('edition.endDate'), { exact: true }).fill('2027-10-22');
      await field(es.t('edition.phase.assignment')).fill('2027-10-29');
      await field(es.t('edition.capacity')).fill('25');
      await field(es.t('edition.deadline')).fill('2027-08-20');
      expect(await field(es.t('edition.registrationOpen')).isChecked()).toBe(true);
      await clickAndWait(page, () => page.getByRole('button', { name: es.t('form.save') }).click());

      const editionPath = new URL(page.url()).pathname;
      expect(editionPath).toMatch(/^\/editions\/[\w-]+$/);
      expect(await textOf(page.getByRole('status'))).toBe(es.t('flash.editionCreated'));
      const dates = es.t('edition.dateRange', { start: es.date('2027-09-06'), end: es.date('2027-10-29') });
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toContain(COURSE_TITLE);
      const main = await textOf(page.getByRole('main'));
      expect(main).toContain(dates);
      expect(main).toContain(es.t('language.es'));
      expect(main).toContain(es.t('mode.online'));
      await expectNoAxeViolations(page);

      // The public catalogue, filtered by Spanish, now lists it (as the manager sees it) …
      await clickAndWait(page, () =>
        page
          .getByRole('navigation', { name: es.t('layout.mainNavigation') })
          .getByRole('link', { name: es.t('nav.catalogue') })
          .click(),
      );
      await filterByLanguage(page, es.t('language.es'));
      const card = page.locator('ol.course-list > li').filter({ hasText: COURSE });
      expect(await card.count()).toBe(1);
      const row = card.getByRole('row').filter({ hasText: dates });
      expect(await row.count()).toBe(1);
      expect(await textOf(row)).toContain(es.t('mode.online'));
      expect(await row.getByRole('link', { name: dates }).getAttribute('href')).toBe(editionPath);
      await expectNoAxeViolations(page);

      // … and so does an anonymous visitor's, who can open the edition.
      const visitor = await open();
      await visitor.goto(`${journey.server.url}/courses`);
      const en = translator('en');
      await filterByLanguage(visitor, en.t('language.es'), en);
      const publicCard = visitor.locator('ol.course-list > li').filter({ hasText: COURSE });
      expect(await publicCard.count()).toBe(1);
      const publicLink = publicCard.getByRole('link', { name: /2027/ }).filter({ hasText: /Sep/ });
      await expectNoAxeViolations(visitor);
      await clickAndWait(visitor, () => publicLink.first().click());
      expect(new URL(visitor.url()).pathname).toBe(editionPath);
      expect(await textOf(visitor.getByRole('main'))).toContain(en.t('language.es'));
      await expectNoAxeViolations(visitor);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
