/**
 * Structured debates' pure rules and shapes (the `debate` item kind): a motion, two or more positions,
 * rounds with deadlines (opening statements, rebuttals, closing), teams assigned by facilitators or chosen
 * by participants within a cap, a poll before the first round and after the last. PERSISTED SHAPE: the
 * settings are stored as JSON on the space item; `kind` codes of rounds and ids of positions are kept.
 */
export const DEBATE_KIND = 'debate';

export const ROUND_KINDS = ['opening', 'rebuttal', 'closing'] as const;
export type RoundKind = (typeof ROUND_KINDS)[number];
export const TEAM_MODES = ['assigned', 'chosen'] as const;
export type TeamMode = (typeof TEAM_MODES)[number];
export const POLL_PHASES = ['before', 'after'] as const;
export type PollPhase = (typeof POLL_PHASES)[number];

export const MOTION_MAX = 500;
export const POSITION_MAX = 120;
export const MAX_POSITIONS = 6;

export interface DebateSettings {
  motion: string;
  positions: { id: string; label: string }[];
  rounds: { id: RoundKind; deadline: string }[];
  teamMode: TeamMode;
  /** The most people per position when participants choose (null: no cap). */
  teamCap: number | null;
}

/** Where a debate stands at an instant. */
export type DebateStage =
  | { stage: 'forming' }
  | { stage: 'round'; round: RoundKind; deadline: string }
  | { stage: 'finished' };

/**
 * Pure: the debate's stage at `now`: the opening round runs until its deadline, each later round from the
 * previous deadline to its own; after the last deadline the debate is finished (the second poll, the summary).
 */
export function debateStage(settings: DebateSettings, now: string): DebateStage {
  for (const round of settings.rounds)
    if (now < round.deadline) return { stage: 'round', round: round.id, deadline: round.deadline };
  return { stage: 'finished' };
}

/** Pure: may the "before" poll be answered / a team be chosen at `now`? (Before any round's contribution.) */
export function isBeforeFirstRound(
  settings: DebateSettings,
  hasContributions: boolean,
  now: string,
): boolean {
  const first = settings.rounds[0];
  return !hasContributions && first !== undefined && now < first.deadline;
}

/** Pure: may a person join `positionId`, given the current team sizes and the cap? */
export function canJoinPosition(
  settings: DebateSettings,
  sizes: ReadonlyMap<string, number>,
  positionId: string,
  currentPositionId: string | null,
): boolean {
  if (settings.teamMode !== 'chosen') return false;
  if (!settings.positions.some((p) => p.id === positionId)) return false;
  if (currentPositionId === positionId) return true;
  return settings.teamCap === null || (sizes.get(positionId) ?? 0) < settings.teamCap;
}

/** Pure: the poll's counts per position. */
export function pollCounts(
  settings: DebateSettings,
  votes: readonly { phase: string; position_id: string }[],
  phase: PollPhase,
): { positionId: string; count: number }[] {
  return settings.positions.map((p) => ({
    positionId: p.id,
    count: votes.filter((v) => v.phase === phase && v.position_id === p.id).length,
  }));
}
