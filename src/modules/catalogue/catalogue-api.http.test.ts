import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition, buildPerson } from '../../../test/helpers/factories.js';
import { api, createTestApp } from '../../../test/helpers/http.js';
import { apiUser, countRows } from '../../../test/helpers/http-extra.js';
import type { TestDeps } from '../../../test/helpers/test-deps.js';
import { translator } from '../../i18n/i18n.js';
import { systemActor } from '../../kernel/actor.js';
import { newId } from '../../kernel/ids.js';
import { setCourseStatus } from './set-course-status.js';

/** /api/v1 catalogue routes: public reads, managers' writes, JSON errors with codes and fields. */

const SYSTEM = systemActor('test');
type ErrorBody = {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
};
const EDITION = { language: 'en', mode: 'online', liveStart: '2027-05-01', liveEnd: '2027-05-20' };

for (const dialect of DIALECTS) {
  describe(`${dialect}: catalogue API`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let manager: string;
    let participant: string;
    let facilitator: string;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      manager = (await apiUser(deps, ['manager'])).token;
      participant = (await apiUser(deps, ['participant'])).token;
      facilitator = (await apiUser(deps, ['facilitator', 'assessor', 'administrator'])).token;
    });
    afterAll(async () => close?.());

    const expectError = (response: { statusCode: number; json(): unknown }, status: number, code: string) => {
      expect(response.statusCode).toBe(status);
      const body = response.json() as ErrorBody;
      expect(body.error.code).toBe(code);
      expect(body.error.message).toBe(translator('en').t(`errors.${code}`));
      return body;
    };
    const fieldsOf = (body: ErrorBody) => (body.error.fields ?? []).map((f) => `${f.path}:${f.code}`).sort();
    const state = async () =>
      JSON.stringify([
        await deps.db.selectFrom('courses').selectAll().orderBy('id').execute(),
        await deps.db.selectFrom('editions').selectAll().orderBy('id').execute(),
        await countRows(deps, 'audit_events'),
      ]);

    it('searches the catalogue; invalid filters get 400 with fields in the asked language', async () => {
      const course = await buildCourse(deps, { themes: ['rights'], title: { en: 'Labour inspection apiq' } });
      await buildEdition(deps, course.code, { language: 'fr' });
      const found = await api(app, 'GET', '/api/v1/courses?q=apiq&language=fr&theme=rights');
      expect(found.statusCode).toBe(200);
      expect(found.json()).toMatchObject({
        total: 1,
        page: 1,
        courses: [{ code: course.code, editions: [{ language: 'fr' }] }],
      });
      expect((await api(app, 'GET', '/api/v1/courses?q=apiq&language=es')).json().total).toBe(0);
      const bad = await api(app, 'GET', '/api/v1/courses?page=0&language=xx&from=2027-13-01&lang=fr');
      expect(bad.statusCode).toBe(400);
      const body = bad.json() as ErrorBody;
      expect(body.error.code).toBe('validation_failed');
      expect(body.error.message).toBe(translator('fr').t('errors.validation_failed'));
      expect(body.error.fields?.map((f) => f.path).sort()).toEqual([
        'querystring.from',
        'querystring.language',
        'querystring.page',
      ]);
      expect(body.error.fields?.find((f) => f.path === 'querystring.page')?.message).toBe(
        translator('fr').t('validation.tooSmall', { min: 1 }),
      );
    });

    it('tells each caller what they may do with a course and an edition (`can`, from the policies)', async () => {
      const course = await buildCourse(deps);
      const edition = await buildEdition(deps, course.code);
      const can = async (url: string, token?: string) => (await api(app, 'GET', url, { token })).json().can;
      expect(await can(`/api/v1/courses/${course.code}`)).toEqual({ manage: false });
      expect(await can(`/api/v1/courses/${course.code}`, participant)).toEqual({ manage: false });
      expect(await can(`/api/v1/courses/${course.code}`, manager)).toEqual({ manage: true });
      expect(await can(`/api/v1/editions/${edition.id}`, participant)).toEqual({
        manage: false,
        teach: false,
      });
      expect(await can(`/api/v1/editions/${edition.id}`, manager)).toEqual({ manage: true, teach: true });
      // A facilitator teaches only the editions they facilitate.
      expect(await can(`/api/v1/editions/${edition.id}`, facilitator)).toEqual({
        manage: false,
        teach: false,
      });
    });

    it('reads a course and an edition; unknown, malformed and retired (for the public) are 404', async () => {
      const course = await buildCourse(deps);
      const edition = await buildEdition(deps, course.code, { feeAmount: '1500.50', feeCurrency: 'EUR' });
      const read = await api(app, 'GET', `/api/v1/courses/${course.code}`);
      expect(read.statusCode).toBe(200);
      expect(read.json()).toMatchObject({
        code: course.code,
        themes: ['governance'],
        editions: [{ id: edition.id }],
      });
      expect((await api(app, 'GET', `/api/v1/editions/${edition.id}`)).json()).toMatchObject({
        course: course.code,
        fee: { amountMinor: 150050, currency: 'EUR' },
      });
      for (const url of [
        '/api/v1/courses/NOPE404',
        '/api/v1/courses/x',
        `/api/v1/editions/${newId()}`,
        '/api/v1/editions/12',
      ]) {
        expectError(await api(app, 'GET', url), 404, 'not_found');
      }
      expectError(await api(app, 'GET', `/api/v1/courses/${'A'.repeat(33)}`), 400, 'validation_failed');
      await setCourseStatus(deps.db, deps, SYSTEM, course.code, 'retired');
      expectError(await api(app, 'GET', `/api/v1/courses/${course.code}`), 404, 'not_found');
      expectError(
        await api(app, 'GET', `/api/v1/editions/${edition.id}`, { token: participant }),
        404,
        'not_found',
      );
      expect(
        (await api(app, 'GET', `/api/v1/courses/${course.code}`, { token: manager })).json().status,
      ).toBe('retired');
      expect((await api(app, 'GET', `/api/v1/editions/${edition.id}`, { token: manager })).statusCode).toBe(
        200,
      );
    });

    it('creates courses for managers only (401/403), with 400 and fields for bad input, creating nothing', async () => {
      const existing = await buildCourse(deps);
      const valid = {
        code: 'API-NEW1',
        title: { fr: 'Créé par API' },
        learningHours: 12,
        credentialOnSuccess: 'achievement',
      };
      const before = await state();
      expectError(await api(app, 'POST', '/api/v1/courses', { body: valid }), 401, 'unauthenticated');
      expectError(
        await api(app, 'POST', '/api/v1/courses', { token: participant, body: valid }),
        403,
        'forbidden',
      );
      expectError(
        await api(app, 'POST', '/api/v1/courses', { token: facilitator, body: valid }),
        403,
        'forbidden',
      );
      const bad = expectError(
        await api(app, 'POST', '/api/v1/courses', {
          token: manager,
          body: { code: 'x', title: {}, learningHours: 0, credentialOnSuccess: 'gold', themes: 'rights' },
        }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(bad)).toEqual([
        'code:courseCode',
        'credentialOnSuccess:invalidChoice',
        'learningHours:tooSmall',
        'title.en:requiredOneLanguage',
      ]);
      const links = expectError(
        await api(app, 'POST', '/api/v1/courses', {
          token: manager,
          body: {
            ...valid,
            themes: ['nope'],
            countsAs: ['ZZZ404'],
            programmes: [{ slug: 'other', role: 'elective' }],
          },
        }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(links).map((f) => f.split(':')[1])).toEqual(
        ['unknownCourse', 'unknownProgramme', 'unknownTheme'].sort(),
      );
      const taken = expectError(
        await api(app, 'POST', '/api/v1/courses', {
          token: manager,
          body: { ...valid, code: existing.code },
        }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(taken)).toEqual(['code:courseCodeTaken']);
      expect(await state()).toBe(before);
      const created = await api(app, 'POST', '/api/v1/courses', {
        token: manager,
        body: { ...valid, code: 'api-new1' },
      });
      expect(created.statusCode).toBe(201);
      expect(created.json()).toMatchObject({
        code: 'API-NEW1',
        title: { fr: 'Créé par API' },
        status: 'active',
      });
    });

    it('replaces, retires and reactivates a course (401/403/404/400 first, changing nothing)', async () => {
      const course = await buildCourse(deps);
      const body = {
        code: course.code,
        title: { en: 'Replaced title' },
        learningHours: 40,
        credentialOnSuccess: 'participation',
      };
      const before = await state();
      const url = `/api/v1/courses/${course.code}`;
      expectError(await api(app, 'PUT', url, { body }), 401, 'unauthenticated');
      expectError(await api(app, 'PUT', url, { token: facilitator, body }), 403, 'forbidden');
      expectError(
        await api(app, 'PUT', '/api/v1/courses/NOPE404', {
          token: manager,
          body: { ...body, code: 'NOPE404' },
        }),
        404,
        'not_found',
      );
      const bad = expectError(
        await api(app, 'PUT', url, { token: manager, body: { ...body, learningHours: 'many' } }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(bad)).toEqual(['learningHours:notNumber']);
      for (const action of ['retire', 'reactivate']) {
        expectError(await api(app, 'POST', `${url}/${action}`), 401, 'unauthenticated');
        expectError(await api(app, 'POST', `${url}/${action}`, { token: participant }), 403, 'forbidden');
        expectError(
          await api(app, 'POST', `/api/v1/courses/NOPE404/${action}`, { token: manager }),
          404,
          'not_found',
        );
      }
      expect(await state()).toBe(before);

      const replaced = await api(app, 'PUT', url, { token: manager, body });
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json()).toMatchObject({
        title: { en: 'Replaced title' },
        learningHours: 40,
        themes: [],
        programmes: [],
      });
      expect((await api(app, 'POST', `${url}/retire`, { token: manager })).statusCode).toBe(204);
      expectError(await api(app, 'GET', url), 404, 'not_found');
      expect((await api(app, 'POST', `${url}/reactivate`, { token: manager })).statusCode).toBe(204);
      expect((await api(app, 'GET', url)).statusCode).toBe(200);
    });

    it('adds and replaces editions (401/403/404/400/409), changing nothing when refused', async () => {
      const course = await buildCourse(deps);
      const edition = await buildEdition(deps, course.code, { code: `E${course.code}` });
      const other = await buildEdition(deps, course.code, { code: `F${course.code}` });
      const participantPerson = await buildPerson(deps);
      const addUrl = `/api/v1/courses/${course.code}/editions`;
      const editUrl = `/api/v1/editions/${edition.id}`;
      const before = await state();
      expectError(await api(app, 'POST', addUrl, { body: EDITION }), 401, 'unauthenticated');
      expectError(await api(app, 'POST', addUrl, { token: participant, body: EDITION }), 403, 'forbidden');
      expectError(await api(app, 'PUT', editUrl, { body: EDITION }), 401, 'unauthenticated');
      expectError(await api(app, 'PUT', editUrl, { token: facilitator, body: EDITION }), 403, 'forbidden');
      expectError(
        await api(app, 'POST', '/api/v1/courses/NOPE404/editions', { token: manager, body: EDITION }),
        404,
        'not_found',
      );
      expectError(
        await api(app, 'PUT', `/api/v1/editions/${newId()}`, { token: manager, body: EDITION }),
        404,
        'not_found',
      );
      const dates = expectError(
        await api(app, 'POST', addUrl, {
          token: manager,
          body: {
            ...EDITION,
            mode: 'residential',
            liveEnd: '2027-04-01',
            registrationDeadline: '2027-06-01',
            feeAmount: '10',
          },
        }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(dates)).toEqual([
        'feeCurrency:feeNeedsBoth',
        'liveEnd:endBeforeStart',
        'registrationDeadline:deadlineAfterEnd',
        'residentialStart:residentialPhaseNeeded',
      ]);
      const clash = expectError(
        await api(app, 'PUT', editUrl, {
          token: manager,
          body: { ...EDITION, code: other.code, facilitatorIds: [participantPerson.id, 'bogus'] },
        }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(clash)).toEqual(['code:editionCodeTaken', 'facilitatorIds:notFacilitator']);
      const tooMuch = expectError(
        await api(app, 'PUT', editUrl, {
          token: manager,
          body: { ...EDITION, feeAmount: '999999999.99', feeCurrency: 'EUR' },
        }),
        400,
        'validation_failed',
      );
      expect(fieldsOf(tooMuch)).toEqual(['feeAmount:tooBig']);
      expect(await state()).toBe(before);

      const facilitatorPerson = await buildPerson(deps, { roles: ['facilitator'] });
      const replaced = await api(app, 'PUT', editUrl, {
        token: manager,
        body: {
          ...EDITION,
          language: 'es',
          capacity: 12,
          facilitatorIds: [facilitatorPerson.id],
          feeAmount: 30000,
          feeCurrency: 'JPY',
        },
      });
      expect(replaced.statusCode).toBe(200);
      expect(replaced.json()).toMatchObject({
        language: 'es',
        capacity: 12,
        code: null,
        fee: { amountMinor: 30000, currency: 'JPY' },
        facilitators: [{ id: facilitatorPerson.id }],
      });
      const added = await api(app, 'POST', addUrl, { token: manager, body: EDITION });
      expect(added.statusCode).toBe(201);
      expect(added.json()).toMatchObject({
        course: course.code,
        startsOn: '2027-05-01',
        endsOn: '2027-05-20',
        capacity: null,
        fee: null,
        registrationOpen: false,
        status: 'scheduled',
      });

      await setCourseStatus(deps.db, deps, SYSTEM, course.code, 'retired');
      const editions = await countRows(deps, 'editions');
      expectError(await api(app, 'POST', addUrl, { token: manager, body: EDITION }), 409, 'invalid_state');
      expect(await countRows(deps, 'editions')).toBe(editions);
    });
  });
}
