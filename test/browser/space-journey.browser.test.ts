import { readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import { buildTestPackage } from '../helpers/test-packages.js';
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
 * Issue 12's whole journey: the demo Academy's facilitator (French) adds a webinar and uploads a SCORM
 * package from the space builder; a participant with a confirmed place (Spanish) follows on a phone-sized
 * screen: runs the package to "passed" and adds the webinar to their calendar; the facilitator imports the
 * attendance from a CSV file (preview, then all or nothing); the progress grid and the participant's
 * dashboard show it. axe on every page visited. Screenshots of the French builder and the Spanish phone pages
 * go to the temporary folder (space-journey-*.png) for a person to look at.
 */

const fr = translator('fr');
const es = translator('es');
const FACILITATOR = 'facilitator@example.org';
const PARTICIPANT = 'carlos.nunez@example.org';
const PHONE = { width: 390, height: 844 };

/** `YYYY-MM-DDTHH:mm` for a datetime-local field, `days` from today. */
function localInput(days: number, time: string): string {
  return `${new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10)}T${time}`;
}

async function dashboardProgress(page: Page, url: string): Promise<number> {
  await page.goto(`${url}/my/pathway`);
  return Number(await page.locator('#current-spaces ~ ul progress').first().getAttribute('value'));
}

describeJourney('browser: a course space from building to progress', {}, (journey) => {
  const check = (page: Page) => expectNoAxeViolations(page);
  const click = (page: Page, name: string, role: 'link' | 'button' = 'link') =>
    clickAndWait(page, () => page.getByRole(role, { name, exact: true }).first().click());

  test(
    'a facilitator builds a webinar and a SCORM package in French; a participant on a phone passes it and adds the webinar to the calendar; attendance imported; grid and dashboard show it',
    async () => {
      const url = journey.server.url;
      const phone = await journey.open(PHONE);
      await signIn(phone, url, PARTICIPANT, DEMO_PASSWORD);
      const before = await dashboardProgress(phone, url);
      await check(phone);
      const spacePath =
        (await phone.locator('#current-spaces ~ ul a[href^="/spaces/"]').first().getAttribute('href')) ?? '';
      expect(spacePath).toMatch(/^\/spaces\/[\w-]+$/);

      // The facilitator adds a webinar (an external link) that took place yesterday.
      const staff = await journey.open();
      await signIn(staff, url, FACILITATOR, DEMO_PASSWORD);
      await staff.goto(`${url}${spacePath}/build`);
      await check(staff);
      await staff.screenshot({ path: join(tmpdir(), 'space-journey-builder-fr.png'), fullPage: true });
      await click(staff, fr.t('webinars.kind.label'));
      await check(staff);
      await staff
        .getByLabel(fr.t('spaces.build.itemTitle', { language: fr.t('spaces.language.fr') }))
        .fill('Séance en direct : les accords bilatéraux');
      await staff.getByLabel(fr.t('webinars.build.startsAt')).fill(localInput(-1, '14:00'));
      await staff.getByLabel(fr.t('webinars.build.endsAt')).fill(localInput(-1, '15:30'));
      await staff.getByLabel(fr.t('webinars.build.provider')).selectOption('external');
      await staff.getByLabel(fr.t('webinars.build.url')).fill('https://meet.example.org/lma-bilateral');
      await click(staff, fr.t('form.save'), 'button');
      expect(await textOf(staff.getByRole('heading', { level: 1 }))).toBe(
        'Séance en direct : les accords bilatéraux',
      );
      await check(staff);
      const webinarPath = new URL(staff.url()).pathname;
      const webinarId = webinarPath.split('/').at(-1) ?? '';

      // …and uploads a SCORM 1.2 package through the builder's "Add a package" link.
      await staff.goto(`${url}${spacePath}/build`);
      await click(staff, fr.t('packages.kind.label'));
      await check(staff);
      await staff.locator('#file').setInputFiles({
        name: 'quiz.zip',
        mimeType: 'application/zip',
        buffer: Buffer.from(buildTestPackage('scorm12-passing')),
      });
      await click(staff, fr.t('packages.upload.submit'), 'button');
      await check(staff);
      const packagePath = new URL(staff.url()).pathname;
      expect(packagePath).toMatch(/^\/packages\/[\w-]+$/);

      // The participant, on the phone: the package runs in its sandbox and reports "passed".
      await phone.goto(`${url}${spacePath}`);
      await check(phone);
      expect(await textOf(phone.locator('#now-heading'))).toBe(es.t('spaces.home.now'));
      await phone.screenshot({ path: join(tmpdir(), 'space-journey-home-es.png'), fullPage: true });
      await phone.goto(`${url}${packagePath}`);
      await check(phone);
      await phone.goto(`${url}${packagePath}/scos/0/launch`);
      await phone.frameLocator('#sco-frame').getByText('Reported: passed (85)').waitFor({ timeout: 30_000 });
      let shown = '';
      for (let i = 0; i < 20 && !shown.includes(es.t('packages.status.passed')); i++) {
        await phone.waitForTimeout(250);
        await phone.goto(`${url}${packagePath}`);
        shown = await textOf(phone.getByRole('status'));
      }
      expect(shown).toContain(es.t('packages.status.passed'));

      // …opens the webinar and adds it to their calendar.
      await phone.goto(`${url}${webinarPath}`);
      await check(phone);
      await phone.screenshot({ path: join(tmpdir(), 'space-journey-webinar-es.png'), fullPage: true });
      const [download] = await Promise.all([
        phone.waitForEvent('download'),
        phone.getByRole('link', { name: es.t('webinars.item.addToCalendar') }).click(),
      ]);
      const calendar = await readFile((await download.path()) ?? '', 'utf8');
      const events = new ICAL.Component(ICAL.parse(calendar)).getAllSubcomponents('vevent');
      expect(events).toHaveLength(1);
      expect(String(events[0]?.getFirstPropertyValue('summary'))).toContain('accords bilatéraux');

      // The facilitator imports the attendance: a preview, then the import.
      await staff.goto(`${url}/webinars/${webinarId}/manage`);
      await check(staff);
      await staff.locator('#field-file').setInputFiles({
        name: 'presences.csv',
        mimeType: 'text/csv',
        buffer: Buffer.from(`email,attended\n${PARTICIPANT},oui\n`),
      });
      await click(staff, fr.t('webinars.manage.preview'), 'button');
      await check(staff);
      await click(staff, fr.t('webinars.preview.confirm'), 'button');
      await check(staff);

      // The progress grid shows the package and the webinar done for the participant.
      await staff.goto(`${url}${spacePath}/progress?q=carlos`);
      await check(staff);
      const header = await staff.getByRole('columnheader').allTextContents();
      const row = staff.getByRole('row').filter({ hasText: 'Carlos' });
      const webinarColumn = header.findIndex((h) => h.includes('accords bilatéraux'));
      expect(webinarColumn).toBeGreaterThan(0);
      expect(await textOf(row.locator('th, td').nth(webinarColumn))).toContain(
        fr.t('spaces.grid.state.done'),
      );
      const doneCells = await row.locator('td').allTextContents();
      expect(
        doneCells.filter((c) => c.includes(fr.t('spaces.grid.state.done'))).length,
      ).toBeGreaterThanOrEqual(2);

      // The participant's dashboard shows more progress than before.
      expect(await dashboardProgress(phone, url)).toBeGreaterThan(before);
      await check(phone);
    },
    3 * JOURNEY_TIMEOUT_MS,
  );
});
