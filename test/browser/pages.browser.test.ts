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

/** Issue 10, points 10, 11 and 13 in a browser: phones, French and Spanish pages (screenshots in /tmp). */

const fr = translator('fr');
const es = translator('es');
const PHONE = { width: 390, height: 844 };
const shot = (name: string) => `/tmp/pages-${name}.png`;

describeJourney('browser: the walk-through’s pages on phones, in French and Spanish', {}, (journey) => {
  test(
    'the catalogue on a phone shows results in the first screen, filters folded; tables scroll inside the page',
    async () => {
      const page = await journey.open({ ...PHONE, locale: 'fr-FR' });
      await page.goto(`${journey.server.url}/lang/fr?next=/courses`);
      const firstCourse = page.locator('.course-list > li').first();
      const box = await firstCourse.boundingBox();
      expect(box, 'a course is listed').not.toBeNull();
      expect(box!.y).toBeLessThan(PHONE.height);
      await expect(page.locator('details.more-filters').getAttribute('open')).resolves.toBeNull();
      // Nothing but a table's own scroller is wider than the screen.
      const pageWidth = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(pageWidth).toBeLessThanOrEqual(PHONE.width);
      await page.screenshot({ path: shot('catalogue-fr-phone'), fullPage: false });
      await expectNoAxeViolations(page);
      // Reversed dates: the page, the filters kept, the message.
      await page.goto(`${journey.server.url}/courses?from=2027-06-01&to=2027-01-01`);
      await expect(page.locator('#error-to').textContent()).resolves.toBe(
        fr.t('catalogue.error.reversedDates'),
      );
      await page.screenshot({ path: shot('catalogue-fr-reversed'), fullPage: false });
      await expectNoAxeViolations(page);
    },
    JOURNEY_TIMEOUT_MS,
  );

  test(
    'the application’s step numbers sit beside their labels, in Spanish on a phone',
    async () => {
      // Signed in, pages speak the account's language (María José: Spanish).
      const page = await journey.open({ ...PHONE, locale: 'en-GB' });
      await signIn(page, journey.server.url, 'maria.jose.perez@example.org', DEMO_PASSWORD);
      await page.goto(`${journey.server.url}/programmes/labour-migration/apply`);
      const start = page.getByRole('button', { name: es.t('admissions.apply.start') });
      if (await start.count()) await clickAndWait(page, () => start.click());
      else await page.goto(page.url());
      if (!page.url().includes('/steps/')) {
        const id = page.url().match(/applications\/([^/?#]+)/)?.[1];
        await page.goto(`${journey.server.url}/my/applications/${id}/steps/person`);
      }
      const steps = page.locator('ol.steps > li');
      expect(await steps.count()).toBeGreaterThan(3);
      // Each number is inside its own step's box, before its label: no step overlaps another.
      const boxes = await steps.evaluateAll((items) =>
        items.map((item) => {
          const r = item.getBoundingClientRect();
          return {
            left: r.left,
            right: r.right,
            top: r.top,
            bottom: r.bottom,
            marker: getComputedStyle(item, '::before').content,
          };
        }),
      );
      for (const [index, box] of boxes.entries()) {
        expect(box.marker).toContain('counter');
        expect(box.left).toBeGreaterThanOrEqual(0);
        for (const other of boxes.slice(index + 1)) {
          const overlaps =
            box.left < other.right &&
            other.left < box.right &&
            box.top < other.bottom &&
            other.top < box.bottom;
          expect(overlaps).toBe(false);
        }
      }
      await expect(page.locator('input[name="fullName"]').getAttribute('dir')).resolves.toBe('auto');
      await page.screenshot({ path: shot('application-steps-es-phone'), fullPage: false });
      await expectNoAxeViolations(page);
    },
    JOURNEY_TIMEOUT_MS,
  );

  test(
    'a facilitator finds "My classes"; a manager edits rules with a form (French pages)',
    async () => {
      const page = await journey.open({ locale: 'en-GB' });
      await signIn(page, journey.server.url, 'facilitator@example.org', DEMO_PASSWORD);
      await page.goto(`${journey.server.url}/lang/fr?next=/`);
      await clickAndWait(page, () =>
        page
          .getByRole('link', { name: fr.t('classes.my.title') })
          .first()
          .click(),
      );
      expect(new URL(page.url()).pathname).toBe('/my/classes');
      await page.screenshot({ path: shot('my-classes-fr'), fullPage: true });
      await expectNoAxeViolations(page);
      const manager = await journey.open({ locale: 'en-GB' });
      await signIn(manager, journey.server.url, 'manager@example.org', DEMO_PASSWORD);
      await manager.goto(`${journey.server.url}/manage/programmes/labour-migration/rules`);
      await clickAndWait(manager, () =>
        manager.getByRole('button', { name: es.t('rulesForm.previewButton') }).click(),
      );
      await expect(manager.locator('#rules-preview').isVisible()).resolves.toBe(true);
      await manager.screenshot({ path: shot('rules-preview-es'), fullPage: false });
      await expectNoAxeViolations(manager);
    },
    JOURNEY_TIMEOUT_MS,
  );
  test(
    '"Remove" asks first on a page of its own; "new confirmation link" pages (fresh and expired) pass axe',
    async () => {
      const page = await journey.open({ locale: 'en-GB' });
      await signIn(page, journey.server.url, 'maria.jose.perez@example.org', DEMO_PASSWORD);
      await page.goto(`${journey.server.url}/programmes/labour-migration/apply`);
      const start = page.getByRole('button', { name: es.t('admissions.apply.start') });
      if (await start.count()) await clickAndWait(page, () => start.click());
      const id = page.url().match(/applications\/([^/?#]+)/)?.[1];
      expect(id, 'an application of hers').toBeTruthy();
      await page.goto(`${journey.server.url}/my/applications/${id}/steps/documents`);
      await uploadCv(page, journey.server.dataDir, 'Curriculum.pdf');
      await clickAndWait(page, () =>
        page
          .getByRole('link', { name: es.t('admissions.documents.remove') })
          .first()
          .click(),
      );
      expect(new URL(page.url()).pathname).toMatch(/\/files\/[\w-]+\/delete$/);
      expect(await textOf(page.getByRole('heading', { level: 1 }))).toBe(es.t('admissions.removeFile.title'));
      expect(await textOf(page.getByRole('main'))).toContain('Curriculum.pdf');
      await page.screenshot({ path: shot('remove-file-es'), fullPage: false });
      await expectNoAxeViolations(page);
      // "Cancel" keeps the document.
      await clickAndWait(page, () =>
        page.getByRole('link', { name: es.t('admissions.removeFile.cancel') }).click(),
      );
      expect(await textOf(page.getByRole('main'))).toContain('Curriculum.pdf');

      const visitor = await journey.open({ locale: 'fr-FR' });
      await visitor.goto(`${journey.server.url}/lang/fr?next=/confirm-email/new`);
      expect(await textOf(visitor.getByRole('heading', { level: 1 }))).toBe(fr.t('newConfirmation.title'));
      await visitor.screenshot({ path: shot('new-confirmation-link-fr'), fullPage: false });
      await expectNoAxeViolations(visitor);
      // A link that no longer works leads to the same form, saying why.
      await visitor.goto(`${journey.server.url}/confirm-email/not-a-valid-token`);
      expect(await textOf(visitor.getByRole('heading', { level: 1 }))).toBe(
        fr.t('newConfirmation.expiredTitle'),
      );
      await expectNoAxeViolations(visitor);
      // Sent with an empty address: the error summary and the field's message pass axe too.
      await clickAndWait(visitor, () =>
        visitor.getByRole('button', { name: fr.t('newConfirmation.submit') }).click(),
      );
      await expect(visitor.locator('.error-summary').isVisible()).resolves.toBe(true);
      await expectNoAxeViolations(visitor);
    },
    JOURNEY_TIMEOUT_MS,
  );
});
