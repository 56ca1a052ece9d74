import { randomBytes } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import { DEMO_PROGRAMME } from '../../src/modules/programmes/demo/demo-programme.js';
import {
  clickAndWait,
  DEMO_PASSWORD,
  describeJourney,
  expectNoAxeViolations,
  JOURNEY_TIMEOUT_MS,
  type OutboxMessage,
  readOutbox,
  signIn,
  textOf,
  uploadCv,
} from './browser-helpers.js';

/**
 * The "done means" journey of admissions and enrolment, end to end on a real server with its job runner:
 * a visitor signs up and applies in Spanish (with a PDF), saves a draft, leaves and comes back, submits;
 * a manager assigns a reviewer, the reviewer scores, the manager accepts; the applicant gets the decision
 * by email (the outbox) and on their page, in Spanish; as a candidate they ask for a place in the
 * Academy's next Spanish edition, a manager confirms it, and it shows in "My places". axe on every page.
 */

const es = translator('es');
const en = translator('en');
const SHOTS = '/tmp/shots';
const MOTIVATION =
  'Acompaño a trabajadoras agrícolas temporeras entre Perú y España y quiero entender mejor la contratación equitativa, los acuerdos bilaterales y el reconocimiento de competencias para mejorar nuestros programas. '.repeat(
    2,
  );
const PROGRAMME_ES = DEMO_PROGRAMME.title.es;

describeJourney(
  'browser: from application to a confirmed place, in Spanish',
  { jobRunner: true },
  (journey) => {
    beforeAll(async () => {
      await mkdir(SHOTS, { recursive: true });
    });

    async function open(locale = 'en-GB'): Promise<Page> {
      return journey.open({ locale });
    }

    /** Visits a page and checks it with axe (every page of the journey goes through here or `check`). */
    const check = async (page: Page) => expectNoAxeViolations(page);
    const go = async (page: Page, path: string) => {
      await page.goto(`${journey.server.url}${path}`);
      await check(page);
    };
    const click = (page: Page, name: string, role: 'link' | 'button' = 'link') =>
      clickAndWait(page, () => page.getByRole(role, { name, exact: true }).first().click());
    const h1 = (page: Page) => textOf(page.getByRole('heading', { level: 1 }));
    const main = (page: Page) => textOf(page.getByRole('main'));

    /** The newest message to `to` whose text contains `wanted` (the job runner sends it shortly after). */
    async function mailContaining(to: string, wanted: string): Promise<OutboxMessage> {
      const deadline = Date.now() + 20_000;
      for (;;) {
        const mail = await readOutbox(journey.server.dataDir, to, {
          linkPattern: /\/my\/applications\//,
          timeoutMs: 20_000,
        });
        if (mail.text.includes(wanted)) return mail;
        if (Date.now() > deadline)
          throw new Error(`no message to ${to} containing "${wanted}":\n${mail.text}`);
        await new Promise((resolve) => setTimeout(resolve, 200));
      }
    }

    async function signInEs(page: Page, email: string, password: string) {
      await page.goto(`${journey.server.url}/sign-in`);
      await check(page);
      await page.getByLabel(es.t('field.email'), { exact: true }).fill(email);
      await page.getByLabel(es.t('field.password'), { exact: true }).fill(password);
      await click(page, es.t('signIn.submit'), 'button');
    }

    test(
      'apply, review, accept, email, request a place, confirm',
      async () => {
        const name = 'Ximena Quispe Huamán';
        const email = `ximena.quispe.${randomBytes(3).toString('hex')}@example.org`;
        const password = 'una contraseña larga y fácil de recordar';

        // 1. A visitor whose browser speaks Spanish creates an account and confirms it by the emailed link.
        const applicant = await open('es-ES');
        await go(applicant, '/sign-up');
        expect(await applicant.locator('html').getAttribute('lang')).toBe('es');
        await applicant.getByLabel(es.t('field.fullName')).fill(name);
        await applicant.getByLabel(es.t('field.email')).fill(email);
        await applicant.getByLabel(es.t('field.password'), { exact: true }).fill(password);
        await applicant.getByLabel(es.t('field.preferredLocale')).selectOption('es');
        await click(applicant, es.t('signUp.submit'), 'button');
        expect(await h1(applicant)).toBe(es.t('signUp.sentTitle'));
        await check(applicant);
        const confirmation = await readOutbox(journey.server.dataDir, email, {
          linkPattern: /\/confirm-email\//,
          timeoutMs: 20_000,
        });
        await applicant.goto(confirmation.link!);
        await check(applicant);
        await signInEs(applicant, email, password);

        // 2. The application, step by step, in Spanish.
        await go(applicant, '/programmes/labour-migration');
        await click(applicant, es.t('admissions.apply.link'));
        await check(applicant);
        await click(applicant, es.t('admissions.apply.start'), 'button');
        const saveAndContinue = () => click(applicant, es.t('admissions.action.saveContinue'), 'button');
        expect(await h1(applicant)).toBe(es.t('admissions.step.person'));
        await check(applicant);
        await applicant.getByLabel(es.t('admissions.form.fullName')).fill(name);
        await applicant.getByLabel(es.t('admissions.form.countryOfResidence')).selectOption('PE');
        await applicant.getByLabel(es.t('admissions.form.nationality')).selectOption('PE');
        await applicant.getByLabel(es.t('admissions.form.sex')).selectOption('female');
        await saveAndContinue();
        await check(applicant);
        await applicant.getByLabel(es.t('admissions.form.constituency')).selectOption('ngo');
        await applicant.getByLabel(es.t('admissions.form.organisation')).fill('Asociación Manos Unidas');
        await applicant.getByLabel(es.t('admissions.form.position'), { exact: true }).fill('Coordinadora');
        await applicant.getByLabel(es.t('admissions.form.yearsOfExperience')).fill('7');
        await saveAndContinue();
        await check(applicant);
        await applicant.getByLabel(es.t('admissions.form.highestDegree')).selectOption('master');
        await applicant.getByLabel(es.t('admissions.form.fieldOfStudy')).selectOption('social-sciences');
        await applicant
          .getByLabel(es.t('admissions.form.language', { n: 1 }), { exact: true })
          .selectOption('es');
        await applicant.getByLabel(es.t('admissions.form.level', { n: 1 })).selectOption('native');
        await applicant
          .getByLabel(es.t('admissions.form.language', { n: 2 }), { exact: true })
          .selectOption('en');
        await applicant.getByLabel(es.t('admissions.form.level', { n: 2 })).selectOption('intermediate');
        await saveAndContinue();
        await check(applicant);
        await applicant.getByLabel(es.t('admissions.form.motivation')).fill(MOTIVATION);
        await click(applicant, es.t('admissions.action.saveDraft'), 'button');
        expect(await textOf(applicant.getByRole('status'))).toBe(es.t('admissions.flash.saved'));

        // 3. She signs out, comes back another day, and finds her draft where she left it.
        await click(applicant, es.t('nav.signOut'), 'button');
        await signInEs(applicant, email, password);
        await click(applicant, es.t('admissions.nav.myApplications'));
        await check(applicant);
        expect(await textOf(applicant.getByRole('table'))).toContain(es.t('admissions.status.draft'));
        await click(applicant, es.t('admissions.my.continue'));
        expect(await h1(applicant)).toBe(es.t('admissions.step.documents'));
        await check(applicant);

        // 4. The CV (a PDF), then the last step: eligible, consent, submit.
        await uploadCv(applicant, journey.server.dataDir, 'CV Ximena Quispe.pdf');
        expect(await textOf(applicant.getByRole('status'))).toBe(es.t('admissions.flash.uploaded'));
        expect(await main(applicant)).toContain('CV Ximena Quispe.pdf');
        await check(applicant);
        await click(applicant, es.t('admissions.action.review'));
        await check(applicant);
        expect(await main(applicant)).toContain(es.t('admissions.eligibility.eligible'));
        await applicant.getByLabel(es.t('admissions.form.consent')).check();
        await click(applicant, es.t('admissions.action.submit'), 'button');
        expect(await textOf(applicant.getByRole('status'))).toBe(es.t('admissions.flash.submitted'));
        await check(applicant);
        const applicationUrl = applicant.url();
        expect(await main(applicant)).toContain(es.t('admissions.status.submitted'));

        // 5. The manager (Spanish) assigns the English-speaking assessor.
        const manager = await open();
        await signIn(manager, journey.server.url, 'manager@example.org', DEMO_PASSWORD);
        await click(manager, es.t('review.nav.applications'));
        await check(manager);
        await manager.getByLabel(es.t('review.queue.status'), { exact: true }).selectOption('submitted');
        await click(manager, es.t('form.filter'), 'button');
        await click(manager, name);
        const staffUrl = manager.url();
        await check(manager);
        await manager
          .getByLabel(es.t('review.reviewers.choose'), { exact: true })
          .selectOption({ label: 'Hiroshi Tanaka' });
        await click(manager, es.t('review.reviewers.assign'), 'button');
        expect(await main(manager)).toContain(es.t('review.flash.assigned'));

        // 6. The assessor scores it from "To review".
        const reviewer = await open();
        await signIn(reviewer, journey.server.url, 'assessor@example.org', DEMO_PASSWORD);
        await click(reviewer, en.t('review.nav.toReview'));
        await check(reviewer);
        await click(reviewer, name);
        await check(reviewer);
        const criteria = reviewer.locator('input[type="number"][name^="scores."]');
        expect(await criteria.count()).toBeGreaterThan(0);
        for (let i = 0; i < (await criteria.count()); i++) await criteria.nth(i).fill('5');
        await reviewer
          .getByLabel(en.t('review.scores.recommendation'), { exact: true })
          .selectOption('accept');
        await reviewer
          .getByLabel(en.t('review.scores.note'), { exact: true })
          .fill('Excellent field experience.');
        await click(reviewer, en.t('review.scores.save'), 'button');
        expect(await main(reviewer)).toContain(en.t('review.flash.scored'));
        await check(reviewer);

        // 7. The manager sees the score and accepts, with a message in Spanish.
        await manager.goto(staffUrl);
        expect(await main(manager)).toContain('Excellent field experience.');
        await manager.getByLabel(es.t('review.decision.choice.accept'), { exact: true }).check();
        await manager
          .getByLabel(es.t('review.decision.message'), { exact: true })
          .fill('¡Bienvenida al diploma, Ximena!');
        await click(manager, es.t('review.decision.submit'), 'button');
        expect(await main(manager)).toContain(es.t('review.flash.decided'));
        expect(await main(manager)).toContain(es.t('review.candidacy.created'));
        await check(manager);

        // 8. The decision email, in Spanish, with the committee's message and a link to the application.
        const decidedBody = es.t('notifications.mail.applicationDecided.accept.body', {
          programme: PROGRAMME_ES,
        });
        const mail = await mailContaining(email, decidedBody);
        expect(mail.text).toContain(es.t('mail.greeting', { name }));
        expect(mail.text).toContain('¡Bienvenida al diploma, Ximena!');
        expect(mail.raw).toMatch(/^Content-Language: es$/m);
        expect(mail.link).toBe(applicationUrl);

        // 9. The decision page, in Spanish (reached from the email's link).
        await applicant.goto(mail.link!);
        await check(applicant);
        const decisionPage = await main(applicant);
        expect(decisionPage).toContain(es.t('admissions.status.accepted'));
        expect(decisionPage).toContain(es.t('admissions.statusHint.accepted'));
        expect(decisionPage).toContain('¡Bienvenida al diploma, Ximena!');
        await applicant.screenshot({ path: join(SHOTS, 'decision-es.png'), fullPage: true });

        // 10. As a candidate, she asks for a place in the Academy's next Spanish edition.
        await go(applicant, '/courses/LMA');
        const row = applicant
          .getByRole('row')
          .filter({ hasText: es.t('language.es') })
          .filter({ hasText: '2027' });
        await clickAndWait(applicant, () => row.getByRole('link').first().click());
        await check(applicant);
        const editionId = new URL(applicant.url()).pathname.split('/')[2]!;
        const panel = applicant.getByRole('region', { name: es.t('places.panel.heading') });
        expect(await textOf(panel)).toContain(es.t('language.es'));
        expect(await textOf(panel)).toContain(es.t('places.panel.countsFor'));
        expect(await textOf(panel)).not.toContain(es.t('places.panel.notCandidate'));
        await applicant.screenshot({ path: join(SHOTS, 'edition-place-es.png'), fullPage: true });
        await panel.getByLabel(es.t('places.field.fundingKind')).selectOption('sponsor');
        await panel.getByLabel(es.t('places.field.fundingName')).fill('Ministerio de Trabajo del Perú');
        await click(applicant, es.t('places.action.request'), 'button');
        expect(new URL(applicant.url()).pathname).toBe('/my/places');
        expect(await textOf(applicant.getByRole('status'))).toBe(es.t('places.flash.requested'));
        expect(await main(applicant)).toContain(es.t('places.mine.requested'));
        await check(applicant);

        // 11. The manager confirms it on the edition's places page.
        await go(manager, `/editions/${editionId}`);
        await click(manager, es.t('places.manage.link'));
        await check(manager);
        const request = manager.getByRole('row').filter({ hasText: email });
        await clickAndWait(manager, () =>
          request.getByRole('button', { name: es.t('places.action.confirm'), exact: true }).click(),
        );
        expect(await main(manager)).toContain(es.t('places.flash.confirm'));
        await check(manager);
        await manager.screenshot({ path: join(SHOTS, 'manager-places-es.png'), fullPage: true });

        // 12. "My places" shows the confirmed place, with its funding.
        await click(applicant, es.t('places.my.title'));
        await check(applicant);
        const mine = applicant.getByRole('row').filter({ hasText: es.t('places.mine.enrolled') });
        expect(await textOf(mine)).toContain('Ministerio de Trabajo del Perú');
        await applicant.screenshot({ path: join(SHOTS, 'my-places-es.png'), fullPage: true });
      },
      JOURNEY_TIMEOUT_MS * 6,
    );
  },
);
