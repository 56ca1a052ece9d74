import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { createDeps } from '../../src/bootstrap.js';
import { translator } from '../../src/i18n/i18n.js';
import { systemActor } from '../../src/kernel/actor.js';
import { findUserByEmail } from '../../src/modules/identity/users.repository.js';
import { importPackage } from '../../src/modules/packages/import-package.js';
import { giveConfirmedPlace } from '../../src/modules/places/enrol-directly.js';
import { buildTestPackage } from '../helpers/test-packages.js';
import {
  DEMO_PASSWORD,
  describeJourney,
  expectNoAxeViolations,
  JOURNEY_TIMEOUT_MS,
  signIn,
  textOf,
} from './browser-helpers.js';

/**
 * A SCORM 1.2 package in the browser: a participant with a confirmed place opens the player on a phone-sized
 * screen; the SCO runs in a sandboxed frame (its own opaque origin), finds scorm-again's cross-frame API,
 * reports "passed" with 85; the commit reaches the server and the package page shows the result. axe on
 * the pages visited.
 */

const en = translator('en');
const PARTICIPANT = 'participant@example.org';

describeJourney('browser: a SCORM package runs sandboxed and its result is kept', {}, (journey) => {
  test(
    'a participant runs the package to passed',
    async () => {
      const deps = await createDeps(journey.server.config);
      let packageId: string;
      try {
        const edition = await deps.db
          .selectFrom('editions')
          .select('id')
          .orderBy('starts_on', 'desc')
          .executeTakeFirstOrThrow();
        const person = await findUserByEmail(deps.db, PARTICIPANT);
        if (!person) throw new Error('no demo participant');
        await giveConfirmedPlace(deps.db, deps, systemActor('test'), edition.id, {
          userId: person.id,
          fundingKind: 'self',
          fundingName: null,
        });
        ({ id: packageId } = await importPackage(deps.db, deps, systemActor('test'), {
          editionId: edition.id,
          bytes: buildTestPackage('scorm12-passing'),
        }));
      } finally {
        await deps.close();
      }
      const page: Page = await journey.open({ width: 390, height: 844, locale: 'en-GB' });
      await signIn(page, journey.server.url, PARTICIPANT, DEMO_PASSWORD);
      await page.goto(`${journey.server.url}/packages/${packageId}`);
      await expectNoAxeViolations(page);
      expect(await textOf(page.getByRole('main'))).toContain(en.t('packages.page.notStarted'));
      await page.goto(`${journey.server.url}/packages/${packageId}/scos/0/launch`);
      const frame = page.frameLocator('#sco-frame');
      await frame.getByText('Reported: passed (85)').waitFor({ timeout: 30_000 });
      // The frame's scripts run in an opaque origin: no access to the platform's cookies.
      const cookieInFrame = await page.frames()[1]?.evaluate(() => {
        try {
          return document.cookie;
        } catch (error) {
          return `blocked: ${(error as Error).name}`;
        }
      });
      expect(cookieInFrame).toMatch(/^blocked|^$/);
      await expectNoAxeViolations(page);
      let shown = '';
      for (let i = 0; i < 20 && !shown.includes(en.t('packages.status.passed')); i++) {
        await page.waitForTimeout(250);
        await page.goto(`${journey.server.url}/packages/${packageId}`);
        shown = await textOf(page.getByRole('status'));
      }
      expect(shown).toContain(
        en.t('packages.page.result', { number: 1, status: en.t('packages.status.passed') }),
      );
      expect(shown).toContain('85 %');
    },
    JOURNEY_TIMEOUT_MS,
  );
});
