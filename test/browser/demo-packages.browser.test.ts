import { expect, test } from 'vitest';
import { createDeps } from '../../src/bootstrap.js';
import { translator } from '../../src/i18n/i18n.js';
import { findEditionIdByCode } from '../../src/modules/catalogue/find-ids.js';
import { findUserByEmail } from '../../src/modules/identity/users.repository.js';
import { DEMO_SPACE_EDITION } from '../../src/modules/spaces/demo/seed-spaces.js';
import { DEMO_PASSWORD, describeJourney, JOURNEY_TIMEOUT_MS, signIn, textOf } from './browser-helpers.js';

/**
 * The demo Academy's packages in the browser, as Carlos (a demo participant of A9012027) meets them: the
 * SCORM quiz in the sandboxed player (answers chosen, score committed: passed), and the cmi5 unit, whose page
 * fetches its token, reads its launch data and sends its statements to the LRS from its opaque origin; once
 * done, its space item is complete.
 */

// Carlos reads the platform in Spanish (his preferred language); the browser (the quiz) is in English.
const es = translator('es');
const CARLOS = 'carlos.nunez@example.org';

describeJourney("browser: the demo space's SCORM quiz and cmi5 unit", {}, (journey) => {
  test(
    'a participant passes the quiz and completes the cmi5 unit',
    async () => {
      const deps = await createDeps(journey.server.config);
      let packages: { id: string; item_id: string | null }[];
      let carlosId: string;
      try {
        const editionId = (await findEditionIdByCode(deps.db, deps, DEMO_SPACE_EDITION))!;
        packages = await deps.db
          .selectFrom('packages')
          .select(['id', 'item_id'])
          .where('edition_id', '=', editionId)
          .orderBy('created_at')
          .execute();
        carlosId = (await findUserByEmail(deps.db, CARLOS))!.id;
      } finally {
        await deps.close();
      }
      const [quiz, unit] = packages;
      expect(quiz && unit).toBeTruthy();
      const page = await journey.open({ width: 390, height: 844, locale: 'en-GB' });
      await signIn(page, journey.server.url, CARLOS, DEMO_PASSWORD);

      // The quiz: three questions in the browser's language; all right is 100 %, passed.
      await page.goto(`${journey.server.url}/packages/${quiz!.id}/scos/0/launch`);
      const frame = page.frameLocator('#sco-frame');
      await frame.getByLabel('Labour force surveys').check({ timeout: 30_000 });
      await frame.getByLabel('the flows of people admitted to work').check();
      await frame.getByLabel('Women and men migrate into different sectors and face different risks').check();
      await frame.getByRole('button', { name: 'Check my answers' }).click();
      await frame.getByText('Your score: 100 %. Passed.').waitFor({ timeout: 30_000 });
      let shown = '';
      const passed = es.t('packages.status.passed').toLowerCase();
      for (let i = 0; i < 20 && !shown.toLowerCase().includes(passed); i++) {
        await page.waitForTimeout(250);
        await page.goto(`${journey.server.url}/packages/${quiz!.id}`);
        shown = await textOf(page.getByRole('main'));
      }
      expect(shown.toLowerCase()).toContain(passed);

      // The cmi5 unit: its page connects to the LRS, then records "completed" when the reader confirms.
      await page.goto(`${journey.server.url}/packages/${unit!.id}/scos/0/launch`);
      const done = page.getByRole('button', { name: 'I have read this unit' });
      await expect.poll(() => done.isEnabled(), { timeout: 30_000 }).toBe(true);
      await done.click();
      await page.getByText('Recorded: completed.').waitFor({ timeout: 30_000 });
      await page.goto(`${journey.server.url}/packages/${unit!.id}`);
      const check = await createDeps(journey.server.config);
      try {
        const progress = await check.db
          .selectFrom('space_item_progress')
          .select('completed_at')
          .where('item_id', '=', unit!.item_id!)
          .where('user_id', '=', carlosId)
          .executeTakeFirst();
        expect(progress?.completed_at).toBeTruthy();
      } finally {
        await check.close();
      }
    },
    JOURNEY_TIMEOUT_MS,
  );
});
