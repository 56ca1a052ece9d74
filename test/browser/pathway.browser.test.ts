import type { Locator, Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import { DEMO_COURSES } from '../../src/modules/catalogue/demo/demo-courses.js';
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
 * The diploma pathway in the browser: the demo participant (Nguyễn Thị Lan) has the Academy and two of
 * three electives; the manager (Lucía Fernández, who reads Spanish) enrols her in a past edition of an
 * elective she lacks and records her Certificate of Achievement on the class list; her dashboard then
 * shows three of three electives and the capstone unlocked, in English and in French.
 */

const en = translator('en');
const fr = translator('fr');
const es = translator('es');
const PARTICIPANT = 'participant@example.org';
const PARTICIPANT_NAME = 'Nguyễn Thị Lan';
const MANAGER = 'manager@example.org';
/** An elective she has not taken (SPMW), and its demo edition of 2025 (20 Oct – 28 Nov 2025). */
const MISSING_ELECTIVE = 'SPMW';
const EDITION_YEAR = '2025';
const EDITION_END = '2025-11-28';

/** Text with its white space collapsed as `textOf` does (French puts a narrow no-break space before `:`). */
function collapsed(text: string): string {
  return text.replace(/[ \t\n\r]+/g, ' ').trim();
}

/** The item of the pathway checklist whose heading is `label`. */
function requirementItem(page: Page, label: string): Locator {
  return page.locator('ol.checklist > li').filter({ has: page.locator('strong', { hasText: label }) });
}

/** The electives' line ("2 of 3 done") and whether the capstone is still locked, as the dashboard shows them. */
async function dashboardState(page: Page, t = en) {
  const electives = requirementItem(page, t.t('requirement.choose', { count: 3 }));
  const capstone = requirementItem(page, t.t('requirement.capstone'));
  return {
    electives: await textOf(electives.locator('p').first()),
    capstoneState: await textOf(capstone.locator('.state')),
  };
}

describeJourney('browser: the diploma pathway', {}, (journey) => {
  async function open(): Promise<Page> {
    return journey.open();
  }

  test(
    'a result recorded on the class list completes the electives and unlocks the capstone',
    async () => {
      // The participant's dashboard: the Academy, 2 of 3 electives, the capstone locked.
      const participant = await open();
      await signIn(participant, journey.server.url, PARTICIPANT, DEMO_PASSWORD);
      await clickAndWait(participant, () =>
        participant.getByRole('link', { name: en.t('nav.myPathway'), exact: true }).click(),
      );
      expect(new URL(participant.url()).pathname).toBe('/my/pathway');
      expect(await textOf(participant.getByRole('heading', { level: 1 }))).toBe(en.t('myPathway.title'));
      expect(await dashboardState(participant)).toEqual({
        electives: en.t('requirement.progress', { have: 2, needed: 3 }),
        capstoneState: en.t('requirement.state.locked'),
      });
      await expectNoAxeViolations(participant);

      // The manager finds the 2025 edition of the missing elective and opens its class list.
      const manager = await open();
      await signIn(manager, journey.server.url, MANAGER, DEMO_PASSWORD);
      await manager.goto(`${journey.server.url}/courses/${MISSING_ELECTIVE}`);
      await expectNoAxeViolations(manager);
      // Past editions sit in a folded section of the course page: follow the link's address.
      const editionLink = manager.locator('a[href^="/editions/"]').filter({ hasText: EDITION_YEAR });
      await manager.goto(`${journey.server.url}${await editionLink.getAttribute('href')}`);
      await expectNoAxeViolations(manager);
      await clickAndWait(manager, () =>
        manager.getByRole('link', { name: es.t('edition.classList') }).click(),
      );
      expect(new URL(manager.url()).pathname).toMatch(/^\/manage\/editions\/[0-9a-f-]{36}\/class$/);
      const course = DEMO_COURSES.find((c) => c.code === MISSING_ELECTIVE)!;
      expect(await textOf(manager.getByRole('heading', { level: 1 }))).toBe(
        es.t('class.title', { course: course.title.es ?? course.title.en! }),
      );
      await expectNoAxeViolations(manager);

      // Enrols her by email.
      const enrolForm = manager.locator(`form[action$="/enrolments"]`);
      await enrolForm.getByLabel(es.t('field.email'), { exact: true }).fill(PARTICIPANT);
      await clickAndWait(manager, () => enrolForm.getByRole('button', { name: es.t('class.enrol') }).click());
      expect(await textOf(manager.getByRole('status'))).toBe(es.t('flash.enrolled'));
      await expectNoAxeViolations(manager);

      // Records her Certificate of Achievement through the class-list form.
      await manager
        .getByLabel(es.t('class.outcomeFor', { name: PARTICIPANT_NAME }), { exact: true })
        .selectOption('achievement');
      await manager.getByLabel(es.t('class.gradeFor', { name: PARTICIPANT_NAME }), { exact: true }).fill('A');
      await manager
        .getByLabel(es.t('class.dateFor', { name: PARTICIPANT_NAME }), { exact: true })
        .fill(EDITION_END);
      await clickAndWait(manager, () =>
        manager.getByRole('button', { name: es.t('class.saveResults') }).click(),
      );
      expect(await textOf(manager.getByRole('status'))).toBe(es.t('flash.resultsSaved'));
      expect(
        await manager
          .getByLabel(es.t('class.outcomeFor', { name: PARTICIPANT_NAME }), { exact: true })
          .inputValue(),
      ).toBe('achievement');
      await expectNoAxeViolations(manager);

      // Her page in the candidates list shows the same: electives met, the capstone unlocked.
      await clickAndWait(manager, () =>
        manager.getByRole('link', { name: es.t('nav.candidates'), exact: true }).click(),
      );
      const filters = manager.getByRole('search', { name: es.t('candidates.filters') });
      await filters.getByLabel(es.t('people.search'), { exact: true }).fill(PARTICIPANT);
      await clickAndWait(manager, () => filters.getByRole('button', { name: es.t('form.filter') }).click());
      await expectNoAxeViolations(manager);
      await clickAndWait(manager, () => manager.getByRole('link', { name: PARTICIPANT_NAME }).click());
      expect(await textOf(manager.getByRole('heading', { level: 1 }))).toContain(PARTICIPANT_NAME);
      expect(await dashboardState(manager, es)).toEqual({
        electives: es.t('requirement.progress', { have: 3, needed: 3 }),
        capstoneState: es.t('requirement.state.missing'),
      });
      await expectNoAxeViolations(manager);

      // Her dashboard now: 3 of 3 electives, the capstone unlocked.
      await participant.reload();
      expect(await dashboardState(participant)).toEqual({
        electives: en.t('requirement.progress', { have: 3, needed: 3 }),
        capstoneState: en.t('requirement.state.missing'),
      });
      expect(await textOf(participant.locator('ul.reasons'))).toContain(
        collapsed(en.t('pathway.why.capstoneReady')),
      );
      await expectNoAxeViolations(participant);

      // The same dashboard in French.
      await clickAndWait(participant, () =>
        participant
          .getByRole('navigation', { name: en.t('layout.languages') })
          .getByRole('link', { name: 'Français' })
          .click(),
      );
      expect(new URL(participant.url()).pathname).toBe('/my/pathway');
      expect(await participant.locator('html').getAttribute('lang')).toBe('fr');
      expect(await textOf(participant.getByRole('heading', { level: 1 }))).toBe(fr.t('myPathway.title'));
      expect(await dashboardState(participant, fr)).toEqual({
        electives: fr.t('requirement.progress', { have: 3, needed: 3 }),
        capstoneState: fr.t('requirement.state.missing'),
      });
      expect(await textOf(participant.locator('ul.reasons'))).toContain(
        collapsed(fr.t('pathway.why.capstoneReady')),
      );
      await expectNoAxeViolations(participant);
    },
    JOURNEY_TIMEOUT_MS * 2,
  );
});
