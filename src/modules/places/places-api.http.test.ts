import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition } from '../../../test/helpers/factories.js';
import { api, createTestApp } from '../../../test/helpers/http.js';
import { apiUser } from '../../../test/helpers/http-extra.js';
import { editionCode } from '../../../test/helpers/import-helpers.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { newId } from '../../kernel/ids.js';

/** /api/v1 places routes: 401/403/404/400/409 in the caller's language, nothing changed on error. */

type ErrorBody = {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
};
const es = translator('es');

for (const dialect of DIALECTS) {
  describe(`${dialect}: places API`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let manager: string;
    let ana: { token: string; id: string; email: string };
    let ben: { token: string; id: string; email: string };
    let editionId: string;
    let code: string;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      manager = (await apiUser(deps, ['manager'], { locale: 'es' })).token;
      const a = await apiUser(deps, ['participant'], { locale: 'es' });
      const b = await apiUser(deps, ['participant']);
      ana = { token: a.token, id: a.person.id, email: a.person.email };
      ben = { token: b.token, id: b.person.id, email: b.person.email };
      const course = await buildCourse(deps);
      code = editionCode('Q');
      editionId = (await buildEdition(deps, course.code, { capacity: 1, code })).id;
    });
    afterAll(async () => close?.());

    const places = async () =>
      JSON.stringify(await deps.db.selectFrom('enrolments').selectAll().orderBy('id').execute());
    const expectError = (response: { statusCode: number; json(): unknown }, status: number, code: string) => {
      expect(response.statusCode).toBe(status);
      const body = response.json() as ErrorBody;
      expect(body.error.code).toBe(code);
      return body;
    };

    it('refuses without a token, a bad body (in Spanish), an unknown edition; changes nothing', async () => {
      const before = await places();
      const url = `/api/v1/editions/${editionId}/places`;
      expectError(await api(app, 'POST', url, { body: { fundingKind: 'self' } }), 401, 'unauthenticated');
      const bad = expectError(
        await api(app, 'POST', url, { token: ana.token, body: { fundingKind: 'lottery' }, lang: 'es' }),
        400,
        'validation_failed',
      );
      expect(bad.error.message).toBe(es.t('errors.validation_failed'));
      expect(bad.error.fields?.[0]?.message).toBe(es.t('places.validation.fundingKind'));
      const noName = expectError(
        await api(app, 'POST', url, { token: ana.token, body: { fundingKind: 'sponsor' }, lang: 'es' }),
        400,
        'validation_failed',
      );
      expect(noName.error.fields?.[0]).toMatchObject({
        path: 'fundingName',
        message: es.t('places.validation.fundingNameNeeded'),
      });
      expectError(
        await api(app, 'POST', `/api/v1/editions/${newId()}/places`, {
          token: ana.token,
          body: { fundingKind: 'self' },
        }),
        404,
        'not_found',
      );
      expect(await places()).toBe(before);
    });

    it('requests, lists, refuses twice; the second person waits; managers decide', async () => {
      const url = `/api/v1/editions/${editionId}/places`;
      const first = await api(app, 'POST', url, {
        token: ana.token,
        body: { fundingKind: 'sponsor', fundingName: 'ACME' },
      });
      expect(first.statusCode).toBe(201);
      expect(first.json()).toMatchObject({ status: 'requested', waitingListPosition: null });
      const twice = expectError(
        await api(app, 'POST', url, { token: ana.token, body: { fundingKind: 'self' }, lang: 'es' }),
        409,
        'invalid_state',
      );
      expect(twice.error.fields?.[0]?.message).toBe(es.t('places.error.alreadyRequested'));
      const second = await api(app, 'POST', url, { token: ben.token, body: { fundingKind: 'self' } });
      expect(second.json()).toMatchObject({ status: 'waitlisted', waitingListPosition: 1 });
      const benPlace = (second.json() as { id: string }).id;
      const anaPlace = (first.json() as { id: string }).id;

      const mine = await api(app, 'GET', '/api/v1/me/places', { token: ana.token });
      expect(mine.statusCode).toBe(200);
      expect((mine.json() as { places: unknown[] }).places).toEqual([
        expect.objectContaining({
          id: anaPlace,
          status: 'requested',
          funding: { kind: 'sponsor', name: 'ACME' },
        }),
      ]);
      expectError(await api(app, 'GET', '/api/v1/me/places'), 401, 'unauthenticated');

      // Nobody sees or changes another's place; participants manage nothing.
      const before = await places();
      expectError(
        await api(app, 'POST', `/api/v1/places/${anaPlace}/withdraw`, { token: ben.token }),
        404,
        'not_found',
      );
      for (const action of ['confirm', 'decline', 'move-to-top'])
        expectError(
          await api(app, 'POST', `/api/v1/places/${benPlace}/${action}`, { token: ben.token, body: {} }),
          403,
          'forbidden',
        );
      expectError(
        await api(app, 'GET', `/api/v1/editions/${editionId}/places`, { token: ana.token }),
        403,
        'forbidden',
      );
      expectError(
        await api(app, 'POST', `/api/v1/places/${newId()}/confirm`, { token: manager }),
        404,
        'not_found',
      );
      expectError(
        await api(app, 'POST', '/api/v1/places/import', { token: ana.token, body: { csv: 'x' } }),
        403,
        'forbidden',
      );
      const enrolUrl = `/api/v1/editions/${editionId}/places/enrol`;
      const enrolBody = { email: ben.email, fundingKind: 'self' };
      expectError(await api(app, 'POST', enrolUrl, { body: enrolBody }), 401, 'unauthenticated');
      expectError(await api(app, 'POST', enrolUrl, { token: ana.token, body: enrolBody }), 403, 'forbidden');
      expectError(
        await api(app, 'POST', `/api/v1/editions/${newId()}/places/enrol`, {
          token: manager,
          body: enrolBody,
        }),
        404,
        'not_found',
      );
      expectError(
        await api(app, 'POST', `/api/v1/places/${newId()}/move-to-top`, { token: manager }),
        404,
        'not_found',
      );
      expectError(
        await api(app, 'POST', `/api/v1/places/${benPlace}/decline`, {
          token: manager,
          body: { reason: 'x'.repeat(1001) },
        }),
        400,
        'validation_failed',
      );
      expectError(
        await api(app, 'GET', `/api/v1/editions/${newId()}/places`, { token: manager }),
        404,
        'not_found',
      );
      expectError(await api(app, 'POST', `/api/v1/places/${anaPlace}/withdraw`), 401, 'unauthenticated');
      expect(await places()).toBe(before);

      // The pending request holds the only place: the waiting list cannot be confirmed yet.
      expectError(
        await api(app, 'POST', `/api/v1/places/${benPlace}/confirm`, { token: manager }),
        409,
        'invalid_state',
      );
      expect(
        (await api(app, 'POST', `/api/v1/places/${anaPlace}/confirm`, { token: manager })).statusCode,
      ).toBe(200);
      const list = await api(app, 'GET', `/api/v1/editions/${editionId}/places`, { token: manager });
      expect(list.json()).toMatchObject({
        placesLeft: 0,
        counts: { enrolled: 1, waitlisted: 1 },
        fundingTotals: { sponsor: 1 },
      });
      // Ana withdraws: Ben moves up at once.
      expect(
        (await api(app, 'POST', `/api/v1/places/${anaPlace}/withdraw`, { token: ana.token })).statusCode,
      ).toBe(200);
      const bens = await api(app, 'GET', '/api/v1/me/places', { token: ben.token });
      expect((bens.json() as { places: { status: string }[] }).places[0]?.status).toBe('enrolled');
      const declined = await api(app, 'POST', `/api/v1/places/${benPlace}/decline`, {
        token: manager,
        body: { reason: 'No visa' },
      });
      expect(declined.statusCode).toBe(200);
    });

    it('enrols directly and in bulk (preview, then commit); problems in the caller language', async () => {
      const enrol = await api(app, 'POST', `/api/v1/editions/${editionId}/places/enrol`, {
        token: manager,
        body: { email: 'nobody@example.org', fundingKind: 'self' },
        lang: 'es',
      });
      expectError(enrol, 400, 'validation_failed');
      const before = await places();
      const csv = `email,edition,funding,funding_name\n${ben.email},${code},scholarship,Fund\nghost@example.org,${code},self,\n`;
      const preview = await api(app, 'POST', '/api/v1/places/import', {
        token: manager,
        body: { csv, commit: true },
        lang: 'es',
      });
      expect(preview.statusCode).toBe(400);
      expect(
        (preview.json() as { problems: { line: number; message: string }[] }).problems,
        preview.body,
      ).toEqual([expect.objectContaining({ line: 3, message: es.t('validation.unknownPerson') })]);
      expect(await places()).toBe(before);
      const good = `email,edition,funding,funding_name\n${ben.email},${code},scholarship,Fund\n`;
      const dry = await api(app, 'POST', '/api/v1/places/import', { token: manager, body: { csv: good } });
      expect(dry.statusCode).toBe(200);
      expect(await places()).toBe(before);
      const done = await api(app, 'POST', '/api/v1/places/import', {
        token: manager,
        body: { csv: good, commit: true },
      });
      expect(done.statusCode).toBe(200);
      const list = await api(app, 'GET', `/api/v1/editions/${editionId}/places`, { token: manager });
      expect(list.json()).toMatchObject({ counts: { enrolled: 1 }, fundingTotals: { scholarship: 1 } });
    });

    it('lists the routes in the OpenAPI document', async () => {
      const doc = (await app.inject({ method: 'GET', url: '/api/openapi.json' })).json() as {
        paths: Record<string, unknown>;
      };
      for (const path of [
        '/api/v1/editions/{id}/places',
        '/api/v1/me/places',
        '/api/v1/places/{id}/confirm',
        '/api/v1/places/import',
      ])
        expect(Object.keys(doc.paths)).toContain(path);
    });
  });
}
