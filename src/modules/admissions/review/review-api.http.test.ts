import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  buildProgrammeWithRules,
  eligibleAnswers,
} from '../../../../test/helpers/application-factories.js';
import { api, createTestApp } from '../../../../test/helpers/http.js';
import { apiUser, countRows, errorCode, tokenOf } from '../../../../test/helpers/http-extra.js';
import { actorOf } from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { setStrictMessages } from '../../../i18n/i18n.js';
import { assignReviewer } from './assign-reviewers.js';

/** The staff review API over HTTP: every route with every role, bad input in the caller's language, OpenAPI. */

const scoreBody = {
  scores: { experience: 4, motivation: 5, impact: 3 },
  recommendation: 'waitlist',
  note: null,
};

describe('review API', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  let managerToken: string;
  let reviewer: Awaited<ReturnType<typeof apiUser>>;
  let outsiderToken: string;
  let managerActor: ReturnType<typeof actorOf>;

  beforeAll(async () => {
    setStrictMessages(true);
    ({ app, deps, close } = await createTestApp('sqlite'));
    await buildProgrammeWithRules(deps);
    const manager = await apiUser(deps, ['manager'], { locale: 'fr' });
    managerToken = manager.token;
    managerActor = actorOf(manager.person);
    reviewer = await apiUser(deps, ['assessor'], { locale: 'es' });
    outsiderToken = (await apiUser(deps, ['assessor'])).token;
  });
  afterAll(() => close());

  const assigned = async (options: Parameters<typeof buildApplication>[1] = {}) => {
    const application = await buildApplication(deps, { submit: true, ...options });
    await assignReviewer(deps.db, deps, managerActor, application.id, { reviewerId: reviewer.person.id });
    return application;
  };
  const changes = (id: string) =>
    [
      ['POST', `/api/v1/applications/${id}/reviewers`, { reviewerId: reviewer.person.id }],
      ['DELETE', `/api/v1/applications/${id}/reviewers/${reviewer.person.id}`, undefined],
      ['PUT', `/api/v1/applications/${id}/score`, scoreBody],
      ['POST', `/api/v1/applications/${id}/comments`, { body: 'Note' }],
      ['POST', `/api/v1/applications/${id}/decision`, { decision: 'reject', message: null }],
      ['POST', `/api/v1/applications/${id}/reopen`, { reason: 'x' }],
      ['POST', `/api/v1/applications/${id}/eligibility-override`, { reason: 'x' }],
    ] as const;
  const unchanged = async (run: () => Promise<void>) => {
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

  it('needs a token (401) and refuses participants, the applicant included (403)', async () => {
    const { id, person } = await assigned();
    const applicant = (await apiUser(deps, ['participant'])).token;
    const own = await tokenOf(deps, person);
    await unchanged(async () => {
      for (const [method, url, body] of [
        ['GET', '/api/v1/applications?programme=labour-migration', undefined] as const,
        ['GET', `/api/v1/applications/${id}`, undefined] as const,
        ...changes(id),
      ]) {
        expect([url, (await api(app, method, url, { body })).statusCode]).toEqual([url, 401]);
        for (const token of [applicant, own]) {
          const response = await api(app, method, url, { token, body });
          expect([method, url, response.statusCode, errorCode(response)]).toEqual([
            method,
            url,
            403,
            'forbidden',
          ]);
        }
      }
    });
  });

  it('hides an application from an unassigned reviewer (404); managers’ actions are 403 for reviewers', async () => {
    const { id } = await assigned();
    await unchanged(async () => {
      expect((await api(app, 'GET', `/api/v1/applications/${id}`, { token: outsiderToken })).statusCode).toBe(
        404,
      );
      for (const [method, url, body] of changes(id)) {
        const expected = url.endsWith('/score') || url.endsWith('/comments') ? 404 : 403;
        expect([url, (await api(app, method, url, { token: outsiderToken, body })).statusCode]).toEqual([
          url,
          expected,
        ]);
      }
      for (const [method, url, body] of changes(id)) {
        if (url.endsWith('/score') || url.endsWith('/comments')) continue;
        expect([url, (await api(app, method, url, { token: reviewer.token, body })).statusCode]).toEqual([
          url,
          403,
        ]);
      }
    });
    const list = await api(app, 'GET', '/api/v1/applications?programme=labour-migration', {
      token: outsiderToken,
    });
    expect(list.json()).toMatchObject({ applications: [], total: 0 });
  });

  it('lets the assigned reviewer read, score and comment', async () => {
    const { id } = await assigned();
    const read = await api(app, 'GET', `/api/v1/applications/${id}`, { token: reviewer.token });
    expect(read.statusCode).toBe(200);
    expect(read.json().eligibility.results[0]).toMatchObject({ rule: 'minYearsExperience', met: true });
    expect(read.json().eligibility.results[0].explanation).toContain('años');
    const scored = await api(app, 'PUT', `/api/v1/applications/${id}/score`, {
      token: reviewer.token,
      body: scoreBody,
    });
    expect(scored.statusCode).toBe(200);
    expect(scored.json().scores).toMatchObject([{ total: 12, recommendation: 'waitlist' }]);
    const commented = await api(app, 'POST', `/api/v1/applications/${id}/comments`, {
      token: reviewer.token,
      body: { body: 'Solid.' },
    });
    expect(commented.json().comments.map((c: { body: string }) => c.body)).toEqual(['Solid.']);
    const list = await api(app, 'GET', '/api/v1/applications?programme=labour-migration', {
      token: reviewer.token,
    });
    expect(list.json().applications.map((a: { id: string }) => a.id)).toContain(id);
  });

  it('rejects bad input with 400 in the caller’s language, changing nothing', async () => {
    const { id } = await assigned();
    await unchanged(async () => {
      const score = await api(app, 'PUT', `/api/v1/applications/${id}/score`, {
        token: reviewer.token,
        lang: 'es',
        body: { ...scoreBody, scores: { experience: 40, motivation: 5, impact: 3 } },
      });
      expect(score.statusCode).toBe(400);
      expect(score.json().error.fields).toEqual([
        { path: 'scores.experience', code: 'tooBig', message: 'Introduzca un número de como máximo 5.' },
      ]);
      const decision = await api(app, 'POST', `/api/v1/applications/${id}/decision`, {
        token: managerToken,
        lang: 'fr',
        body: { decision: 'request-info' },
      });
      expect(decision.statusCode).toBe(400);
      expect(decision.json().error.fields[0]).toMatchObject({
        path: 'message',
        message: 'Indiquez quelles informations la personne doit ajouter.',
      });
      const bogus = await api(app, 'POST', `/api/v1/applications/${id}/decision`, {
        token: managerToken,
        lang: 'fr',
        body: { decision: 'maybe' },
      });
      expect(bogus.statusCode).toBe(400);
      expect(bogus.json().error).toMatchObject({
        message: 'Certaines informations saisies doivent être corrigées.',
        fields: [{ path: 'decision', code: 'invalidChoice', message: 'Choisissez l’une des options.' }],
      });
      const reason = await api(app, 'POST', `/api/v1/applications/${id}/reopen`, {
        token: managerToken,
        body: { reason: '' },
      });
      expect(reason.statusCode).toBe(400);
      const list = await api(app, 'GET', '/api/v1/applications?programme=labour-migration&status=draft', {
        token: managerToken,
      });
      expect(list.statusCode).toBe(400);
      expect(
        (await api(app, 'GET', '/api/v1/applications/not-an-id', { token: managerToken })).statusCode,
      ).toBe(404);
      expect(
        (await api(app, 'GET', '/api/v1/applications?programme=no-such-programme', { token: managerToken }))
          .statusCode,
      ).toBe(404);
    });
  });

  it('lets a manager assign, decide, reopen and override; states that do not fit are 409', async () => {
    const answers = eligibleAnswers();
    answers.work = { ...answers.work, yearsOfExperience: 0 };
    const { id } = await buildApplication(deps, { submit: true, answers, justification: 'Union work.' });
    const assign = await api(app, 'POST', `/api/v1/applications/${id}/reviewers`, {
      token: managerToken,
      body: { reviewerId: reviewer.person.id },
    });
    expect(assign.statusCode).toBe(200);
    expect(assign.json()).toMatchObject({ status: 'under-review', reviewers: [{ id: reviewer.person.id }] });
    const override = await api(app, 'POST', `/api/v1/applications/${id}/eligibility-override`, {
      token: managerToken,
      body: { reason: 'Union work counts.' },
    });
    expect(override.json().override).toMatchObject({ reason: 'Union work counts.' });
    const accept = await api(app, 'POST', `/api/v1/applications/${id}/decision`, {
      token: managerToken,
      body: { decision: 'accept', message: 'Welcome.' },
    });
    expect(accept.statusCode).toBe(200);
    expect(accept.json()).toMatchObject({ status: 'accepted', candidacyId: expect.any(String) });
    const twice = await api(app, 'POST', `/api/v1/applications/${id}/decision`, {
      token: managerToken,
      body: { decision: 'waitlist' },
    });
    expect([twice.statusCode, errorCode(twice)]).toEqual([409, 'invalid_state']);
    const score = await api(app, 'PUT', `/api/v1/applications/${id}/score`, {
      token: reviewer.token,
      body: scoreBody,
    });
    expect(score.statusCode).toBe(409);
    const reopen = await api(app, 'POST', `/api/v1/applications/${id}/reopen`, {
      token: managerToken,
      body: { reason: 'Wrong file.' },
    });
    expect(reopen.json()).toMatchObject({
      status: 'under-review',
      decisions: [{ decision: 'accept', reopenReason: 'Wrong file.' }],
      candidacyId: accept.json().candidacyId,
    });
    const unassign = await api(app, 'DELETE', `/api/v1/applications/${id}/reviewers/${reviewer.person.id}`, {
      token: managerToken,
    });
    expect(unassign.json().reviewers).toEqual([]);
  });

  it('describes every route in the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
      paths: Record<string, object>;
    };
    for (const path of [
      '/api/v1/applications',
      '/api/v1/applications/{id}',
      '/api/v1/applications/{id}/reviewers',
      '/api/v1/applications/{id}/reviewers/{reviewerId}',
      '/api/v1/applications/{id}/score',
      '/api/v1/applications/{id}/comments',
      '/api/v1/applications/{id}/decision',
      '/api/v1/applications/{id}/reopen',
      '/api/v1/applications/{id}/eligibility-override',
    ]) {
      expect(Object.keys(doc.paths)).toContain(path);
    }
  });
});
