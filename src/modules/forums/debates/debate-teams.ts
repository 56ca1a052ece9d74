import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { confirmedParticipants } from '../../places/places.queries.js';
import { canJoinPosition, isBeforeFirstRound } from './debate.js';
import { debateAccess } from './debate-access.js';
import { listContributions, listTeams, removeTeam, setTeam } from './debates.repository.js';

const teamRefused = (key: string) => new AppError('invalid_state', {}, [{ path: 'positionId', key }]);

/** A participant chooses a position (debates whose teams are chosen), within the cap, before the rounds. */
export async function chooseTeam(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  positionId: unknown,
): Promise<void> {
  const access = await debateAccess(db, actor, itemId, 'take');
  if (actor.kind !== 'user') throw new AppError('forbidden');
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    const contributions = await listContributions(trx, access.item.id);
    if (!isBeforeFirstRound(access.settings, contributions.length > 0, now))
      throw teamRefused('forums.debate.error.teamsClosed');
    const teams = await listTeams(trx, access.item.id);
    const sizes = new Map<string, number>();
    for (const t of teams) sizes.set(t.position_id, (sizes.get(t.position_id) ?? 0) + 1);
    const current = teams.find((t) => t.user_id === actor.id)?.position_id ?? null;
    if (typeof positionId !== 'string' || !canJoinPosition(access.settings, sizes, positionId, current))
      throw teamRefused(
        access.settings.teamMode === 'chosen' ? 'forums.debate.error.full' : 'forums.debate.error.assigned',
      );
    await setTeam(trx, {
      item_id: access.item.id,
      user_id: actor.id,
      position_id: positionId,
      chosen_by: 'participant',
    });
  });
}

/** Facilitators assign people to positions (`team.<personId>` = position id, empty to remove). */
export async function assignTeams(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  form: Record<string, unknown>,
): Promise<void> {
  const access = await debateAccess(db, actor, itemId, 'run');
  const people = await confirmedParticipants(db, access.item.editionId);
  const positions = new Set(access.settings.positions.map((p) => p.id));
  const changes: { userId: string; positionId: string | null }[] = [];
  for (const person of people) {
    const value = form[`team.${person.id}`];
    if (value === undefined) continue;
    if (value !== '' && (typeof value !== 'string' || !positions.has(value)))
      throw new AppError('validation_failed', {}, [
        { path: `team.${person.id}`, key: 'validation.invalidChoice' },
      ]);
    changes.push({ userId: person.id, positionId: value === '' ? null : (value as string) });
  }
  await inTransaction(db, async (trx) => {
    for (const c of changes)
      if (c.positionId)
        await setTeam(trx, {
          item_id: access.item.id,
          user_id: c.userId,
          position_id: c.positionId,
          chosen_by: 'facilitator',
        });
      else await removeTeam(trx, access.item.id, c.userId);
    await audit(trx, deps.clock, actor, {
      action: 'forums.debate-teams-set',
      targetType: 'space_item',
      targetId: access.item.id,
      after: { people: changes.filter((c) => c.positionId).length },
    });
  });
}
