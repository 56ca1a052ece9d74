/**
 * Tracking rules (pure): what a SCORM commit (scorm-again's JSON: `{ cmi: … }`) says about a SCO, how the
 * SCOs of an attempt roll up into the attempt's result, and what cmi5 statements say about an AU under
 * its moveOn rule. Scores are in hundredths of a percent (0–10000).
 */
import type { ItemOutcome } from '../spaces/space-item-kind.js';
import type { Cmi5MoveOn, PackageStandard, Sco } from './manifest.js';

export type TrackingStatus = 'incomplete' | 'completed' | 'passed' | 'failed';

export interface ScoResult {
  status: TrackingStatus;
  score: number | null;
}

type Tree = Record<string, unknown>;

const at = (tree: unknown, path: string): unknown =>
  path
    .split('.')
    .reduce<unknown>(
      (node, key) => (node && typeof node === 'object' ? (node as Tree)[key] : undefined),
      tree,
    );

const numberAt = (tree: unknown, path: string): number | null => {
  const value = at(tree, path);
  if (value === undefined || value === null || value === '') return null;
  const n = Number(value);
  return Number.isFinite(n) ? n : null;
};

const clampScore = (value: number) => Math.max(0, Math.min(10000, Math.round(value)));

/** The result of one SCO from its committed CMI data (and the manifest's mastery score for SCORM 1.2). */
export function scoResult(
  standard: PackageStandard,
  cmi: unknown,
  sco: Pick<Sco, 'masteryScore'>,
): ScoResult {
  if (standard === 'scorm12') {
    const raw = numberAt(cmi, 'cmi.core.score.raw');
    const min = numberAt(cmi, 'cmi.core.score.min') ?? 0;
    const max = numberAt(cmi, 'cmi.core.score.max') ?? 100;
    const score =
      raw === null ? null : clampScore(max > min ? ((raw - min) / (max - min)) * 10000 : raw * 100);
    const lesson = String(at(cmi, 'cmi.core.lesson_status') ?? '');
    let status: TrackingStatus =
      lesson === 'passed' || lesson === 'failed' || lesson === 'completed' ? lesson : 'incomplete';
    // A mastery score decides passed / failed once the SCO is done and scored.
    if (status !== 'incomplete' && sco.masteryScore !== null && raw !== null)
      status = raw >= sco.masteryScore ? 'passed' : 'failed';
    return { status, score };
  }
  const scaled = numberAt(cmi, 'cmi.score.scaled');
  const score = scaled === null ? null : clampScore(scaled * 10000);
  const success = String(at(cmi, 'cmi.success_status') ?? '');
  const completion = String(at(cmi, 'cmi.completion_status') ?? '');
  if (success === 'passed' || success === 'failed') return { status: success, score };
  return { status: completion === 'completed' ? 'completed' : 'incomplete', score };
}

/**
 * An attempt's result from its SCOs' results: passed when every SCO is done and at least one passed and
 * none failed; failed when every SCO is done and one failed; completed when every SCO is done without a
 * success status; incomplete otherwise. The score is the mean of the scores reported.
 */
export function rollUp(scoIds: readonly string[], results: ReadonlyMap<string, ScoResult>): ScoResult {
  const all = scoIds.map((id) => results.get(id));
  const scores = all.flatMap((r) => (r?.score === null || r?.score === undefined ? [] : [r.score]));
  const score = scores.length ? Math.round(scores.reduce((a, b) => a + b, 0) / scores.length) : null;
  if (all.some((r) => !r || r.status === 'incomplete')) return { status: 'incomplete', score };
  if (all.some((r) => r?.status === 'failed')) return { status: 'failed', score };
  if (all.some((r) => r?.status === 'passed')) return { status: 'passed', score };
  return { status: 'completed', score };
}

/** What an attempt's result reports to the space item (nothing while incomplete). */
export function outcomeOf(result: ScoResult): ItemOutcome | null {
  switch (result.status) {
    case 'passed':
      return result.score === null ? { kind: 'passed' } : { kind: 'passed', score: result.score };
    case 'failed':
      return result.score === null ? { kind: 'failed' } : { kind: 'failed', score: result.score };
    case 'completed':
      return { kind: 'completed' };
    default:
      return null;
  }
}

export const CMI5_VERBS = {
  launched: 'http://adlnet.gov/expapi/verbs/launched',
  initialized: 'http://adlnet.gov/expapi/verbs/initialized',
  completed: 'http://adlnet.gov/expapi/verbs/completed',
  passed: 'http://adlnet.gov/expapi/verbs/passed',
  failed: 'http://adlnet.gov/expapi/verbs/failed',
  terminated: 'http://adlnet.gov/expapi/verbs/terminated',
  satisfied: 'https://w3id.org/xapi/adl/verbs/satisfied',
  waived: 'https://w3id.org/xapi/adl/verbs/waived',
} as const;

/** The cmi5 statements of an AU in a registration that matter, in the order stored. */
export interface AuStatement {
  verb: string;
  scaled: number | null;
}

/** Whether an AU is satisfied under its moveOn rule, and the result to keep. */
export function auResult(
  moveOn: Cmi5MoveOn,
  statements: readonly AuStatement[],
): ScoResult & { satisfied: boolean } {
  const completed = statements.some((s) => s.verb === CMI5_VERBS.completed);
  const passed = statements.find((s) => s.verb === CMI5_VERBS.passed);
  const failed = [...statements].reverse().find((s) => s.verb === CMI5_VERBS.failed);
  const scored = passed ?? failed;
  const score =
    scored?.scaled === null || scored?.scaled === undefined ? null : clampScore(scored.scaled * 10000);
  const satisfied =
    moveOn === 'NotApplicable' ||
    (moveOn === 'Completed' && completed) ||
    (moveOn === 'Passed' && Boolean(passed)) ||
    (moveOn === 'CompletedAndPassed' && completed && Boolean(passed)) ||
    (moveOn === 'CompletedOrPassed' && (completed || Boolean(passed)));
  const status: TrackingStatus = passed
    ? 'passed'
    : failed
      ? 'failed'
      : completed
        ? 'completed'
        : 'incomplete';
  return { status: satisfied && status === 'incomplete' ? 'completed' : status, score, satisfied };
}
