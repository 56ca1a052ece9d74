import { readFile } from 'node:fs/promises';
import ICAL from 'ical.js';
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

/**
 * A webinar in the browser: a participant with a confirmed place in the demo's next Academy opens its space on
 * a phone-sized screen, sees the next webinars, opens the briefing (when the link opens, their own
 * attendance), and downloads "Add to calendar": a valid iCalendar file. axe on every page.
 */

const PARTICIPANT = 'carlos.nunez@example.org';
const PHONE = { width: 390, height: 844 };

describeJourney('browser: a webinar', {}, (journey) => {
  const check = (page: Page) => expectNoAxeViolations(page);

  test(
    'a participant opens a webinar item and adds it to their calendar',
    async () => {
      const phone = await journey.open(PHONE);
      await signIn(phone, journey.server.url, PARTICIPANT, DEMO_PASSWORD);
      await phone.goto(`${journey.server.url}/my/pathway`);
      const spacePath =
        (await phone.locator('#current-spaces ~ ul a[href^="/spaces/"]').first().getAttribute('href')) ?? '';
      expect(spacePath).toMatch(/^\/spaces\/[\w-]+$/);
      await phone.goto(`${journey.server.url}${spacePath}`);
      await check(phone);
      const locale = ((await phone.locator('html').getAttribute('lang')) ?? 'en') as 'en' | 'fr' | 'es';
      const t = translator(locale);
      expect(await textOf(phone.locator('#next-webinars-heading'))).toBe(t.t('webinars.home.next'));
      await clickAndWait(phone, () =>
        phone.locator('section[aria-labelledby="next-webinars-heading"] a').first().click(),
      );
      await check(phone);
      expect(await textOf(phone.locator('.webinar'))).toContain(t.t('webinars.item.opensAt'));
      expect(await textOf(phone.locator('.webinar'))).toContain(t.t('webinars.attendance.present'));
      const scrollWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
      const [download] = await Promise.all([
        phone.waitForEvent('download'),
        phone.getByRole('link', { name: t.t('webinars.item.addToCalendar') }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('webinar.ics');
      const text = await readFile((await download.path()) ?? '', 'utf8');
      const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents('vevent');
      expect(events).toHaveLength(1);
      expect(String(events[0]?.getFirstPropertyValue('summary'))).toContain('LMA');
    },
    JOURNEY_TIMEOUT_MS,
  );
});
