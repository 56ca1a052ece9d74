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

const es = translator('es');
const en = translator('en');

describeJourney('browser: the committee reviews an application', {}, (journey) => {
  async function open(): Promise<Page> {
    return journey.open();
  }

  test(
    'a manager assigns a reviewer, the reviewer scores, the manager accepts and the applicant becomes a candidate',
    async () => {
      // The manager (Spanish) finds Valentina Rojas's application in the queue and assigns Hiroshi Tanaka.
      const manager = await open();
      await signIn(manager, journey.server.url, 'manager@example.org', DEMO_PASSWORD);
      await clickAndWait(manager, () =>
        manager.getByRole('link', { name: es.t('review.nav.applications'), exact: true }).click(),
      );
      expect(await textOf(manager.getByRole('heading', { level: 1 }))).toBe(es.t('review.queue.title'));
      await expectNoAxeViolations(manager);
      await manager.getByLabel(es.t('review.queue.status'), { exact: true }).selectOption('submitted');
      await clickAndWait(manager, () => manager.getByRole('button', { name: es.t('form.filter') }).click());
      await clickAndWait(manager, () => manager.getByRole('link', { name: 'Valentina Rojas' }).click());
      const applicationUrl = manager.url();
      await expectNoAxeViolations(manager);
      await manager
        .getByLabel(es.t('review.reviewers.choose'), { exact: true })
        .selectOption({ label: 'Hiroshi Tanaka' });
      await clickAndWait(manager, () =>
        manager.getByRole('button', { name: es.t('review.reviewers.assign') }).click(),
      );
      expect(await textOf(manager.getByRole('main'))).toContain(es.t('review.flash.assigned'));
      await manager
        .getByLabel(es.t('review.comments.body'), { exact: true })
        .fill('Buen perfil; revisar la carta.');
      await clickAndWait(manager, () =>
        manager.getByRole('button', { name: es.t('review.comments.add') }).click(),
      );
      await expectNoAxeViolations(manager);

      // The reviewer (English) sees it in "To review" and scores it.
      const reviewer = await open();
      await signIn(reviewer, journey.server.url, 'assessor@example.org', DEMO_PASSWORD);
      await clickAndWait(reviewer, () =>
        reviewer.getByRole('link', { name: en.t('review.nav.toReview') }).click(),
      );
      expect(await textOf(reviewer.getByRole('heading', { level: 1 }))).toBe(
        en.t('review.queue.reviewerTitle'),
      );
      await expectNoAxeViolations(reviewer);
      await clickAndWait(reviewer, () => reviewer.getByRole('link', { name: 'Valentina Rojas' }).click());
      expect(await textOf(reviewer.getByRole('main'))).toContain('Buen perfil; revisar la carta.');
      const criteria = reviewer.locator('input[type="number"][name^="scores."]');
      const count = await criteria.count();
      expect(count).toBeGreaterThan(0);
      for (let i = 0; i < count; i++) await criteria.nth(i).fill('4');
      await reviewer.getByLabel(en.t('review.scores.recommendation'), { exact: true }).selectOption('accept');
      await reviewer.getByLabel(en.t('review.scores.note'), { exact: true }).fill('Strong field experience.');
      await clickAndWait(reviewer, () =>
        reviewer.getByRole('button', { name: en.t('review.scores.save') }).click(),
      );
      expect(await textOf(reviewer.getByRole('main'))).toContain(en.t('review.flash.scored'));
      await expectNoAxeViolations(reviewer);

      // The manager sees the score and accepts, with a message: the applicant becomes a candidate.
      await manager.goto(applicationUrl);
      expect(await textOf(manager.getByRole('main'))).toContain('Strong field experience.');
      await manager.getByLabel(es.t('review.decision.choice.accept'), { exact: true }).check();
      await manager
        .getByLabel(es.t('review.decision.message'), { exact: true })
        .fill('¡Bienvenida al diploma!');
      await clickAndWait(manager, () =>
        manager.getByRole('button', { name: es.t('review.decision.submit') }).click(),
      );
      const main = await textOf(manager.getByRole('main'));
      expect(main).toContain(es.t('review.flash.decided'));
      expect(main).toContain(es.t('review.candidacy.created'));
      await expectNoAxeViolations(manager);
      await clickAndWait(manager, () =>
        manager.getByRole('link', { name: es.t('review.candidacy.link') }).click(),
      );
      expect(await textOf(manager.getByRole('heading', { level: 1 }))).toContain('Valentina Rojas');

      // The admission settings editor.
      await manager.goto(`${journey.server.url}/manage/programmes/labour-migration/admissions`);
      await expectNoAxeViolations(manager);
    },
    JOURNEY_TIMEOUT_MS * 2,
  );
});
