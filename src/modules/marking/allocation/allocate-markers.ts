import { z } from 'zod';
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { parseInput } from '../../../kernel/validation.js';
import { findPerson } from '../../identity/identity.queries.js';
import { canMarking } from '../marking.policy.js';
import {
  deleteMark,
  insertMark,
  listMarks,
  listSubmissionsOfContext,
  numbersOf,
} from '../marking.repository.js';
import { contextAccess, ensureCan, submissionAccess } from '../marking-access.js';
import { participantLabel } from '../workflow.js';
import { allocateByLanguage, allocateEvenly, type LanguageRefusal } from './allocation.js';
import { markerLanguages } from './marking-languages.repository.js';

export const MARKER_ROLES = ['first', 'second'] as const;
export type MarkerRole = (typeof MARKER_ROLES)[number];
/** Allocation of a context's open submissions: spread evenly, or evenly among the markers of each one's language. */
export const ALLOCATION_METHODS = ['even', 'language'] as const;
export type AllocationMethod = (typeof ALLOCATION_METHODS)[number];

const allocationSchema = z.object({
  markerId: z.string().uuid('validation.invalidChoice'),
  role: z.enum(MARKER_ROLES, 'validation.invalidChoice'),
});

const evenSchema = z.object({
  markerIds: z.preprocess(
    (v) => (v === undefined || v === '' ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.string().uuid('validation.invalidChoice')).min(1, 'marking.error.noMarkers').max(50),
  ),
  role: z.enum(MARKER_ROLES, 'validation.invalidChoice'),
  method: z.enum(ALLOCATION_METHODS, 'validation.invalidChoice').default('even'),
});

/** Checks that a person may mark (an active assessor, facilitator or manager); a field error otherwise. */
async function ensureMarker(db: Executor, markerId: string): Promise<void> {
  const person = await findPerson(db, markerId);
  const actor = person
    ? ({ kind: 'user', id: person.id, roles: person.roles, via: 'session' } as const)
    : null;
  if (!actor || !canMarking(actor, { facilitator: false, marker: false }, 'marking.beMarker'))
    throw new AppError('validation_failed', {}, [{ path: 'markerId', key: 'marking.error.notAMarker' }]);
}

async function allocate(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  submission: { id: string; state: string; second_marking: number },
  markerId: string,
  role: MarkerRole,
): Promise<void> {
  if (submission.state === 'released' || submission.state === 'ready-for-release')
    throw new AppError('invalid_state');
  if (role === 'second' && submission.second_marking !== 1) throw new AppError('invalid_state');
  const marks = await listMarks(db, [submission.id]);
  const existing = marks.find((m) => m.role === role);
  if (existing?.marker_id === markerId) return;
  // A started mark stays with its marker; the other role's marker cannot take this one too.
  if (existing && (existing.completed_at !== null || existing.scores_json !== '{}'))
    throw new AppError('invalid_state');
  if (marks.some((m) => m.role !== role && m.marker_id === markerId))
    throw new AppError('validation_failed', {}, [{ path: 'markerId', key: 'marking.error.sameMarker' }]);
  if (existing) await deleteMark(db, existing.id);
  const now = deps.clock.now().toISOString();
  await insertMark(db, {
    id: newId(),
    submission_id: submission.id,
    marker_id: markerId,
    role,
    scores_json: '{}',
    overall_comment: '',
    total: null,
    completed_at: null,
    created_at: now,
    updated_at: now,
  });
  await audit(db, deps.clock, actor, {
    action: 'marking.marker-allocated',
    targetType: 'marking_submission',
    targetId: submission.id,
    after: { markerId, role },
  });
}

/** Allocates a marker to a submission by hand (first or second marker), replacing one who has not started. */
export async function allocateMarker(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  submissionId: string,
  input: unknown,
): Promise<void> {
  const access = await submissionAccess(db, actor, submissionId);
  ensureCan(access.can.manage);
  const data = parseInput(allocationSchema, input);
  await ensureMarker(db, data.markerId);
  await inTransaction(db, (trx) => allocate(trx, deps, actor, access.submission, data.markerId, data.role));
}

/** What an allocation did: how many were allocated, and every submission it could not place, by number. */
export interface AllocationOutcome {
  method: AllocationMethod;
  allocated: number;
  refused: { participant: string; language: string | null; reason: LanguageRefusal }[];
}

/**
 * Allocates markers to every submission of the context that has no marker in that role yet (a second
 * marker is never the first one): `even` spreads them over the chosen markers; `language` gives each
 * submission to the least-loaded chosen marker who marks in its language and reports, by participant
 * number, the ones no chosen marker can take (they stay unallocated).
 */
export async function allocateMarkersEvenly(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  actor: Actor,
  contextId: string,
  input: unknown,
): Promise<AllocationOutcome> {
  await contextAccess(db, actor, contextId);
  const data = parseInput(evenSchema, input);
  for (const id of data.markerIds) await ensureMarker(db, id);
  return inTransaction(db, async (trx) => {
    const submissions = (await listSubmissionsOfContext(trx, contextId)).filter(
      (s) =>
        !['released', 'ready-for-release'].includes(s.state) &&
        (data.role === 'first' || s.second_marking === 1),
    );
    const marks = await listMarks(
      trx,
      submissions.map((s) => s.id),
    );
    const load = new Map<string, number>();
    for (const m of marks.filter((m) => m.role === data.role))
      load.set(m.marker_id, (load.get(m.marker_id) ?? 0) + 1);
    const open = submissions.filter(
      (s) => !marks.some((m) => m.submission_id === s.id && m.role === data.role),
    );
    const exclude = new Map(
      marks.filter((m) => m.role !== data.role).map((m) => [m.submission_id, m.marker_id] as const),
    );
    const { plan, refused } =
      data.method === 'language'
        ? allocateByLanguage(open, await markersWithLanguages(trx, data.markerIds), load, exclude)
        : {
            plan: allocateEvenly(
              open.map((s) => s.id),
              data.markerIds,
              load,
              exclude,
            ),
            refused: [],
          };
    for (const submission of open) {
      const markerId = plan.get(submission.id);
      if (markerId) await allocate(trx, deps, actor, submission, markerId, data.role);
    }
    const byId = new Map(open.map((s) => [s.id, s]));
    const numbers = await numbersOf(
      trx,
      [contextId],
      refused.map((r) => byId.get(r.id)?.participant_id ?? ''),
    );
    return {
      method: data.method,
      allocated: plan.size,
      refused: refused.map((r) => {
        const row = byId.get(r.id);
        return {
          participant: participantLabel(numbers.get(`${contextId}:${row?.participant_id}`) ?? 0),
          language: row?.language ?? null,
          reason: r.reason,
        };
      }),
    };
  });
}

/** The chosen markers with the languages each marks in (none declared: an empty list). */
async function markersWithLanguages(
  db: Executor,
  markerIds: readonly string[],
): Promise<{ id: string; languages: string[] }[]> {
  const languages = await markerLanguages(db, markerIds);
  return markerIds.map((id) => ({ id, languages: languages.get(id) ?? [] }));
}
