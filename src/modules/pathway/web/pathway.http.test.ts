import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import { Client, fieldError, heading, signedIn } from '../../../../test/helpers/http-extra.js';
import {
  buildEnrolledCandidate,
  buildParticipant,
  buildPathwayProgramme,
  earn,
  type PathwayProgramme,
  pathwayRules,
  pathwayState,
  registerAs,
} from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { systemActor } from '../../../kernel/actor.js';
import { newId } from '../../../kernel/ids.js';
import { withdrawCandidate } from '../withdraw-candidate.js';

/** The pathway pages: who may open and post what, invalid forms, and the dashboard in three languages. */

const en = translator('en');
const fr = translator('fr');
const es = translator('es');
const SYSTEM = systemActor('test');

/** Ids used more than once in a page (each breaks a label or a link to a field). */
function duplicateIds(html: string): string[] {
  const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((m) => m[1]!);
  return [...new Set(ids.filter((id, index) => ids.indexOf(id) !== index))];
}

for (const dialect of DIALECTS) {
  describe(`${dialect}: pathway web`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let programme: PathwayProgramme;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      programme = await buildPathwayProgramme(deps);
    });
    afterAll(async () => close?.());

    const state = () => pathwayState(deps);

    /** A candidate (Academy done) enrolled in an edition of an elective, and that edition's facilitator. */
    const world = async () => {
      const facilitator = await signedIn(app, deps, ['facilitator']);
      const found = await buildEnrolledCandidate(deps, programme, {
        facilitatorIds: [facilitator.person.id],
        fullName: 'Web Candidate',
      });
      return { ...found, facilitator: facilitator.browser };
    };

    const pages = (ids: { candidacy: string; edition: string; slug: string }) => [
      `/manage/candidates?programme=${ids.slug}`,
      `/manage/candidates?programme=${ids.slug}&atRisk=1&ready=1`,
      `/manage/candidates.csv?programme=${ids.slug}`,
      `/manage/candidates/new?programme=${ids.slug}`,
      `/manage/candidates/${ids.candidacy}`,
      `/manage/editions/${ids.edition}/class`,
      `/manage/programmes/${ids.slug}/rules`,
    ];
    const forms = (ids: {
      candidacy: string;
      edition: string;
      enrolment: string;
      slug: string;
      email: string;
    }) =>
      [
        [`/manage/candidates/new?programme=${ids.slug}`, { email: ids.email, registeredOn: '' }],
        [`/manage/candidates/${ids.candidacy}/extensions`, { months: '3', reason: 'Illness' }],
        [`/manage/candidates/${ids.candidacy}/withdraw`, { reason: 'Asked to' }],
        [`/manage/candidates/${ids.candidacy}/reinstate`, {}],
        [`/manage/candidates/${ids.candidacy}/capstone`, { status: 'in-progress', completedOn: '' }],
        [`/manage/candidates/${ids.candidacy}/rule-version`, { ruleVersionId: programme.ruleVersionId }],
        [`/manage/editions/${ids.edition}/enrolments`, { email: ids.email }],
        [
          `/manage/editions/${ids.edition}/results`,
          {
            'rows.0.enrolmentId': ids.enrolment,
            'rows.0.outcome': 'achievement',
            'rows.0.grade': '',
            'rows.0.completedOn': '2026-03-13',
          },
        ],
        [
          `/manage/programmes/${ids.slug}/rules`,
          { effectiveFrom: '2031-01-01', note: '', rules: JSON.stringify(pathwayRules(programme)) },
        ],
      ] as [string, Record<string, string>][];

    it('sends anonymous visitors to sign in and refuses participants, assessors and facilitators (403)', async () => {
      const { candidacyId, edition, enrolmentId } = await world();
      const stranger = await buildParticipant(deps);
      const ids = {
        candidacy: candidacyId,
        edition: edition.id,
        enrolment: enrolmentId,
        slug: programme.slug,
        email: stranger.email,
      };
      for (const url of [...pages(ids), '/my/pathway', '/manage/candidates']) {
        const response = await app.inject(url);
        expect(response.statusCode, url).toBe(303);
        expect(response.headers.location, url).toBe(`/sign-in?next=${encodeURIComponent(url)}`);
      }
      const { browser: participant } = await signedIn(app, deps, ['participant']);
      const { browser: assessor } = await signedIn(app, deps, ['assessor', 'administrator']);
      const { browser: otherFacilitator } = await signedIn(app, deps, ['facilitator']);
      for (const url of [...pages(ids), '/manage/candidates']) {
        for (const browser of [participant, assessor, otherFacilitator]) {
          const response = await browser.get(url);
          expect(response.statusCode, url).toBe(403);
          expect(response.body, url).toContain(en.t('errors.forbidden'));
        }
      }
      const before = await state();
      for (const [url, fields] of forms(ids)) {
        const anonymous = await new Client(app).send(url, fields);
        expect(anonymous.statusCode, url).toBe(401);
        expect(anonymous.body, url).toContain(en.t('errors.unauthenticated'));
        for (const browser of [participant, assessor, otherFacilitator]) {
          expect((await browser.send(url, fields)).statusCode, url).toBe(403);
        }
        // Without the CSRF token a form is refused before anything else.
        expect((await participant.post(url, fields)).statusCode, url).toBe(403);
      }
      expect(await state()).toBe(before);
    });

    it("lets an edition's facilitator open its class list and record results, but not enrol", async () => {
      const { edition, enrolmentId, facilitator, person } = await world();
      const page = await facilitator.get(`/manage/editions/${edition.id}/class`);
      expect(page.statusCode).toBe(200);
      expect(page.body).toContain('Web Candidate');
      expect(page.body).not.toContain(`action="/manage/editions/${edition.id}/enrolments"`);
      expect(duplicateIds(page.body)).toEqual([]);
      const saved = await facilitator.send(`/manage/editions/${edition.id}/results`, {
        'rows.0.enrolmentId': enrolmentId,
        'rows.0.outcome': 'achievement',
        'rows.0.grade': 'A',
        'rows.0.completedOn': '2026-03-13',
      });
      expect(saved.statusCode).toBe(303);
      expect(saved.headers.location).toBe(`/manage/editions/${edition.id}/class`);
      const after = await facilitator.get(`/manage/editions/${edition.id}/class`);
      expect(after.body).toContain(en.t('flash.resultsSaved'));
      expect(after.body).toMatch(/<option value="achievement" selected/);
      const before = await state();
      const enrol = await facilitator.send(`/manage/editions/${edition.id}/enrolments`, {
        email: person.email,
      });
      expect(enrol.statusCode).toBe(403);
      expect(await state()).toBe(before);
    });

    it('answers 404 for unknown candidates, editions and programmes', async () => {
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      for (const url of [
        `/manage/candidates/${newId()}`,
        '/manage/candidates/not-an-id',
        `/manage/editions/${newId()}/class`,
        '/manage/editions/7/class',
        '/manage/programmes/no-such-programme/rules',
        '/manage/candidates?programme=no-such-programme',
        '/manage/candidates/new?programme=no-such-programme',
        '/manage/candidates.csv?programme=no-such-programme',
      ]) {
        const response = await manager.get(url);
        expect(response.statusCode, url).toBe(404);
        expect(response.body, url).toContain(en.t('errors.not_found'));
      }
      for (const [url, fields] of forms({
        candidacy: newId(),
        edition: newId(),
        enrolment: newId(),
        slug: 'no-such-programme',
        email: 'nobody@example.org',
      })) {
        expect((await manager.send(url, fields)).statusCode, url).toBe(404);
      }
    });

    it('re-displays invalid forms with messages next to the fields (400), changing nothing', async () => {
      const { candidacyId, edition, enrolmentId } = await world();
      const manager = new Client(app);
      const account = await buildParticipant(deps, { roles: ['manager'], locale: 'fr' });
      await manager.signIn(account.email, account.password);
      const before = await state();
      const check = async (url: string, fields: Record<string, string>, expected: Record<string, string>) => {
        const response = await manager.send(url, fields);
        expect(response.statusCode, url).toBe(400);
        for (const [name, message] of Object.entries(expected))
          expect(fieldError(response.body, name), `${url} ${name}`).toBe(message);
        expect(duplicateIds(response.body), url).toEqual([]);
        return response;
      };
      const candidate = `/manage/candidates/${candidacyId}`;
      const register = await check(
        `/manage/candidates/new?programme=${programme.slug}`,
        { email: 'not-an-email', registeredOn: '2026-02-30' },
        { email: fr.t('validation.invalidEmail'), registeredOn: fr.t('validation.invalidDate') },
      );
      expect(register.body).toContain('value="not-an-email"');
      await check(
        `/manage/candidates/new?programme=${programme.slug}`,
        { email: 'nobody-at-all@example.org' },
        { email: fr.t('validation.unknownPerson') },
      );
      await check(
        `${candidate}/extensions`,
        { months: 'six', reason: 'x' },
        { months: fr.t('validation.notNumber') },
      );
      await check(
        `${candidate}/extensions`,
        { months: '0', reason: '' },
        { months: fr.t('validation.tooSmall', { min: 1 }), 'extension-reason': fr.t('validation.required') },
      );
      await check(
        `${candidate}/withdraw`,
        { reason: '   ' },
        { 'withdraw-reason': fr.t('validation.required') },
      );
      await check(
        `${candidate}/capstone`,
        { status: 'passed', completedOn: '' },
        { completedOn: fr.t('validation.capstoneDateNeeded') },
      );
      await check(`${candidate}/capstone`, { status: 'done' }, { status: fr.t('validation.invalidChoice') });
      await check(
        `${candidate}/capstone`,
        { status: 'passed', completedOn: '2030-01-15' },
        { completedOn: fr.t('validation.passedInFuture') },
      );
      // Registered on 2025-01-06 with a 5-year window: nothing of the candidacy can count before 2020-01-06.
      await check(
        `${candidate}/capstone`,
        { status: 'passed', completedOn: '1999-06-01' },
        { completedOn: fr.t('validation.passedTooEarly', { date: '2020-01-06' }) },
      );
      await check(
        `${candidate}/rule-version`,
        { ruleVersionId: newId() },
        { ruleVersionId: fr.t('validation.invalidChoice') },
      );
      await check(
        `/manage/editions/${edition.id}/enrolments`,
        { email: '' },
        { email: fr.t('validation.required') },
      );
      const results = await manager.send(`/manage/editions/${edition.id}/results`, {
        'rows.0.enrolmentId': enrolmentId,
        'rows.0.outcome': 'achievement',
        'rows.0.grade': 'B',
        'rows.0.completedOn': '2026-01-30',
      });
      expect(results.statusCode).toBe(400);
      expect(results.body).toContain(fr.t('validation.completedBeforeStart'));
      expect(results.body).toContain('value="2026-01-30"');
      // Today is 28 Nov 2026: a completion in the future is refused, nothing is recorded or issued.
      const future = await manager.send(`/manage/editions/${edition.id}/results`, {
        'rows.0.enrolmentId': enrolmentId,
        'rows.0.outcome': 'achievement',
        'rows.0.grade': 'B',
        'rows.0.completedOn': '2027-06-11',
      });
      expect(future.statusCode).toBe(400);
      expect(future.body).toContain(fr.t('validation.completedInFuture'));
      expect(future.body).toContain('value="2027-06-11"');
      await check(
        `/manage/programmes/${programme.slug}/rules`,
        { effectiveFrom: '', rules: '{}' },
        { effectiveFrom: fr.t('validation.invalidDate') },
      );
      await check(
        `/manage/programmes/${programme.slug}/rules`,
        { effectiveFrom: '2031-01-01', rules: '{"window":' },
        { rules: fr.t('validation.invalidJson') },
      );
      expect(await state()).toBe(before);
    });

    it('runs the candidate actions for a manager: 303 back to the candidate, 409 when the state forbids', async () => {
      const { candidacyId, person } = await world();
      const { browser: manager } = await signedIn(app, deps, ['manager']);
      const candidate = `/manage/candidates/${candidacyId}`;
      const page = await manager.get(candidate);
      expect(page.statusCode).toBe(200);
      expect(heading(page.body)).toContain('Web Candidate');
      expect(duplicateIds(page.body)).toEqual([]);
      for (const [path, fields, flash] of [
        ['extensions', { months: '6', reason: 'Illness' }, 'flash.extensionGranted'],
        ['withdraw', { reason: 'Paused' }, 'flash.candidateWithdrawn'],
        ['reinstate', {}, 'flash.candidateReinstated'],
        ['capstone', { status: 'in-progress', completedOn: '' }, 'flash.capstoneSaved'],
        ['rule-version', { ruleVersionId: programme.ruleVersionId }, 'flash.ruleVersionChanged'],
      ] as [string, Record<string, string>, string][]) {
        const response = await manager.send(`${candidate}/${path}`, fields);
        expect(response.statusCode, path).toBe(303);
        expect(response.headers.location, path).toBe(candidate);
        expect((await manager.get(candidate)).body, path).toContain(en.t(flash));
      }
      const shown = (await manager.get(candidate)).body;
      expect(shown).toContain(en.t('candidate.status.reinstated'));
      expect(shown).toContain('Illness');
      const refused = await manager.send(`${candidate}/reinstate`, {});
      expect(refused.statusCode).toBe(409);
      expect(refused.body).toContain(en.t('errors.invalid_state'));
      // Register, enrol, list and export.
      const newcomer = await buildParticipant(deps, { fullName: 'Newly Registered' });
      const registered = await manager.send(`/manage/candidates/new?programme=${programme.slug}`, {
        email: newcomer.email,
        registeredOn: '',
      });
      expect(registered.statusCode).toBe(303);
      expect(registered.headers.location).toMatch(/^\/manage\/candidates\/[0-9a-f-]{36}$/);
      const list = await manager.get(`/manage/candidates?programme=${programme.slug}&q=newly`);
      expect(list.statusCode).toBe(200);
      expect(list.body).toContain('Newly Registered');
      expect(list.body).not.toContain('Web Candidate');
      expect(duplicateIds(list.body)).toEqual([]);
      const csv = await manager.get(`/manage/candidates.csv?programme=${programme.slug}&q=candidate`);
      expect(csv.headers['content-type']).toContain('text/csv');
      expect(csv.body).toContain(person.email);
      expect(
        (await manager.get(`/manage/candidates?programme=${programme.slug}&atRisk=maybe`)).statusCode,
      ).toBe(400);
      expect((await manager.get(`/manage/programmes/${programme.slug}/rules`)).statusCode).toBe(200);
      expect((await manager.get(`/manage/candidates/new?programme=${programme.slug}`)).statusCode).toBe(200);
    });

    it('tells a participant who is not a candidate that they are not one yet', async () => {
      const { browser } = await signedIn(app, deps, ['participant']);
      const page = await browser.get('/my/pathway');
      expect(page.statusCode).toBe(200);
      expect(heading(page.body)).toBe(en.t('myPathway.title'));
      expect(page.body).toContain(en.t('myPathway.none'));
    });

    it('shows the dashboard in French and in Spanish', async () => {
      for (const [locale, t] of [
        ['fr', fr],
        ['es', es],
      ] as const) {
        const person = await buildParticipant(deps, { locale });
        const candidacyId = await registerAs(deps, programme, person, '2025-01-06');
        await earn(deps, person, programme.academy, '2025-06-16', '2025-06-27');
        await earn(deps, person, programme.electives[1], '2025-09-01', '2025-10-10');
        const browser = new Client(app);
        await browser.signIn(person.email, person.password);
        const page = await browser.get('/my/pathway');
        expect(page.statusCode, locale).toBe(200);
        expect(page.body).toContain(`<html lang="${locale}"`);
        expect(heading(page.body)).toBe(t.t('myPathway.title'));
        for (const text of [
          t.t('myPathway.checklist'),
          t.t('myPathway.standing'),
          t.t('myPathway.whyNotYet'),
          t.t('myPathway.next'),
          t.t('requirement.progress', { have: 1, needed: 3 }),
          t.t('requirement.state.locked'),
          t.t('candidate.status.active'),
        ]) {
          expect(page.body, `${locale}: ${text}`).toContain(text.replace(/'/g, '&#39;'));
        }
        expect(page.body).not.toContain(en.t('myPathway.whyNotYet'));
        expect(duplicateIds(page.body)).toEqual([]);
        await withdrawCandidate(deps.db, deps, SYSTEM, candidacyId, { reason: 'Paused' });
        expect((await browser.get('/my/pathway')).body).toContain(t.t('candidate.status.withdrawn'));
      }
    });
  });
}
