/**
 * The staff side of an application, pure: when it may be scored, commented or assigned, how a reviewer's
 * score is checked against the programme's criteria, and how scores add up. PERSISTED SHAPE: a score's
 * per-criterion points are stored as JSON (`application_scores.scores_json`: `{ [criterionId]: points }`).
 */
import type { FieldError } from '../../../kernel/errors.js';
import type { ApplicationStatus } from '../application.js';

/** A reviewer's recommendation to the committee. */
export const RECOMMENDATIONS = ['accept', 'waitlist', 'reject'] as const;
export type Recommendation = (typeof RECOMMENDATIONS)[number];

/** What a criterion must at least have to be scored: an id and its highest score. */
export interface ScoredCriterion {
  id: string;
  maxScore: number;
}

/**
 * The staff see an application once it has been submitted (a draft, even a withdrawn one that was never
 * submitted, is the applicant's alone). The review queue applies the same rule in SQL.
 */
export function isVisibleToStaff(status: string, submittedAt: string | null): boolean {
  return status !== 'draft' && submittedAt !== null;
}

/** A reviewer may give or change their score until the committee decides (again after a reopening). */
export function isScorable(status: ApplicationStatus): boolean {
  return status === 'submitted' || status === 'under-review';
}

/** Reviewers can be assigned while a decision is still to come or may change. */
export function isAssignable(status: ApplicationStatus): boolean {
  return status !== 'draft' && status !== 'withdrawn';
}

/**
 * Pure: checks the points given per criterion against the criteria (every criterion scored, a whole
 * number from 0 to its max, no unknown criterion). Returns the field errors (paths `scores.<id>`) and the
 * total of the points.
 */
export function checkScores(
  criteria: readonly ScoredCriterion[],
  points: Readonly<Record<string, number | undefined>>,
): { errors: FieldError[]; total: number; points: Record<string, number> } {
  const errors: FieldError[] = [];
  const kept: Record<string, number> = {};
  let total = 0;
  for (const criterion of criteria) {
    const value = points[criterion.id];
    const path = `scores.${criterion.id}`;
    if (value === undefined || Number.isNaN(value)) {
      errors.push({ path, key: 'validation.required' });
    } else if (!Number.isInteger(value)) {
      errors.push({ path, key: 'validation.notInteger' });
    } else if (value < 0) {
      errors.push({ path, key: 'validation.tooSmall', values: { min: 0 } });
    } else if (value > criterion.maxScore) {
      errors.push({ path, key: 'validation.tooBig', values: { max: criterion.maxScore } });
    } else {
      kept[criterion.id] = value;
      total += value;
    }
  }
  const known = new Set(criteria.map((c) => c.id));
  for (const id of Object.keys(points)) {
    if (!known.has(id)) errors.push({ path: `scores.${id}`, key: 'validation.unknownField' });
  }
  return { errors, total, points: kept };
}

/** The highest total the criteria allow. */
export function maxTotal(criteria: readonly ScoredCriterion[]): number {
  return criteria.reduce((sum, c) => sum + c.maxScore, 0);
}

/** The average of the reviewers' totals, rounded to one decimal (null when nobody has scored). */
export function averageTotal(totals: readonly number[]): number | null {
  if (totals.length === 0) return null;
  return Math.round((totals.reduce((a, b) => a + b, 0) / totals.length) * 10) / 10;
}

/** Pure: the stored per-criterion points (anything unreadable is dropped). */
export function readScorePoints(json: string): Record<string, number> {
  try {
    const value = JSON.parse(json) as unknown;
    if (!value || typeof value !== 'object') return {};
    return Object.fromEntries(
      Object.entries(value as Record<string, unknown>).filter(
        (entry): entry is [string, number] => typeof entry[1] === 'number',
      ),
    );
  } catch {
    return {};
  }
}
