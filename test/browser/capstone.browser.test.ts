import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { expect, test } from 'vitest';
import { translator } from '../../src/i18n/i18n.js';
import { setAutoAward } from '../../src/modules/credentials/issuing/set-auto-award.js';
import { pdfBytes } from '../helpers/assessment-factories.js';
import { capstoneCandidate } from '../helpers/capstone-factories.js';
import { buildPerson, type TestPerson } from '../helpers/factories.js';
import { actorOf } from '../helpers/pathway-factories.js';
import {
  clickAndWait,
  describeJourney,
  expectNoAxeViolations,
  JOURNEY_TIMEOUT_MS,
  signIn,
  textOf,
} from './browser-helpers.js';

/**
 * Issue 15's journey, in English: a candidate whose pathway unlocks the capstone (a programme of their own,
 * the Academy and three electives with Certificates of Achievement inside the window, set up through the
 * use cases; the programme awards its diplomas automatically) writes a proposal about Morocco that uses the
 * Academy and the three courses; the committee returns it once, then approves it; the manager sets a
 * supervisor's load and assigns them; the supervisor comments on a draft; the manager extends the candidate's
 * window and the supervisor, told by the bell, saves the milestones the capstone page offers moved by the
 * extension; the candidate hands in the final
 * (a small real PDF) with an abstract and the declaration, and reads a SHA-256 receipt; two assessors mark
 * blind (no page they open names the candidate); the manager, as moderator, agrees a mark and releases it,
 * then records the pass; the job runner issues the diploma with the capstone among its components, and it
 * verifies on the public page; the candidate consents to the library, where a Spanish-speaking visitor
 * finds it by searching "Marruecos". axe on every page family visited.
 */

const en = translator('en');
const es = translator('es');
const CANDIDATE_NAME = 'Amaru Secretname Quispe';
const TITLE = 'Fair recruitment of migrant workers in Morocco';
const SHOTS = tmpdir();
/** The start of the capstone page's notice of an extension ("The window was extended"). */
const EXTENDED = en
  .t('capstones.page.windowExtended', { to: '', from: '', days: 1, plan: '' })
  .split(':')[0]!;

describeJourney(
  'browser: the capstone from proposal to diploma and library',
  { jobRunner: true },
  (journey) => {
    const check = (page: Page) => expectNoAxeViolations(page);
    const press = (page: Page, name: string) =>
      clickAndWait(page, () => page.getByRole('button', { name, exact: true }).first().click());
    const field = (page: Page, name: string) => page.locator(`[name="${name}"]`).first();
    const flash = async (page: Page) => textOf(page.locator('.flash').first());

    test(
      'proposal returned then approved, supervised draft, final handed in, blind double marking, moderation, release, diploma verified, library found in Spanish',
      async () => {
        const url = journey.server.url;
        const deps = journey.server.deps;

        // Set-up through the use cases: an unlocked candidate, the committee (a manager), a facilitator who
        // will supervise, two assessors; the programme awards automatically.
        const candidate = await capstoneCandidate(deps, { fullName: CANDIDATE_NAME });
        const people = async (roles: TestPerson['roles'], fullName: string) => ({
          ...(await buildPerson(deps, { roles, fullName })),
          fullName,
        });
        const chair = await people(['manager'], 'Committee Chair Person');
        const supervisor = await people(['facilitator'], 'Sam Supervisor');
        const assessors = [
          await people(['assessor'], 'Ada Assessor'),
          await people(['assessor'], 'Ben Assessor'),
        ];
        await setAutoAward(deps.db, deps, actorOf(chair), candidate.programme.slug, {
          awardAutomatically: 'on',
        });
        const [academy, ...electives] = candidate.counted;
        expect(electives).toHaveLength(3);

        // 1. The candidate's capstone home says it is unlocked; the proposal names Morocco and uses the
        //    Academy and each of the three counted courses.
        const me = await journey.open();
        await signIn(me, url, candidate.person.email, candidate.person.password);
        await me.goto(`${url}/capstones/my`);
        await check(me);
        expect(await textOf(me.locator('main'))).toContain(en.t('capstones.home.unlocked').slice(0, 30));
        await me.getByLabel(en.t('capstones.field.title'), { exact: true }).fill(TITLE);
        await me.getByLabel(en.t('capstones.field.country'), { exact: true }).selectOption('MA');
        await me
          .getByLabel(en.t('capstones.field.policyQuestion'), { exact: true })
          .fill('How can Morocco end recruitment fees for its workers abroad?');
        await field(me, 'themes').fill('Fair recruitment\nLabour migration governance');
        await field(me, `approach.${academy}`).fill('The Academy’s policy cycle and social dialogue.');
        for (const [i, code] of electives.entries())
          await field(me, `approach.${code}`).fill(`Elective ${i + 1}: its analytical framework.`);
        await field(me, 'language').selectOption('en');
        await field(me, 'outlineDue').fill('2027-02-15');
        await field(me, 'draftDue').fill('2027-04-15');
        await field(me, 'finalDue').fill('2027-06-15');
        await press(me, en.t('capstones.action.saveDraft'));
        const capstonePath = new URL(me.url()).pathname;
        expect(capstonePath).toMatch(/^\/capstones\/[\w-]+$/);
        expect(await flash(me)).toBe(en.t('capstones.flash.saved'));
        await check(me);
        await press(me, en.t('capstones.action.submitProposal'));
        expect(await flash(me)).toBe(en.t('capstones.flash.proposalSubmitted'));

        // 2. The committee finds it in its queue and returns it once, with a comment.
        const committee = await journey.open();
        await signIn(committee, url, chair.email, chair.password);
        await committee.goto(`${url}/capstones?state=proposed`);
        await check(committee);
        await clickAndWait(committee, () =>
          committee.getByRole('link', { name: TITLE, exact: true }).click(),
        );
        expect(new URL(committee.url()).pathname).toBe(capstonePath);
        await check(committee);
        const decide = async (decision: string, comment: string) => {
          await field(committee, 'decision').selectOption(decision);
          await field(committee, 'comment').fill(comment);
          await press(committee, en.t('capstones.action.decide'));
          expect(await flash(committee)).toBe(en.t('capstones.flash.decided'));
        };
        await decide('return', 'Narrow the question to the recruitment of domestic workers.');

        // The candidate reads the comment, narrows the question and submits again; the committee approves.
        await me.goto(`${url}${capstonePath}`);
        expect(await textOf(me.locator('main'))).toContain('Narrow the question');
        await check(me);
        await field(me, 'policyQuestion').fill(
          'How can Morocco end recruitment fees for its domestic workers abroad?',
        );
        await press(me, en.t('capstones.action.saveDraft'));
        await press(me, en.t('capstones.action.submitProposal'));
        expect(await flash(me)).toBe(en.t('capstones.flash.proposalSubmitted'));
        await committee.goto(`${url}${capstonePath}`);
        await decide('approve', 'Approved.');
        await check(committee);

        // 3. The manager gives the facilitator a supervisor's load and assigns them.
        await committee.goto(`${url}/capstones/admin`);
        await check(committee);
        await field(committee, 'personId').selectOption({ label: supervisor.fullName });
        await field(committee, 'maxLoad').fill('3');
        await press(committee, en.t('capstones.action.save'));
        expect(await flash(committee)).toBe(en.t('capstones.flash.saved'));
        await committee.goto(`${url}${capstonePath}`);
        await field(committee, 'supervisorId').selectOption(supervisor.id);
        await press(committee, en.t('capstones.action.assign'));
        expect(await textOf(committee.locator('main'))).toContain(
          en.t('capstones.page.supervisedBy', { name: supervisor.fullName }),
        );

        // 4. The candidate uploads a draft; the supervisor comments on it.
        await me.goto(`${url}${capstonePath}`);
        await me.locator('#draft-file').setInputFiles({
          name: 'draft-1.pdf',
          mimeType: 'application/pdf',
          buffer: pdfBytes(CANDIDATE_NAME),
        });
        await me.locator('#draft-note').fill('First full draft.');
        await press(me, en.t('capstones.action.upload'));
        expect(await flash(me)).toBe(en.t('capstones.flash.uploaded'));
        await check(me);
        const sup = await journey.open();
        await signIn(sup, url, supervisor.email, supervisor.password);
        await sup.goto(`${url}/capstones`);
        await check(sup);
        await clickAndWait(sup, () => sup.getByRole('link', { name: TITLE, exact: true }).click());
        expect(await textOf(sup.locator('main'))).toContain('draft-1.pdf');
        await field(sup, 'body').fill('Strengthen section 2 with the ILO fair recruitment principles.');
        await press(sup, en.t('capstones.action.send'));
        expect(await flash(sup)).toBe(en.t('capstones.flash.sent'));
        await check(sup);

        // 4b. The manager extends the candidate's window by six months on the pathway's candidate page; the
        //     supervisor is told (the bell) and the capstone page offers the milestones moved by the
        //     extension, pre-filled in the replanning form: the supervisor saves them as offered.
        await committee.goto(`${url}/manage/candidates/${candidate.candidacyId}`);
        const extend = committee.locator('form[action$="/extensions"]');
        await extend.locator('[name="months"]').fill('6');
        await extend.locator('[name="reason"]').fill('Fieldwork delayed by floods.');
        await clickAndWait(committee, () =>
          extend.getByRole('button', { name: en.t('candidate.grantExtension'), exact: true }).click(),
        );
        expect(await flash(committee)).toBe(en.t('flash.extensionGranted'));
        await sup.goto(`${url}/notifications`);
        expect(await textOf(sup.locator('main'))).toContain(TITLE);
        await check(sup);
        await sup.goto(`${url}${capstonePath}`);
        expect(await textOf(sup.locator('main'))).toContain(EXTENDED);
        const offeredFinal = await field(sup, 'finalDue').inputValue();
        expect(offeredFinal > '2027-06-15').toBe(true);
        await check(sup);
        await press(sup, en.t('capstones.action.replanMilestones'));
        expect(await flash(sup)).toBe(en.t('capstones.flash.saved'));
        expect(await field(sup, 'finalDue').inputValue()).toBe(offeredFinal);
        expect(await textOf(sup.locator('main'))).not.toContain(EXTENDED);

        // 5. The candidate reads the feedback and hands in the final: a PDF, the abstract, the declaration.
        await me.goto(`${url}${capstonePath}`);
        expect(await textOf(me.locator('main'))).toContain('Strengthen section 2');
        await me.locator('#final-file').setInputFiles({
          name: 'morocco-final.pdf',
          mimeType: 'application/pdf',
          buffer: pdfBytes(CANDIDATE_NAME),
        });
        await clickAndWait(me, () =>
          me
            .locator('form[action$="/document"]')
            .getByRole('button', { name: en.t('capstones.action.upload'), exact: true })
            .click(),
        );
        expect(await flash(me)).toBe(en.t('capstones.flash.uploaded'));
        await field(me, 'abstract_en').fill(
          'Morocco can end recruitment fees through bilateral agreements and licensed agencies.',
        );
        await me.locator('#declared').check();
        await press(me, en.t('capstones.action.handIn'));
        expect(await flash(me)).toBe(en.t('capstones.flash.handedIn'));
        expect(await textOf(me.locator('.receipt code').first())).toMatch(/^[0-9a-f]{64}$/);
        await check(me);

        // 6. The manager allocates two assessors (never the supervisor).
        await committee.goto(`${url}${capstonePath}`);
        await field(committee, 'firstMarkerId').selectOption(assessors[0]!.id);
        await field(committee, 'secondMarkerId').selectOption(assessors[1]!.id);
        await press(committee, en.t('capstones.action.allocate'));
        expect(await flash(committee)).toBe(en.t('capstones.flash.saved'));
        await check(committee);
        const markingPath =
          (await committee.locator('a[href^="/marking/submissions/"]').first().getAttribute('href')) ?? '';
        expect(markingPath).toMatch(/^\/marking\/submissions\/[\w-]+$/);

        // 7. Each assessor marks blind: no page names the candidate (nor shows the supervisor's comment).
        for (const [i, markValue] of ['62', '78'].entries()) {
          const assessor = assessors[i]!;
          const marker = await journey.open();
          await signIn(marker, url, assessor.email, assessor.password);
          const blind = async () => {
            const body = await textOf(marker.locator('body'));
            expect(body).toMatch(/P-\d{4}/);
            expect(body).not.toContain('Secretname');
            expect(body).not.toContain('Amaru');
            expect(body).not.toContain('Strengthen section 2');
            await check(marker);
          };
          await marker.goto(`${url}/marking/my`);
          await blind();
          await clickAndWait(marker, () => marker.locator(`a[href="${markingPath}"]`).first().click());
          await blind();
          await clickAndWait(marker, () =>
            marker.getByRole('link', { name: en.t('marking.page.open'), exact: true }).click(),
          );
          expect(new URL(marker.url()).pathname).toMatch(/^\/capstones\/marking\//);
          await blind();
          expect(await textOf(marker.locator('main'))).toContain(TITLE);
          const documentHref =
            (await marker.locator('a[href$="/document"]').first().getAttribute('href')) ?? '';
          const download = await marker.request.get(`${url}${documentHref}`);
          expect(download.status()).toBe(200);
          expect((await download.body()).toString('latin1')).not.toContain('Secretname');
          await clickAndWait(marker, () =>
            marker.getByRole('link', { name: en.t('capstones.marker.markIt'), exact: true }).click(),
          );
          await field(marker, 'mark').fill(markValue);
          await field(marker, 'overall').fill('A sound analysis of the country context.');
          await marker.getByLabel(en.t('marking.page.complete')).check();
          await press(marker, en.t('marking.page.save'));
          await blind();
        }

        // 8. The manager, as moderator, agrees a mark and releases it, then records the pass.
        await committee.goto(`${url}${markingPath}`);
        await check(committee);
        await field(committee, 'mark').fill('70');
        await field(committee, 'note').fill('Second reading: agreed on 70.');
        await field(committee, 'feedback').fill('A convincing use of the courses; well done.');
        await press(committee, en.t('marking.page.agree'));
        expect(await textOf(committee.locator('main'))).toContain(
          en.t('marking.page.agreed', { mark: en.t('marking.percent', { mark: '70.00' }) }),
        );
        await press(committee, en.t('marking.page.release'));
        expect(await textOf(committee.locator('main'))).toContain(en.t('marking.state.released'));
        await check(committee);
        await committee.goto(`${url}${capstonePath}`);
        await field(committee, 'outcome').selectOption('pass');
        await press(committee, en.t('capstones.action.recordOutcome'));
        expect(await textOf(committee.locator('main'))).toContain(en.t('capstones.state.passed'));
        await check(committee);

        // 9. The job runner issues the diploma; it verifies on the public page, the capstone among its parts.
        const credentialOf = (kind: string) =>
          deps.db
            .selectFrom('credentials')
            .select(['id', 'status'])
            .where('user_id', '=', candidate.person.id)
            .where('kind', '=', kind)
            .executeTakeFirst();
        await expect.poll(() => credentialOf('diploma'), { timeout: 90_000, interval: 500 }).toBeDefined();
        const diploma = (await credentialOf('diploma'))!;
        const capstoneCredential = (await credentialOf('capstone'))!;
        const clr = await deps.db
          .selectFrom('credentials')
          .select('clr_json')
          .where('id', '=', diploma.id)
          .executeTakeFirstOrThrow();
        const bundled = (
          JSON.parse(clr.clr_json ?? '{}') as {
            credentialSubject: { verifiableCredential: { id: string }[] };
          }
        ).credentialSubject.verifiableCredential.map((vc) => vc.id);
        expect(bundled.some((id) => id.endsWith(capstoneCredential.id))).toBe(true);
        await me.goto(`${url}/my/credentials`);
        expect(await me.locator(`a[href$="/verify/${diploma.id}"]`).count()).toBeGreaterThanOrEqual(1);
        await check(me);
        const visitor = await journey.open();
        await visitor.goto(`${url}/verify/${diploma.id}`);
        expect(await textOf(visitor.locator('main'))).toContain(en.t('credential.status.valid'));
        expect(
          await visitor.locator(`table.components a[href="/verify/${capstoneCredential.id}"]`).count(),
        ).toBe(1);
        await check(visitor);
        await visitor.screenshot({ path: join(SHOTS, 'capstone-diploma-verify.png'), fullPage: true });
        await visitor.goto(`${url}/verify/${capstoneCredential.id}`);
        expect(await textOf(visitor.locator('main'))).toContain('Morocco');
        await check(visitor);

        // 10. Not in the library before consent: a visitor reading in Spanish searches its country in Spanish.
        await visitor.goto(`${url}/lang/es?next=/library/capstones`);
        expect(await visitor.locator('html').getAttribute('lang')).toBe('es');
        await check(visitor);
        const search = async () => {
          await visitor.getByLabel(es.t('capstones.library.search'), { exact: true }).fill('Marruecos');
          await press(visitor, es.t('capstones.library.find'));
          expect(new URL(visitor.url()).searchParams.get('q')).toBe('Marruecos');
          return visitor.getByRole('link', { name: TITLE, exact: true }).count();
        };
        expect(await search()).toBe(0);

        // 11. The candidate consents (CC BY 4.0, with their name and the diploma's link)…
        await me.goto(`${url}${capstonePath}`);
        await check(me);
        await me.locator('#consent').check();
        await field(me, 'licence').selectOption('CC-BY-4.0');
        await me.locator('#showAuthor').check();
        await me.locator('#linkDiploma').check();
        await press(me, en.t('capstones.action.saveConsent'));
        expect(await textOf(me.locator('main'))).toContain(en.t('capstones.page.published'));

        // …and the same search in Spanish finds it.
        await visitor.goto(`${url}/library/capstones`);
        expect(await search()).toBe(1);
        await check(visitor);
        await clickAndWait(visitor, () => visitor.getByRole('link', { name: TITLE, exact: true }).click());
        const entry = await textOf(visitor.locator('main'));
        expect(entry).toContain(CANDIDATE_NAME);
        expect(entry).toContain('Marruecos');
        expect(await visitor.locator(`a[href$="/verify/${diploma.id}"]`).count()).toBe(1);
        await check(visitor);
        await visitor.screenshot({ path: join(SHOTS, 'capstone-library-es.png'), fullPage: true });
      },
      8 * JOURNEY_TIMEOUT_MS,
    );
  },
);
