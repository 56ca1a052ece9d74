import { join } from 'node:path';
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
  signIn,
  textOf,
} from './browser-helpers.js';

/**
 * Places in an edition, in the browser: a manager opens a small edition (2 places); two participants ask
 * and are confirmed, so it is full; the next two join the waiting list; one confirmed participant
 * withdraws and the first on the waiting list gets the place at once (My places, the bell, an email),
 * while the next moves up. axe on every page visited.
 */

const es = translator('es');
const en = translator('en');
const fr = translator('fr');
const COURSE = 'MALM';
const COURSE_TITLE = 'Measuring and Analysing Labour Migration';
const MANAGER = 'manager@example.org';
const FIRST = { email: 'sunita.gurung@example.org', name: 'सुनिता गुरुङ' };
const SECOND = { email: 'joseph.kamau@example.org', name: 'Joseph Kamau' };
/** French-speaking: the first on the waiting list. */
const THIRD = { email: 'koffi.yao@example.org', name: 'Koffi Yao' };
const FOURTH = { email: 'thandiwe.dlamini@example.org', name: 'Thandiwe Dlamini' };

/** The text of a message before its first placeholder (dates and titles are formatted in between). */
const prefixOf = (text: string) => text.split('\u0001')[0]!.trim();

describeJourney('browser: a full edition and its waiting list', { jobRunner: true }, (journey) => {
  async function signedIn(email: string): Promise<Page> {
    const page = await journey.open();
    await signIn(page, journey.server.url, email, DEMO_PASSWORD);
    return page;
  }

  const check = (page: Page) => expectNoAxeViolations(page);
  const go = async (page: Page, path: string) => {
    await page.goto(`${journey.server.url}${path}`);
    await check(page);
  };
  const click = (page: Page, name: string, role: 'link' | 'button' = 'link') =>
    clickAndWait(page, () => page.getByRole(role, { name, exact: true }).first().click());
  const main = (page: Page) => textOf(page.getByRole('main'));
  const myPlaceRow = (page: Page) =>
    page.getByRole('row').filter({ hasText: COURSE_TITLE }).filter({ hasText: '2027' });

  test(
    'fills up, the waiting list takes the next requests, and moves up when a place is withdrawn',
    async () => {
      // A manager (Spanish) opens a small English edition: 2 places.
      const manager = await signedIn(MANAGER);
      await go(manager, `/courses/${COURSE}`);
      await click(manager, es.t('edition.new'));
      await check(manager);
      const form = manager.getByRole('main').locator('form[method="post"]').last();
      const field = (label: string) => form.getByLabel(label, { exact: true });
      const selfPaced = form.getByRole('group', { name: es.t('edition.phase.selfPaced') });
      const live = form.getByRole('group', { name: es.t('edition.phase.live') });
      await field(es.t('edition.language')).selectOption('en');
      await field(es.t('edition.mode')).selectOption('online');
      await selfPaced.getByLabel(es.t('edition.startDate'), { exact: true }).fill('2027-09-06');
      await selfPaced.getByLabel(es.t('edition.endDate'), { exact: true }).fill('2027-09-24');
      await live.getByLabel(es.t('edition.startDate'), { exact: true }).fill('2027-09-27');
      await live.getByLabel(es.t('edition.endDate'), { exact: true }).fill('2027-10-22');
      await field(es.t('edition.phase.assignment')).fill('2027-10-29');
      await field(es.t('edition.capacity')).fill('2');
      await field(es.t('edition.deadline')).fill('2027-08-20');
      await click(manager, es.t('form.save'), 'button');
      const editionPath = new URL(manager.url()).pathname;
      expect(editionPath).toMatch(/^\/editions\/[\w-]+$/);
      await check(manager);

      // Two participants ask for a place: each request holds one.
      const first = await signedIn(FIRST.email);
      await go(first, editionPath);
      const panel = (page: Page, t = en) => page.getByRole('region', { name: t.t('places.panel.heading') });
      expect(await textOf(panel(first))).toContain(en.t('places.panel.placesLeft', { left: 2, capacity: 2 }));
      await click(first, en.t('places.action.request'), 'button');
      expect(await textOf(first.getByRole('status'))).toBe(en.t('places.flash.requested'));
      expect(await textOf(myPlaceRow(first))).toContain(en.t('places.mine.requested'));
      await check(first);

      const second = await signedIn(SECOND.email);
      await go(second, editionPath);
      await second.getByLabel(en.t('places.field.fundingKind')).selectOption('scholarship');
      await second.getByLabel(en.t('places.field.fundingName')).fill('Diploma Scholarship Fund');
      await click(second, en.t('places.action.request'), 'button');
      expect(await textOf(myPlaceRow(second))).toContain(en.t('places.mine.requested'));

      // The manager confirms both: the edition is full.
      await go(manager, editionPath);
      await click(manager, es.t('places.manage.link'));
      await check(manager);
      for (const person of [FIRST, SECOND]) {
        const row = manager.getByRole('row').filter({ hasText: person.email });
        await clickAndWait(manager, () =>
          row.getByRole('button', { name: es.t('places.action.confirm'), exact: true }).click(),
        );
        expect(await textOf(manager.getByRole('status'))).toBe(es.t('places.flash.confirm'));
      }
      expect(await main(manager)).toContain(es.t('places.panel.placesLeft', { left: 0, capacity: 2 }));
      await check(manager);

      // The next two are offered the waiting list, first come, first served.
      const third = await signedIn(THIRD.email);
      expect(await third.locator('html').getAttribute('lang')).toBe('fr');
      await go(third, editionPath);
      expect(await textOf(panel(third, fr))).toContain(fr.t('places.panel.fullNotice'));
      await click(third, fr.t('places.action.joinWaitingList'), 'button');
      expect(await textOf(third.getByRole('status'))).toBe(fr.t('places.flash.waitlisted'));
      expect(await textOf(myPlaceRow(third))).toContain(fr.t('places.mine.waitlisted', { position: 1 }));
      await check(third);

      const fourth = await signedIn(FOURTH.email);
      await go(fourth, editionPath);
      expect(await textOf(panel(fourth))).toContain(en.t('places.panel.waiting', { count: 1 }));
      await click(fourth, en.t('places.action.joinWaitingList'), 'button');
      expect(await textOf(myPlaceRow(fourth))).toContain(en.t('places.mine.waitlisted', { position: 2 }));

      await manager.reload();
      expect(await textOf(manager.getByRole('main'))).toContain(
        es.t('places.manage.section', { name: es.t('places.manage.waiting'), count: 2 }),
      );
      await check(manager);

      // The first participant withdraws from "My places" (before the start).
      await go(first, '/my/places');
      await clickAndWait(first, () =>
        myPlaceRow(first)
          .getByRole('button', { name: en.t('places.action.withdraw'), exact: true })
          .click(),
      );
      expect(await textOf(first.getByRole('status'))).toBe(en.t('places.flash.withdrawn'));
      expect(await textOf(myPlaceRow(first))).toContain(en.t('places.mine.withdrawn'));
      await check(first);

      // The first on the waiting list has the place at once: My places, the bell and the list, an email.
      await go(third, '/my/places');
      expect(await textOf(myPlaceRow(third))).toContain(fr.t('places.mine.enrolled'));
      const nav = third.getByRole('navigation', { name: fr.t('layout.mainNavigation') });
      const bell = nav.getByRole('link', { name: /^Notifications/ });
      expect(await textOf(bell)).not.toBe(fr.t('notifications.bell', { count: 0 }));
      await clickAndWait(third, () => bell.click());
      await check(third);
      const freed = prefixOf(
        fr.t('notifications.text.placeConfirmedFromWaitingList', { course: '\u0001', date: '\u0001' }),
      );
      const list = third.getByRole('list', { name: fr.t('notifications.page.listLabel') });
      expect(await textOf(list.getByRole('listitem').first())).toContain(freed);
      expect(await textOf(list.getByRole('listitem').first())).toContain(COURSE_TITLE);
      await third.screenshot({ path: join('/tmp/shots', 'notifications-fr.png'), fullPage: true });
      const freedMail = prefixOf(
        fr.t('notifications.mail.placeConfirmedFromWaitingList.body', { course: '\u0001', date: '\u0001' }),
      );
      await expect
        .poll(async () => (await readOutbox(journey.server.dataDir, THIRD.email)).text, { timeout: 20_000 })
        .toContain(freedMail);
      expect((await readOutbox(journey.server.dataDir, THIRD.email)).raw).toMatch(/^Content-Language: fr$/m);

      // The next one moved up; the manager's page agrees.
      await go(fourth, '/my/places');
      expect(await textOf(myPlaceRow(fourth))).toContain(en.t('places.mine.waitlisted', { position: 1 }));
      await manager.reload();
      const confirmed = await main(manager);
      expect(confirmed).toContain(
        es.t('places.manage.section', { name: es.t('places.manage.confirmed'), count: 2 }),
      );
      expect(confirmed).toContain(
        es.t('places.manage.section', { name: es.t('places.manage.waiting'), count: 1 }),
      );
      expect(await textOf(manager.getByRole('row').filter({ hasText: THIRD.email }))).toContain(THIRD.name);
      await check(manager);
      await manager.screenshot({ path: join('/tmp/shots', 'manager-waiting-list-es.png'), fullPage: true });
    },
    JOURNEY_TIMEOUT_MS * 6,
  );
});
