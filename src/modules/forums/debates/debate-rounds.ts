import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { checkBody } from '../forum.js';
import { debateStage, isBeforeFirstRound, POLL_PHASES, type PollPhase } from './debate.js';
import { debateAccess } from './debate-access.js';
import {
  insertContribution,
  listContributions,
  listTeams,
  saveSummary,
  saveVote,
} from './debates.repository.js';

const refused = (path: string, key: string) => new AppError('invalid_state', {}, [{ path, key }]);

/** A team member contributes to the round running now (opening, rebuttal or closing), in Markdown. */
export async function contributeToRound(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  roundId: string,
  input: { body?: unknown },
): Promise<void> {
  const access = await debateAccess(db, actor, itemId, 'take');
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const body = checkBody('body', input.body);
  if ('path' in body) throw new AppError('validation_failed', {}, [body]);
  const now = deps.clock.now().toISOString();
  const stage = debateStage(access.settings, now);
  if (stage.stage !== 'round' || stage.round !== roundId)
    throw refused('body', 'forums.debate.error.roundClosed');
  const team = (await listTeams(db, access.item.id)).find((t) => t.user_id === actor.id);
  if (!team) throw refused('body', 'forums.debate.error.noTeam');
  await insertContribution(db, {
    id: newId(),
    item_id: access.item.id,
    round_id: stage.round,
    user_id: actor.id,
    position_id: team.position_id,
    body: body.value,
    created_at: now,
  });
}

/** A participant answers the poll: `before` until the first round has contributions, `after` once finished. */
export async function voteInDebate(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: { phase?: unknown; positionId?: unknown },
): Promise<void> {
  const access = await debateAccess(db, actor, itemId, 'take');
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const phase = input.phase as PollPhase;
  if (!POLL_PHASES.includes(phase))
    throw new AppError('validation_failed', {}, [{ path: 'phase', key: 'validation.invalidChoice' }]);
  const positionId = String(input.positionId ?? '');
  if (!access.settings.positions.some((p) => p.id === positionId))
    throw new AppError('validation_failed', {}, [{ path: 'positionId', key: 'validation.invalidChoice' }]);
  const now = deps.clock.now().toISOString();
  const open =
    phase === 'before'
      ? isBeforeFirstRound(access.settings, (await listContributions(db, access.item.id)).length > 0, now)
      : debateStage(access.settings, now).stage === 'finished';
  if (!open) throw refused('positionId', 'forums.debate.error.pollClosed');
  await saveVote(db, {
    item_id: access.item.id,
    user_id: actor.id,
    phase,
    position_id: positionId,
    voted_at: now,
  });
}

/** The facilitator's summary of a finished debate (Markdown). */
export async function writeDebateSummary(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: { summary?: unknown },
): Promise<void> {
  const access = await debateAccess(db, actor, itemId, 'run');
  const summary = checkBody('summary', input.summary);
  if ('path' in summary) throw new AppError('validation_failed', {}, [summary]);
  const now = deps.clock.now().toISOString();
  if (debateStage(access.settings, now).stage !== 'finished')
    throw refused('summary', 'forums.debate.error.notFinished');
  await inTransaction(db, async (trx) => {
    await saveSummary(trx, {
      item_id: access.item.id,
      summary: summary.value,
      written_by: actor.kind === 'user' ? actor.id : 'system',
      written_at: now,
    });
    await audit(trx, deps.clock, actor, {
      action: 'forums.debate-summary-written',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { length: summary.value.length },
    });
  });
}
