import { describe, expect, it } from 'vitest';
import { type Actor, ANONYMOUS, type Role, systemActor } from '../../kernel/actor.js';
import {
  type AdmissionsAction,
  canAdmissions,
  canSeeReviewQueue,
  dependsOnReviewers,
} from './admissions.policy.js';

const user = (id: string, ...roles: Role[]): Actor => ({ kind: 'user', id, roles, via: 'session' });
const facts = { applicantId: 'applicant', reviewerIds: ['reviewer'] };
const applicant = user('applicant', 'participant');
const reviewer = user('reviewer', 'assessor');
const otherAssessor = user('other-assessor', 'assessor');
const manager = user('manager', 'manager');
const stranger = user('stranger', 'participant');
const admin = user('admin', 'administrator');

const cases: [string, Actor, AdmissionsAction, boolean][] = [
  ['applicant reads', applicant, 'application.read', true],
  ['assigned reviewer reads', reviewer, 'application.read', true],
  ['unassigned assessor reads', otherAssessor, 'application.read', false],
  ['manager reads', manager, 'application.read', true],
  ['stranger reads', stranger, 'application.read', false],
  ['administrator reads', admin, 'application.read', false],
  ['anonymous reads', ANONYMOUS, 'application.read', false],
  ['applicant applies', applicant, 'application.apply', true],
  ['manager fills someone else’s application', manager, 'application.apply', false],
  ['assigned reviewer reviews', reviewer, 'application.review', true],
  ['applicant reviews', applicant, 'application.review', false],
  ['unassigned assessor reviews', otherAssessor, 'application.review', false],
  ['assigned reviewer comments', reviewer, 'application.comment', true],
  ['applicant comments', applicant, 'application.comment', false],
  ['manager decides', manager, 'application.decide', true],
  ['reviewer decides', reviewer, 'application.decide', false],
  ['reviewer assigns', reviewer, 'application.assign', false],
  ['reviewer overrides', reviewer, 'application.override', false],
  ['manager overrides', manager, 'application.override', true],
  ['system decides', systemActor('test'), 'application.decide', true],
];

describe('admissions policy', () => {
  it.each(cases)('%s', (_name, actor, action, expected) => {
    expect(canAdmissions(actor, action, facts)).toBe(expected);
  });

  it('any signed-in person may apply; the settings are for managers', () => {
    expect(canAdmissions(stranger, 'application.apply')).toBe(true);
    expect(canAdmissions(ANONYMOUS, 'application.apply')).toBe(false);
    expect(canAdmissions(systemActor('seed'), 'application.apply')).toBe(false);
    expect(canAdmissions(manager, 'admissions.settings')).toBe(true);
    expect(canAdmissions(reviewer, 'admissions.settings')).toBe(false);
    expect(canAdmissions(applicant, 'admissions.settings')).toBe(false);
  });

  it('reads the reviewers only for actors whose answer can depend on them (assessors who are not managers)', () => {
    const actions = [
      ...new Set(cases.map(([, , action]) => action)),
      'admissions.settings',
    ] as AdmissionsAction[];
    const assessorManager = user('reviewer', 'assessor', 'manager');
    const people = [applicant, reviewer, otherAssessor, manager, stranger, admin, assessorManager];
    for (const actor of [...people, ANONYMOUS, systemActor('test')]) {
      if (dependsOnReviewers(actor)) continue;
      // Whoever the reviewers are (the actor among them or not), the answer is the one without them.
      for (const action of actions)
        for (const reviewerIds of [['reviewer'], ['applicant', 'manager', 'stranger', 'admin'], []])
          expect(canAdmissions(actor, action, { applicantId: 'applicant', reviewerIds })).toBe(
            canAdmissions(actor, action, { applicantId: 'applicant', reviewerIds: [] }),
          );
    }
    expect(dependsOnReviewers(reviewer)).toBe(true);
    expect(dependsOnReviewers(applicant)).toBe(false);
    expect(dependsOnReviewers(assessorManager)).toBe(false);
  });

  it('the review queue is for assessors and managers', () => {
    expect(canSeeReviewQueue(reviewer)).toBe(true);
    expect(canSeeReviewQueue(manager)).toBe(true);
    expect(canSeeReviewQueue(applicant)).toBe(false);
    expect(canSeeReviewQueue(ANONYMOUS)).toBe(false);
  });
});
