/**
 * Peer evaluation, pure rules. Each member of a group rates each member (themselves included) 1–5.
 *
 * - A member's **received score** is the mean of the scores the OTHER members gave them (a self-rating
 *   never raises one's own score). A member nobody else rated has no received score.
 * - The **group mean** is the mean of the received scores of the group's members who have one.
 * - The **adjustment factor** (WebPA-style) is received score / group mean, bounded to [0.5, 1.5]; a member
 *   without a received score, or in a group where nobody was rated, keeps 1 (their mark is not changed).
 *   The assessment module multiplies an individual's share of a group mark by it.
 * - **Flags for facilitators** (documented in docs/groups.md):
 *   - `far-from-group`: the received score is more than 1 point from the group mean (either way);
 *   - `self-above-peers`: the member's self-rating is more than 1.5 points above their received score.
 */

export const FACTOR_MIN = 0.5;
export const FACTOR_MAX = 1.5;
/** Points between a received score and the group mean beyond which a member is flagged. */
export const FAR_FROM_GROUP = 1;
/** Points by which a self-rating may exceed the received score before it is flagged. */
export const SELF_ABOVE_PEERS = 1.5;

export interface Rating {
  raterId: string;
  rateeId: string;
  /** 1–5. */
  score: number;
}

export type PeerFlag = 'far-from-group' | 'self-above-peers';

export interface MemberResult {
  memberId: string;
  /** Mean of the scores given by the others, or null when nobody else rated them. */
  received: number | null;
  /** Their own rating of themselves, or null. */
  self: number | null;
  /** How many others rated them. */
  raters: number;
  factor: number;
  flags: PeerFlag[];
}

export interface GroupResult {
  /** Mean of the members' received scores, or null when nobody was rated. */
  groupMean: number | null;
  members: MemberResult[];
}

const mean = (values: readonly number[]): number | null =>
  values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length;

/** The results of one group, from the ratings given within it (ratings of or by non-members are ignored). */
export function evaluateGroup(memberIds: readonly string[], ratings: readonly Rating[]): GroupResult {
  const members = new Set(memberIds);
  const valid = ratings.filter((r) => members.has(r.raterId) && members.has(r.rateeId));
  const partial = memberIds.map((memberId) => {
    const fromOthers = valid.filter((r) => r.rateeId === memberId && r.raterId !== memberId);
    const self = valid.find((r) => r.rateeId === memberId && r.raterId === memberId);
    return {
      memberId,
      received: mean(fromOthers.map((r) => r.score)),
      self: self ? self.score : null,
      raters: fromOthers.length,
    };
  });
  const groupMean = mean(partial.flatMap((m) => (m.received === null ? [] : [m.received])));
  return {
    groupMean,
    members: partial.map((m) => {
      const flags: PeerFlag[] = [];
      let factor = 1;
      if (m.received !== null && groupMean !== null) {
        factor = Math.min(FACTOR_MAX, Math.max(FACTOR_MIN, m.received / groupMean));
        if (Math.abs(m.received - groupMean) > FAR_FROM_GROUP) flags.push('far-from-group');
        if (m.self !== null && m.self - m.received > SELF_ABOVE_PEERS) flags.push('self-above-peers');
      }
      return { ...m, factor, flags };
    }),
  };
}
