import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { createDeps } from '../../src/bootstrap.js';
import { translator } from '../../src/i18n/i18n.js';
import type { Actor } from '../../src/kernel/actor.js';
import { createAssignment } from '../../src/modules/assignments/save-assignment.js';
import { DEMO_PARTICIPANTS, DEMO_STAFF } from '../../src/modules/identity/demo/demo-people.js';
import { findUserByEmail } from '../../src/modules/identity/users.repository.js';
import { saveRubric } from '../../src/modules/marking/rubrics/save-rubric.js';
import { saveResultPolicy } from '../../src/modules/results/save-result-policy.js';
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
 * Issue 13's whole journey, in Spanish for the participant: the demo Academy edition gets an assignment
 * (open now, a two-criterion rubric, second marking) and a result policy with the assignment as its only
 * component (set-up through the use cases: not the point here). Then, in the browser: the participant
 * writes the online text, ticks the declaration, submits and reads the receipt; a first and a second marker
 * mark it blind with the rubric (participant numbers, never the name); the moderator (the French
 * facilitator) agrees a mark with a note; the manager releases it; the participant reads mark and feedback;
 * the facilitator finalises the edition's results; the certificate appears in "My credentials" and the
 * pathway dashboard counts the course. axe on every page visited.
 */

const es = translator('es');
const fr = translator('fr');
const PARTICIPANT = 'carlos.nunez@example.org';
const FACILITATOR = 'facilitator@example.org';
const MANAGER = 'manager@example.org';
const FIRST_MARKER = 'assessor@example.org';
const SECOND_MARKER = 'ngozi.okafor@example.org';
const TEXT = 'Mi análisis de la migración laboral en el Mercosur y sus acuerdos bilaterales.';
const PHONE = { width: 390, height: 844 };

/** The demo person's name and the translator of their language (their pages are in it). */
function demo(email: string) {
  const person = [...DEMO_STAFF, ...DEMO_PARTICIPANTS].find((p) => p.email === email);
  if (!person) throw new Error(`no demo person ${email}`);
  return { name: person.fullName, t: translator(person.locale) };
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString();

describeJourney('browser: an assignment from submission to certificate', { jobRunner: true }, (journey) => {
  const check = (page: Page) => expectNoAxeViolations(page);
  const press = (page: Page, name: string) =>
    clickAndWait(page, () => page.getByRole('button', { name, exact: true }).first().click());

  test(
    'a Spanish participant submits; two blind markers, a moderator and a manager mark and release; the facilitator finalises; the certificate and the pathway follow',
    async () => {
      const url = journey.server.url;
      const participantName = demo(PARTICIPANT).name;
      const firstName = participantName.split(' ')[0]!;

      // The participant finds the Academy's space from the pathway dashboard (the edition id is the space's).
      const phone = await journey.open(PHONE);
      await signIn(phone, url, PARTICIPANT, DEMO_PASSWORD);
      await phone.goto(`${url}/my/pathway`);
      await check(phone);
      const metBefore = await phone.locator('ol.checklist > li.requirement.met').count();
      const spacePath =
        (await phone.locator('#current-spaces ~ ul a[href^="/spaces/"]').first().getAttribute('href')) ?? '';
      expect(spacePath).toMatch(/^\/spaces\/[\w-]+$/);
      const editionId = spacePath.split('/').at(-1)!;

      // Set-up through the use cases: the rubric, the assignment (open now, second marking), the policy.
      const deps = await createDeps(journey.server.config);
      let assignmentId = '';
      let itemId = '';
      const ids: Record<string, string> = {};
      try {
        for (const email of [MANAGER]) {
          const user = await findUserByEmail(deps.db, email);
          if (!user) throw new Error(`no demo user ${email}`);
          ids[email] = user.id;
        }
        const manager: Actor = { kind: 'user', id: ids[MANAGER]!, roles: ['manager'], via: 'session' };
        const rubricId = (
          await saveRubric(deps.db, deps, manager, null, {
            title: 'Informe de políticas',
            criteria: [
              { id: 'c1', title: 'Análisis', weight: 2, maxPoints: 10, levels: [] },
              { id: 'c2', title: 'Recomendaciones', weight: 1, maxPoints: 4, levels: [] },
            ],
          })
        ).id;
        ({ id: assignmentId, itemId } = await createAssignment(deps.db, deps, manager, editionId, {
          title: 'Informe de políticas',
          instructions: { en: '# Write a brief', es: '# Escriba un informe\n\nDos páginas.' },
          acceptsText: true,
          acceptsFiles: false,
          opensAt: inDays(-1),
          dueAt: inDays(7),
          cutoffAt: inDays(9),
          resubmission: 'none',
          rubricId,
          secondMarking: true,
          discrepancy: '5',
          passMark: '50',
        }));
        // The demo's 2027 Academy starts next June, and no result may be completed before its edition
        // starts (the class list refuses it): for this journey the edition has started a week ago.
        await deps.db
          .updateTable('editions')
          .set({ starts_on: inDays(-7).slice(0, 10) })
          .where('id', '=', editionId)
          .execute();
        await saveResultPolicy(deps.db, deps, manager, editionId, {
          passMark: '50',
          requiredItemsComplete: '',
          minAttendance: '',
          participationMinAttendance: '',
          achievementGives: 'achievement',
          participationGives: 'participation',
          components: { [itemId]: { weight: '1', minMark: '', cutoff: inDays(9).slice(0, 10) } },
        });
      } finally {
        await deps.close();
      }

      // The participant opens the assignment from the space, writes, declares and submits.
      await phone.goto(`${url}${spacePath}`);
      await check(phone);
      await phone.goto(`${url}${spacePath}/items/${itemId}`);
      await check(phone);
      await clickAndWait(phone, () =>
        phone.getByRole('link', { name: es.t('assignments.kind.open'), exact: true }).click(),
      );
      expect(new URL(phone.url()).pathname).toBe(`/assignments/${assignmentId}`);
      await check(phone);
      await phone.getByLabel(es.t('assignments.page.text')).fill(TEXT);
      await phone.getByLabel(es.t('assignments.page.declaration')).check();
      await press(phone, es.t('assignments.page.submit'));
      expect(await textOf(phone.locator('.flash'))).toBe(es.t('assignments.flash.submitted'));
      const receipt = await textOf(phone.locator('p.receipt').first());
      expect(receipt).toContain(es.t('assignments.attempt.receipt', { time: '' }).slice(0, 20));
      expect(await textOf(phone.locator('p.receipt code').first())).toMatch(/^[0-9a-f]{64}$/);
      await check(phone);

      // The facilitator (French) allocates a first and a second marker from the marking overview: the
      // submission is listed by its participant number, never by name.
      const staff = await journey.open();
      await signIn(staff, url, FACILITATOR, DEMO_PASSWORD);
      await staff.goto(`${url}/marking/editions/${editionId}`);
      await check(staff);
      expect(await textOf(staff.locator('main'))).toMatch(/P-\d{4}/);
      expect(await textOf(staff.locator('main'))).not.toContain(firstName);
      const markingHref =
        (await staff.locator('main a[href^="/marking/submissions/"]').first().getAttribute('href')) ?? '';
      const markingId = markingHref.split('/').at(-1) ?? '';
      expect(markingId).not.toBe('');
      for (const [email, role] of [
        [FIRST_MARKER, 'first'],
        [SECOND_MARKER, 'second'],
      ] as const) {
        await staff.getByRole('checkbox', { name: demo(email).name }).check();
        await staff.getByLabel(fr.t('marking.overview.role')).selectOption(role);
        await press(staff, fr.t('marking.overview.allocateEvenly'));
        await check(staff);
      }
      const allocated = await textOf(staff.locator('main table'));
      expect(allocated).toContain(`${fr.t('marking.role.first')}: ${demo(FIRST_MARKER).name}`);
      expect(allocated).toContain(`${fr.t('marking.role.second')}: ${demo(SECOND_MARKER).name}`);

      // Each marker marks blind with the rubric: participant numbers on every page, never the name.
      const marks = [
        { email: FIRST_MARKER, c1: '8', c2: '4', overall: 'Bien argumentado.', comment: 'Análisis preciso.' },
        { email: SECOND_MARKER, c1: '6', c2: '3', overall: 'Correcto.', comment: 'Algo breve.' },
      ];
      let participantNumber = '';
      for (const m of marks) {
        const { t } = demo(m.email);
        const marker = await journey.open();
        await signIn(marker, url, m.email, DEMO_PASSWORD);
        const blind = async () => {
          const body = await textOf(marker.locator('body'));
          expect(body).toMatch(/P-\d{4}/);
          expect(body).not.toContain(firstName);
          expect(body).not.toContain(participantName);
          await check(marker);
        };
        await marker.goto(`${url}/marking/my`);
        await blind();
        await clickAndWait(marker, () =>
          marker.locator(`a[href="/marking/submissions/${markingId}"]`).first().click(),
        );
        await blind();
        participantNumber = /P-\d{4}/.exec(await textOf(marker.getByRole('heading', { level: 1 })))![0];
        await clickAndWait(marker, () =>
          marker.getByRole('link', { name: t.t('marking.page.open') }).click(),
        );
        await blind();
        expect(await textOf(marker.locator('main'))).toContain(TEXT);
        await clickAndWait(marker, () =>
          marker.getByRole('link', { name: t.t('assignments.marker.mark') }).click(),
        );
        for (const [id, points, comment] of [
          ['c1', m.c1, m.comment],
          ['c2', m.c2, ''],
        ] as const) {
          await marker.locator(`[name="points.${id}"]`).fill(points);
          if (comment) await marker.locator(`[name="comment.${id}"]`).fill(comment);
        }
        await marker.getByLabel(t.t('marking.page.overall')).fill(m.overall);
        await marker.getByLabel(t.t('marking.page.complete')).check();
        await press(marker, t.t('marking.page.save'));
        expect(await textOf(marker.locator('main'))).toContain(
          t.t('marking.page.completed', { mark: '' }).split('{')[0]!.slice(0, 10),
        );
        await blind();
        await marker.goto(`${url}/marking/my`);
        await blind();
      }
      expect(participantNumber).toMatch(/^P-\d{4}$/);

      // The moderator (the French facilitator) sees the flagged pair and agrees a mark with a note.
      await staff.goto(`${url}/marking/editions/${editionId}`);
      await check(staff);
      expect(await textOf(staff.locator('main'))).not.toContain(firstName);
      await clickAndWait(staff, () =>
        staff.locator(`a[href="/marking/submissions/${markingId}"]`).first().click(),
      );
      await check(staff);
      expect(await textOf(staff.locator('main'))).toContain(fr.t('marking.page.flagged'));
      expect(await textOf(staff.locator('main'))).not.toContain(firstName);
      await staff.getByLabel(fr.t('marking.page.agreedMark')).fill('80');
      await staff.getByLabel(fr.t('marking.page.note')).fill('Deuxième lecture : accord sur 80.');
      await staff
        .getByLabel(fr.t('marking.page.feedback'))
        .fill('Bien argumentado; amplíe las recomendaciones.');
      await press(staff, fr.t('marking.page.agree'));
      await check(staff);
      expect(await textOf(staff.locator('main'))).toContain(
        fr.t('marking.page.agreed', { mark: fr.t('marking.percent', { mark: '80.00' }) }),
      );

      // Nothing of the mark reaches the participant before release.
      await phone.goto(`${url}/assignments/${assignmentId}`);
      expect(await phone.getByRole('heading', { name: es.t('assignments.feedback.title') }).count()).toBe(0);

      // The manager (Spanish) releases it.
      const { t: managerT } = demo(MANAGER);
      const manager = await journey.open();
      await signIn(manager, url, MANAGER, DEMO_PASSWORD);
      await manager.goto(`${url}/marking/submissions/${markingId}`);
      await check(manager);
      await press(manager, managerT.t('marking.page.release'));
      await check(manager);
      expect(await textOf(manager.locator('main'))).toContain(managerT.t('marking.state.released'));

      // The participant reads the mark and the feedback, in Spanish.
      await phone.goto(`${url}/assignments/${assignmentId}`);
      await check(phone);
      const mine = await textOf(phone.locator('main'));
      expect(mine).toContain(es.t('assignments.feedback.title'));
      expect(mine).toContain(es.t('assignments.feedback.mark', { mark: '80.00' }));
      expect(mine).toContain(es.t('assignments.feedback.passed'));
      expect(mine).toContain('Bien argumentado; amplíe las recomendaciones.');
      expect(mine).toContain('Análisis preciso.');

      // The facilitator finalises the edition's results from the gradebook.
      await staff.goto(`${url}/results/${editionId}`);
      await check(staff);
      await press(staff, fr.t('results.book.finalise'));
      await check(staff);
      const row = staff.getByRole('row').filter({ hasText: firstName });
      expect(await textOf(row)).toContain(fr.t('results.outcome.achievement'));

      // The certificate appears in "My credentials" (issued by the job runner)…
      await phone.goto(`${url}/my/credentials`);
      expect(await textOf(phone.getByRole('heading', { level: 1 }))).toBe(
        es.t('credential.web.holder.title'),
      );
      const cards = phone.locator('li.card.credential');
      await expect
        .poll(
          async () => {
            await phone.reload();
            return cards.count();
          },
          { timeout: 45_000, interval: 500 },
        )
        .toBeGreaterThanOrEqual(1);
      expect(await textOf(cards.first().locator('.badge'))).toBe(es.t('credential.status.valid'));
      await check(phone);

      // …and the pathway dashboard counts the course.
      await phone.goto(`${url}/my/pathway`);
      await check(phone);
      expect(await phone.locator('ol.checklist > li.requirement.met').count()).toBe(metBefore + 1);
    },
    5 * JOURNEY_TIMEOUT_MS,
  );
});
