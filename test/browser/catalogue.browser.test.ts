import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import { pickLocalized } from '../../src/i18n/localized.js';
import { DEMO_COURSES } from '../../src/modules/catalogue/demo/demo-courses.js';
import { DEMO_THEMES } from '../../src/modules/programmes/demo/demo-programme.js';
import {
  clickAndWait,
  describeJourney,
  expectNoAxeViolations,
  JOURNEY_TIMEOUT_MS,
  textOf,
} from './browser-helpers.js';

const fr = translator('fr');
const THEME = 'development';
const themeNameFr = pickLocalized(DEMO_THEMES.find((t) => t.slug === THEME)!.name, 'fr').text;
/** The demo courses of the theme, as a French reader sees their titles (own language or marked fallback). */
const coursesOfTheme = DEMO_COURSES.filter((c) => c.themes.includes(THEME)).map((c) => ({
  code: c.code,
  title: pickLocalized(c.title, 'fr'),
}));

/** Largest transfer allowed for the first load of a catalogue page (the issue's budget). */
const FIRST_LOAD_BUDGET_BYTES = 50 * 1024;

describeJourney('browser: a visitor browses the catalogue in French', {}, (journey) => {
  async function open(options: { width?: number } = {}): Promise<Page> {
    return journey.open(options);
  }

  test(
    'switches to French, filters by theme, opens a course and an edition',
    async () => {
      const page = await open();
      await page.goto(`${journey.server.url}/`);
      await expect.poll(() => page.locator('html').getAttribute('lang')).toBe('en');
      await expectNoAxeViolations(page);

      // The language switcher keeps the visitor on the same page.
      const languages = page.getByRole('navigation', { name: 'Language' });
      await clickAndWait(page, () => languages.getByRole('link', { name: 'Français' }).click());
      expect(new URL(page.url()).pathname).toBe('/');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      await expect
        .poll(() =>
          page
            .getByRole('navigation', { name: fr.t('layout.languages') })
            .getByRole('link', { name: 'Français' })
            .getAttribute('aria-current'),
        )
        .toBe('true');
      await expectNoAxeViolations(page);

      // The catalogue, from the main navigation.
      const mainNav = page.getByRole('navigation', { name: fr.t('layout.mainNavigation') });
      await clickAndWait(page, () => mainNav.getByRole('link', { name: fr.t('nav.catalogue') }).click());
      expect(new URL(page.url()).pathname).toBe('/courses');
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(fr.t('catalogue.title'));
      await expectNoAxeViolations(page);

      // Filter by one theme: choose it in the select, submit the form.
      const filters = page.getByRole('search', { name: fr.t('catalogue.filters') });
      // The filters other than the text search are folded ("More filters"): results come first on phones.
      await filters.locator('details.more-filters > summary').click();
      await filters.getByLabel(fr.t('catalogue.theme'), { exact: true }).selectOption({ label: themeNameFr });
      await clickAndWait(page, () =>
        filters
          .getByRole('button', { name: fr.t('form.filter') })
          .first()
          .click(),
      );
      expect(new URL(page.url()).searchParams.get('theme')).toBe(THEME);
      expect(await filters.getByLabel(fr.t('catalogue.theme'), { exact: true }).inputValue()).toBe(THEME);
      expect(await textOf(page.getByRole('status').filter({ hasText: /cours/ }))).toBe(
        fr.t('catalogue.count', { count: coursesOfTheme.length }),
      );
      await expectNoAxeViolations(page);
      await page.screenshot({ path: '/tmp/shots/catalogue-fr.png', fullPage: true });

      // Only the courses of that theme, titled in French, or in English with the visible marker.
      const cards = page.locator('ol.course-list > li');
      const headings = await cards.getByRole('heading', { level: 2 }).allTextContents();
      expect(headings).toHaveLength(coursesOfTheme.length);
      for (const course of coursesOfTheme) {
        const heading = headings.find((h) => h.startsWith(course.title.text));
        expect(heading, `course ${course.code} is listed`).toBeDefined();
        if (course.title.isFallback) {
          expect(heading).toContain(`(en ${fr.t(`language.${course.title.lang}`)})`);
        } else {
          expect(heading).not.toContain('(en ');
        }
      }
      expect(headings).toContain('Académie sur les migrations de main-d’œuvre');
      // MALM exists in English only: its card says so, in French, and marks the language of the title.
      const malm = cards.filter({ hasText: 'MALM' });
      const malmTitle = malm.getByRole('heading', { level: 2 });
      expect(await textOf(malmTitle)).toBe('Measuring and Analysing Labour Migration (en anglais)');
      expect(await textOf(malmTitle.locator('[lang="en"]').first())).toContain('Measuring and Analysing');
      expect(await textOf(malmTitle.locator('small[lang="fr"]'))).toBe('(en anglais)');
      // Every card carries the chosen theme.
      for (const tags of await cards.locator('ul.tags').allTextContents()) {
        expect(tags).toContain(themeNameFr);
      }

      // A course page, then one of its editions.
      await clickAndWait(page, () => malm.getByRole('link', { name: /Measuring and Analysing/ }).click());
      expect(new URL(page.url()).pathname).toBe('/courses/MALM');
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(
        'Measuring and Analysing Labour Migration (en anglais)',
      );
      expect(await page.getByRole('link', { name: fr.t('catalogue.back') }).isVisible()).toBe(true);
      await expectNoAxeViolations(page);

      const upcoming = page.getByRole('table', { name: fr.t('course.upcomingEditions') });
      const editionLink = upcoming.getByRole('link').first();
      const dates = (await editionLink.textContent())?.trim() ?? '';
      expect(dates).toMatch(/2027/);
      await clickAndWait(page, () => editionLink.click());
      expect(new URL(page.url()).pathname).toMatch(/^\/editions\/[\w-]+$/);
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toContain('Measuring and Analysing');
      expect(await textOf(page.locator('main'))).toContain(dates);
      await expectNoAxeViolations(page);
    },
    JOURNEY_TIMEOUT_MS,
  );

  test(
    'the catalogue fits a 320 px wide screen without horizontal scrolling',
    async () => {
      const page = await open({ width: 320 });
      for (const path of ['/courses', `/courses?theme=${THEME}`, '/courses/MALM']) {
        await page.goto(`${journey.server.url}${path}`);
        const { scrollWidth, bodyScrollWidth } = await page.evaluate(() => ({
          scrollWidth: document.documentElement.scrollWidth,
          bodyScrollWidth: document.body.scrollWidth,
        }));
        expect(scrollWidth, `page width of ${path} at 320 px`).toBeLessThanOrEqual(322);
        expect(bodyScrollWidth, `body width of ${path} at 320 px`).toBeLessThanOrEqual(322);
        await expectNoAxeViolations(page);
      }
      await page.goto(`${journey.server.url}/lang/fr?next=/courses`);
      expect(new URL(page.url()).pathname).toBe('/courses');
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(322);
      await expectNoAxeViolations(page);
      await page.screenshot({ path: '/tmp/shots/catalogue-fr-320.png', fullPage: false });
    },
    JOURNEY_TIMEOUT_MS,
  );

  test(
    'the first load of the catalogue transfers less than 50 KB, with no JavaScript',
    async () => {
      const page = await open();
      const cdp = await page.context().newCDPSession(page);
      await cdp.send('Network.enable');
      await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
      const requests = new Map<string, { url: string; type: string; bytes: number; done: boolean }>();
      cdp.on('Network.requestWillBeSent', (event) => {
        if (event.request.url.startsWith('data:')) return;
        requests.set(event.requestId, {
          url: event.request.url,
          type: event.type ?? 'Other',
          bytes: 0,
          done: false,
        });
      });
      cdp.on('Network.loadingFinished', (event) => {
        const request = requests.get(event.requestId);
        if (request) Object.assign(request, { bytes: event.encodedDataLength, done: true });
      });
      cdp.on('Network.loadingFailed', (event) => {
        const request = requests.get(event.requestId);
        if (request) request.done = true;
      });

      await page.goto(`${journey.server.url}/courses`, { waitUntil: 'load' });
      const favicon = `${journey.server.url}/static/favicon.svg`;
      // The favicon is fetched after `load`: wait for it, then for every request to finish.
      await expect
        .poll(() => [...requests.values()].some((r) => r.url === favicon && r.done), { timeout: 10_000 })
        .toBe(true);
      await expect.poll(() => [...requests.values()].every((r) => r.done)).toBe(true);

      const loaded = [...requests.values()];
      const report = loaded.map((r) => `${r.type} ${r.url} ${r.bytes} B`).join('\n');
      expect(
        loaded.map((r) => new URL(r.url).pathname),
        report,
      ).toEqual(expect.arrayContaining(['/courses', '/static/site.css', '/static/favicon.svg']));
      expect(
        loaded.filter((r) => r.type === 'Script' || /\.m?js(\?|$)/.test(r.url)),
        'no JavaScript',
      ).toEqual([]);
      const total = loaded.reduce((sum, r) => sum + r.bytes, 0);
      console.info(`[budget] first load of /courses: ${total} bytes transferred\n${report}`);
      expect(total, report).toBeGreaterThan(1000);
      expect(total, report).toBeLessThan(FIRST_LOAD_BUDGET_BYTES);
      await expectNoAxeViolations(page);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
