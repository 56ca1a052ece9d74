/**
 * Peer evaluation of contributions: a facilitator opens it for a group set (criteria, dates); each member
 * rates each member of their group (themselves included) 1–5 with a comment while it is open. Members see
 * only the ratings they gave: never who rated them or what others gave (page or API). Staff see each
 * member's received score, the group mean, the factor and the flags (peer-evaluation.ts), and export them.
 */
import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { csvFile } from '../../integrations/spreadsheets/csv.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { groupSetAccess } from './group-access.js';
import { momentIn } from './group-sets.js';
import { type GroupView, groupOfPerson, groupSetsOfEdition } from './groups.port.js';
import { peopleByIds } from './groups.queries.js';
import type { PeerEvaluationRow, PeerRatingRow } from './groups.tables.js';
import { evaluateGroup, type MemberResult } from './peer-evaluation.js';
import {
  findPeerEvaluation,
  listRatingsBy,
  listRatingsOfSet,
  upsertPeerEvaluation,
  upsertRating,
} from './peer-ratings.repository.js';
import { hasControlCharacters } from './texts.js';

export const CRITERIA_MAX = 4000;
export const COMMENT_MAX = 2000;

const openSchema = z
  .object({
    criteria: z
      .string('validation.required')
      .trim()
      .min(1, 'validation.required')
      .max(CRITERIA_MAX, 'validation.tooLong'),
    opensAt: z.string().trim().max(40).optional().default(''),
    closesAt: z.string('validation.required').trim().min(1, 'validation.required').max(40),
    timeZone: z.string().optional().default('UTC'),
  })
  .transform((v, ctx) => {
    const opensAt = momentIn(v.opensAt, v.timeZone);
    const closesAt = momentIn(v.closesAt, v.timeZone);
    if (opensAt === 'invalid')
      ctx.addIssue({ code: 'custom', path: ['opensAt'], message: 'groups.error.invalidMoment' });
    if (closesAt === 'invalid' || closesAt === null)
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'groups.error.invalidMoment' });
    else if (typeof opensAt === 'string' && opensAt >= closesAt)
      ctx.addIssue({ code: 'custom', path: ['closesAt'], message: 'groups.error.closesBeforeOpens' });
    return {
      criteria: v.criteria,
      opensAt: opensAt === 'invalid' ? null : opensAt,
      closesAt: closesAt === 'invalid' ? null : closesAt,
    };
  });

/** Opens (or changes) the peer evaluation of a group set. */
export async function openPeerEvaluation(
  db: Executor,
  deps: Services,
  actor: Actor,
  setId: string,
  input: unknown,
): Promise<void> {
  const { set } = await groupSetAccess(db, actor, setId, 'groups.manage');
  const data = parseInput(openSchema, input);
  const now = deps.clock.now().toISOString();
  const row: PeerEvaluationRow = {
    group_set_id: set.id,
    criteria: data.criteria,
    opens_at: data.opensAt ?? now,
    closes_at: data.closesAt as string,
    opened_by: actor.kind === 'user' ? actor.id : null,
    created_at: now,
  };
  await inTransaction(db, async (trx) => {
    await upsertPeerEvaluation(trx, row);
    await audit(trx, deps.clock, actor, {
      action: 'groups.peer-evaluation-opened',
      targetType: 'group_set',
      targetId: set.id,
      after: { opensAt: row.opens_at, closesAt: row.closes_at },
    });
  });
}

export type PeerState = 'not-open' | 'open' | 'closed';

export function peerState(evaluation: PeerEvaluationRow | undefined, now: string): PeerState {
  if (!evaluation || now < evaluation.opens_at) return 'not-open';
  return now < evaluation.closes_at ? 'open' : 'closed';
}

export interface PeerRatingForm {
  setId: string;
  setName: string;
  editionId: string;
  evaluation: PeerEvaluationRow;
  state: PeerState;
  group: GroupView;
  /** The members to rate (the rater too), with what the rater gave them so far. */
  members: { id: string; fullName: string; self: boolean; score: number | null; comment: string }[];
}

/** What a member sees: the criteria and the ratings THEY gave (never anyone else's). */
export async function getPeerRatingForm(
  db: Executor,
  deps: Services,
  actor: Actor,
  setId: string,
): Promise<PeerRatingForm> {
  const { set, actorId } = await groupSetAccess(db, actor, setId, 'peer.rate');
  const evaluation = await findPeerEvaluation(db, set.id);
  if (!evaluation) throw new AppError('not_found');
  const group = await groupOfPerson(db, set.id, actorId as string);
  if (!group) throw new AppError('not_found');
  const given = new Map((await listRatingsBy(db, set.id, actorId as string)).map((r) => [r.ratee_id, r]));
  const names = await peopleByIds(db, group.memberIds);
  return {
    setId: set.id,
    setName: set.name,
    editionId: set.edition_id,
    evaluation,
    state: peerState(evaluation, deps.clock.now().toISOString()),
    group,
    members: group.memberIds.map((id) => ({
      id,
      fullName: names.get(id)?.fullName ?? '',
      self: id === actorId,
      score: given.get(id)?.score ?? null,
      comment: given.get(id)?.comment ?? '',
    })),
  };
}

const ratingsSchema = z.record(
  z.string(),
  z.object({
    score: z.coerce
      .number('validation.notNumber')
      .int('validation.notInteger')
      .min(1, 'validation.tooSmall')
      .max(5, 'validation.tooBig'),
    comment: z
      .string()
      .max(COMMENT_MAX, 'validation.tooLong')
      .optional()
      .default('')
      .refine((s) => !hasControlCharacters(s), 'validation.invalidCharacters'),
  }),
);

/** Reads `score.<id>` / `comment.<id>` form fields (or a JSON `{ ratings: { id: { score, comment } } }`). */
export function ratingsFromForm(
  body: Record<string, unknown>,
): Record<string, { score: unknown; comment: unknown }> {
  const out: Record<string, { score: unknown; comment: unknown }> = {};
  for (const [key, value] of Object.entries(body)) {
    const m = /^(score|comment)\.(.+)$/.exec(key);
    if (!m) continue;
    const id = m[2] as string;
    out[id] = { ...(out[id] ?? { score: undefined, comment: '' }), [m[1] as string]: value };
  }
  return out;
}

/** Records the ratings a member gives the members of their group (all of them, while it is open). */
export async function givePeerRatings(
  db: Executor,
  deps: Services,
  actor: Actor,
  setId: string,
  input: unknown,
): Promise<void> {
  const form = await getPeerRatingForm(db, deps, actor, setId);
  if (form.state !== 'open')
    throw new AppError('invalid_state', {}, [{ path: 'ratings', key: `groups.error.peer.${form.state}` }]);
  const ratings = parseInput(ratingsSchema, input);
  const missing = form.members.filter((m) => !ratings[m.id]);
  if (missing.length || Object.keys(ratings).some((id) => !form.group.memberIds.includes(id)))
    throw new AppError('validation_failed', {}, [{ path: 'ratings', key: 'groups.error.rateEveryone' }]);
  const now = deps.clock.now().toISOString();
  const rater = actor.kind === 'user' ? actor.id : '';
  await inTransaction(db, async (trx) => {
    for (const [rateeId, r] of Object.entries(ratings))
      await upsertRating(trx, {
        group_set_id: form.setId,
        rater_id: rater,
        ratee_id: rateeId,
        score: r.score,
        comment: r.comment,
        rated_at: now,
      });
    await audit(trx, deps.clock, actor, {
      action: 'groups.peer-ratings-given',
      targetType: 'group_set',
      targetId: form.setId,
    });
  });
}

export interface PeerResults {
  setId: string;
  setName: string;
  editionId: string;
  evaluation: PeerEvaluationRow | null;
  state: PeerState;
  groups: {
    group: GroupView;
    groupMean: number | null;
    members: (MemberResult & { fullName: string; comments: string[]; rated: number })[];
  }[];
}

/** The results for staff: per group and member, received score, self-rating, factor, flags and comments. */
export async function getPeerResults(
  db: Executor,
  deps: Services,
  actor: Actor,
  setId: string,
): Promise<PeerResults> {
  const { set } = await groupSetAccess(db, actor, setId, 'groups.manage');
  const evaluation = (await findPeerEvaluation(db, set.id)) ?? null;
  const ratings: PeerRatingRow[] = await listRatingsOfSet(db, set.id);
  const view = (await groupSetsOfEdition(db, set.edition_id)).find((s) => s.id === set.id);
  const groups = view?.groups ?? [];
  const names = await peopleByIds(
    db,
    groups.flatMap((g) => g.memberIds),
  );
  const all = ratings.map((r) => ({ raterId: r.rater_id, rateeId: r.ratee_id, score: r.score }));
  return {
    setId: set.id,
    setName: set.name,
    editionId: set.edition_id,
    evaluation,
    state: peerState(evaluation ?? undefined, deps.clock.now().toISOString()),
    groups: groups.map((group) => {
      const result = evaluateGroup(group.memberIds, all);
      return {
        group,
        groupMean: result.groupMean,
        members: result.members.map((m) => ({
          ...m,
          fullName: names.get(m.memberId)?.fullName ?? '',
          comments: ratings.filter((r) => r.ratee_id === m.memberId && r.comment).map((r) => r.comment),
          rated: ratings.filter((r) => r.rater_id === m.memberId).length,
        })),
      };
    }),
  };
}

const num = (v: number | null) => (v === null ? null : v.toFixed(2));

/** The results as CSV (one line per member): for marking. */
export async function peerResultsCsv(
  db: Executor,
  deps: Services,
  actor: Actor,
  setId: string,
): Promise<string> {
  const results = await getPeerResults(db, deps, actor, setId);
  return csvFile(
    ['group', 'account_id', 'name', 'received', 'raters', 'self', 'group_mean', 'factor', 'flags'],
    results.groups.flatMap((g) =>
      g.members.map((m) => [
        g.group.name,
        m.memberId,
        m.fullName,
        num(m.received),
        m.raters,
        m.self,
        num(g.groupMean),
        m.factor.toFixed(3),
        m.flags.join(' '),
      ]),
    ),
  );
}
