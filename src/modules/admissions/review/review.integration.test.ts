import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildApplication,
  eligibleAnswers,
  fillApplication,
} from '../../../../test/helpers/application-factories.js';
import { DIALECTS } from '../../../../test/helpers/dialects.js';
import {
  buildCourse,
  buildPerson,
  buildProgramme,
  type TestPerson,
} from '../../../../test/helpers/factories.js';
import { actorOf, pathwayRules } from '../../../../test/helpers/pathway-factories.js';
import { createTestDeps, type TestDeps } from '../../../../test/helpers/test-deps.js';
import { type Actor, systemActor } from '../../../kernel/actor.js';
import { listAuditEvents } from '../../../kernel/audit.js';
import { type AppError, isAppError } from '../../../kernel/errors.js';
import { findPerson } from '../../identity/identity.queries.js';
import { listCandidates } from '../../pathway/candidates/list-candidates.js';
import { createRuleVersion } from '../../pathway/rule-versions.js';
import { saveApplicationStep } from '../save-application-step.js';
import { startApplication } from '../start-application.js';
import { submitApplication } from '../submit-application.js';
import { assignReviewer, unassignReviewer } from './assign-reviewers.js';
import { commentOnApplication } from './comment-application.js';
import { decideApplication } from './decide-application.js';
import { overrideEligibility } from './override-eligibility.js';
import { reopenDecision } from './reopen-decision.js';
import { getApplicationForStaff } from './review-detail.js';
import { scoreApplication } from './score-application.js';

/** The staff side of admissions against a real database: assignment, scores, decisions, reopening, override. */

const SYSTEM = systemActor('test');
const failure = (promise: Promise<unknown>) => promise.then(() => null).catch((e: unknown) => e as AppError);
const codeOf = (error: unknown) => (isAppError(error) ? error.code : error);
const fieldsOf = (error: unknown) =>
  isAppError(error) ? error.fields.map((f) => `${f.path}:${f.key}`) : error;
const goodScore = {
  scores: { experience: 4, motivation: 5, impact: 3 },
  recommendation: 'accept',
  note: 'Strong.',
};

for (const dialect of DIALECTS) {
  describe(`${dialect}: review of applications (staff side)`, () => {
    let deps: TestDeps;
    let manager: Actor;
    let reviewer: TestPerson;
    let other: TestPerson;
    let currentVersionId: string;

    beforeAll(async () => {
      deps = await createTestDeps(dialect);
      await buildProgramme(deps);
      const courses = [];
      for (let i = 0; i < 6; i++) courses.push((await buildCourse(deps)).code);
      const codes = {
        academy: courses[0]!,
        eAcademy: courses[1]!,
        electives: courses.slice(2) as [string, string, string, string],
      };
      await createRuleVersion(deps.db, deps, SYSTEM, 'labour-migration', {
        effectiveFrom: '2015-01-01',
        note: 'Version 1',
        rules: pathwayRules(codes),
      });
      currentVersionId = (
        await createRuleVersion(deps.db, deps, SYSTEM, 'labour-migration', {
          effectiveFrom: '2026-01-01',
          note: 'Version 2',
          rules: pathwayRules(codes, 2),
        })
      ).id;
      manager = actorOf(await buildPerson(deps, { roles: ['manager'] }));
      reviewer = await buildPerson(deps, { roles: ['assessor'] });
      other = await buildPerson(deps, { roles: ['assessor'] });
    });
    afterAll(() => deps.close());

    const submitted = (options: Parameters<typeof buildApplication>[1] = {}) =>
      buildApplication(deps, { submit: true, ...options });
    const statusOf = async (id: string) =>
      (
        await deps.db
          .selectFrom('applications')
          .select('status')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).status;

    it('assigns assessors only, puts the application under review, and is audited', async () => {
      const { id, person } = await submitted();
      expect(await assignReviewer(deps.db, deps, manager, id, { reviewerId: reviewer.id })).toEqual({
        assigned: true,
      });
      expect(await statusOf(id)).toBe('under-review');
      expect(await assignReviewer(deps.db, deps, manager, id, { reviewerId: reviewer.id })).toEqual({
        assigned: false,
      });
      const participant = await buildPerson(deps);
      expect(
        fieldsOf(await failure(assignReviewer(deps.db, deps, manager, id, { reviewerId: participant.id }))),
      ).toEqual(['reviewerId:review.error.notAssessor']);
      expect(
        fieldsOf(await failure(assignReviewer(deps.db, deps, manager, id, { reviewerId: person.id }))),
      ).toEqual(['reviewerId:review.error.ownApplication']);
      // An assessor (even assigned) may not assign.
      expect(
        codeOf(await failure(assignReviewer(deps.db, deps, actorOf(reviewer), id, { reviewerId: other.id }))),
      ).toBe('forbidden');
      const audit = await listAuditEvents(deps.db, 'application', id);
      expect(audit[0]).toMatchObject({
        action: 'application.reviewer-assigned',
        after: { reviewerId: reviewer.id, status: 'under-review' },
      });
    });

    it('never lets an applicant review their own application', async () => {
      const applicant = await buildPerson(deps, { roles: ['assessor'] });
      const { id } = await submitted({ person: applicant });
      expect(
        fieldsOf(await failure(assignReviewer(deps.db, deps, manager, id, { reviewerId: applicant.id }))),
      ).toEqual(['reviewerId:review.error.ownApplication']);
      // Nor see it as staff: it is not assigned to them.
      expect(codeOf(await failure(getApplicationForStaff(deps.db, deps, actorOf(applicant), id)))).toBe(
        'not_found',
      );
    });

    it('lets an assigned reviewer score within each criterion, change it until a decision, and nobody else', async () => {
      const { id } = await submitted();
      expect(codeOf(await failure(scoreApplication(deps.db, deps, actorOf(reviewer), id, goodScore)))).toBe(
        'not_found',
      );
      await assignReviewer(deps.db, deps, manager, id, { reviewerId: reviewer.id });
      expect(await scoreApplication(deps.db, deps, actorOf(reviewer), id, goodScore)).toEqual({ total: 12 });
      const tooHigh = await failure(
        scoreApplication(deps.db, deps, actorOf(reviewer), id, {
          ...goodScore,
          scores: { experience: 6, motivation: 5, bogus: 1 },
        }),
      );
      expect(fieldsOf(tooHigh)).toEqual([
        'scores.experience:validation.tooBig',
        'scores.impact:validation.required',
        'scores.bogus:validation.unknownField',
      ]);
      await scoreApplication(deps.db, deps, actorOf(reviewer), id, {
        ...goodScore,
        scores: { experience: 1, motivation: 1, impact: 1 },
      });
      const view = await getApplicationForStaff(deps.db, deps, manager, id);
      expect(view.scores.map((s) => [s.total, s.recommendation])).toEqual([[3, 'accept']]);
      expect(view.averageScore).toBe(3);
      // A manager who is not assigned does not score; an unassigned assessor cannot even see it.
      expect(codeOf(await failure(scoreApplication(deps.db, deps, manager, id, goodScore)))).toBe(
        'forbidden',
      );
      expect(codeOf(await failure(scoreApplication(deps.db, deps, actorOf(other), id, goodScore)))).toBe(
        'not_found',
      );
      // A reviewer with a score stays assigned.
      expect(codeOf(await failure(unassignReviewer(deps.db, deps, manager, id, reviewer.id)))).toBe(
        'invalid_state',
      );
      await decideApplication(deps.db, deps, manager, id, { decision: 'reject', message: null });
      expect(codeOf(await failure(scoreApplication(deps.db, deps, actorOf(reviewer), id, goodScore)))).toBe(
        'invalid_state',
      );
    });

    it('shows a reviewer their own score only, and managers every score with the average', async () => {
      const { id } = await submitted();
      await assignReviewer(deps.db, deps, manager, id, { reviewerId: reviewer.id });
      await assignReviewer(deps.db, deps, manager, id, { reviewerId: other.id });
      await scoreApplication(deps.db, deps, actorOf(reviewer), id, goodScore);
      await scoreApplication(deps.db, deps, actorOf(other), id, {
        ...goodScore,
        scores: { experience: 1, motivation: 2, impact: 3 },
      });
      const mine = await getApplicationForStaff(deps.db, deps, actorOf(other), id);
      expect(mine.scores.map((s) => s.total)).toEqual([6]);
      expect(mine.averageScore).toBeNull();
      expect(mine.can).toMatchObject({
        score: true,
        comment: true,
        decide: false,
        assign: false,
        override: false,
      });
      const all = await getApplicationForStaff(deps.db, deps, manager, id);
      expect(all.scores.map((s) => s.total).sort()).toEqual([12, 6]);
      expect(all.averageScore).toBe(9);
    });

    it('keeps staff comments (managers and assigned reviewers only)', async () => {
      const { id, actor } = await submitted();
      await assignReviewer(deps.db, deps, manager, id, { reviewerId: reviewer.id });
      await commentOnApplication(deps.db, deps, actorOf(reviewer), id, { body: 'Check the CV dates.' });
      await commentOnApplication(deps.db, deps, manager, id, { body: 'Agreed.' });
      const audit = await listAuditEvents(deps.db, 'application', id);
      expect(audit.filter((a) => a.action === 'application.commented')).toHaveLength(2);
      expect(
        fieldsOf(await failure(commentOnApplication(deps.db, deps, manager, id, { body: '   ' }))),
      ).toEqual(['body:validation.required']);
      expect(
        codeOf(await failure(commentOnApplication(deps.db, deps, actorOf(other), id, { body: 'x' }))),
      ).toBe('not_found');
      expect(codeOf(await failure(commentOnApplication(deps.db, deps, actor, id, { body: 'x' })))).toBe(
        'forbidden',
      );
      const view = await getApplicationForStaff(deps.db, deps, manager, id);
      expect(view.comments.map((c) => c.body)).toEqual(['Check the CV dates.', 'Agreed.']);
    });

    for (const decision of ['waitlist', 'reject'] as const) {
      it(`decides "${decision}": history, status, audit and the applicant told`, async () => {
        const { id, person } = await submitted();
        const outcome = await decideApplication(deps.db, deps, manager, id, {
          decision,
          message: 'Thank you.',
        });
        expect(outcome).toMatchObject({
          decision,
          status: decision === 'waitlist' ? 'waitlisted' : 'rejected',
        });
        const row = await deps.db
          .selectFrom('applications')
          .selectAll()
          .where('id', '=', id)
          .executeTakeFirstOrThrow();
        expect(row).toMatchObject({
          status: outcome.status,
          decision,
          decision_message: 'Thank you.',
          candidacy_id: null,
        });
        const decisions = await deps.db
          .selectFrom('application_decisions')
          .selectAll()
          .where('application_id', '=', id)
          .execute();
        expect(decisions).toHaveLength(1);
        const notices = await deps.db
          .selectFrom('notifications')
          .selectAll()
          .where('user_id', '=', person.id)
          .execute();
        expect(notices.map((n) => [n.kind, n.key])).toContainEqual([
          'application.decided',
          `application.decided:${outcome.decisionId}`,
        ]);
        expect((await listAuditEvents(deps.db, 'application', id))[0]?.action).toBe('application.decided');
      });
    }

    it('requests more information with a message; the applicant edits and submits again', async () => {
      const { id, actor } = await submitted();
      const noMessage = await failure(
        decideApplication(deps.db, deps, manager, id, { decision: 'request-info' }),
      );
      expect(fieldsOf(noMessage)).toEqual(['message:review.error.messageNeeded']);
      expect(await statusOf(id)).toBe('submitted');
      await decideApplication(deps.db, deps, manager, id, {
        decision: 'request-info',
        message: 'Add your sponsor letter.',
      });
      expect(await statusOf(id)).toBe('info-requested');
      await saveApplicationStep(deps.db, deps, actor, id, { step: 'work', answers: eligibleAnswers().work });
      await submitApplication(deps.db, deps, actor, id, {});
      expect(await statusOf(id)).toBe('submitted');
    });

    it('accepts: registers a diploma candidate on the rule version in force today, in the same change', async () => {
      const { id, person } = await submitted();
      const outcome = await decideApplication(deps.db, deps, manager, id, {
        decision: 'accept',
        message: 'Welcome!',
      });
      expect(outcome.status).toBe('accepted');
      const candidacy = await deps.db
        .selectFrom('candidacies')
        .selectAll()
        .where('user_id', '=', person.id)
        .executeTakeFirstOrThrow();
      expect(candidacy).toMatchObject({
        id: outcome.candidacyId,
        rule_version_id: currentVersionId,
        registered_on: '2026-11-28',
      });
      const row = await deps.db
        .selectFrom('applications')
        .select('candidacy_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      expect(row.candidacy_id).toBe(candidacy.id);
      expect((await listAuditEvents(deps.db, 'candidacy', candidacy.id)).map((a) => a.action)).toEqual([
        'candidate.registered',
      ]);
      // The application's country and constituency reach the candidate record: the list's filter finds them.
      expect(await findPerson(deps.db, person.id)).toMatchObject({
        country: 'SN',
        constituency: 'government',
      });
      const found = await listCandidates(deps.db, deps, manager, 'labour-migration', { country: 'SN' });
      expect(found.items.map((item) => [item.email, item.country])).toContainEqual([person.email, 'SN']);
      expect((await listAuditEvents(deps.db, 'user', person.id)).map((a) => a.action)).toContain(
        'user.profile-from-application',
      );
      // A second decision needs a reopening first.
      expect(
        codeOf(await failure(decideApplication(deps.db, deps, manager, id, { decision: 'reject' }))),
      ).toBe('invalid_state');
    });

    it('reopens a decision with a reason; an acceptance keeps its candidacy and accepting again reuses it', async () => {
      const { id } = await submitted();
      const first = await decideApplication(deps.db, deps, manager, id, { decision: 'accept' });
      expect(fieldsOf(await failure(reopenDecision(deps.db, deps, manager, id, { reason: '' })))).toEqual([
        'reason:validation.required',
      ]);
      expect(
        codeOf(await failure(reopenDecision(deps.db, deps, actorOf(reviewer), id, { reason: 'x' }))),
      ).toBe('forbidden');
      expect(await reopenDecision(deps.db, deps, manager, id, { reason: 'New documents arrived.' })).toEqual({
        status: 'under-review',
        candidacyId: first.candidacyId,
      });
      const view = await getApplicationForStaff(deps.db, deps, manager, id);
      expect(view.application.status).toBe('under-review');
      expect(view.decisions.map((d) => [d.decision, d.reopenReason])).toEqual([
        ['accept', 'New documents arrived.'],
      ]);
      expect(view.candidacyId).toBe(first.candidacyId);
      // The applicant is told, in the platform (and by email, through the same notice).
      const applicant = await deps.db
        .selectFrom('applications')
        .select('user_id')
        .where('id', '=', id)
        .executeTakeFirstOrThrow();
      const notices = await deps.db
        .selectFrom('notifications')
        .select('kind')
        .where('user_id', '=', applicant.user_id)
        .execute();
      expect(notices.map((n) => n.kind)).toContain('application.reopened');
      expect(
        await deps.db
          .selectFrom('candidacies')
          .select('id')
          .where('id', '=', first.candidacyId!)
          .executeTakeFirst(),
      ).toBeDefined();
      expect(codeOf(await failure(reopenDecision(deps.db, deps, manager, id, { reason: 'again' })))).toBe(
        'invalid_state',
      );
      const again = await decideApplication(deps.db, deps, manager, id, { decision: 'accept' });
      expect(again.candidacyId).toBe(first.candidacyId);
      const audit = (await listAuditEvents(deps.db, 'application', id)).map((a) => a.action);
      expect(audit.slice(0, 3)).toEqual([
        'application.decided',
        'application.reopened',
        'application.decided',
      ]);
    });

    it('rolls the whole acceptance back when the programme has no pathway rules', async () => {
      await buildProgramme(deps, 'no-rules-yet');
      const person = await buildPerson(deps);
      const { id } = await startApplication(deps.db, deps, actorOf(person), {
        programmeSlug: 'no-rules-yet',
        locale: 'fr',
      });
      await fillApplication(deps, actorOf(person), id);
      await submitApplication(deps.db, deps, actorOf(person), id, {});
      const error = await failure(decideApplication(deps.db, deps, manager, id, { decision: 'accept' }));
      expect([codeOf(error), isAppError(error) && error.params.reason]).toEqual([
        'invalid_state',
        'no-rule-version',
      ]);
      expect(await statusOf(id)).toBe('submitted');
      expect(
        await deps.db
          .selectFrom('application_decisions')
          .select('id')
          .where('application_id', '=', id)
          .execute(),
      ).toEqual([]);
      const decided = await deps.db
        .selectFrom('notifications')
        .select('id')
        .where('user_id', '=', person.id)
        .where('kind', '=', 'application.decided')
        .execute();
      expect(decided).toEqual([]);
    });

    it('overrides the eligibility of an application that does not meet the rules, with a reason (audited)', async () => {
      const answers = eligibleAnswers();
      answers.work = { ...answers.work, yearsOfExperience: 1 };
      const { id } = await submitted({ answers, justification: 'Ten years of related work in a union.' });
      expect(
        fieldsOf(await failure(overrideEligibility(deps.db, deps, manager, id, { reason: ' ' }))),
      ).toEqual(['reason:validation.required']);
      await assignReviewer(deps.db, deps, manager, id, { reviewerId: reviewer.id });
      expect(
        codeOf(await failure(overrideEligibility(deps.db, deps, actorOf(reviewer), id, { reason: 'x' }))),
      ).toBe('forbidden');
      await overrideEligibility(deps.db, deps, manager, id, { reason: 'Union experience counts.' });
      const view = await getApplicationForStaff(deps.db, deps, manager, id);
      expect(view.application.eligibility?.eligible).toBe(false);
      expect(view.override?.reason).toBe('Union experience counts.');
      expect((await listAuditEvents(deps.db, 'application', id))[0]?.action).toBe(
        'application.eligibility-overridden',
      );
      const eligible = await submitted();
      expect(
        codeOf(await failure(overrideEligibility(deps.db, deps, manager, eligible.id, { reason: 'x' }))),
      ).toBe('invalid_state');
    });

    it('hides drafts from the staff', async () => {
      const { id } = await buildApplication(deps);
      expect(codeOf(await failure(getApplicationForStaff(deps.db, deps, manager, id)))).toBe('not_found');
      expect(
        codeOf(await failure(assignReviewer(deps.db, deps, manager, id, { reviewerId: reviewer.id }))),
      ).toBe('not_found');
    });
  });
}
