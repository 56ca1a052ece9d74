import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  eligibleAnswers,
  MOTIVATION,
  TINY_PDF,
  uploadForm,
} from '../../../test/helpers/application-factories.js';
import { buildProgramme } from '../../../test/helpers/factories.js';
import { createTestApp } from '../../../test/helpers/http.js';
import { countRows, fieldError, heading, signedIn } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { setStrictMessages } from '../../i18n/i18n.js';
import { systemActor } from '../../kernel/actor.js';
import { DEFAULT_CRITERIA, saveAdmissionSettings } from './admission-settings.js';

/** The applicant's pages over HTTP: start, steps, documents, submit, status, withdraw; who may see what. */

describe('applicant pages (web)', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  beforeAll(async () => {
    setStrictMessages(true);
    ({ app, deps, close } = await createTestApp('sqlite'));
    await buildProgramme(deps);
  });
  afterAll(() => close());

  it('sends a signed-out visitor to sign in first, then back to the form', async () => {
    const response = await app.inject({ method: 'GET', url: '/programmes/labour-migration/apply' });
    expect(response.statusCode).toBe(303);
    expect(response.headers.location).toBe('/sign-in?next=%2Fprogrammes%2Flabour-migration%2Fapply');
    for (const url of ['/my/applications', '/my/applications/0190f5d2-7d2c-7000-8000-000000000001']) {
      expect((await app.inject({ method: 'GET', url })).statusCode).toBe(303);
    }
  });

  it('starts, saves each step, resumes from “My applications”, in Spanish', async () => {
    const { browser } = await signedIn(app, deps, ['participant'], { locale: 'es' });
    const start = await browser.get('/programmes/labour-migration/apply');
    expect(start.statusCode).toBe(200);
    expect(heading(start.body)).toBe('Postular a Diploma in Testing');
    expect(start.body).toContain('Comenzar mi solicitud');
    const created = await browser.send('/programmes/labour-migration/apply');
    expect(created.statusCode).toBe(303);
    const id = created.headers.location?.toString().match(/applications\/([^/]+)\/steps\/person/)?.[1];
    expect(id).toBeTruthy();
    expect((await browser.get('/programmes/labour-migration/apply')).headers.location).toBe(
      `/my/applications/${id}`,
    );
    const step = await browser.get(`/my/applications/${id}/steps/person`);
    expect(heading(step.body)).toBe('Sobre usted');
    const saved = await browser.send(`/my/applications/${id}/steps/person`, {
      fullName: 'José Pérez',
      countryOfResidence: 'MX',
      nationality: 'MX',
      sex: 'prefer-not-to-say',
      after: 'next',
    });
    expect(saved.statusCode).toBe(303);
    expect(saved.headers.location).toBe(`/my/applications/${id}/steps/work`);
    const stay = await browser.send(`/my/applications/${id}/steps/education`, {
      highestDegree: 'bachelor',
      fieldOfStudy: 'law',
      'languages.0.code': 'es',
      'languages.0.level': 'native',
      'languages.1.code': '',
      'languages.1.level': '',
      after: 'stay',
    });
    expect(stay.headers.location).toBe(`/my/applications/${id}/steps/education`);
    const education = await browser.get(`/my/applications/${id}/steps/education`);
    expect(education.body).toContain('Su borrador está guardado.');
    expect(education.body).toMatch(/<option value="es" selected>/);
    const list = await browser.get('/my/applications');
    expect(list.body).toContain('Borrador');
    expect(list.body).toContain(`/my/applications/${id}/steps/motivation`);
    const motivation = await browser.get(`/my/applications/${id}/steps/motivation`);
    expect(motivation.body).toContain('data-counter-for="field-motivation"');
    expect(motivation.body).toContain('0 caracteres (entre 300 y 3000)');
    expect(motivation.body).toContain('/static/application-form.js');
  });

  it('shows the problems next to the fields in the reader’s language and saves nothing', async () => {
    const { browser, person } = await signedIn(app, deps, ['participant'], { locale: 'fr' });
    const { id } = await buildApplication(deps, { person });
    const response = await browser.send(`/my/applications/${id}/steps/work`, {
      yearsOfExperience: 'beaucoup',
      constituency: 'army',
    });
    expect(response.statusCode).toBe(400);
    expect(fieldError(response.body, 'yearsOfExperience')).toBe('Saisissez un nombre.');
    expect(fieldError(response.body, 'constituency')).toBeTruthy();
    const row = await deps.db
      .selectFrom('applications')
      .select('answers_json')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Only the name the application started with (from the account).
    expect(Object.keys(JSON.parse(row.answers_json))).toEqual(['fullName']);
    const tooLong = await browser.send(`/my/applications/${id}/steps/motivation`, {
      motivation: 'x'.repeat(3001),
    });
    expect(tooLong.statusCode).toBe(400);
    expect(fieldError(tooLong.body, 'motivation')).toBe('Utilisez au plus 3000 caractères.');
  });

  it('refuses a form without its CSRF token', async () => {
    const { browser, person } = await signedIn(app, deps);
    const { id } = await buildApplication(deps, { person });
    const response = await browser.post(`/my/applications/${id}/steps/person`, { fullName: 'X' });
    expect(response.statusCode).toBe(403);
    const upload = await uploadForm(
      browser,
      id,
      'cv',
      { name: 'cv.pdf', content: TINY_PDF },
      { csrf: false },
    );
    expect(upload.statusCode).toBe(403);
    expect(await countRows(deps, 'application_files')).toBe(0);
  });

  it('unknown steps and applications are not found', async () => {
    const { browser, person } = await signedIn(app, deps);
    const { id } = await buildApplication(deps, { person });
    expect((await browser.get(`/my/applications/${id}/steps/payment`)).statusCode).toBe(404);
    expect((await browser.get('/my/applications/not-an-id')).statusCode).toBe(404);
    expect((await browser.get('/programmes/no-such-programme/apply')).statusCode).toBe(404);
    expect((await browser.send(`/my/applications/${id}/steps/payment`, {})).statusCode).toBe(404);
  });

  it('nobody else sees or changes an application, whatever their role', async () => {
    const { id } = await buildApplication(deps, { submit: true });
    const before = await deps.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    for (const roles of [
      ['participant'],
      ['assessor'],
      ['facilitator'],
      ['manager'],
      ['administrator'],
    ] as const) {
      const { browser } = await signedIn(app, deps, [...roles]);
      for (const url of [`/my/applications/${id}`, `/my/applications/${id}/steps/person`]) {
        expect((await browser.get(url)).statusCode, `${roles} GET ${url}`).toBe(404);
      }
      const cv = await browser.get(`/my/applications/${id}/files/cv`);
      expect(cv.statusCode, `${roles} cv`).toBe(roles[0] === 'manager' ? 200 : 404);
      for (const url of [
        `/my/applications/${id}/steps/person`,
        `/my/applications/${id}/submit`,
        `/my/applications/${id}/withdraw`,
        `/my/applications/${id}/files/cv/delete`,
      ]) {
        const response = await browser.send(url, { fullName: 'Hacker' });
        expect([403, 404], `${roles} POST ${url}`).toContain(response.statusCode);
      }
      expect(
        (await uploadForm(browser, id, 'cv', { name: 'x.pdf', content: TINY_PDF })).statusCode,
      ).toBeGreaterThanOrEqual(403);
    }
    const after = await deps.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('uploads the CV, then lists what is missing, then submits with consent', async () => {
    const { browser, person } = await signedIn(app, deps);
    const { id, actor } = await buildApplication(deps, { person });
    const { saveApplicationStep } = await import('./save-application-step.js');
    for (const [step, answers] of Object.entries(eligibleAnswers())) {
      if (step !== 'review') await saveApplicationStep(deps.db, deps, actor, id, { step, answers });
    }
    const review = await browser.get(`/my/applications/${id}/steps/review`);
    expect(review.body).toContain('Upload your CV as a PDF.');
    expect(review.body).toContain('You meet every eligibility rule of this programme.');
    const upload = await uploadForm(browser, id, 'cv', { name: 'Mon CV.pdf', content: TINY_PDF });
    expect(upload.statusCode).toBe(303);
    const documents = await browser.get(`/my/applications/${id}/steps/documents`);
    expect(documents.body).toContain('Mon CV.pdf');
    const noConsent = await browser.send(`/my/applications/${id}/submit`, {});
    expect(noConsent.statusCode).toBe(400);
    expect(fieldError(noConsent.body, 'consent')).toBe('Agree to the privacy notice to submit.');
    const submitted = await browser.send(`/my/applications/${id}/submit`, { consent: 'on' });
    expect(submitted.statusCode).toBe(303);
    expect(submitted.headers.location).toBe(`/my/applications/${id}`);
    const status = await browser.get(`/my/applications/${id}`);
    expect(status.body).toContain('Your application is submitted.');
    expect(status.body).toContain('We have received your application.');
    expect(status.body).toContain(MOTIVATION.slice(0, 40));
    // Once submitted the form is closed: the steps lead to the status page.
    expect((await browser.get(`/my/applications/${id}/steps/person`)).headers.location).toBe(
      `/my/applications/${id}`,
    );
    const withdrawn = await browser.send(`/my/applications/${id}/withdraw`);
    expect(withdrawn.statusCode).toBe(303);
    expect((await browser.get(`/my/applications/${id}`)).body).toContain('You withdrew this application.');
    expect((await browser.send(`/my/applications/${id}/withdraw`)).statusCode).toBe(409);
  });

  it('asks an ineligible applicant for a justification, naming the rule not met', async () => {
    const { browser, person } = await signedIn(app, deps, ['participant'], { locale: 'es' });
    const answers = eligibleAnswers();
    answers.education = { ...answers.education, highestDegree: 'secondary' };
    const { id } = await buildApplication(deps, { person, complete: true, answers });
    const review = await browser.get(`/my/applications/${id}/steps/review`);
    expect(review.body).toContain(
      'Se requiere un título de nivel «Licenciatura o grado» o superior: usted tiene «Educación secundaria».',
    );
    expect(review.body).toContain('name="justification"');
    const refused = await browser.send(`/my/applications/${id}/submit`, { consent: 'on', justification: '' });
    expect(refused.statusCode).toBe(400);
    expect(fieldError(refused.body, 'justification')).toContain('Explique por qué');
    const ok = await browser.send(`/my/applications/${id}/submit`, {
      consent: 'on',
      justification: 'Tengo 20 años de experiencia.',
    });
    expect(ok.statusCode).toBe(303);
    const status = await browser.get(`/my/applications/${id}`);
    expect(status.body).toContain('Enviada');
  });
  it('renders every page of the applicant in English, French and Spanish (no missing message)', async () => {
    for (const locale of ['en', 'fr', 'es'] as const) {
      const { browser, person } = await signedIn(app, deps, ['participant'], { locale });
      expect((await browser.get('/my/applications')).statusCode).toBe(200);
      expect((await browser.get('/programmes/labour-migration/apply')).statusCode).toBe(200);
      const answers = eligibleAnswers();
      answers.work = { ...answers.work, yearsOfExperience: 0 };
      const { id } = await buildApplication(deps, { person, complete: true, answers });
      for (const step of ['person', 'work', 'education', 'motivation', 'documents', 'review']) {
        const page = await browser.get(`/my/applications/${id}/steps/${step}`);
        expect(page.statusCode, `${locale} ${step}`).toBe(200);
        expect(page.body).toContain(`lang="${locale}"`);
      }
      expect((await browser.get('/my/applications')).statusCode).toBe(200);
      expect((await browser.get(`/my/applications/${id}`)).statusCode).toBe(200);
      const submitted = await browser.send(`/my/applications/${id}/submit`, {
        consent: 'on',
        justification: 'Because.',
      });
      expect(submitted.statusCode).toBe(303);
      const status = await browser.get(`/my/applications/${id}`);
      expect(status.statusCode).toBe(200);
      expect(status.body).toContain('class="timeline"');
    }
  });
  it('a closed programme says so and refuses new applications (409); a stranger cannot start one signed out', async () => {
    const programmeId = await buildProgramme(deps, 'closed-programme');
    await saveAdmissionSettings(deps.db, deps, systemActor('test'), programmeId, {
      open: true,
      closesOn: '2026-11-27',
      eligibility: {},
      criteria: DEFAULT_CRITERIA,
    });
    const { browser } = await signedIn(app, deps, ['participant'], { locale: 'fr' });
    const page = await browser.get('/programmes/closed-programme/apply');
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain('Ce programme ne reçoit pas de candidatures en ce moment.');
    const before = await countRows(deps, 'applications');
    expect((await browser.send('/programmes/closed-programme/apply')).statusCode).toBe(409);
    const anonymous = await app.inject({
      method: 'POST',
      url: '/programmes/labour-migration/apply',
      payload: {},
    });
    expect([401, 403]).toContain(anonymous.statusCode);
    expect(await countRows(deps, 'applications')).toBe(before);
  });
});
