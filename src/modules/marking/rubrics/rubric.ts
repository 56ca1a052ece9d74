/**
 * Rubrics, pure: criteria with levels and points or with a maximum, weights, and the one computation of a
 * mark from a marker's scores. Marks are integer hundredths of a percent (0–10000), rounded half up once.
 * PERSISTED SHAPE: `Criterion[]` is stored as `marking_rubric_versions.criteria_json` and scores as
 * `marking_marks.scores_json`; keep reading what was written.
 */
import { z } from 'zod';
import type { Locale } from '../../../i18n/i18n.js';

export const CRITERIA_MAX = 12;
export const LEVELS_MAX = 8;
export const POINTS_MAX = 1000;
export const WEIGHT_MAX = 100;
export const COMMENT_MAX = 5000;

/** What editing a rubric that marks use does to them: keep them on their version, or re-mark. */
export const REMARK_DECISIONS = ['keep', 'remark'] as const;

const translatedTitle = z.string().trim().max(200, 'validation.tooLong').optional();

/** A criterion's title in the interface languages (optional; `title` is shown where one is missing). */
export const criterionTitlesSchema = z.object({
  en: translatedTitle,
  fr: translatedTitle,
  es: translatedTitle,
});

export const levelSchema = z.object({
  label: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
  points: z.number().int().min(0).max(POINTS_MAX),
});

export const criterionSchema = z
  .object({
    id: z.string().regex(/^c[0-9]{1,2}$/),
    title: z.string().trim().min(1, 'validation.required').max(200, 'validation.tooLong'),
    titles: criterionTitlesSchema.optional(),
    weight: z
      .number()
      .int('marking.error.weight')
      .min(1, 'marking.error.weight')
      .max(WEIGHT_MAX, 'marking.error.weight'),
    maxPoints: z
      .number()
      .int('marking.error.maxPoints')
      .min(1, 'marking.error.maxPoints')
      .max(POINTS_MAX, 'marking.error.maxPoints'),
    levels: z.array(levelSchema).max(LEVELS_MAX).default([]),
  })
  .refine((c) => c.levels.every((l) => l.points <= c.maxPoints), {
    message: 'marking.error.levelAboveMax',
    path: ['levels'],
  });
export type Criterion = z.infer<typeof criterionSchema>;

/** Pure: a criterion's title in the reader's language (its own title where none is given in that language). */
export function criterionTitle(criterion: Pick<Criterion, 'title' | 'titles'>, locale: Locale): string {
  return criterion.titles?.[locale] || criterion.title;
}

export const criteriaSchema = z
  .array(criterionSchema)
  .min(1, 'marking.error.noCriteria')
  .max(CRITERIA_MAX, 'marking.error.tooManyCriteria');

/** A marker's score on one criterion: points in hundredths (0 … maxPoints × 100; -1 while not given) and a comment. */
export interface CriterionScore {
  points: number;
  comment: string;
}
export type Scores = Record<string, CriterionScore>;

function gcd(a: number, b: number): number {
  return b === 0 ? a : gcd(b, a % b);
}

/** Pure: the problems of `scores` against `criteria` (criterion id → message key); empty when complete and valid. */
export function scoreProblems(criteria: readonly Criterion[], scores: Scores): Record<string, string> {
  const out: Record<string, string> = {};
  for (const c of criteria) {
    const s = scores[c.id];
    if (!s || !Number.isInteger(s.points) || s.points < 0) out[c.id] = 'marking.error.scoreMissing';
    else if (s.points > c.maxPoints * 100) out[c.id] = 'marking.error.scoreRange';
    else if (c.levels.length > 0 && !c.levels.some((l) => l.points * 100 === s.points))
      out[c.id] = 'marking.error.scoreLevel';
  }
  return out;
}

/**
 * Pure: the mark, in hundredths of a percent: Σ weight × points ÷ maxPoints ÷ Σ weight × 100 %, computed
 * exactly over integers and rounded half up once at the end. Scores must be valid (see scoreProblems).
 */
export function rubricTotal(criteria: readonly Criterion[], scores: Scores): number {
  const lcm = criteria.reduce((l, c) => (l * c.maxPoints) / gcd(l, c.maxPoints), 1);
  let numerator = 0;
  let denominator = 0;
  for (const c of criteria) {
    const points = scores[c.id]?.points ?? 0;
    // points are hundredths of a point; a full mark is 10000 hundredths of a percent.
    numerator += c.weight * points * 100 * (lcm / c.maxPoints);
    denominator += c.weight * lcm * 100;
  }
  if (denominator === 0) return 0;
  return Math.floor((2 * numerator * 100 + denominator) / (2 * denominator));
}

/** Pure: whether two marks differ by more than the threshold (both in hundredths). */
export function isDiscrepant(first: number, second: number, threshold: number): boolean {
  return Math.abs(first - second) > threshold;
}

/** Pure: the default agreed mark of two close marks: their mean, rounded half up. */
export function meanMark(first: number, second: number): number {
  return Math.floor((first + second + 1) / 2);
}

/** Pure: a mark in hundredths written as a percentage with two decimals ("72.50"). */
/** The released mark: the agreed mark less the owner's penalty (a late penalty), never below 0. */
export function penalisedMark(agreed: number, penalty: number): number {
  return Math.max(0, agreed - Math.max(0, penalty));
}

/** A mark in hundredths as text: 7250 → "72.5". */
export function formatMark(hundredths: number): string {
  return `${Math.floor(hundredths / 100)}.${String(hundredths % 100).padStart(2, '0')}`;
}

/** Pure: points typed as decimal text ("7", "7.5", "7,25") to hundredths, or null when not a number. */
export function parsePoints(text: string): number | null {
  const match = /^(\d{1,4})(?:[.,](\d{1,2}))?$/.exec(text.trim());
  if (!match) return null;
  return Number(match[1]) * 100 + Number((match[2] ?? '').padEnd(2, '0') || '0');
}
