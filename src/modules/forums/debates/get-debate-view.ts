/** What a debate's page shows a participant or staff: positions, teams, rounds and contributions, polls, summary. */
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { personNames } from '../../identity/identity.queries.js';
import { confirmedParticipants } from '../../places/places.queries.js';
import {
  type DebateSettings,
  type DebateStage,
  debateStage,
  isBeforeFirstRound,
  pollCounts,
} from './debate.js';
import { debateAccess } from './debate-access.js';
import { findSummary, listContributions, listTeams, listVotes } from './debates.repository.js';

export interface DebateView {
  itemId: string;
  editionId: string;
  settings: DebateSettings;
  stage: DebateStage;
  teams: { positionId: string; label: string; members: string[] }[];
  myPosition: string | null;
  rounds: {
    id: string;
    deadline: string;
    contributions: { author: string; positionId: string; body: string; createdAt: string }[];
  }[];
  poll: { before: { positionId: string; count: number }[]; after: { positionId: string; count: number }[] };
  myVotes: { before: string | null; after: string | null };
  pollOpen: { before: boolean; after: boolean };
  summary: string | null;
  /** Participants and their position (staff, for assigning teams). */
  people: { id: string; name: string; positionId: string | null }[];
  can: { take: boolean; run: boolean; choose: boolean };
}

export async function getDebateView(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<DebateView> {
  const access = await debateAccess(db, actor, itemId);
  const { settings } = access;
  const now = deps.clock.now().toISOString();
  const me = actor.kind === 'user' ? actor.id : null;
  const [teams, votes, contributions, summary] = await Promise.all([
    listTeams(db, access.item.id),
    listVotes(db, access.item.id),
    listContributions(db, access.item.id),
    findSummary(db, access.item.id),
  ]);
  const names = await personNames(db, [
    ...teams.map((t) => t.user_id),
    ...contributions.map((c) => c.user_id),
  ]);
  const stage = debateStage(settings, now);
  const beforeFirst = isBeforeFirstRound(settings, contributions.length > 0, now);
  const mine = (phase: string) =>
    votes.find((v) => v.user_id === me && v.phase === phase)?.position_id ?? null;
  const people = access.can.run
    ? (await confirmedParticipants(db, access.item.editionId)).map((p) => ({
        id: p.id,
        name: p.fullName,
        positionId: teams.find((t) => t.user_id === p.id)?.position_id ?? null,
      }))
    : [];
  return {
    itemId: access.item.id,
    editionId: access.item.editionId,
    settings,
    stage,
    teams: settings.positions.map((p) => ({
      positionId: p.id,
      label: p.label,
      members: teams.filter((t) => t.position_id === p.id).map((t) => names.get(t.user_id) ?? ''),
    })),
    myPosition: teams.find((t) => t.user_id === me)?.position_id ?? null,
    rounds: settings.rounds.map((r) => ({
      id: r.id,
      deadline: r.deadline,
      contributions: contributions
        .filter((c) => c.round_id === r.id)
        .map((c) => ({
          author: names.get(c.user_id) ?? '',
          positionId: c.position_id,
          body: c.body,
          createdAt: c.created_at,
        })),
    })),
    poll: { before: pollCounts(settings, votes, 'before'), after: pollCounts(settings, votes, 'after') },
    myVotes: { before: mine('before'), after: mine('after') },
    pollOpen: { before: beforeFirst, after: stage.stage === 'finished' },
    summary: summary?.summary ?? null,
    people,
    can: { ...access.can, choose: access.can.take && settings.teamMode === 'chosen' && beforeFirst },
  };
}
