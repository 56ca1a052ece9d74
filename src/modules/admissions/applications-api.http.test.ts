import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { eligibleAnswers, TINY_PDF } from '../../../test/helpers/application-factories.js';
import { buildProgramme } from '../../../test/helpers/factories.js';
import { api, createTestApp } from '../../../test/helpers/http.js';
import { apiUser, countRows, errorCode } from '../../../test/helpers/http-extra.js';
import { multipartBody } from '../../../test/helpers/import-helpers.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { setStrictMessages } from '../../i18n/i18n.js';

/** /api/v1/applications/mine: the applicant's JSON API, its errors and who may call what. */

describe('applications API', () => {
  let app: FastifyInstance;
  let deps: TestDeps;
  let close: () => Promise<void>;
  beforeAll(async () => {
    setStrictMessages(true);
    ({ app, deps, close } = await createTestApp('sqlite'));
    await buildProgramme(deps);
  });
  afterAll(() => close());

  const start = async (token: string) => {
    const response = await api(app, 'POST', '/api/v1/applications/mine', {
      token,
      body: { programme: 'labour-migration' },
    });
    return response.json().id as string;
  };

  it('needs a token on every route (401, nothing changed)', async () => {
    const before = await countRows(deps, 'applications');
    const id = '0190f5d2-7d2c-7000-8000-000000000001';
    for (const [method, url] of [
      ['GET', '/api/v1/applications/mine'],
      ['POST', '/api/v1/applications/mine'],
      ['GET', `/api/v1/applications/mine/${id}`],
      ['PUT', `/api/v1/applications/mine/${id}/steps/person`],
      ['POST', `/api/v1/applications/mine/${id}/submit`],
      ['POST', `/api/v1/applications/mine/${id}/withdraw`],
      ['GET', `/api/v1/applications/mine/${id}/files/cv`],
      ['DELETE', `/api/v1/applications/mine/${id}/files/cv`],
    ] as const) {
      const response = await api(
        app,
        method,
        url,
        method === 'GET' || method === 'DELETE' ? {} : { body: {} },
      );
      expect(response.statusCode, `${method} ${url}`).toBe(401);
      expect(errorCode(response)).toBe('unauthenticated');
    }
    expect(await countRows(deps, 'applications')).toBe(before);
  });

  it('starts (201), returns the same application again (200), lists it', async () => {
    const { token } = await apiUser(deps);
    const first = await api(app, 'POST', '/api/v1/applications/mine', {
      token,
      body: { programme: 'labour-migration' },
    });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({
      status: 'draft',
      step: 'person',
      programmeSlug: 'labour-migration',
      files: [],
    });
    const again = await api(app, 'POST', '/api/v1/applications/mine', {
      token,
      body: { programme: 'labour-migration' },
    });
    expect(again.statusCode).toBe(200);
    expect(again.json().id).toBe(first.json().id);
    const list = await api(app, 'GET', '/api/v1/applications/mine', { token });
    expect(list.json().items).toEqual([
      expect.objectContaining({ id: first.json().id, status: 'draft', programmeTitle: 'Diploma in Testing' }),
    ]);
    expect(
      (await api(app, 'POST', '/api/v1/applications/mine', { token, body: { programme: 'nope' } }))
        .statusCode,
    ).toBe(404);
    const bad = await api(app, 'POST', '/api/v1/applications/mine', { token, body: {} });
    expect(bad.statusCode).toBe(400);
    expect(errorCode(bad)).toBe('validation_failed');
  });

  it('saves steps, refusing bad answers with messages in the reader’s language', async () => {
    const { token } = await apiUser(deps, ['participant'], { locale: 'fr' });
    const id = await start(token);
    const saved = await api(app, 'PUT', `/api/v1/applications/mine/${id}/steps/person`, {
      token,
      body: { fullName: '王秀英', countryOfResidence: 'CN', nationality: 'CN' },
    });
    expect(saved.statusCode).toBe(200);
    expect(saved.json()).toMatchObject({
      step: 'work',
      answers: { fullName: '王秀英', countryOfResidence: 'CN' },
    });
    const bad = await api(app, 'PUT', `/api/v1/applications/mine/${id}/steps/education`, {
      token,
      body: { languages: [{ code: 'en', level: 'fluent' }] },
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields[0]).toMatchObject({
      path: 'languages.0.level',
      message: 'Choisissez l’une des options.',
    });
    const unknownStep = await api(app, 'PUT', `/api/v1/applications/mine/${id}/steps/payment`, {
      token,
      body: {},
    });
    expect(unknownStep.statusCode).toBe(400);
    const extra = await api(app, 'PUT', `/api/v1/applications/mine/${id}/steps/person`, {
      token,
      body: { status: 'accepted' },
    });
    expect(extra.statusCode).toBe(400);
    const after = await api(app, 'GET', `/api/v1/applications/mine/${id}`, { token });
    expect(after.json().answers).toEqual({ fullName: '王秀英', countryOfResidence: 'CN', nationality: 'CN' });
  });

  it('another person’s application is not found, whatever their role; nothing changes', async () => {
    const owner = await apiUser(deps);
    const id = await start(owner.token);
    const before = await deps.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    for (const roles of [['participant'], ['assessor'], ['manager'], ['administrator']] as const) {
      const { token } = await apiUser(deps, [...roles]);
      for (const [method, url] of [
        ['GET', `/api/v1/applications/mine/${id}`],
        ['PUT', `/api/v1/applications/mine/${id}/steps/person`],
        ['POST', `/api/v1/applications/mine/${id}/submit`],
        ['POST', `/api/v1/applications/mine/${id}/withdraw`],
        ['DELETE', `/api/v1/applications/mine/${id}/files/cv`],
      ] as const) {
        const response = await api(app, method, url, {
          token,
          ...(method === 'PUT' ? { body: { fullName: 'X' } } : {}),
        });
        expect([403, 404], `${roles} ${method} ${url}`).toContain(response.statusCode);
      }
      const list = await api(app, 'GET', '/api/v1/applications/mine', { token });
      expect(list.json().items).toEqual([]);
    }
    expect(
      (
        await api(app, 'GET', '/api/v1/applications/mine/0190f5d2-7d2c-7000-8000-000000000001', {
          token: owner.token,
        })
      ).statusCode,
    ).toBe(404);
    const after = await deps.db
      .selectFrom('applications')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(after).toEqual(before);
  });

  it('submits once complete (400 listing what is missing before), then withdraws', async () => {
    const { token } = await apiUser(deps, ['participant'], { locale: 'es' });
    const id = await start(token);
    const early = await api(app, 'POST', `/api/v1/applications/mine/${id}/submit`, { token, body: {} });
    expect(early.statusCode).toBe(400);
    expect(early.json().error.fields.map((f: { path: string }) => f.path)).toContain('cv');
    expect(early.json().error.fields.find((f: { path: string }) => f.path === 'cv').message).toBe(
      'Suba su CV en PDF.',
    );
    const answers = eligibleAnswers();
    answers.work = { ...answers.work, yearsOfExperience: 1 };
    for (const [step, body] of Object.entries(answers)) {
      expect(
        (await api(app, 'PUT', `/api/v1/applications/mine/${id}/steps/${step}`, { token, body })).statusCode,
      ).toBe(200);
    }
    const { payload, headers } = multipartBody(
      { kind: 'cv' },
      { name: 'cv.pdf', content: TINY_PDF, type: 'application/pdf' },
    );
    const upload = await app.inject({
      method: 'POST',
      url: `/api/v1/applications/mine/${id}/files`,
      headers: { ...headers, authorization: `Bearer ${token}` },
      payload,
    });
    expect(upload.statusCode).toBe(201);
    const current = (await api(app, 'GET', `/api/v1/applications/mine/${id}`, { token })).json();
    expect(current.missing).toEqual([]);
    expect(current.eligibility.eligible).toBe(false);
    expect(current.eligibility.results[0]).toMatchObject({
      rule: 'minYearsExperience',
      met: false,
      explanation: 'Se requieren al menos 3 años de experiencia en migración laboral: usted tiene 1.',
    });
    const noJustification = await api(app, 'POST', `/api/v1/applications/mine/${id}/submit`, {
      token,
      body: {},
    });
    expect(noJustification.statusCode).toBe(400);
    expect(noJustification.json().error.fields[0].path).toBe('justification');
    const submitted = await api(app, 'POST', `/api/v1/applications/mine/${id}/submit`, {
      token,
      body: { justification: 'Experiencia previa en el sector.' },
    });
    expect(submitted.statusCode).toBe(200);
    expect(submitted.json()).toMatchObject({
      status: 'submitted',
      justification: 'Experiencia previa en el sector.',
    });
    expect(
      (await api(app, 'POST', `/api/v1/applications/mine/${id}/submit`, { token, body: {} })).statusCode,
    ).toBe(409);
    expect(
      (await api(app, 'PUT', `/api/v1/applications/mine/${id}/steps/person`, { token, body: {} })).statusCode,
    ).toBe(409);
    const withdrawn = await api(app, 'POST', `/api/v1/applications/mine/${id}/withdraw`, { token, body: {} });
    expect(withdrawn.statusCode).toBe(200);
    expect(withdrawn.json().status).toBe('withdrawn');
    expect(
      (await api(app, 'POST', `/api/v1/applications/mine/${id}/withdraw`, { token, body: {} })).statusCode,
    ).toBe(409);
  });

  it('is described in the OpenAPI document', async () => {
    const document = (await app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(Object.keys(document.paths)).toEqual(
      expect.arrayContaining(['/api/v1/applications/mine', '/api/v1/applications/mine/{id}/submit']),
    );
  });
});
