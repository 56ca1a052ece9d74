import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApplication, buildProgrammeWithRules } from '../../../../test/helpers/application-factories.js';
import { buildPerson } from '../../../../test/helpers/factories.js';
import { createTestApp } from '../../../../test/helpers/http.js';
import {
  Client,
  countRows,
  fieldError,
  heading,
  signedIn,
  tokenOf,
} from '../../../../test/helpers/http-extra.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { setStrictMessages } from '../../../i18n/i18n.js';
import { assignReviewer } from './assign-reviewers.js';

/** The staff pages of admissions over HTTP: every route with every role, bad input, staff-only comments. */

const score = {
  'scores.experience': '4',
  'scores.motivation': '5',
  'scores.impact': '3',
  recommendation: 'accept',
  note: '',
};

describe('review pages (web)', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let manager: Client;
  let reviewer: Client;
  let outsider: Client;
  let reviewerId: string;
  let managerActor: ReturnType<typeof actorOf>;

  beforeAll(async () => {
    setStrictMessages(true);
    ({ app, deps, close } = await createTestApp('sqlite'));
    await buildProgrammeWithRules(deps);
    const m = await signedIn(app, deps, ['manager'], { locale: 'fr' });
    manager = m.browser;
    managerActor = actorOf(m.person);
    const r = await signedIn(app, deps, ['assessor'], { locale: 'es' });
    reviewer = r.browser;
    reviewerId = r.person.id;
    outsider = (await signedIn(app, deps, ['assessor'])).browser;
  });
  afterAll(() => close());

  /** A submitted application assigned to the reviewer, with the applicant signed in. */
  const assignedApplication = async () => {
    const applicant = await signedIn(app, deps, ['participant']);
    const { id } = await buildApplication(deps, { submit: true, person: applicant.person });
    await assignReviewer(deps.db, deps, managerActor, id, { reviewerId });
    return { id, applicant: applicant.browser, applicantPerson: applicant.person };
  };
  const posts = (id: string): Record<string, Record<string, string>> => ({
    [`/manage/applications/${id}/reviewers`]: { reviewerId },
    [`/manage/applications/${id}/reviewers/${reviewerId}/remove`]: {},
    [`/manage/applications/${id}/score`]: score,
    [`/manage/applications/${id}/comments`]: { body: 'A comment' },
    [`/manage/applications/${id}/decision`]: { decision: 'reject', message: 'No.' },
    [`/manage/applications/${id}/reopen`]: { reopenReason: 'Because.' },
    [`/manage/applications/${id}/override`]: { overrideReason: 'Because.' },
    '/manage/programmes/labour-migration/admissions': { open: 'on' },
  });
  const tablesUnchanged = async (run: () => Promise<void>) => {
    const tables = [
      'application_reviewers',
      'application_scores',
      'application_comments',
      'application_decisions',
      'audit_events',
    ] as const;
    const before = await Promise.all(tables.map((t) => countRows(deps, t)));
    await run();
    expect(await Promise.all(tables.map((t) => countRows(deps, t)))).toEqual(before);
  };

  it('sends signed-out visitors to sign in, and refuses their forms (401)', async () => {
    const { id } = await assignedApplication();
    const anonymous = new Client(app);
    for (const url of [
      '/manage/applications',
      '/review',
      '/manage/applications.csv',
      `/manage/applications/${id}`,
      `/manage/applications/${id}/files/cv`,
      '/manage/programmes/labour-migration/admissions',
    ]) {
      const response = await anonymous.get(url);
      expect([url, response.statusCode]).toEqual([url, 303]);
      expect(response.headers.location).toMatch(/^\/sign-in\?next=/);
    }
    await tablesUnchanged(async () => {
      for (const [url, fields] of Object.entries(posts(id))) {
        expect([url, (await anonymous.send(url, fields)).statusCode]).toEqual([url, 401]);
      }
    });
  });

  it('refuses participants, the applicant included (403), and changes nothing', async () => {
    const { id, applicant } = await assignedApplication();
    for (const url of [
      '/manage/applications',
      '/review',
      '/manage/applications.csv',
      `/manage/applications/${id}`,
      '/manage/programmes/labour-migration/admissions',
    ]) {
      expect([url, (await applicant.get(url)).statusCode]).toEqual([url, 403]);
    }
    await tablesUnchanged(async () => {
      for (const [url, fields] of Object.entries(posts(id))) {
        expect([url, (await applicant.send(url, fields)).statusCode]).toEqual([url, 403]);
      }
    });
  });

  it('hides an application from a reviewer it is not assigned to (404), and managers’ actions are 403', async () => {
    const { id } = await assignedApplication();
    expect((await outsider.get(`/manage/applications/${id}`)).statusCode).toBe(404);
    expect((await outsider.get(`/manage/applications/${id}/files/cv`)).statusCode).toBe(404);
    await tablesUnchanged(async () => {
      const expected: Record<string, number> = { score: 404, comments: 404 };
      for (const [url, fields] of Object.entries(posts(id))) {
        const last = url.split('/').at(-1)!;
        expect([url, (await outsider.send(url, fields)).statusCode]).toEqual([url, expected[last] ?? 403]);
      }
    });
    expect((await outsider.get('/manage/applications.csv')).statusCode).toBe(403);
  });

  it('lets the assigned reviewer read, download the CV, score and comment, and nothing else', async () => {
    const { id } = await assignedApplication();
    const page = await reviewer.get(`/manage/applications/${id}`);
    expect(page.statusCode).toBe(200);
    expect(page.body).toContain(`action="/manage/applications/${id}/score"`);
    expect(page.body).toContain(`action="/manage/applications/${id}/comments"`);
    expect(page.body).not.toContain(`action="/manage/applications/${id}/decision"`);
    expect(page.body).not.toContain(`action="/manage/applications/${id}/reviewers"`);
    const file = await reviewer.get(`/manage/applications/${id}/files/cv`);
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toBe('application/pdf');
    expect(file.headers['content-disposition']).toMatch(/^attachment; filename="cv-/);
    expect(file.headers['x-content-type-options']).toBe('nosniff');
    expect((await reviewer.send(`/manage/applications/${id}/score`, score)).statusCode).toBe(303);
    const scored = await reviewer.get(`/manage/applications/${id}`);
    expect(scored.body).toContain('Su puntuación está guardada.');
    expect(scored.body).toContain('Cambiar su puntuación');
    expect((await reviewer.send(`/manage/applications/${id}/comments`, { body: 'Bien.' })).statusCode).toBe(
      303,
    );
    const after = await reviewer.get(`/manage/applications/${id}`);
    expect(after.body).toContain('El comentario fue añadido.');
    expect(after.body).toContain('Bien.');
    for (const path of ['decision', 'reopen', 'override', 'reviewers']) {
      const fields = posts(id)[`/manage/applications/${id}/${path}`]!;
      expect([path, (await reviewer.send(`/manage/applications/${id}/${path}`, fields)).statusCode]).toEqual([
        path,
        403,
      ]);
    }
    const queue = await reviewer.get('/review');
    expect(queue.statusCode).toBe(200);
    expect(heading(queue.body)).toBe('Solicitudes por evaluar');
    expect(queue.body).toContain(`/manage/applications/${id}`);
    expect((await reviewer.get('/manage/programmes/labour-migration/admissions')).statusCode).toBe(403);
  });

  it('shows a score out of range in the reviewer’s language and keeps nothing', async () => {
    const { id } = await assignedApplication();
    await tablesUnchanged(async () => {
      const response = await reviewer.send(`/manage/applications/${id}/score`, {
        ...score,
        'scores.impact': '9',
      });
      expect(response.statusCode).toBe(400);
      expect(fieldError(response.body, 'scores.impact')).toBe('Introduzca un número de como máximo 5.');
      expect(response.body).toContain('value="9"');
    });
  });

  it('lets a manager filter the queue, assign, decide with a message, reopen and override', async () => {
    const { id, applicantPerson } = await assignedApplication();
    const fresh = await buildApplication(deps, { submit: true });
    const page0 = await manager.get(`/manage/applications/${fresh.id}`);
    expect(page0.body).toContain('Remplit toutes les conditions d’admissibilité.');
    expect(page0.body).toContain(`<option value="${reviewerId}">`);
    expect(
      (await manager.send(`/manage/applications/${fresh.id}/reviewers`, { reviewerId })).statusCode,
    ).toBe(303);
    const participant = await buildPerson(deps);
    const notAssessor = await manager.send(`/manage/applications/${fresh.id}/reviewers`, {
      reviewerId: participant.id,
    });
    expect(notAssessor.statusCode).toBe(400);
    expect(fieldError(notAssessor.body, 'reviewerId')).toBe(
      'Seules les personnes ayant le rôle d’évaluateur peuvent évaluer des candidatures.',
    );
    expect(
      (await manager.send(`/manage/applications/${fresh.id}/reviewers/${reviewerId}/remove`, {})).statusCode,
    ).toBe(303);
    const queue = await manager.get('/manage/applications?status=under-review');
    expect(queue.statusCode).toBe(200);
    expect(heading(queue.body)).toBe('Candidatures');
    expect(queue.body).toContain(`/manage/applications/${id}`);
    const csv = await manager.get('/manage/applications.csv?status=under-review');
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.body).toContain(id);
    const noMessage = await manager.send(`/manage/applications/${id}/decision`, {
      decision: 'request-info',
      message: '',
    });
    expect(noMessage.statusCode).toBe(400);
    expect(fieldError(noMessage.body, 'message')).toBe(
      'Indiquez quelles informations la personne doit ajouter.',
    );
    const decided = await manager.send(`/manage/applications/${id}/decision`, {
      decision: 'accept',
      message: 'Bienvenue.',
    });
    expect(decided.statusCode).toBe(303);
    const page = await manager.get(`/manage/applications/${id}`);
    expect(page.body).toContain('La décision est enregistrée et la personne est informée.');
    expect(page.body).toContain('/manage/candidates/');
    const again = await manager.send(`/manage/applications/${id}/decision`, {
      decision: 'reject',
      message: '',
    });
    expect(again.statusCode).toBe(409);
    expect(again.body).toContain('rouvrez d’abord la décision en vigueur');
    const noReason = await manager.send(`/manage/applications/${id}/reopen`, { reopenReason: ' ' });
    expect(noReason.statusCode).toBe(400);
    expect(fieldError(noReason.body, 'reopenReason')).toBeTruthy();
    expect(
      (await manager.send(`/manage/applications/${id}/reopen`, { reopenReason: 'Erreur.' })).statusCode,
    ).toBe(303);
    const notices = await deps.db
      .selectFrom('notifications')
      .select('kind')
      .where('user_id', '=', applicantPerson.id)
      .execute();
    expect(notices.map((n) => n.kind)).toContain('application.decided');
    const override = await manager.send(`/manage/applications/${id}/override`, { overrideReason: 'x' });
    expect(override.statusCode).toBe(409);
  });

  it('edits the admission settings with errors in the manager’s language, saving nothing until valid', async () => {
    const form = await manager.get('/manage/programmes/labour-migration/admissions');
    expect(form.statusCode).toBe(200);
    expect(form.body).toContain('name="criteria.0.id" type="text" value="experience"');
    const before = await countRows(deps, 'admission_settings');
    const bad = await manager.send('/manage/programmes/labour-migration/admissions', {
      open: 'on',
      closesOn: '2027-02-30',
      'eligibility.minYearsExperience': '3',
      'criteria.0.id': 'relevance',
      'criteria.0.label.fr': 'Pertinence',
      'criteria.0.maxScore': '0',
      'criteria.1.id': '',
      'criteria.1.label.en': '',
      'criteria.1.maxScore': '',
    });
    expect(bad.statusCode).toBe(400);
    expect(fieldError(bad.body, 'closesOn')).toBe('Saisissez une date réelle au format AAAA-MM-JJ.');
    expect(fieldError(bad.body, 'criteria.0.maxScore')).toBe('Saisissez un nombre d’au moins 1.');
    expect(await countRows(deps, 'admission_settings')).toBe(before);
    const good = await manager.send('/manage/programmes/labour-migration/admissions', {
      open: 'on',
      closesOn: '2027-03-31',
      'eligibility.minYearsExperience': '2',
      'eligibility.minDegree': 'bachelor',
      'eligibility.languages.0.anyOf': ['en', 'fr'],
      'eligibility.languages.0.minLevel': 'intermediate',
      'criteria.0.id': 'relevance',
      'criteria.0.label.fr': 'Pertinence',
      'criteria.0.maxScore': '10',
    });
    expect(good.statusCode).toBe(303);
    const row = await deps.db.selectFrom('admission_settings').selectAll().executeTakeFirstOrThrow();
    expect(row.closes_on).toBe('2027-03-31');
    expect(JSON.parse(row.criteria_json)).toEqual([
      { id: 'relevance', label: { fr: 'Pertinence' }, maxScore: 10 },
    ]);
    expect(JSON.parse(row.eligibility_json)).toMatchObject({
      minYearsExperience: 2,
      minDegree: 'bachelor',
      languages: [{ anyOf: ['en', 'fr'], minLevel: 'intermediate' }],
    });
  });

  it('never shows staff comments to the applicant, on any of their pages or in their API', async () => {
    const { id, applicant, applicantPerson } = await assignedApplication();
    const secret = `Staff only ${Date.now()}`;
    expect((await reviewer.send(`/manage/applications/${id}/comments`, { body: secret })).statusCode).toBe(
      303,
    );
    expect((await manager.get(`/manage/applications/${id}`)).body).toContain(secret);
    for (const url of [
      '/my/applications',
      `/my/applications/${id}`,
      `/manage/applications/${id}`,
      '/notifications',
    ]) {
      const response = await applicant.get(url);
      expect([url, response.body.includes(secret)]).toEqual([url, false]);
    }
    const token = await tokenOf(deps, applicantPerson);
    for (const url of [
      '/api/v1/applications/mine',
      `/api/v1/applications/mine/${id}`,
      `/api/v1/applications/${id}`,
    ]) {
      const response = await app.inject({
        method: 'GET',
        url,
        headers: { authorization: `Bearer ${token}` },
      });
      expect([url, response.body.includes(secret)]).toEqual([url, false]);
    }
  });
});
