import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import { buildEdition } from '../../../../test/helpers/factories.js';
import { api, createTestApp } from '../../../../test/helpers/http.js';
import { apiUser, tokenOf } from '../../../../test/helpers/http-extra.js';
import {
  buildDatedEdition,
  buildParticipant,
  buildPathwayProgramme,
  earn,
  type PathwayProgramme,
  pathwayRules,
  pathwayState,
  registerAs,
} from '../../../../test/helpers/pathway-factories.js';
import type { TestDeps } from '../../../../test/helpers/test-deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { newId } from '../../../kernel/ids.js';
import { createRuleVersion } from '../rule-versions.js';

/** /api/v1 pathway routes doing their work: the JSON a manager, a facilitator or a candidate gets back. */

type ErrorBody = {
  error: { code: string; message: string; fields?: { path: string; code: string; message: string }[] };
};
const SYSTEM_ACTOR = systemActor('test');

for (const dialect of DIALECTS) {
  describe(`${dialect}: pathway API at work`, () => {
    let app: Awaited<ReturnType<typeof createTestApp>>['app'];
    let deps: TestDeps;
    let close: () => Promise<void>;
    let programme: PathwayProgramme;
    let manager: string;
    let participant: string;
    let assessor: string;
    beforeAll(async () => {
      ({ app, deps, close } = await createTestApp(dialect));
      programme = await buildPathwayProgramme(deps);
      manager = (await apiUser(deps, ['manager'])).token;
      participant = (await apiUser(deps, ['participant'])).token;
      assessor = (await apiUser(deps, ['assessor', 'administrator'])).token;
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

    it('registers, reads, extends, withdraws, reinstates, moves and completes a candidate', async () => {
      const person = await buildParticipant(deps, { fullName: 'Api Candidate', country: 'KE' });
      await earn(deps, person, programme.academy, '2022-03-07', '2022-03-25');
      for (const code of programme.electives.slice(0, 2))
        await earn(deps, person, code, '2023-01-09', '2023-02-17');
      const registered = await api(app, 'POST', `/api/v1/programmes/${programme.slug}/candidates`, {
        token: manager,
        body: { email: person.email.toUpperCase(), registeredOn: '2022-01-10' },
      });
      expect(registered.statusCode).toBe(201);
      const created = registered.json();
      expect(registered.headers.location).toBe(`/api/v1/candidates/${created.id}`);
      expect(created).toMatchObject({
        programme: programme.slug,
        registeredOn: '2022-01-10',
        status: 'active',
        person: { id: person.id, fullName: 'Api Candidate', country: 'KE', language: 'en' },
        ruleVersion: { id: programme.ruleVersionId, version: 1 },
        capstone: { status: 'not-started', completedOn: null },
        evaluation: {
          status: 'active',
          awardable: false,
          window: { start: '2022-03-07', deadline: '2027-03-07', years: 5 },
          hours: { counted: 200, total: 300 },
        },
        extensions: [],
      });
      expect(
        created.evaluation.requirements.map((r: { id: string; status: string }) => [r.id, r.status]),
      ).toEqual([
        ['academy', 'met'],
        ['electives', 'missing'],
        ['capstone', 'missing'],
      ]);
      expect(created.evaluation.atRisk).toContainEqual(expect.objectContaining({ kind: 'deadline-soon' }));
      expect(created.results).toHaveLength(3);
      expect(created.audit.map((a: { action: string }) => a.action)).toContain('candidate.registered');
      const again = await api(app, 'POST', `/api/v1/programmes/${programme.slug}/candidates`, {
        token: manager,
        body: { email: person.email },
      });
      expect(fieldsOf(again)).toEqual(['email:alreadyCandidate']);

      const url = `/api/v1/candidates/${created.id}`;
      const read = await api(app, 'GET', `${url}?lang=fr`, { token: manager });
      expect(read.statusCode).toBe(200);
      expect(read.json().evaluation.explanation).not.toBe(created.evaluation.explanation);

      const extended = await api(app, 'POST', `${url}/extensions`, {
        token: manager,
        body: { months: 6, reason: 'Illness' },
      });
      expect(extended.statusCode).toBe(200);
      expect(extended.json()).toMatchObject({
        evaluation: { window: { deadline: '2027-09-07' }, extensionsMonths: 6 },
        extensions: [{ months: 6, reason: 'Illness' }],
      });
      const withdrawn = await api(app, 'POST', `${url}/withdraw`, {
        token: manager,
        body: { reason: 'Paused' },
      });
      expect(withdrawn.json()).toMatchObject({
        status: 'withdrawn',
        withdrawnReason: 'Paused',
        evaluation: { awardable: false },
      });
      expectError(
        await api(app, 'POST', `${url}/withdraw`, { token: manager, body: { reason: 'Again' } }),
        409,
        'invalid_state',
      );
      const reinstated = await api(app, 'POST', `${url}/reinstate`, { token: manager });
      expect(reinstated.json()).toMatchObject({ status: 'reinstated', withdrawnReason: null });
      expectError(await api(app, 'POST', `${url}/reinstate`, { token: manager }), 409, 'invalid_state');

      const version2 = await createRuleVersion(deps.db, deps, SYSTEM_ACTOR, programme.slug, {
        effectiveFrom: '2032-01-01',
        rules: pathwayRules(programme, 2),
      });
      const moved = await api(app, 'PUT', `${url}/rule-version`, {
        token: manager,
        body: { ruleVersionId: version2.id },
      });
      expect(moved.json()).toMatchObject({
        ruleVersion: { id: version2.id, version: 2, effectiveFrom: '2032-01-01' },
        evaluation: { capstoneUnlocked: true },
      });
      const passed = await api(app, 'PUT', `${url}/capstone`, {
        token: manager,
        body: { status: 'passed', completedOn: '2026-06-30' },
      });
      expect(passed.json()).toMatchObject({
        status: 'completed',
        capstone: { status: 'passed', completedOn: '2026-06-30' },
        evaluation: { awardable: true },
      });
      expect(passed.json().audit.map((a: { action: string }) => a.action)).toEqual(
        expect.arrayContaining([
          'candidate.capstone-updated',
          'candidate.rule-version-changed',
          'candidate.reinstated',
          'candidate.withdrawn',
          'candidate.extension-granted',
          'candidate.registered',
        ]),
      );
    });

    it('lists candidates with the same filters as the page (flags as 1 or true)', async () => {
      const listed = await buildPathwayProgramme(deps);
      const ready = await buildParticipant(deps, { fullName: 'Ready Person', country: 'GH', locale: 'fr' });
      const readyId = await registerAs(deps, listed, ready, '2024-01-08');
      await earn(deps, ready, listed.academy, '2024-06-10', '2024-06-21');
      for (const code of listed.electives.slice(0, 3))
        await earn(deps, ready, code, '2025-01-06', '2025-02-14');
      await api(app, 'PUT', `/api/v1/candidates/${readyId}/capstone`, {
        token: manager,
        body: { status: 'passed', completedOn: '2026-05-29' },
      });
      await registerAs(
        deps,
        listed,
        await buildParticipant(deps, { fullName: 'Waiting Person' }),
        '2026-01-05',
      );
      const list = async (query: string) => {
        const response = await api(app, 'GET', `/api/v1/candidates?programme=${listed.slug}&${query}`, {
          token: manager,
        });
        expect(response.statusCode, query).toBe(200);
        return response.json();
      };
      const all = await list('sort=name&direction=desc');
      expect(all).toMatchObject({ total: 2, page: 1, pageCount: 1 });
      expect(all.candidates.map((c: { person: { fullName: string } }) => c.person.fullName)).toEqual([
        'Waiting Person',
        'Ready Person',
      ]);
      for (const query of [
        'ready=1',
        'ready=true',
        'status=completed',
        'country=gh',
        'language=fr',
        'q=ready',
      ]) {
        const found = await list(query);
        expect(
          found.candidates.map((c: { id: string }) => c.id),
          query,
        ).toEqual([readyId]);
      }
      expect((await list('ready=1')).candidates[0]).toMatchObject({
        status: 'completed',
        awardable: true,
        atRisk: false,
        met: 3,
        deadline: '2029-06-10',
        person: { fullName: 'Ready Person', country: 'GH', language: 'fr' },
      });
      expect((await list('atRisk=true&ready=0&deadlineWithinMonths=&status=')).total).toBe(0);
      expect((await list('page=2')).candidates).toEqual([]);
    });

    it('rule versions: lists them newest first and saves a new one (audited)', async () => {
      const own = await buildPathwayProgramme(deps);
      const saved = await api(app, 'POST', `/api/v1/programmes/${own.slug}/rule-versions`, {
        token: manager,
        body: {
          effectiveFrom: '2027-01-01',
          note: 'Fewer electives',
          rules: JSON.stringify(pathwayRules(own, 2)),
        },
      });
      expect(saved.statusCode).toBe(201);
      expect(saved.json()).toMatchObject({
        version: 2,
        effectiveFrom: '2027-01-01',
        note: 'Fewer electives',
        rules: {
          window: { years: 5 },
          requirements: expect.arrayContaining([expect.objectContaining({ count: 2 })]),
        },
      });
      const list = await api(app, 'GET', `/api/v1/programmes/${own.slug}/rule-versions`, { token: manager });
      expect(list.json().versions.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    });

    it('enrols people by email, and records a class in bulk all or nothing', async () => {
      const edition = await buildDatedEdition(deps, programme.electives[3], '2026-04-06', '2026-05-15');
      const people = [await buildParticipant(deps), await buildParticipant(deps)];
      const ids: string[] = [];
      for (const person of people) {
        const enrolled = await api(app, 'POST', `/api/v1/editions/${edition.id}/enrolments`, {
          token: manager,
          body: { email: ` ${person.email.toUpperCase()} ` },
        });
        expect(enrolled.statusCode).toBe(201);
        expect(enrolled.json()).toMatchObject({ editionId: edition.id, status: 'enrolled' });
        ids.push(enrolled.json().id);
      }
      const twice = await api(app, 'POST', `/api/v1/editions/${edition.id}/enrolments`, {
        token: manager,
        body: { email: people[0]!.email },
      });
      expect(fieldsOf(twice)).toEqual(['email:places.validation.alreadyEnrolled']);
      const before = await state();
      const refused = await api(app, 'PUT', `/api/v1/editions/${edition.id}/results`, {
        token: manager,
        body: {
          rows: [
            { enrolmentId: ids[0], outcome: 'achievement', completedOn: '2026-05-15' },
            { enrolmentId: newId(), outcome: 'achievement', completedOn: '2026-05-15' },
          ],
        },
      });
      expectError(refused, 404, 'not_found');
      const future = await api(app, 'PUT', `/api/v1/editions/${edition.id}/results`, {
        token: manager,
        body: { rows: [{ enrolmentId: ids[0], outcome: 'achievement', completedOn: '2027-06-11' }] },
      });
      expect(fieldsOf(future)).toEqual(['rows.0.completedOn:completedInFuture']);
      expect(await state()).toBe(before);
      const saved = await api(app, 'PUT', `/api/v1/editions/${edition.id}/results`, {
        token: manager,
        body: {
          rows: [
            { enrolmentId: ids[0], outcome: 'achievement', grade: 'A', completedOn: '2026-05-15' },
            { enrolmentId: ids[1], outcome: 'not-passed', grade: null, completedOn: '2026-05-15' },
          ],
        },
      });
      expect(saved.json()).toEqual({ changed: 2 });
      const list = await api(app, 'GET', `/api/v1/editions/${edition.id}/class`, { token: manager });
      expect(
        list
          .json()
          .enrolments.map((e: { enrolmentId: string; result: { outcome: string } }) => [
            e.enrolmentId,
            e.result.outcome,
          ])
          .sort(),
      ).toEqual(
        [
          [ids[0], 'achievement'],
          [ids[1], 'not-passed'],
        ].sort(),
      );
      expect(
        (
          await api(app, 'PUT', `/api/v1/editions/${edition.id}/results`, {
            token: manager,
            body: { rows: [] },
          })
        ).json(),
      ).toEqual({ changed: 0 });
    });

    it("/me/pathway: one's own evaluations with the open editions to take next", async () => {
      const person = await buildParticipant(deps, { locale: 'es' });
      const token = await tokenOf(deps, person);
      expect((await api(app, 'GET', '/api/v1/me/pathway', { token })).json()).toEqual({ pathways: [] });
      await registerAs(deps, programme, person, '2026-01-05');
      const open = await buildEdition(deps, programme.electives[2]);
      const mine = await api(app, 'GET', '/api/v1/me/pathway', { token });
      expect(mine.statusCode).toBe(200);
      const [pathway] = mine.json().pathways;
      expect(pathway).toMatchObject({
        programme: programme.slug,
        status: 'active',
        evaluation: { status: 'active', window: { start: null, deadline: null } },
      });
      expect(pathway).not.toHaveProperty('audit');
      expect(pathway.nextEditions.map((e: { id: string }) => e.id)).toContain(open.id);
      expect(pathway.nextEditions[0]).toMatchObject({
        registrationOpen: true,
        courseTitle: expect.any(Object),
      });
      expect(pathway.evaluation.explanation).toBe(
        (await api(app, 'GET', '/api/v1/me/pathway?lang=es', { token })).json().pathways[0].evaluation
          .explanation,
      );
      for (const other of [participant, manager, assessor]) {
        expect((await api(app, 'GET', '/api/v1/me/pathway', { token: other })).statusCode).toBe(200);
      }
    });
  });
}
