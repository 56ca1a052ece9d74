import { z } from 'zod';
import type { Translator } from '../../../i18n/i18n.js';
import { explainRule } from '../eligibility.js';
import type { StaffApplicationView } from './review-detail.js';

/** The JSON shapes of the staff review API (never rows; staff comments only ever here and on staff pages). */

export const queueItemJson = z.object({
  id: z.string(),
  applicantName: z.string(),
  email: z.string(),
  status: z.string(),
  country: z.string().nullable(),
  constituency: z.string().nullable(),
  eligible: z.boolean().nullable(),
  overridden: z.boolean(),
  submittedAt: z.string().nullable(),
  reviewerCount: z.number(),
  scoreCount: z.number(),
  averageScore: z.number().nullable(),
});

const scoreJson = z.object({
  reviewerId: z.string(),
  reviewerName: z.string(),
  points: z.record(z.string(), z.number()),
  total: z.number(),
  recommendation: z.string(),
  note: z.string().nullable(),
  updatedAt: z.string(),
});

export const staffApplicationJson = z.object({
  id: z.string(),
  programmeSlug: z.string(),
  status: z.string(),
  applicant: z.object({ name: z.string(), email: z.string(), locale: z.string() }),
  answers: z.record(z.string(), z.unknown()),
  justification: z.string().nullable(),
  files: z.array(z.object({ kind: z.string(), sizeBytes: z.number(), download: z.string() })),
  eligibility: z
    .object({
      eligible: z.boolean(),
      results: z.array(z.object({ rule: z.string(), met: z.boolean(), explanation: z.string() })),
    })
    .nullable(),
  override: z.object({ reason: z.string(), at: z.string().nullable() }).nullable(),
  candidacyId: z.string().nullable(),
  criteria: z.array(
    z.object({ id: z.string(), label: z.record(z.string(), z.string()), maxScore: z.number() }),
  ),
  reviewers: z.array(z.object({ id: z.string(), name: z.string() })),
  scores: z.array(scoreJson),
  averageScore: z.number().nullable(),
  comments: z.array(
    z.object({ id: z.string(), authorName: z.string().nullable(), body: z.string(), createdAt: z.string() }),
  ),
  decisions: z.array(
    z.object({
      id: z.string(),
      decision: z.string(),
      message: z.string().nullable(),
      decidedAt: z.string(),
      reopenedAt: z.string().nullable(),
      reopenReason: z.string().nullable(),
    }),
  ),
  submittedAt: z.string().nullable(),
  decidedAt: z.string().nullable(),
});

/** The staff JSON of an application, eligibility explained in the reader's language. */
export function presentStaffApplication(
  view: StaffApplicationView,
  t: Translator,
): z.infer<typeof staffApplicationJson> {
  const a = view.application;
  return {
    id: a.id,
    programmeSlug: view.programme.slug,
    status: a.status,
    applicant: view.applicant,
    answers: a.answers as Record<string, unknown>,
    justification: a.justification,
    files: a.files.map((f) => ({
      kind: f.kind,
      sizeBytes: f.sizeBytes,
      download: `/manage/applications/${a.id}/files/${f.kind}`,
    })),
    eligibility: a.eligibility
      ? {
          eligible: a.eligibility.eligible,
          results: a.eligibility.results.map((r) => ({
            rule: r.rule,
            met: r.met,
            explanation: explainRule(t, r),
          })),
        }
      : null,
    override: view.override,
    candidacyId: view.candidacyId,
    criteria: view.criteria.map((c) => ({
      id: c.id,
      label: Object.fromEntries(
        Object.entries(c.label).filter((e): e is [string, string] => typeof e[1] === 'string'),
      ),
      maxScore: c.maxScore,
    })),
    reviewers: view.reviewers,
    scores: view.scores,
    averageScore: view.averageScore,
    comments: view.comments,
    decisions: view.decisions.map((d) => ({
      id: d.id,
      decision: d.decision,
      message: d.message,
      decidedAt: d.decidedAt,
      reopenedAt: d.reopenedAt,
      reopenReason: d.reopenReason,
    })),
    submittedAt: a.submittedAt,
    decidedAt: a.decidedAt,
  };
}
