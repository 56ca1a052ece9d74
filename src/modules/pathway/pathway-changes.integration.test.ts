import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIALECTS } from '../../../test/helpers/dialects.js';
import { countRows } from '../../../test/helpers/http-extra.js';
import {
  actorOf,
  buildParticipant,
  buildPathwayProgramme,
  earn,
  type PathwayProgramme,
  pathwayRules,
  registerAs,
} from '../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../test/helpers/test-deps.js';
import { ANONYMOUS, systemActor } from '../../kernel/actor.js';
import { listAuditEvents } from '../../kernel/audit.js';
import { type AppError, isAppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { getCandidate } from './candidates/get-candidate.js';
import { grantExtension } from './grant-extension.js';
import { moveCandidateToRuleVersion } from './move-rule-version.js';
import { createRuleVersion } from './rule-versions.js';
import type { CourseRequirementEvaluation, PathwayEvaluation } from './rules/evaluation.js';
import { setCapstoneStatus } from './set-capstone-status.js';
import { reinstateCandidate, withdrawCandidate } from './withdraw-candidate.js';

/** A manager's changes to a candidacy: each re-evaluates the standing and is audited (use cases, both engines). */

const SYSTEM = systemActor('test');
const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as AppError);
const fieldsOf = (error: unknown) =>
  isAppError(error) ? error.fields.map((f) => `${f.path}:${f.key}`).sort() : error;
const requirement = (evaluation: PathwayEvaluation, id: string) =>
  evaluation.requirements.find((r) => r.id === id) as CourseRequirementEvaluation;

for (const dialect of DIALECTS) {
  describe(`${dialect}: pathway changes to a candidacy`, () => {
    let deps: TestDeps;
    let programme: PathwayProgramme;
    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      programme = await buildPathwayProgramme(deps);
    });
    afterAll(async () => deps?.close());

    const evaluationOf = async (candidacyId: string) =>
      (await getCandidate(deps.db, deps, SYSTEM, candidacyId, 'en')).detail.evaluation;
    const standingOf = (candidacyId: string) =>
      deps.db.selectFrom('candidacies').selectAll().where('id', '=', candidacyId).executeTakeFirstOrThrow();
    /** The newest audit event of an action (the fixed clock gives events of one test the same instant). */
    const auditOf = async (candidacyId: string, action: string) =>
      (await listAuditEvents(deps.db, 'candidacy', candidacyId)).find((e) => e.action === action);

    /** A candidate with the Academy (2022) and `electives` electives (2023). */
    const candidate = async (electives: number, academyStart = '2022-06-13') => {
      const person = await buildParticipant(deps);
      const id = await registerAs(deps, programme, person, '2022-01-10');
      const academyEnd = academyStart.replace(/-\d\d$/, '-24');
      await earn(deps, person, programme.academy, academyStart, academyEnd);
      for (const code of programme.electives.slice(0, electives))
        await earn(deps, person, code, '2023-03-06', '2023-04-14');
      return { id, person };
    };

    it('moves the deadline with an extension, and audits it', async () => {
      const { id } = await candidate(1);
      expect((await evaluationOf(id)).window.deadline).toBe('2027-06-13');
      const refused = await failure(grantExtension(deps.db, deps, SYSTEM, id, { months: 0, reason: '' }));
      expect(fieldsOf(refused)).toEqual(['months:validation.tooSmall', 'reason:validation.required']);
      expect(await countRows(deps, 'extensions')).toBe(0);
      await grantExtension(deps.db, deps, SYSTEM, id, { months: '6', reason: 'Parental leave' });
      const evaluation = await evaluationOf(id);
      expect(evaluation.window.deadline).toBe('2027-12-13');
      expect(evaluation.extensionsMonths).toBe(6);
      expect((await standingOf(id)).standing_deadline).toBe('2027-12-13');
      expect(await auditOf(id, 'candidate.extension-granted')).toMatchObject({
        action: 'candidate.extension-granted',
        before: { extensionMonths: 0, standing: 'active' },
        after: { extensionMonths: 6, months: 6, reason: 'Parental leave', standing: 'active' },
      });
      await grantExtension(deps.db, deps, SYSTEM, id, { months: 3, reason: 'Illness' });
      expect((await evaluationOf(id)).window.deadline).toBe('2028-03-13');
      const { detail } = await getCandidate(deps.db, deps, SYSTEM, id, 'en');
      expect(detail.extensions.map((e) => [e.months, e.reason])).toEqual([
        [6, 'Parental leave'],
        [3, 'Illness'],
      ]);
    });

    it('never awards a withdrawn candidate; reinstating shows them as reinstated', async () => {
      const done = await candidate(3);
      await setCapstoneStatus(deps.db, deps, SYSTEM, done.id, {
        status: 'passed',
        completedOn: '2024-05-31',
      });
      expect((await evaluationOf(done.id)).awardable).toBe(true);
      await withdrawCandidate(deps.db, deps, SYSTEM, done.id, { reason: 'Asked to stop' });
      const withdrawn = await evaluationOf(done.id);
      expect(withdrawn).toMatchObject({ status: 'withdrawn', awardable: false, capstoneUnlocked: false });
      expect(await standingOf(done.id)).toMatchObject({
        status: 'withdrawn',
        withdrawn_reason: 'Asked to stop',
        standing_status: 'withdrawn',
        standing_awardable: 0,
      });
      expect(await auditOf(done.id, 'candidate.withdrawn')).toMatchObject({
        action: 'candidate.withdrawn',
        before: { status: 'active', standing: 'completed' },
        after: { status: 'withdrawn', reason: 'Asked to stop', standing: 'withdrawn' },
      });
      const twice = await failure(withdrawCandidate(deps.db, deps, SYSTEM, done.id, { reason: 'Again' }));
      expect(isAppError(twice, 'invalid_state')).toBe(true);
      await reinstateCandidate(deps.db, deps, SYSTEM, done.id);
      expect(await standingOf(done.id)).toMatchObject({ status: 'reinstated', standing_status: 'completed' });

      const halfway = await candidate(1);
      const notWithdrawn = await failure(reinstateCandidate(deps.db, deps, SYSTEM, halfway.id));
      expect(isAppError(notWithdrawn, 'invalid_state')).toBe(true);
      const noReason = await failure(withdrawCandidate(deps.db, deps, SYSTEM, halfway.id, { reason: '  ' }));
      expect(fieldsOf(noReason)).toEqual(['reason:validation.required']);
      await withdrawCandidate(deps.db, deps, SYSTEM, halfway.id, { reason: 'New job' });
      await reinstateCandidate(deps.db, deps, SYSTEM, halfway.id);
      expect(await standingOf(halfway.id)).toMatchObject({
        status: 'reinstated',
        standing_status: 'reinstated',
      });
      expect((await getCandidate(deps.db, deps, SYSTEM, halfway.id, 'en')).detail.status).toBe('reinstated');
      expect(await auditOf(halfway.id, 'candidate.reinstated')).toMatchObject({
        action: 'candidate.reinstated',
        before: { status: 'withdrawn', reason: 'New job', standing: 'withdrawn' },
        after: { status: 'reinstated', standing: 'reinstated' },
      });
    });

    it('moves a candidate to another rule version, which changes the evaluation (audited)', async () => {
      const version2 = await createRuleVersion(deps.db, deps, SYSTEM, programme.slug, {
        effectiveFrom: '2030-01-01',
        note: 'Two electives',
        rules: pathwayRules(programme, 2),
      });
      const { id } = await candidate(2);
      expect(requirement(await evaluationOf(id), 'electives')).toMatchObject({
        status: 'missing',
        needed: 3,
      });
      expect((await evaluationOf(id)).capstoneUnlocked).toBe(false);
      await moveCandidateToRuleVersion(deps.db, deps, SYSTEM, id, { ruleVersionId: version2.id });
      const moved = await getCandidate(deps.db, deps, SYSTEM, id, 'en');
      expect(moved.detail.ruleVersion).toBe(2);
      expect(requirement(moved.detail.evaluation, 'electives')).toMatchObject({ status: 'met', needed: 2 });
      expect(moved.detail.evaluation.capstoneUnlocked).toBe(true);
      expect((await standingOf(id)).standing_met).toBe(2);
      expect(await auditOf(id, 'candidate.rule-version-changed')).toMatchObject({
        action: 'candidate.rule-version-changed',
        before: { ruleVersion: 1 },
        after: { ruleVersion: 2 },
      });
      const elsewhere = await buildPathwayProgramme(deps);
      for (const ruleVersionId of [elsewhere.ruleVersionId, newId(), 'nope', '']) {
        const refused = await failure(
          moveCandidateToRuleVersion(deps.db, deps, SYSTEM, id, { ruleVersionId }),
        );
        expect(isAppError(refused, 'validation_failed'), ruleVersionId).toBe(true);
      }
      expect((await getCandidate(deps.db, deps, SYSTEM, id, 'en')).detail.ruleVersion).toBe(2);
    });

    it('makes a candidate awardable once the capstone is passed and the rest is met', async () => {
      const { id } = await candidate(3);
      const ready = await evaluationOf(id);
      expect(ready).toMatchObject({ status: 'active', awardable: false, capstoneUnlocked: true });
      const noDate = await failure(
        setCapstoneStatus(deps.db, deps, SYSTEM, id, { status: 'passed', completedOn: '' }),
      );
      expect(fieldsOf(noDate)).toEqual(['completedOn:validation.capstoneDateNeeded']);
      await setCapstoneStatus(deps.db, deps, SYSTEM, id, { status: 'in-progress' });
      expect(requirement(await evaluationOf(id), 'capstone').status).toBe('in-progress');
      await setCapstoneStatus(deps.db, deps, SYSTEM, id, { status: 'passed', completedOn: '2025-02-28' });
      const awarded = await evaluationOf(id);
      expect(awarded).toMatchObject({ status: 'completed', awardable: true });
      expect(awarded.hours).toEqual({ counted: 300, total: 300 });
      expect(await standingOf(id)).toMatchObject({ standing_status: 'completed', standing_awardable: 1 });
      expect(await auditOf(id, 'candidate.capstone-updated')).toMatchObject({
        action: 'candidate.capstone-updated',
        before: { capstone: 'in-progress', completedOn: null, standing: 'active' },
        after: { capstone: 'passed', completedOn: '2025-02-28', standing: 'completed' },
      });
    });

    it('lets only programme managers change a candidacy; unknown ids are not found', async () => {
      const { id, person } = await candidate(0);
      const manager = actorOf(await buildParticipant(deps, { roles: ['manager'] }));
      await grantExtension(deps.db, deps, manager, id, { months: 1, reason: 'By a manager' });
      /** Every change (and the read), as functions: each runs only when awaited. */
      const attempts = (actor: typeof SYSTEM, candidacyId: string) => [
        () => grantExtension(deps.db, deps, actor, candidacyId, { months: 1, reason: 'x' }),
        () => withdrawCandidate(deps.db, deps, actor, candidacyId, { reason: 'x' }),
        () => reinstateCandidate(deps.db, deps, actor, candidacyId),
        () => setCapstoneStatus(deps.db, deps, actor, candidacyId, { status: 'in-progress' }),
        () =>
          moveCandidateToRuleVersion(deps.db, deps, actor, candidacyId, {
            ruleVersionId: programme.ruleVersionId,
          }),
        () => getCandidate(deps.db, deps, actor, candidacyId, 'en'),
      ];
      const audits = await countRows(deps, 'audit_events');
      const expected: [typeof SYSTEM, string, string][] = [
        [ANONYMOUS, id, 'unauthenticated'],
        [actorOf(person), id, 'forbidden'],
        [manager, newId(), 'not_found'],
        [manager, 'not-an-id', 'not_found'],
      ];
      for (const [actor, candidacyId, code] of expected)
        for (const attempt of attempts(actor, candidacyId))
          await expect(attempt()).rejects.toMatchObject({ code });
      expect(await countRows(deps, 'audit_events')).toBe(audits);
    });
  });
}
