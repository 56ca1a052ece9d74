/**
 * The result policy: how an edition's marks, attendance and required items become each person's course
 * result (Certificate of Achievement, Certificate of Participation, none, or not yet known). Pure: no I/O,
 * no clock (`today` is an input). Every mark and percentage is an integer number of hundredths of a percent
 * (0 … 10000); the weighted total is rounded once, half up, at the end. The rules are issue 13's
 * "From marks to the course result" and docs/results.md.
 */

/** What a person's result gives. */
export const OUTCOMES = ['achievement', 'participation', 'none', 'pending'] as const;
export type Outcome = (typeof OUTCOMES)[number];

/** One assessed component: its weight, its optional minimum mark (a gate) and its cut-off day. */
export interface PolicyComponent {
  id: string;
  /** A positive integer. */
  weight: number;
  /** Hundredths; the component's gate is met when its mark is at least this (or it is excused). */
  minMark: number | null;
  /** `YYYY-MM-DD`: after this day a missing mark counts 0; up to and including it the result is pending. */
  cutoff: string;
}

/** A result policy in hundredths. */
export interface ResultPolicy {
  /** Hundredths: the total needed for achievement. */
  passMark: number;
  gates: {
    /** Whether every required item of the space must be complete. */
    requiredItemsComplete: boolean;
    /** Hundredths of webinar attendance needed, or null for no attendance gate. */
    minAttendance: number | null;
  };
  participation: {
    /** Hundredths of attendance that give a Certificate of Participation (0: taking part is enough). */
    minAttendance: number;
  };
  components: readonly PolicyComponent[];
}

/** A component's mark: hundredths, `excused`, or null (not marked). */
export type Mark = number | 'excused' | null;

/** One person's inputs. */
export interface PersonInputs {
  person: string;
  requiredItemsComplete: boolean;
  /** Hundredths of webinar attendance (null: not known, counts 0). */
  attendance: number | null;
  /** Marks by component id; a component left out is not marked. */
  marks: Readonly<Record<string, Mark>>;
}

/** One person's result: exactly the command line's output object. */
export interface PersonResult {
  person: string;
  outcome: Outcome;
  /** Hundredths, rounded half up once; null while pending or when every component is excused. */
  total: number | null;
  /** `requiredItemsComplete` and `attendance` when the policy sets them, then one key per `minMark`. */
  gates: Record<string, boolean>;
  /** Components whose cut-off has passed without a mark (they count 0), in policy order. */
  missing: string[];
}

/** Σ numerator ÷ denominator rounded half up, exactly (both non-negative, denominator positive). */
export function divideRoundHalfUp(numerator: bigint, denominator: bigint): bigint {
  return (2n * numerator + denominator) / (2n * denominator);
}

/** The weighted total in hundredths, or null when no component counts (every one excused). */
export function weightedTotal(counted: readonly { weight: number; mark: number }[]): number | null {
  let numerator = 0n;
  let denominator = 0n;
  for (const { weight, mark } of counted) {
    numerator += BigInt(weight) * BigInt(mark);
    denominator += BigInt(weight);
  }
  if (denominator === 0n) return null;
  return Number(divideRoundHalfUp(numerator, denominator));
}

/** What one component contributes for one person on `today`. */
export type ComponentStanding =
  | { state: 'excused' }
  | { state: 'marked'; mark: number }
  | { state: 'missing' }
  | { state: 'awaited' };

/** The component's standing: marked, excused, missing (after its cut-off: counts 0) or awaited. */
export function componentStanding(
  component: PolicyComponent,
  mark: Mark | undefined,
  today: string,
): ComponentStanding {
  if (mark === 'excused') return { state: 'excused' };
  if (typeof mark === 'number') return { state: 'marked', mark };
  return today > component.cutoff ? { state: 'missing' } : { state: 'awaited' };
}

/** Evaluates one person against the policy on `today` (`YYYY-MM-DD`). */
export function evaluateResult(policy: ResultPolicy, inputs: PersonInputs, today: string): PersonResult {
  const attendance = inputs.attendance ?? 0;
  const gates: Record<string, boolean> = {};
  if (policy.gates.requiredItemsComplete) gates.requiredItemsComplete = inputs.requiredItemsComplete;
  if (policy.gates.minAttendance !== null) gates.attendance = attendance >= policy.gates.minAttendance;

  const counted: { weight: number; mark: number }[] = [];
  const missing: string[] = [];
  let pending = false;
  for (const component of policy.components) {
    const standing = componentStanding(component, inputs.marks[component.id], today);
    let mark: number | null = null;
    switch (standing.state) {
      case 'excused':
        break;
      case 'marked':
        mark = standing.mark;
        break;
      case 'missing':
        mark = 0;
        missing.push(component.id);
        break;
      case 'awaited':
        pending = true;
        break;
    }
    if (mark !== null) counted.push({ weight: component.weight, mark });
    if (component.minMark !== null) {
      gates[component.id] = standing.state === 'excused' || (mark !== null && mark >= component.minMark);
    }
  }

  if (pending) return { person: inputs.person, outcome: 'pending', total: null, gates, missing };
  const total = weightedTotal(counted);
  const everyGateMet = Object.values(gates).every(Boolean);
  const outcome: Outcome =
    everyGateMet && total !== null && total >= policy.passMark
      ? 'achievement'
      : attendance >= policy.participation.minAttendance
        ? 'participation'
        : 'none';
  return { person: inputs.person, outcome, total, gates, missing };
}

/** Evaluates everyone, in input order. */
export function evaluateResults(
  policy: ResultPolicy,
  people: readonly PersonInputs[],
  today: string,
): PersonResult[] {
  return people.map((inputs) => evaluateResult(policy, inputs, today));
}

/** Outcomes from best to worst (for "never worsens" comparisons); pending is not ranked. */
export const OUTCOME_RANK: Readonly<Record<Exclude<Outcome, 'pending'>, number>> = {
  achievement: 2,
  participation: 1,
  none: 0,
};
