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
 * Course results in the browser: the demo Academy's facilitator (French) goes from the space to the
 * gradebook, sets the result policy (a bad pass mark first: the French message next to the field), and a
 * participant (Spanish) reads the formula and what they still need. axe on every page.
 */

const fr = translator('fr');
const es = translator('es');
const FACILITATOR = 'facilitator@example.org';
const PARTICIPANT = 'carlos.nunez@example.org';

describeJourney('browser: course results', {}, (journey) => {
  const check = (page: Page) => expectNoAxeViolations(page);

  test(
    'a facilitator sets the result policy from the gradebook; a participant reads what they still need',
    async () => {
      const phone = await journey.open({ width: 390, height: 844 });
      await signIn(phone, journey.server.url, PARTICIPANT, DEMO_PASSWORD);
      await phone.goto(`${journey.server.url}/my/pathway`);
      const spacePath =
        (await phone.locator('#current-spaces ~ ul a[href^="/spaces/"]').first().getAttribute('href')) ?? '';
      expect(spacePath).toMatch(/^\/spaces\/[\w-]+$/);
      const resultsPath = spacePath.replace('/spaces/', '/results/');

      const staff = await journey.open();
      await signIn(staff, journey.server.url, FACILITATOR, DEMO_PASSWORD);
      await staff.goto(`${journey.server.url}${spacePath}`);
      await clickAndWait(staff, () => staff.locator(`a[href="${resultsPath}"]`).first().click());
      expect(await textOf(staff.getByRole('heading', { level: 1 }))).toBe(fr.t('results.book.title'));
      await check(staff);
      await clickAndWait(staff, () => staff.locator(`a[href="${resultsPath}/policy"]`).first().click());
      await check(staff);
      await staff.getByLabel(fr.t('results.policy.passMark')).fill('60,555');
      const firstWeight = staff.getByLabel(fr.t('results.policy.weight')).first();
      await firstWeight.fill('1');
      await clickAndWait(staff, () =>
        staff.getByRole('button', { name: fr.t('results.policy.save') }).click(),
      );
      expect(await textOf(staff.locator('#error-passMark'))).toBe(fr.t('results.error.percentage'));
      await check(staff);
      await staff.getByLabel(fr.t('results.policy.passMark')).fill('60');
      await staff.getByLabel(fr.t('results.policy.cutoff')).first().fill('2099-12-31');
      await clickAndWait(staff, () =>
        staff.getByRole('button', { name: fr.t('results.policy.save') }).click(),
      );
      expect(await textOf(staff.locator('.flash'))).toBe(fr.t('results.policy.saved'));
      await check(staff);

      await phone.goto(`${journey.server.url}${resultsPath}/mine`);
      expect(await textOf(phone.getByRole('heading', { level: 1 }))).toBe(es.t('results.mine.title'));
      expect(await phone.getByRole('heading', { name: es.t('results.mine.stillNeed') }).count()).toBe(1);
      await check(phone);
    },
    2 * JOURNEY_TIMEOUT_MS,
  );
});
