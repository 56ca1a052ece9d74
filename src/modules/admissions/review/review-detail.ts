import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { LocalizedText } from '../../../i18n/localized.js';
import { parseLocalized } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { type Criterion, loadAdmissionSettings } from '../admission-settings.js';
import { canAdmissions, isAdmissionsManager } from '../admissions.policy.js';
import { canTransition, type Decision } from '../application.js';
import { type Application, loadApplication } from '../application-view.js';
import {
  averageTotal,
  isAssignable,
  isScorable,
  maxTotal,
  type Recommendation,
  readScorePoints,
} from './review.js';
import { loadForStaff } from './review-access.js';
import {
  findApplicationWithPerson,
  listAssessorRows,
  listCommentRows,
  listDecisionRows,
  listReviewerRows,
  listScoreRows,
} from './reviews.repository.js';

export interface StaffScore {
  reviewerId: string;
  reviewerName: string;
  points: Record<string, number>;
  total: number;
  recommendation: Recommendation;
  note: string | null;
  updatedAt: string;
}

export interface StaffComment {
  id: string;
  authorName: string | null;
  body: string;
  createdAt: string;
}

export interface StaffDecision {
  id: string;
  decision: Decision;
  message: string | null;
  decidedByName: string | null;
  decidedAt: string;
  reopenedByName: string | null;
  reopenedAt: string | null;
  reopenReason: string | null;
}

/** What the staff page of one application shows, and which of its forms the reader may use. */
export interface StaffApplicationView {
  application: Application;
  applicant: { name: string; email: string; locale: string };
  programme: { slug: string; title: LocalizedText };
  override: { reason: string; at: string | null } | null;
  candidacyId: string | null;
  criteria: Criterion[];
  maxTotal: number;
  reviewers: { id: string; name: string }[];
  /** Managers see every reviewer's score; a reviewer sees their own (their judgement stays their own). */
  scores: StaffScore[];
  /** Average of every reviewer's total (managers only; null when nobody scored or for reviewers). */
  averageScore: number | null;
  myScore: StaffScore | null;
  comments: StaffComment[];
  decisions: StaffDecision[];
  /** People with the assessor role not yet assigned (managers' assignment choice). */
  assignable: { id: string; name: string }[];
  can: {
    assign: boolean;
    score: boolean;
    comment: boolean;
    decide: boolean;
    reopen: boolean;
    override: boolean;
    /** Open the candidate's page of an accepted applicant (managers). */
    openCandidacy: boolean;
  };
}

/**
 * One application as the staff see it (managers, and the reviewers assigned to it): answers, eligibility
 * with its explanation and any override, files, reviewers, scores, staff comments and decision history.
 */
export async function getApplicationForStaff(
  db: Executor,
  _deps: Services,
  actor: Actor,
  applicationId: string,
): Promise<StaffApplicationView> {
  const { row, status, reviewerIds } = await loadForStaff(db, actor, applicationId, 'application.review');
  const detail = await findApplicationWithPerson(db, applicationId);
  if (!detail) throw new AppError('not_found');
  const isManager = isAdmissionsManager(actor);
  const me = actor.kind === 'user' ? actor.id : null;
  const facts = { applicantId: row.user_id, reviewerIds };
  const [application, settings, reviewerRows, scoreRows, commentRows, decisionRows, assessors] =
    await Promise.all([
      loadApplication(db, row),
      loadAdmissionSettings(db, row.programme_id),
      listReviewerRows(db, applicationId),
      listScoreRows(db, applicationId),
      listCommentRows(db, applicationId),
      listDecisionRows(db, applicationId),
      isManager ? listAssessorRows(db) : Promise.resolve([]),
    ]);
  const allScores: StaffScore[] = scoreRows.map((s) => ({
    reviewerId: s.reviewer_id,
    reviewerName: s.full_name,
    points: readScorePoints(s.scores_json),
    total: s.total,
    recommendation: s.recommendation as Recommendation,
    note: s.note,
    updatedAt: s.updated_at,
  }));
  const assigned = new Set(reviewerIds);
  return {
    application,
    applicant: { name: detail.full_name, email: detail.email, locale: detail.preferred_locale },
    programme: { slug: detail.programme_slug, title: parseLocalized(detail.programme_title_i18n) },
    override: row.override_reason ? { reason: row.override_reason, at: row.override_at } : null,
    candidacyId: row.candidacy_id,
    criteria: settings.criteria,
    maxTotal: maxTotal(settings.criteria),
    reviewers: reviewerRows.map((r) => ({ id: r.reviewer_id, name: r.full_name })),
    scores: isManager ? allScores : allScores.filter((s) => s.reviewerId === me),
    averageScore: isManager ? averageTotal(allScores.map((s) => s.total)) : null,
    myScore: allScores.find((s) => s.reviewerId === me) ?? null,
    comments: commentRows.map((c) => ({
      id: c.id,
      authorName: c.full_name,
      body: c.body,
      createdAt: c.created_at,
    })),
    decisions: decisionRows.map((d) => ({
      id: d.id,
      decision: d.decision as Decision,
      message: d.message,
      decidedByName: d.decided_by_name,
      decidedAt: d.decided_at,
      reopenedByName: d.reopened_by_name,
      reopenedAt: d.reopened_at,
      reopenReason: d.reopen_reason,
    })),
    assignable: assessors
      .filter((a) => !assigned.has(a.id) && a.id !== row.user_id)
      .map((a) => ({ id: a.id, name: a.full_name })),
    can: {
      assign: canAdmissions(actor, 'application.assign', facts) && isAssignable(status),
      score: me !== null && assigned.has(me) && isScorable(status),
      comment: canAdmissions(actor, 'application.comment', facts),
      decide:
        canAdmissions(actor, 'application.decide', facts) &&
        (['accept', 'waitlist', 'reject', 'request-info'] as const).some((d) => canTransition(status, d)),
      reopen: canAdmissions(actor, 'application.decide', facts) && canTransition(status, 'reopen'),
      override: canAdmissions(actor, 'application.override', facts) && row.eligible !== 1,
      openCandidacy: isManager,
    },
  };
}
