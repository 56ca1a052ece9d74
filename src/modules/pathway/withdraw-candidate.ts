import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { changeCandidacy } from './change-candidacy.js';
import { updateCandidacy } from './pathway.repository.js';
import { withdrawSchema } from './pathway.schemas.js';

/** Withdraws a candidate, with a reason (programme managers; audited). A withdrawn candidate is never awardable. */
export async function withdrawCandidate(
  db: Executor,
  deps: Services,
  actor: Actor,
  candidacyId: string,
  input: unknown,
): Promise<void> {
  const { reason } = parseInput(withdrawSchema, input);
  const now = deps.clock.now().toISOString();
  await changeCandidacy(db, deps, actor, candidacyId, 'candidate.withdrawn', async (trx, row) => {
    if (row.status === 'withdrawn') throw new AppError('invalid_state', { reason: 'already-withdrawn' });
    await updateCandidacy(trx, row.id, {
      status: 'withdrawn',
      withdrawn_reason: reason,
      withdrawn_at: now,
      updated_at: now,
    });
    return { before: { status: row.status }, after: { status: 'withdrawn', reason } };
  });
}

/** Reinstates a withdrawn candidate (programme managers; audited): they continue on the same window. */
export async function reinstateCandidate(
  db: Executor,
  deps: Services,
  actor: Actor,
  candidacyId: string,
): Promise<void> {
  const now = deps.clock.now().toISOString();
  await changeCandidacy(db, deps, actor, candidacyId, 'candidate.reinstated', async (trx, row) => {
    if (row.status !== 'withdrawn') throw new AppError('invalid_state', { reason: 'not-withdrawn' });
    await updateCandidacy(trx, row.id, { status: 'reinstated', updated_at: now });
    return { before: { status: 'withdrawn', reason: row.withdrawn_reason }, after: { status: 'reinstated' } };
  });
}
