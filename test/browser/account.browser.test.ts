import { randomBytes } from 'node:crypto';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import {
  clickAndWait,
  DEMO_PASSWORD,
  describeJourney,
  expectNoAxeViolations,
  JOURNEY_TIMEOUT_MS,
  readOutbox,
  textOf,
} from './browser-helpers.js';

const en = translator('en');
const fr = translator('fr');

describeJourney('browser: a visitor creates an account and signs in', {}, (journey) => {
  async function open(): Promise<Page> {
    return journey.open();
  }

  const footer = (page: Page) => page.getByRole('contentinfo');

  test(
    'signs up with a Cyrillic name, confirms by the emailed link, signs in and out',
    async () => {
      const name = 'Мария Иванова';
      const email = `maria.ivanova.${randomBytes(3).toString('hex')}@example.org`;
      const password = 'a long and memorable passphrase 2026';
      const page = await open();

      await page.goto(`${journey.server.url}/`);
      await expectNoAxeViolations(page);
      const mainNav = page.getByRole('navigation', { name: en.t('layout.mainNavigation') });
      await clickAndWait(page, () => mainNav.getByRole('link', { name: en.t('nav.signUp') }).click());
      expect(new URL(page.url()).pathname).toBe('/sign-up');
      await expectNoAxeViolations(page);

      // Every field found by its label: the accessible names are right.
      await page.getByLabel(en.t('field.fullName')).fill(name);
      await page.getByLabel(en.t('field.email')).fill(email);
      await page.getByLabel(en.t('field.password'), { exact: true }).fill(password);
      await page.getByLabel(en.t('field.preferredLocale')).selectOption({ label: en.t('language.fr') });
      await clickAndWait(page, () => page.getByRole('button', { name: en.t('signUp.submit') }).click());
      expect(new URL(page.url()).pathname).toBe('/sign-up/sent');
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(en.t('signUp.sentTitle'));
      await expectNoAxeViolations(page);

      // The confirmation email, in the language chosen, greets the person by their own name.
      const mail = await readOutbox(journey.server.dataDir, email, { linkPattern: /\/confirm-email\// });
      expect(mail.link, mail.text).toMatch(new RegExp(`^${journey.server.url}/confirm-email/[\\w-]+$`));
      expect(mail.text).toContain(fr.t('mail.greeting', { name }));
      expect(mail.raw).toMatch(/^Content-Language: fr$/m);

      // The confirmation page speaks the account's language (French), whatever the browser's.
      await page.goto(mail.link!);
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(fr.t('confirm.title'));
      await expectNoAxeViolations(page);

      await clickAndWait(page, () =>
        page
          .getByRole('main')
          .getByRole('link', { name: fr.t('nav.signIn') })
          .click(),
      );
      expect(new URL(page.url()).pathname).toBe('/sign-in');
      await expectNoAxeViolations(page);
      // The confirmed account's language stays with this browser for the sign-in page.
      const signInLang = (await page.locator('html').getAttribute('lang')) === 'fr' ? fr : en;
      await page.getByLabel(signInLang.t('field.email')).fill(email);
      await page.getByLabel(signInLang.t('field.password')).fill(password);
      await clickAndWait(page, () =>
        page.getByRole('button', { name: signInLang.t('signIn.submit') }).click(),
      );

      // Signed in: the interface follows the preferred language; the footer names the person.
      expect(await page.locator('html').getAttribute('lang')).toBe('fr');
      expect(await textOf(page.getByRole('status'))).toBe(fr.t('flash.signedIn'));
      expect(await textOf(footer(page))).toContain(fr.t('layout.signedInAs', { name }));
      await expectNoAxeViolations(page);

      const nav = page.getByRole('navigation', { name: fr.t('layout.mainNavigation') });
      await clickAndWait(page, () => nav.getByRole('link', { name: fr.t('nav.account') }).click());
      expect(new URL(page.url()).pathname).toBe('/account');
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(fr.t('account.title'));
      expect(await page.getByLabel(fr.t('field.fullName')).inputValue()).toBe(name);
      expect(await textOf(page.getByRole('main'))).toContain(email);
      await expectNoAxeViolations(page);

      await clickAndWait(page, () => nav.getByRole('button', { name: fr.t('nav.signOut') }).click());
      expect(new URL(page.url()).pathname).toBe('/');
      const lang = (await page.locator('html').getAttribute('lang')) === 'fr' ? fr : en;
      expect(await textOf(page.getByRole('status'))).toBe(lang.t('flash.signedOut'));
      expect(await textOf(footer(page))).not.toContain(name);
      expect(
        await page
          .getByRole('navigation', { name: lang.t('layout.mainNavigation') })
          .getByRole('link', { name: lang.t('nav.signIn') })
          .isVisible(),
      ).toBe(true);
      await expectNoAxeViolations(page);

      // Signed out for real: the account page asks to sign in again.
      await page.goto(`${journey.server.url}/account`);
      expect(new URL(page.url()).pathname).not.toBe('/account');
      expect(await textOf(page.locator('body'))).not.toContain(name);
    },
    JOURNEY_TIMEOUT_MS,
  );

  test(
    'a wrong password and an unknown address get the same generic message',
    async () => {
      const page = await open();
      const messages: string[] = [];
      for (const email of [
        'participant@example.org',
        `nobody-${randomBytes(3).toString('hex')}@example.org`,
      ]) {
        await page.goto(`${journey.server.url}/sign-in`);
        await page.getByLabel(en.t('field.email')).fill(email);
        await page.getByLabel(en.t('field.password')).fill(`not-${DEMO_PASSWORD}`);
        await clickAndWait(page, () => page.getByRole('button', { name: en.t('signIn.submit') }).click());
        expect(new URL(page.url()).pathname).toBe('/sign-in');
        const alert = page.getByRole('alert');
        messages.push(await textOf(alert));
        // The address typed is kept; the password is not echoed back.
        expect(await page.getByLabel(en.t('field.email')).inputValue()).toBe(email);
        expect(await page.getByLabel(en.t('field.password')).inputValue()).toBe('');
        expect(await textOf(footer(page))).not.toContain(en.t('layout.signedInAs', { name: '' }).trim());
        await expectNoAxeViolations(page);
      }
      expect(messages).toEqual([en.t('errors.invalid_credentials'), en.t('errors.invalid_credentials')]);
    },
    JOURNEY_TIMEOUT_MS,
  );

  test(
    'keyboard only: the skip link is the first tab stop and moves focus to the main content',
    async () => {
      const page = await open();
      for (const path of ['/', '/courses', '/sign-up']) {
        await page.goto(`${journey.server.url}${path}`);
        await page.keyboard.press('Tab');
        const skip = page.locator(':focus');
        expect(await textOf(skip)).toBe(en.t('layout.skipToContent'));
        expect(await skip.getAttribute('href')).toBe('#main');
        // Visible when focused (it sits off-screen otherwise).
        const box = await skip.boundingBox();
        expect(box && box.x >= 0 && box.y >= 0 && box.width > 0).toBe(true);
        await expectNoAxeViolations(page);

        await page.keyboard.press('Enter');
        await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe('main');
        expect(new URL(page.url()).hash).toBe('#main');
        // The next Tab continues inside the main content, past the header's links.
        await page.keyboard.press('Tab');
        expect(
          await page.evaluate(() => Boolean(document.activeElement?.closest('main'))),
          `after the skip link on ${path}, Tab stays in main`,
        ).toBe(true);
      }
    },
    JOURNEY_TIMEOUT_MS,
  );
});
