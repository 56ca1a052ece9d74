import { mkdir, readFile } from 'node:fs/promises';
import type { Locator, Page } from 'playwright-core';
import { beforeAll, expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import { extractText, pdfToolsAvailable } from '../../src/modules/credentials/pdf/pdf-test-tools.js';
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
 * The credentials journey of issue 4, on the demo data with the background job runner on: the manager
 * (Lucía Fernández, who reads Spanish) records the demo participant's (Nguyễn Thị Lan) Certificate of
 * Achievement of the elective she lacked; the job runner issues it; she finds it under "My credentials",
 * downloads its PDF (her name in it) and a visitor opens its printed short link and reads "valid" in
 * French. Her pathway now complete, the manager passes her capstone and awards the diploma, which counts
 * that certificate; then revokes the certificate: its page says "revoked", and the diploma built on it
 * says "suspended", its component listed as revoked. axe-core runs on every page visited.
 */

const en = translator('en');
const fr = translator('fr');
const es = translator('es');
const PARTICIPANT = 'participant@example.org';
const PARTICIPANT_NAME = 'Nguyễn Thị Lan';
const MANAGER = 'manager@example.org';
/** The elective she lacks (SPMW) and its demo edition of 2025 (20 Oct – 28 Nov 2025). */
const ELECTIVE = 'SPMW';
const ELECTIVE_TITLE = 'Extending Social Protection to Migrant Workers, Refugees and their Families';
const EDITION_YEAR = '2025';
const EDITION_END = '2025-11-28';
const SHOTS = '/tmp/shots';

/** The same text with Unicode composed the same way (pdftotext may decompose Vietnamese letters). */
const composed = (text: string) => text.normalize('NFC');

describeJourney(
  'browser: certificates, the diploma, verification and revocation',
  { jobRunner: true },
  (journey) => {
    beforeAll(async () => {
      await mkdir(SHOTS, { recursive: true });
    });

    async function open(options: { width?: number; locale?: string } = {}): Promise<Page> {
      return journey.open(options);
    }

    /** The status word of a verification page. */
    async function verdict(page: Page): Promise<string> {
      return (await textOf(page.locator('#verdict-status'))).replace(/^[^\p{L}]+/u, '');
    }

    /** Asserts the page fits a 320 px wide screen (no horizontal scrolling). */
    async function expectFits320(page: Page): Promise<void> {
      await page.setViewportSize({ width: 320, height: 800 });
      const width = await page.evaluate(() => document.documentElement.scrollWidth);
      expect(width, `page width of ${page.url()} at 320 px`).toBeLessThanOrEqual(322);
      await expectNoAxeViolations(page);
      await page.setViewportSize({ width: 1280, height: 900 });
    }

    /** The manager records the participant's Certificate of Achievement on the elective's class list. */
    async function recordAchievement(manager: Page): Promise<void> {
      await manager.goto(`${journey.server.url}/courses/${ELECTIVE}`);
      const editionLink = manager.locator('a[href^="/editions/"]').filter({ hasText: EDITION_YEAR });
      await manager.goto(`${journey.server.url}${await editionLink.getAttribute('href')}`);
      await clickAndWait(manager, () =>
        manager.getByRole('link', { name: es.t('edition.classList') }).click(),
      );
      await expectNoAxeViolations(manager);
      const enrolForm = manager.locator('form[action$="/enrolments"]');
      await enrolForm.getByLabel(es.t('field.email'), { exact: true }).fill(PARTICIPANT);
      await clickAndWait(manager, () => enrolForm.getByRole('button', { name: es.t('class.enrol') }).click());
      const field = (key: string) =>
        manager.getByLabel(es.t(key, { name: PARTICIPANT_NAME }), { exact: true });
      await field('class.outcomeFor').selectOption('achievement');
      await field('class.gradeFor').fill('A');
      await field('class.dateFor').fill(EDITION_END);
      await clickAndWait(manager, () =>
        manager.getByRole('button', { name: es.t('class.saveResults') }).click(),
      );
      expect(await textOf(manager.getByRole('status'))).toBe(es.t('flash.resultsSaved'));
      await expectNoAxeViolations(manager);
    }

    /** Her card for the elective on "My credentials", once the job runner has issued it (reloads until then). */
    async function waitForCertificate(participant: Page): Promise<Locator> {
      const card = participant.locator('li.card.credential').filter({ hasText: ELECTIVE_TITLE });
      await expect
        .poll(
          async () => {
            await participant.reload();
            return card.count();
          },
          { timeout: 45_000, interval: 500 },
        )
        .toBe(1);
      return card;
    }

    /** The manager opens the participant's candidate page from the candidates list. */
    async function openCandidatePage(manager: Page): Promise<void> {
      await clickAndWait(manager, () =>
        manager.getByRole('link', { name: es.t('nav.candidates'), exact: true }).click(),
      );
      const filters = manager.getByRole('search', { name: es.t('candidates.filters') });
      await filters.getByLabel(es.t('people.search'), { exact: true }).fill(PARTICIPANT);
      await clickAndWait(manager, () => filters.getByRole('button', { name: es.t('form.filter') }).click());
      await clickAndWait(manager, () => manager.getByRole('link', { name: PARTICIPANT_NAME }).click());
      expect(await textOf(manager.getByRole('heading', { level: 1 }))).toContain(PARTICIPANT_NAME);
    }

    test(
      'a recorded achievement becomes a verifiable certificate; revoking it suspends the diploma built on it',
      async () => {
        // 1. The manager records the achievement on the class list.
        const manager = await open();
        await signIn(manager, journey.server.url, MANAGER, DEMO_PASSWORD);
        await recordAchievement(manager);

        // 2. The participant finds the certificate under "My credentials" (the job runner issued it).
        const participant = await open();
        await signIn(participant, journey.server.url, PARTICIPANT, DEMO_PASSWORD);
        await clickAndWait(participant, () =>
          participant.getByRole('link', { name: en.t('credential.web.holder.nav'), exact: true }).click(),
        );
        expect(new URL(participant.url()).pathname).toBe('/my/credentials');
        expect(await textOf(participant.getByRole('heading', { level: 1 }))).toBe(
          en.t('credential.web.holder.title'),
        );
        const card = await waitForCertificate(participant);
        expect(await textOf(card.locator('.badge'))).toBe(en.t('credential.status.valid'));
        const verifyUrl = await card
          .getByLabel(en.t('credential.web.holder.verifyLink'), { exact: true })
          .inputValue();
        expect(verifyUrl).toMatch(new RegExp(`^${journey.server.url}/verify/[0-9a-f-]{36}$`));
        const certificateId = verifyUrl.split('/').pop()!;
        expect(
          await card
            .getByRole('link', { name: new RegExp(en.t('credential.web.holder.linkedIn')) })
            .getAttribute('href'),
        ).toMatch(/^https:\/\/www\.linkedin\.com\/profile\/add\?startTask=CERTIFICATION_NAME&/);
        const shortCode = (await textOf(card.locator('.meta'))).match(/[0-9A-Z]{4}-[0-9A-Z]{4}/)![0];
        await expectNoAxeViolations(participant);
        await participant.screenshot({ path: `${SHOTS}/my-credentials.png`, fullPage: true });
        await expectFits320(participant);

        // 3. She downloads the PDF: a PDF with her name in it.
        const [download] = await Promise.all([
          participant.waitForEvent('download'),
          card.getByRole('link', { name: new RegExp(`^${en.t('credential.web.download.pdf')}`) }).click(),
        ]);
        const pdf = await readFile((await download.path())!);
        expect(pdf.subarray(0, 5).toString('latin1')).toBe('%PDF-');
        if (pdfToolsAvailable) expect(composed(extractText(pdf))).toContain(composed(PARTICIPANT_NAME));

        // 4. A visitor opens the printed short link (the QR code's page) and reads "valid", in French.
        const visitor = await open({ locale: 'fr-FR' });
        await visitor.goto(`${journey.server.url}/v/${shortCode}`);
        expect(visitor.url()).toBe(verifyUrl);
        expect(await visitor.locator('html').getAttribute('lang')).toBe('fr');
        expect(await verdict(visitor)).toBe(fr.t('credential.status.valid'));
        const facts = await textOf(visitor.locator('dl.facts'));
        expect(composed(facts)).toContain(composed(PARTICIPANT_NAME));
        expect(facts).toContain(fr.t('credential.kind.achievement'));
        expect(facts).toContain(fr.date(EDITION_END, 'long'));
        // No download links for a visitor; the holder sees them.
        expect(await visitor.locator(`a[href$="/credentials/${certificateId}.json"]`).count()).toBe(0);
        await expectNoAxeViolations(visitor);
        await visitor.screenshot({ path: `${SHOTS}/verify-valid-fr.png`, fullPage: true });
        await expectFits320(visitor);
        await participant.goto(verifyUrl);
        expect(await participant.locator(`a[href$="/credentials/${certificateId}.json"]`).count()).toBe(1);
        await expectNoAxeViolations(participant);

        // 5. Her pathway is complete once the capstone passes: the manager records it and awards the diploma.
        await openCandidatePage(manager);
        const capstone = manager.locator('form[action$="/capstone"]');
        await capstone.getByLabel(es.t('candidate.capstoneStatus'), { exact: true }).selectOption('passed');
        await capstone.getByLabel(es.t('candidate.capstonePassedOn'), { exact: true }).fill('2026-06-30');
        await clickAndWait(manager, () => capstone.getByRole('button', { name: es.t('form.save') }).click());
        await expectNoAxeViolations(manager);
        const panel = manager.locator('#credentials');
        await clickAndWait(manager, () =>
          panel.getByRole('button', { name: es.t('credential.web.manage.award') }).click(),
        );
        expect(await textOf(manager.getByRole('status').first())).toBe(es.t('credential.web.flash.awarded'));
        const diplomaHref = await panel
          .locator('p', { hasText: es.t('credential.web.manage.diploma') })
          .getByRole('link')
          .getAttribute('href');
        expect(diplomaHref).toMatch(/^\/verify\/[0-9a-f-]{36}$/);
        await expectNoAxeViolations(manager);
        await visitor.goto(`${journey.server.url}${diplomaHref}`);
        expect(await verdict(visitor)).toBe(fr.t('credential.status.valid'));
        const components = visitor.locator('table.components');
        expect(await components.locator(`a[href="/verify/${certificateId}"]`).count()).toBe(1);
        await expectNoAxeViolations(visitor);

        // 6. The manager revokes the certificate; a note too short first comes back beside its field.
        const certificateCard = panel
          .locator('li.card')
          .filter({ has: manager.locator(`a[href="/verify/${certificateId}"]`) });
        await certificateCard
          .locator('summary', { hasText: es.t('credential.web.manage.open.revoke') })
          .click();
        const revokeForm = certificateCard.locator('form[action$="/revoke"]');
        await revokeForm
          .getByLabel(es.t('credential.web.manage.reason'), { exact: true })
          .selectOption('issued-in-error');
        await revokeForm.getByLabel(es.t('credential.web.manage.note'), { exact: true }).fill('no');
        await expectNoAxeViolations(manager);
        await clickAndWait(manager, () =>
          revokeForm.getByRole('button', { name: es.t('credential.web.manage.action.revoke') }).click(),
        );
        const note = manager
          .locator('li.card')
          .filter({ has: manager.locator(`a[href="/verify/${certificateId}"]`) })
          .locator('form[action$="/revoke"]')
          .getByLabel(es.t('credential.web.manage.note'), { exact: true });
        expect(await note.getAttribute('aria-invalid')).toBe('true');
        expect(await note.inputValue()).toBe('no');
        await expectNoAxeViolations(manager);
        await note.fill('Registrado por error en el acta de SPMW.');
        await clickAndWait(manager, () =>
          manager
            .locator(`form[action="/manage/credentials/${certificateId}/revoke"]`)
            .getByRole('button', { name: es.t('credential.web.manage.action.revoke') })
            .click(),
        );
        // The manager is told at once that the diploma built on it no longer holds.
        expect(await textOf(manager.getByRole('status').first())).toBe(
          es.t('credential.web.flash.revokedDiplomaSuspended'),
        );
        await expectNoAxeViolations(manager);

        // 7. The certificate's page says "revoked" with the date and reason; the diploma says "suspended".
        await visitor.goto(verifyUrl);
        expect(await verdict(visitor)).toBe(fr.t('credential.status.revoked'));
        expect(await textOf(visitor.locator('.verdict'))).toContain(
          fr.t('credential.reason.issued-in-error'),
        );
        await expectNoAxeViolations(visitor);
        await visitor.screenshot({ path: `${SHOTS}/verify-revoked-fr.png`, fullPage: true });
        await visitor.goto(`${journey.server.url}${diplomaHref}`);
        expect(await verdict(visitor)).toBe(fr.t('credential.status.suspended'));
        expect(await textOf(visitor.locator('.verdict'))).toContain(
          fr.t('credential.reason.component-revoked'),
        );
        const row = components.locator('tr', { has: visitor.locator(`a[href="/verify/${certificateId}"]`) });
        expect(await textOf(row.locator('.badge'))).toBe(fr.t('credential.status.revoked'));
        await expectNoAxeViolations(visitor);
        await visitor.screenshot({ path: `${SHOTS}/verify-diploma-suspended-fr.png`, fullPage: true });

        // Her list says so too.
        await participant.goto(`${journey.server.url}/my/credentials`);
        expect(await textOf((await waitForCertificate(participant)).locator('.badge'))).toBe(
          en.t('credential.status.revoked'),
        );
        await expectNoAxeViolations(participant);
      },
      JOURNEY_TIMEOUT_MS * 3,
    );

    test(
      'anyone checks a credential file on /verify, and an unknown code gets a page that explains',
      async () => {
        const visitor = await open({ locale: 'es-ES' });
        await visitor.goto(`${journey.server.url}/`);
        await clickAndWait(visitor, () =>
          visitor.getByRole('link', { name: es.t('credential.web.check.footerLink') }).click(),
        );
        expect(await textOf(visitor.getByRole('heading', { level: 1 }))).toBe(
          es.t('credential.web.check.title'),
        );
        await expectNoAxeViolations(visitor);
        await expectFits320(visitor);

        // Garbage is refused beside its field.
        await visitor.getByLabel(es.t('credential.web.check.paste'), { exact: true }).fill('hola');
        await clickAndWait(visitor, () =>
          visitor.getByRole('button', { name: es.t('credential.web.check.submit'), exact: true }).click(),
        );
        expect(await textOf(visitor.locator('#error-credential'))).toBe(
          es.t('credential.web.check.problem.notACredential'),
        );
        await expectNoAxeViolations(visitor);

        // A code that matches nothing: a 404 page that still says what verification is.
        const lookup = visitor.getByRole('search', { name: es.t('credential.web.lookup.label') });
        await lookup.getByLabel(es.t('credential.web.lookup.label'), { exact: true }).fill('ABCD-EFGH');
        await clickAndWait(visitor, () =>
          lookup.getByRole('button', { name: es.t('credential.web.lookup.submit') }).click(),
        );
        expect(await textOf(visitor.getByRole('heading', { level: 1 }))).toBe(
          es.t('credential.web.notFound.title'),
        );
        expect(await textOf(visitor.getByRole('main'))).toContain(es.t('credential.web.verify.about'));
        await expectNoAxeViolations(visitor);
      },
      JOURNEY_TIMEOUT_MS,
    );
  },
);
