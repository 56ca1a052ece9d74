import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { api, createTestApp } from '../../../../test/helpers/http.js';
import { apiUser } from '../../../../test/helpers/http-extra.js';
import {
  buildDatedEdition,
  buildEnrolledCandidate,
  buildParticipant,
  buildPathwayProgramme,
  type PathwayProgramme,
  pathwayRules,
  pathwayState,
} from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { translator } from '../../../i18n/i18n.js';
import { newId } from '../../../kernel/ids.js';

/** /api/v1 pathway routes: who may call what (401/403/404), 400 with field messages, and the OpenAPI document. */

type ErrorBody = {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
};
type Method = 'GET' | 'POST' | 'PUT';
const en = translator('en');
const fr = translator('fr');

for (const dialect of DIALECTS) {
  describe(`${dialect}: pathway API`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let programme: PathwayProgramme;
    let manager: string;
    let participant: string;
    let assessor: string;
    let facilitator: { token: string; id: string };
    let classFacilitator: { token: string; id: string };
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      programme = await buildPathwayProgramme(deps);
      manager = (await apiUser(deps, ['manager'])).token;
      participant = (await apiUser(deps, ['participant'])).token;
      assessor = (await apiUser(deps, ['assessor', 'administrator'])).token;
      const other = await apiUser(deps, ['facilitator']);
      facilitator = { token: other.token, id: other.person.id };
      const own = await apiUser(deps, ['facilitator']);
      classFacilitator = { token: own.token, id: own.person.id };
    });
    afterAll(async () => close?.());

    const expectError = (response: { statusCode: number; json(): unknown }, status: number, code: string) => {
      expect(response.statusCode).toBe(status);
      const body = response.json() as ErrorBody;
      expect(body.error.code).toBe(code);
      return body;
    };
    const fieldsOf = (response: { json(): unknown }) =>
      ((response.json() as ErrorBody).error.fields ?? []).map((f) => `${f.path}:${f.code}`).sort();
    const state = () => pathwayState(deps);
    /** A candidate with the Academy done, enrolled in an edition that `classFacilitator` teaches. */
    const world = () => buildEnrolledCandidate(deps, programme, { facilitatorIds: [classFacilitator.id] });

    /** Every route with a valid request (a body that passes validation) for the given ids. */
    const routes = (ids: {
      candidacy: string;
      edition: string;
      enrolment: string;
      slug: string;
      email: string;
    }) =>
      [
        ['GET', `/api/v1/candidates?programme=${ids.slug}`, undefined],
        ['POST', `/api/v1/programmes/${ids.slug}/candidates`, { email: ids.email }],
        ['GET', `/api/v1/candidates/${ids.candidacy}`, undefined],
        ['POST', `/api/v1/candidates/${ids.candidacy}/extensions`, { months: 3, reason: 'Illness' }],
        ['POST', `/api/v1/candidates/${ids.candidacy}/withdraw`, { reason: 'Asked to' }],
        ['POST', `/api/v1/candidates/${ids.candidacy}/reinstate`, undefined],
        ['PUT', `/api/v1/candidates/${ids.candidacy}/capstone`, { status: 'in-progress' }],
        [
          'PUT',
          `/api/v1/candidates/${ids.candidacy}/rule-version`,
          { ruleVersionId: programme.ruleVersionId },
        ],
        ['GET', `/api/v1/programmes/${ids.slug}/rule-versions`, undefined],
        [
          'POST',
          `/api/v1/programmes/${ids.slug}/rule-versions`,
          { effectiveFrom: '2031-01-01', rules: pathwayRules(programme) },
        ],
        ['GET', `/api/v1/editions/${ids.edition}/class`, undefined],
        ['POST', `/api/v1/editions/${ids.edition}/enrolments`, { email: ids.email }],
        [
          'PUT',
          `/api/v1/editions/${ids.edition}/results`,
          { rows: [{ enrolmentId: ids.enrolment, outcome: 'achievement', completedOn: '2026-03-13' }] },
        ],
        [
          'PUT',
          `/api/v1/enrolments/${ids.enrolment}/result`,
          { outcome: 'achievement', completedOn: '2026-03-13' },
        ],
      ] as [Method, string, unknown][];
    /** The routes a facilitator of the edition may use. */
    const forFacilitators = (url: string) => /\/class$|\/results$|\/result$/.test(url);

    it('answers 401 without a token, 403 to participants, assessors and other facilitators; changes nothing', async () => {
      const { candidacyId, edition, enrolmentId } = await world();
      const stranger = await buildParticipant(deps);
      const all = routes({
        candidacy: candidacyId,
        edition: edition.id,
        enrolment: enrolmentId,
        slug: programme.slug,
        email: stranger.email,
      });
      const before = await state();
      for (const [method, url, body] of all) {
        const anonymous = expectError(await api(app, method, url, { body }), 401, 'unauthenticated');
        expect(anonymous.error.message, url).toBe(en.t('errors.unauthenticated'));
        for (const token of [participant, assessor, facilitator.token]) {
          const refused = await api(app, method, url, { token, body });
          expect(refused.statusCode, `${method} ${url}`).toBe(403);
          expect((refused.json() as ErrorBody).error.code).toBe('forbidden');
        }
        if (!forFacilitators(url)) {
          const response = await api(app, method, url, { token: classFacilitator.token, body });
          expect(response.statusCode, `${method} ${url}`).toBe(403);
        }
      }
      expectError(await api(app, 'GET', '/api/v1/me/pathway'), 401, 'unauthenticated');
      expect(await state()).toBe(before);
    });

    it("lets the edition's facilitators read the class list and record its results", async () => {
      const { edition, enrolmentId, person } = await world();
      const token = classFacilitator.token;
      const list = await api(app, 'GET', `/api/v1/editions/${edition.id}/class`, { token });
      expect(list.statusCode).toBe(200);
      expect(list.json()).toEqual({
        edition: expect.objectContaining({
          id: edition.id,
          course: programme.electives[0],
          startsOn: '2026-02-02',
          endsOn: '2026-03-13',
          facilitators: [expect.objectContaining({ id: classFacilitator.id })],
        }),
        credentialOnSuccess: 'achievement',
        enrolments: [
          {
            enrolmentId,
            status: 'enrolled',
            person: expect.objectContaining({ id: person.id, email: person.email }),
            result: null,
          },
        ],
      });
      const bulk = await api(app, 'PUT', `/api/v1/editions/${edition.id}/results`, {
        token,
        body: { rows: [{ enrolmentId, outcome: 'participation', grade: 'C', completedOn: '2026-03-13' }] },
      });
      expect(bulk.statusCode).toBe(200);
      expect(bulk.json()).toEqual({ changed: 1 });
      const one = await api(app, 'PUT', `/api/v1/enrolments/${enrolmentId}/result`, {
        token,
        body: { outcome: 'achievement', grade: 'B', completedOn: '2026-03-12' },
      });
      expect(one.statusCode).toBe(200);
      expect(one.json()).toMatchObject({
        enrolmentId,
        result: { outcome: 'achievement', grade: 'B', completedOn: '2026-03-12' },
      });
    });

    it('answers 404 for unknown candidates, programmes, editions and enrolments', async () => {
      const { enrolmentId } = await world();
      const ids = {
        candidacy: newId(),
        edition: newId(),
        enrolment: newId(),
        slug: 'no-such-programme',
        email: 'x@example.org',
      };
      for (const [method, url, body] of routes(ids)) {
        const response = await api(app, method, url, { token: manager, body });
        expect(response.statusCode, `${method} ${url}`).toBe(404);
        expect((response.json() as ErrorBody).error.code).toBe('not_found');
      }
      for (const url of ['/api/v1/candidates/not-an-id', '/api/v1/editions/42/class']) {
        expectError(await api(app, 'GET', url, { token: manager }), 404, 'not_found');
      }
      // A facilitator's class route for an unknown edition: 404 as for managers (they may record somewhere).
      expectError(
        await api(app, 'GET', `/api/v1/editions/${newId()}/class`, { token: facilitator.token }),
        404,
        'not_found',
      );
      const elsewhere = await buildDatedEdition(deps, programme.electives[1], '2026-02-02', '2026-03-13');
      const stranger = await api(app, 'PUT', `/api/v1/editions/${elsewhere.id}/results`, {
        token: manager,
        body: { rows: [{ enrolmentId, outcome: 'achievement', completedOn: '2026-03-13' }] },
      });
      expectError(stranger, 404, 'not_found');
    });

    it('answers 400 with field messages in the asked language, changing nothing', async () => {
      const { candidacyId, edition, enrolmentId } = await world();
      const before = await state();
      const bad: [Method, string, unknown, string[]][] = [
        [
          'GET',
          `/api/v1/candidates?status=sleeping&page=0&atRisk=maybe`,
          undefined,
          [
            'querystring.atRisk:invalid',
            'querystring.page:tooSmall',
            'querystring.programme:required',
            'querystring.status:invalidChoice',
          ],
        ],
        [
          'POST',
          `/api/v1/programmes/${programme.slug}/candidates`,
          { email: 'nope', registeredOn: '2026-02-30' },
          ['email:invalidEmail', 'registeredOn:invalidDate'],
        ],
        [
          'POST',
          `/api/v1/programmes/${programme.slug}/candidates`,
          { email: 'nobody-at-all@example.org' },
          ['email:unknownPerson'],
        ],
        [
          'POST',
          `/api/v1/candidates/${candidacyId}/extensions`,
          { months: 0, reason: '' },
          ['months:tooSmall', 'reason:required'],
        ],
        [
          'POST',
          `/api/v1/candidates/${candidacyId}/extensions`,
          { months: 61, reason: 'x' },
          ['months:tooBig'],
        ],
        ['POST', `/api/v1/candidates/${candidacyId}/withdraw`, {}, ['reason:required']],
        [
          'PUT',
          `/api/v1/candidates/${candidacyId}/capstone`,
          { status: 'passed' },
          ['completedOn:capstoneDateNeeded'],
        ],
        ['PUT', `/api/v1/candidates/${candidacyId}/capstone`, { status: 'done' }, ['status:invalidChoice']],
        [
          'PUT',
          `/api/v1/candidates/${candidacyId}/rule-version`,
          { ruleVersionId: newId() },
          ['ruleVersionId:invalidChoice'],
        ],
        [
          'POST',
          `/api/v1/programmes/${programme.slug}/rule-versions`,
          { effectiveFrom: '2031-02-30', rules: '{' },
          ['effectiveFrom:invalidDate'],
        ],
        [
          'POST',
          `/api/v1/programmes/${programme.slug}/rule-versions`,
          { effectiveFrom: '2031-01-01', rules: '{' },
          ['rules:invalidJson'],
        ],
        [
          'POST',
          `/api/v1/programmes/${programme.slug}/rule-versions`,
          {
            effectiveFrom: '2031-01-01',
            rules: { window: { years: 5 }, requirements: [{ id: 'a', kind: 'course', courses: ['ZZZ404'] }] },
          },
          ['rules:rulesUnknownCourses'],
        ],
        ['POST', `/api/v1/editions/${edition.id}/enrolments`, { email: '' }, ['email:required']],
        [
          'PUT',
          `/api/v1/editions/${edition.id}/results`,
          {
            rows: [
              { enrolmentId, outcome: 'achievement', completedOn: '2026-03-13' },
              { enrolmentId, outcome: 'gold', completedOn: '2026-13-01' },
            ],
          },
          ['rows.1.completedOn:invalidDate', 'rows.1.outcome:invalidChoice'],
        ],
        [
          'PUT',
          `/api/v1/editions/${edition.id}/results`,
          {
            rows: [
              { enrolmentId, outcome: 'achievement', completedOn: '2026-03-13' },
              { enrolmentId, outcome: 'achievement', completedOn: '2026-02-01' },
            ],
          },
          ['rows.1.completedOn:completedBeforeStart'],
        ],
        [
          'PUT',
          `/api/v1/enrolments/${enrolmentId}/result`,
          { outcome: 'achievement', completedOn: '2026-01-01' },
          ['completedOn:completedBeforeStart'],
        ],
      ];
      for (const [method, url, body, fields] of bad) {
        const response = await api(app, method, `${url}${url.includes('?') ? '&' : '?'}lang=fr`, {
          token: manager,
          body,
        });
        const error = expectError(response, 400, 'validation_failed');
        expect(error.error.message, url).toBe(fr.t('errors.validation_failed'));
        expect(fieldsOf(response), `${method} ${url}`).toEqual(fields);
        for (const field of error.error.fields ?? []) expect(field.message).not.toBe('');
      }
      const unknownPerson = await api(
        app,
        'POST',
        `/api/v1/programmes/${programme.slug}/candidates?lang=fr`,
        {
          token: manager,
          body: { email: 'nobody-at-all@example.org' },
        },
      );
      expect((unknownPerson.json() as ErrorBody).error.fields?.[0]?.message).toBe(
        fr.t('validation.unknownPerson'),
      );
      expect(await state()).toBe(before);
      // Malformed JSON: 400 bad_request.
      const malformed = await app.inject({
        method: 'POST',
        url: `/api/v1/candidates/${candidacyId}/withdraw`,
        headers: { authorization: `Bearer ${manager}`, 'content-type': 'application/json' },
        payload: '{"reason":',
      });
      expectError(malformed, 400, 'bad_request');
    });

    it('documents every pathway route in the OpenAPI document', async () => {
      const response = await app.inject('/api/openapi.json');
      expect(response.statusCode).toBe(200);
      const paths = Object.keys(response.json().paths);
      for (const path of [
        '/api/v1/candidates',
        '/api/v1/candidates/{id}',
        '/api/v1/candidates/{id}/extensions',
        '/api/v1/candidates/{id}/withdraw',
        '/api/v1/candidates/{id}/reinstate',
        '/api/v1/candidates/{id}/capstone',
        '/api/v1/candidates/{id}/rule-version',
        '/api/v1/programmes/{slug}/candidates',
        '/api/v1/programmes/{slug}/rule-versions',
        '/api/v1/editions/{id}/class',
        '/api/v1/editions/{id}/enrolments',
        '/api/v1/editions/{id}/results',
        '/api/v1/enrolments/{id}/result',
        '/api/v1/me/pathway',
      ]) {
        expect(paths, path).toContain(path);
      }
    });
  });
}
