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
 * A course space in the browser: the demo Academy's facilitator (French) adds a section and a page in
 * French; a participant with a confirmed place opens the space on a phone-sized screen, sees what to do
 * now, reads the new page and marks it done; the facilitator's progress grid shows it. axe on every page.
 */

const fr = translator('fr');
const FACILITATOR = 'facilitator@example.org';
const PARTICIPANT = 'carlos.nunez@example.org';
const PHONE = { width: 390, height: 844 };

describeJourney('browser: a course space', {}, (journey) => {
  const check = (page: Page) => expectNoAxeViolations(page);
  const click = (page: Page, name: string, role: 'link' | 'button' = 'link') =>
    clickAndWait(page, () => page.getByRole(role, { name, exact: true }).first().click());

  test(
    'a facilitator builds a French page, a participant on a phone reads it and marks it done, the grid shows it',
    async () => {
      // The participant's dashboard links to the space of their current edition.
      const phone = await journey.open(PHONE);
      await signIn(phone, journey.server.url, PARTICIPANT, DEMO_PASSWORD);
      await phone.goto(`${journey.server.url}/my/pathway`);
      await check(phone);
      const spaceLink = phone.locator('#current-spaces ~ ul a[href^="/spaces/"]').first();
      const spacePath = (await spaceLink.getAttribute('href')) ?? '';
      expect(spacePath).toMatch(/^\/spaces\/[\w-]+$/);

      // The facilitator (French) adds a section and a page written in French.
      const staff = await journey.open();
      await signIn(staff, journey.server.url, FACILITATOR, DEMO_PASSWORD);
      await staff.goto(`${journey.server.url}${spacePath}/build`);
      await check(staff);
      const addSection = staff.locator(`form[action="${spacePath}/build/sections"]`);
      await addSection
        .getByLabel(fr.t('spaces.build.sectionTitle', { language: fr.t('spaces.language.fr') }))
        .fill('Semaine de révision');
      await addSection.getByLabel(fr.t('spaces.build.phase')).selectOption('residential');
      await clickAndWait(staff, () => addSection.getByRole('button').click());
      await check(staff);
      await click(staff, fr.t('spaces.kind.page'));
      const section = staff.getByLabel(fr.t('spaces.build.section'));
      const sections = await section.locator('option').allTextContents();
      await section.selectOption({ label: sections.at(-1) ?? '' });
      await check(staff);
      await staff
        .getByLabel(fr.t('spaces.build.itemTitle', { language: fr.t('spaces.language.fr') }))
        .fill('Synthèse des politiques');
      await staff
        .getByLabel(fr.t('spaces.language.fr'), { exact: true })
        .fill('# Synthèse\n\nLes **accords bilatéraux** protègent mieux quand les syndicats y participent.');
      await click(staff, fr.t('form.save'), 'button');
      expect(await textOf(staff.getByRole('heading', { level: 1 }))).toBe('Synthèse des politiques');
      await check(staff);
      const itemPath = new URL(staff.url()).pathname;

      // The participant, on the phone: what to do now, then the new page, marked as done.
      const es = translator('es');
      await phone.goto(`${journey.server.url}${spacePath}`);
      await check(phone);
      expect(await textOf(phone.locator('#now-heading'))).toBe(es.t('spaces.home.now'));
      const scrollWidth = await phone.evaluate(() => document.documentElement.scrollWidth);
      expect(scrollWidth).toBeLessThanOrEqual(PHONE.width);
      await clickAndWait(phone, () => phone.locator(`a[href="${itemPath}"]`).first().click());
      await check(phone);
      expect(await textOf(phone.locator('.prose strong'))).toBe('accords bilatéraux');
      await click(phone, es.t('spaces.item.markDone'), 'button');
      expect(await textOf(phone.locator('.flash'))).toBe(es.t('spaces.flash.markedDone'));
      await check(phone);

      // The facilitator's progress grid shows it.
      await staff.goto(`${journey.server.url}${spacePath}/progress?q=carlos`);
      await check(staff);
      const row = staff.getByRole('row').filter({ hasText: 'Carlos' });
      const header = await staff.getByRole('columnheader').allTextContents();
      const column = header.findIndex((h) => h.includes('Synthèse des politiques'));
      expect(column).toBeGreaterThan(0);
      const cell = row.locator('th, td').nth(column);
      expect(await textOf(cell)).toContain(fr.t('spaces.grid.state.done'));
    },
    // Two people, eleven pages each checked by axe: longer than a one-person journey on the shared machine.
    2 * JOURNEY_TIMEOUT_MS,
  );
});
