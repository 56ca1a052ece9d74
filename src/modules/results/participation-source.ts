/**
 * Forum and debate participation as the results module reads it: for an edition and some people, each
 * person's threads started, replies, posts (hidden posts do not count) and debate rounds contributed to
 * (the forums module's `participationInEdition`, through its port). The gradebook export adds them as
 * columns for marking; a policy component may use them later. Tests may pass their own source.
 */
import type { Executor } from '../../db/database.js';
import { type Participation, participationInEdition } from '../forums/forums.port.js';

/** Each person's participation; a person left out participated in nothing. */
export type ParticipationSource = (
  db: Executor,
  editionId: string,
  personIds: readonly string[],
) => Promise<ReadonlyMap<string, Participation>>;

/** No forums anywhere (tests of the policy alone). */
export const noParticipation: ParticipationSource = async () => new Map();

/** The participation of nobody yet. */
export const NO_PARTICIPATION: Participation = { threads: 0, replies: 0, posts: 0, rounds: 0 };

/** The source the results module reads: the forums module's participation figures. */
export const participationSource: ParticipationSource = async (db, editionId, personIds) => {
  const all = await participationInEdition(db, editionId);
  return new Map(personIds.map((id) => [id, all.get(id) ?? NO_PARTICIPATION]));
};

/** The export's columns of participation, in order. */
export const PARTICIPATION_COLUMNS = [
  'forum_threads',
  'forum_replies',
  'forum_posts',
  'debate_rounds',
] as const;

/** Pure: one person's participation as the export's cells, in the order of PARTICIPATION_COLUMNS. */
export function participationCells(p: Participation | undefined): number[] {
  const value = p ?? NO_PARTICIPATION;
  return [value.threads, value.replies, value.posts, value.rounds];
}
