import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { buildCourse, buildEdition } from '../../../test/helpers/factories.js';
import { countRows } from '../../../test/helpers/http-extra.js';
import {
  buildDatedEdition,
  buildParticipant,
  buildPathwayProgramme,
  earn,
  pathwayRules,
  registerAs,
} from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, TEST_NOW, type TestDeps } from '../../../test/helpers/test-deps.js';
import { systemActor } from '../../kernel/actor.js';
import { listAuditEvents } from '../../kernel/audit.js';
import { type AppError, isAppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { enrolDirectly } from '../places/enrol-directly.js';
import { getCandidate } from './candidates/get-candidate.js';
import { getClassList, recordClassResults, recordResult } from './record-result.js';
import { registerCandidate } from './register-candidate.js';
import { createRuleVersion } from './rule-versions.js';
import type { CourseRequirementEvaluation, PathwayEvaluation } from './rules/evaluation.js';
import { setCapstoneStatus } from './set-capstone-status.js';

/** Registration, enrolments and results, and the standing cached on the candidacy (use cases, both engines). */

const SYSTEM = systemActor('test');

/** What a rejected promise was rejected with. */
const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as AppError);
const fieldsOf = (error: unknown) =>
  isAppError(error) ? error.fields.map((f) => `${f.path}:${f.key}`).sort() : error;
const requirement = (evaluation: PathwayEvaluation, id: string) =>
  evaluation.requirements.find((r) => r.id === id) as CourseRequirementEvaluation;

for (const dialect of DIALECTS) {
  describe(`${dialect}: pathway registration and results`, () => {
    let deps: TestDeps;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
    });
    afterAll(async () => deps?.close());

    const evaluationOf = async (candidacyId: string) =>
      (await getCandidate(deps.db, deps, SYSTEM, candidacyId, 'en')).detail.evaluation;
    const standingOf = (candidacyId: string) =>
      deps.db.selectFrom('candidacies').selectAll().where('id', '=', candidacyId).executeTakeFirstOrThrow();
    const resultsOfEdition = async (editionId: string) =>
      (await getClassList(deps.db, deps, SYSTEM, editionId)).rows.filter((r) => r.result !== null).length;

    it('registers a candidate on the version in force at the registration date', async () => {
      deps.clock.set(TEST_NOW);
      const programme = await buildPathwayProgramme(deps, { effectiveFrom: '2015-01-01' });
      const second = await createRuleVersion(deps.db, deps, SYSTEM, programme.slug, {
        effectiveFrom: '2025-01-01',
        note: 'Two electives',
        rules: pathwayRules(programme, 2),
      });
      await createRuleVersion(deps.db, deps, SYSTEM, programme.slug, {
        effectiveFrom: '2027-01-01',
        rules: JSON.stringify(pathwayRules(programme, 1)),
      });
      const versionOf = async (registeredOn?: string) => {
        const person = await buildParticipant(deps);
        const id = await registerAs(deps, programme, person, registeredOn);
        const { detail } = await getCandidate(deps.db, deps, SYSTEM, id, 'en');
        return { version: detail.ruleVersion, id, detail };
      };
      expect((await versionOf('2024-12-31')).version).toBe(1);
      const onSecond = await versionOf('2025-01-01');
      expect(onSecond.version).toBe(2);
      expect(onSecond.detail.registeredOn).toBe('2025-01-01');
      expect(requirement(onSecond.detail.evaluation, 'electives').needed).toBe(2);
      // Without a date: today (2026-11-28), when version 2 is in force (version 3 starts in 2027).
      const today = await versionOf();
      expect(today.version).toBe(2);
      expect(today.detail.registeredOn).toBe('2026-11-28');
      expect(today.detail.ruleVersions.map((v) => v.version)).toEqual([3, 2, 1]);
      const row = await standingOf(today.id);
      expect(row.rule_version_id).toBe(second.id);
      const [event] = await listAuditEvents(deps.db, 'candidacy', today.id);
      expect(event).toMatchObject({
        action: 'candidate.registered',
        after: { programme: programme.slug, registeredOn: '2026-11-28', ruleVersion: 2 },
      });
    });

    it('refuses to register a person twice, an unknown person, or where no rule version exists', async () => {
      const programme = await buildPathwayProgramme(deps);
      const person = await buildParticipant(deps);
      await registerAs(deps, programme, person, '2025-02-01');
      const before = await countRows(deps, 'candidacies');
      const twice = await failure(registerAs(deps, programme, person, '2026-01-01'));
      expect(fieldsOf(twice)).toEqual(['email:validation.alreadyCandidate']);
      const unknown = await failure(registerAs(deps, programme, { email: 'nobody-here@example.org' }));
      expect(fieldsOf(unknown)).toEqual(['email:validation.unknownPerson']);
      const badInput = await failure(
        registerCandidate(deps.db, deps, SYSTEM, programme.slug, {
          email: 'not an email',
          registeredOn: '2026-02-30',
        }),
      );
      expect(fieldsOf(badInput)).toEqual([
        'email:validation.invalidEmail',
        'registeredOn:validation.invalidDate',
      ]);
      const bare = await buildPathwayProgramme(deps);
      await deps.db.deleteFrom('rule_versions').where('id', '=', bare.ruleVersionId).execute();
      const noRules = await failure(registerAs(deps, bare, person));
      expect(isAppError(noRules, 'invalid_state')).toBe(true);
      await expect(registerAs(deps, { slug: 'no-such-programme' }, person)).rejects.toMatchObject({
        code: 'not_found',
      });
      expect(await countRows(deps, 'candidacies')).toBe(before);
    });

    it('counts achievements earned before the registration when they fit the window', async () => {
      const programme = await buildPathwayProgramme(deps);
      const person = await buildParticipant(deps);
      await earn(deps, person, programme.academy, '2022-06-13', '2022-06-24');
      await earn(deps, person, programme.electives[0], '2023-03-01', '2023-04-07');
      const id = await registerAs(deps, programme, person, '2024-01-10');
      const evaluation = await evaluationOf(id);
      expect(requirement(evaluation, 'academy')).toMatchObject({
        status: 'met',
        counted: [programme.academy],
      });
      expect(requirement(evaluation, 'electives')).toMatchObject({ have: 1, needed: 3, status: 'missing' });
      expect(evaluation.window).toEqual({ start: '2022-06-13', deadline: '2027-06-13', years: 5 });
      const row = await standingOf(id);
      expect(row).toMatchObject({
        standing_met: 1,
        standing_deadline: '2027-06-13',
        standing_status: 'active',
      });
    });

    it('keeps the cached standing in step with every enrolment and result', async () => {
      const programme = await buildPathwayProgramme(deps);
      const person = await buildParticipant(deps);
      const id = await registerAs(deps, programme, person, '2026-01-05');
      expect(await standingOf(id)).toMatchObject({
        standing_status: 'active',
        standing_deadline: null,
        standing_met: 0,
        standing_awardable: 0,
        standing_at_risk: 0,
      });
      // An enrolment in an upcoming edition shows the electives in progress at once.
      const upcoming = await buildEdition(deps, programme.electives[0]);
      await enrolDirectly(deps.db, deps, SYSTEM, upcoming.id, { email: person.email, fundingKind: 'self' });
      const cached = JSON.parse((await standingOf(id)).standing_json) as PathwayEvaluation;
      expect(requirement(cached, 'electives')).toMatchObject({
        status: 'in-progress',
        enrolled: [programme.electives[0]],
      });
      await earn(deps, person, programme.academy, '2024-06-10', '2024-06-21');
      expect(await standingOf(id)).toMatchObject({ standing_deadline: '2029-06-10', standing_met: 1 });
      for (const code of programme.electives.slice(1))
        await earn(deps, person, code, '2025-03-03', '2025-04-11');
      expect(await standingOf(id)).toMatchObject({ standing_met: 2, standing_awardable: 0 });
      expect((await evaluationOf(id)).capstoneUnlocked).toBe(true);
      await setCapstoneStatus(deps.db, deps, SYSTEM, id, { status: 'passed', completedOn: '2026-10-01' });
      const done = await standingOf(id);
      expect(done).toMatchObject({ standing_status: 'completed', standing_awardable: 1, standing_met: 3 });
      // The cache is the evaluation of the source records (its explanation aside).
      const fresh = await evaluationOf(id);
      const { explanation: _explanation, ...stored } = fresh;
      expect(JSON.parse(done.standing_json)).toEqual(stored);
      expect(done.standing_evaluated_on).toBe('2026-11-28');
    });

    it('does not count a Certificate of Participation', async () => {
      const programme = await buildPathwayProgramme(deps);
      const person = await buildParticipant(deps);
      const id = await registerAs(deps, programme, person, '2025-01-01');
      await earn(deps, person, programme.academy, '2025-06-16', '2025-06-27');
      await earn(deps, person, programme.electives[1], '2025-09-01', '2025-10-10', 'participation');
      const evaluation = await evaluationOf(id);
      expect(requirement(evaluation, 'electives')).toMatchObject({ have: 0, counted: [] });
      expect(evaluation.uncounted).toEqual([
        expect.objectContaining({ course: programme.electives[1], reason: 'participation' }),
      ]);
      expect((await standingOf(id)).standing_met).toBe(1);
    });

    it('refuses an Achievement for a participation-only course and a completion before the start', async () => {
      const course = await buildCourse(deps, { credentialOnSuccess: 'participation' });
      const edition = await buildDatedEdition(deps, course.code, '2026-03-02', '2026-04-10');
      const person = await buildParticipant(deps);
      const { id: enrolmentId } = await enrolDirectly(deps.db, deps, SYSTEM, edition.id, {
        email: person.email,
        fundingKind: 'self',
      });
      const audits = await countRows(deps, 'audit_events');
      const wrongType = await failure(
        recordResult(deps.db, deps, SYSTEM, enrolmentId, {
          outcome: 'achievement',
          completedOn: '2026-04-10',
        }),
      );
      expect(fieldsOf(wrongType)).toEqual(['outcome:validation.noAchievementForCourse']);
      const tooEarly = await failure(
        recordClassResults(deps.db, deps, SYSTEM, edition.id, [
          { enrolmentId, result: { outcome: 'participation', completedOn: '2026-03-01' } },
        ]),
      );
      expect(fieldsOf(tooEarly)).toEqual(['rows.0.completedOn:validation.completedBeforeStart']);
      expect(await resultsOfEdition(edition.id)).toBe(0);
      expect(await countRows(deps, 'audit_events')).toBe(audits);
      const row = await recordResult(deps.db, deps, SYSTEM, enrolmentId, {
        outcome: 'participation',
        grade: null,
        completedOn: '2026-03-02',
      });
      expect(row).toMatchObject({
        enrolmentId,
        userId: person.id,
        result: { outcome: 'participation', grade: null, completedOn: '2026-03-02' },
      });
    });

    it('records a class all or nothing: one bad row and nothing is written', async () => {
      const programme = await buildPathwayProgramme(deps);
      const edition = await buildDatedEdition(deps, programme.electives[2], '2026-02-02', '2026-03-13');
      const other = await buildDatedEdition(deps, programme.electives[2], '2025-02-03', '2025-03-14');
      const people = [
        await buildParticipant(deps),
        await buildParticipant(deps),
        await buildParticipant(deps),
      ];
      const ids: string[] = [];
      for (const person of people) {
        await registerAs(deps, programme, person, '2025-01-01');
        ids.push(
          (
            await enrolDirectly(deps.db, deps, SYSTEM, edition.id, {
              email: person.email,
              fundingKind: 'self',
            })
          ).id,
        );
      }
      const { id: elsewhere } = await enrolDirectly(deps.db, deps, SYSTEM, other.id, {
        email: people[0]!.email,
        fundingKind: 'self',
      });
      const good = { outcome: 'achievement', grade: 'A', completedOn: '2026-03-13' };
      const state = async () =>
        JSON.stringify([
          await deps.db.selectFrom('results').selectAll().orderBy('id').execute(),
          await deps.db.selectFrom('candidacies').selectAll().orderBy('id').execute(),
          await countRows(deps, 'audit_events'),
        ]);
      const before = await state();
      const invalid = await failure(
        recordClassResults(deps.db, deps, SYSTEM, edition.id, [
          { enrolmentId: ids[0]!, result: good },
          { enrolmentId: ids[1]!, result: { ...good, outcome: 'passed' } },
          { enrolmentId: ids[2]!, result: { ...good, completedOn: '2026-01-30' } },
        ]),
      );
      expect(fieldsOf(invalid)).toEqual([
        'rows.1.outcome:validation.invalidChoice',
        'rows.2.completedOn:validation.completedBeforeStart',
      ]);
      // A row that is not of this class is found only inside the transaction: the earlier rows roll back.
      for (const stranger of [newId(), elsewhere, 'not-an-id']) {
        const refused = await failure(
          recordClassResults(deps.db, deps, SYSTEM, edition.id, [
            { enrolmentId: ids[0]!, result: good },
            { enrolmentId: ids[1]!, result: good },
            { enrolmentId: stranger, result: good },
          ]),
        );
        expect(isAppError(refused, 'not_found'), stranger).toBe(true);
      }
      expect(await state()).toBe(before);
      const saved = await recordClassResults(
        deps.db,
        deps,
        SYSTEM,
        edition.id,
        ids.map((enrolmentId) => ({ enrolmentId, result: good })),
      );
      expect(saved).toEqual({ changed: 3 });
      expect(await resultsOfEdition(edition.id)).toBe(3);
      for (const person of people) {
        const [candidacy] = await deps.db
          .selectFrom('candidacies')
          .select('standing_json')
          .where('user_id', '=', person.id)
          .execute();
        const cached = JSON.parse(candidacy!.standing_json) as PathwayEvaluation;
        expect(requirement(cached, 'electives').counted).toEqual([programme.electives[2]]);
      }
    });

    it('audits a changed result with before and after, and changes nothing when it is the same', async () => {
      const programme = await buildPathwayProgramme(deps);
      const person = await buildParticipant(deps);
      const id = await registerAs(deps, programme, person, '2025-01-01');
      const { enrolmentId, edition } = await earn(
        deps,
        person,
        programme.academy,
        '2025-06-16',
        '2025-06-27',
      );
      expect(requirement(await evaluationOf(id), 'academy').status).toBe('met');
      const changed = { outcome: 'not-passed', grade: 'D', completedOn: '2025-06-27' };
      await recordResult(deps.db, deps, SYSTEM, enrolmentId, changed);
      const event = (await listAuditEvents(deps.db, 'user', person.id)).find(
        (e) => e.action === 'result.changed',
      );
      expect(event).toMatchObject({
        action: 'result.changed',
        before: { enrolmentId, outcome: 'achievement', grade: null, completedOn: '2025-06-27' },
        after: { outcome: 'not-passed', grade: 'D', completedOn: '2025-06-27' },
      });
      expect(requirement(await evaluationOf(id), 'academy').status).toBe('missing');
      expect(await standingOf(id)).toMatchObject({ standing_met: 0, standing_deadline: null });
      const audits = await countRows(deps, 'audit_events');
      expect(
        await recordClassResults(deps.db, deps, SYSTEM, edition.id, [{ enrolmentId, result: changed }]),
      ).toEqual({
        changed: 0,
      });
      expect(await countRows(deps, 'audit_events')).toBe(audits);
    });

    it('re-enrols after a withdrawn enrolment under the same id', async () => {
      const programme = await buildPathwayProgramme(deps);
      const person = await buildParticipant(deps);
      const edition = await buildEdition(deps, programme.electives[3]);
      const first = await enrolDirectly(deps.db, deps, SYSTEM, edition.id, {
        email: person.email,
        fundingKind: 'self',
      });
      const again = await failure(
        enrolDirectly(deps.db, deps, SYSTEM, edition.id, { email: person.email, fundingKind: 'self' }),
      );
      expect(fieldsOf(again)).toEqual(['email:places.validation.alreadyEnrolled']);
      await deps.db
        .updateTable('enrolments')
        .set({ status: 'withdrawn' })
        .where('id', '=', first.id)
        .execute();
      const second = await enrolDirectly(deps.db, deps, SYSTEM, edition.id, {
        email: person.email,
        fundingKind: 'self',
      });
      expect(second.id).toBe(first.id);
      expect((await getClassList(deps.db, deps, SYSTEM, edition.id)).rows).toEqual([
        expect.objectContaining({ enrolmentId: first.id, status: 'enrolled' }),
      ]);
    });
  });
}
