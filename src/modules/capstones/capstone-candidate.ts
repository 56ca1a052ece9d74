/**
 * The candidate side of a capstone: which candidacy it belongs to and what the pathway says about it
 * (unlocked or not, the counted courses the proposal must draw on, the window). Not a use case.
 */
import type { Executor } from '../../db/database.js';
import type { CandidacySummary } from '../pathway/candidacy-standing.js';
import { evaluateCandidaciesOfPerson, evaluateCandidacy } from '../pathway/candidacy-standing.js';
import type { PathwayEvaluation } from '../pathway/rules/evaluation.js';

export interface CandidateStanding {
  candidacy: CandidacySummary;
  evaluation: PathwayEvaluation;
  unlocked: boolean;
  /** Course codes counted so far (the Academy first), as on the certificates. */
  countedCourses: string[];
  deadline: string | null;
  /** The requirements the capstone still waits for. */
  waitingFor: string[];
}

function standingOf(candidacy: CandidacySummary, evaluation: PathwayEvaluation): CandidateStanding {
  const countedCourses: string[] = [];
  let waitingFor: string[] = [];
  for (const requirement of evaluation.requirements) {
    if (requirement.kind === 'capstone') waitingFor = requirement.waitingFor;
    else for (const component of requirement.components) countedCourses.push(component.course);
  }
  return {
    candidacy,
    evaluation,
    unlocked: evaluation.capstoneUnlocked && candidacy.status !== 'withdrawn',
    countedCourses,
    deadline: evaluation.window.deadline,
    waitingFor,
  };
}

/** The person's candidacies that may hold a capstone (not withdrawn), with their standing on `today`. */
export async function candidateStandings(
  db: Executor,
  userId: string,
  today: string,
): Promise<CandidateStanding[]> {
  return (await evaluateCandidaciesOfPerson(db, userId, today))
    .filter((found) => found.candidacy.status !== 'withdrawn')
    .map((found) => standingOf(found.candidacy, found.evaluation));
}

/** The standing of one candidacy on `today` (null when it is gone). */
export async function candidacyStanding(
  db: Executor,
  candidacyId: string,
  today: string,
): Promise<CandidateStanding | null> {
  const found = await evaluateCandidacy(db, candidacyId, today);
  return found ? standingOf(found.candidacy, found.evaluation) : null;
}
