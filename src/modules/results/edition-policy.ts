/**
 * An edition's result policy as stored (PERSISTED in `result_policies.policy_json`): the pure policy whose
 * components are the space's items (component id = item id), plus what each outcome gives. And the
 * participant's live standing: the formula and "what I still need". Pure: no I/O.
 */
import {
  componentStanding,
  type PersonInputs,
  type PersonResult,
  type ResultPolicy,
} from './result-policy.js';

/** What an outcome gives. */
export const CERTIFICATE_CHOICES = ['achievement', 'participation', 'none'] as const;
export type CertificateChoice = (typeof CERTIFICATE_CHOICES)[number];

/** The stored policy of an edition: a `ResultPolicy` plus the certificates its outcomes give. */
export interface EditionPolicy extends ResultPolicy {
  gives: { achievement: CertificateChoice; participation: CertificateChoice };
}

/** The pathway result an outcome is recorded as (`pending` records nothing). */
export function pathwayOutcomeOf(
  outcome: PersonResult['outcome'],
  gives: EditionPolicy['gives'],
): 'achievement' | 'participation' | 'not-passed' | null {
  if (outcome === 'pending') return null;
  const choice =
    outcome === 'achievement'
      ? gives.achievement
      : outcome === 'participation'
        ? gives.participation
        : 'none';
  return choice === 'none' ? 'not-passed' : choice;
}

/** What a participant still needs, on `today`. */
export interface StillNeeded {
  /** Gates not met yet (component ids, `requiredItemsComplete`, `attendance`). */
  gates: string[];
  /**
   * Hundredths: the mark needed on every awaited component (the same on each) to reach the pass mark;
   * 0 when the pass mark is reached whatever they get; null when no mark can reach it (or nothing awaits).
   */
  markOnRemaining: number | null;
  /** The components still awaited (no mark, cut-off not passed). */
  awaited: string[];
}

/** "What I still need": the failed gates and the mark that, on every awaited component, reaches the pass mark. */
export function stillNeeded(
  policy: ResultPolicy,
  inputs: PersonInputs,
  result: PersonResult,
  today: string,
): StillNeeded {
  const gates = Object.entries(result.gates)
    .filter(([, met]) => !met)
    .map(([key]) => key);
  let known = 0n;
  let weights = 0n;
  let awaitedWeight = 0n;
  const awaited: string[] = [];
  for (const component of policy.components) {
    const standing = componentStanding(component, inputs.marks[component.id], today);
    if (standing.state === 'excused') continue;
    weights += BigInt(component.weight);
    if (standing.state === 'marked') known += BigInt(component.weight) * BigInt(standing.mark);
    if (standing.state === 'awaited') {
      awaited.push(component.id);
      awaitedWeight += BigInt(component.weight);
    }
  }
  // The total is rounded half up, so reaching passMark − ½ is enough: 2·Σ ≥ (2·pass − 1)·W.
  if (awaitedWeight === 0n) return { gates, markOnRemaining: null, awaited };
  const needed2 = (2n * BigInt(policy.passMark) - 1n) * weights - 2n * known;
  if (needed2 <= 0n) return { gates, markOnRemaining: 0, awaited };
  const mark = (needed2 + 2n * awaitedWeight - 1n) / (2n * awaitedWeight);
  return { gates, markOnRemaining: mark > 10_000n ? null : Number(mark), awaited };
}
