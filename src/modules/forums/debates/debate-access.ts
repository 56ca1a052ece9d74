/** Finding a debate item for an actor: the item (through spaces), the actor's standing, its settings. */
import type { Executor } from '../../../db/database.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { type SpaceAccess, spaceAccess } from '../../spaces/space-access.js';
import type { SpaceItemRef } from '../../spaces/space-item-kind.js';
import { findItemOfKind } from '../../spaces/spaces.queries.js';
import { DEBATE_KIND, type DebateSettings } from './debate.js';
import { readDebateSettings } from './debate-settings.js';

export interface DebateAccess {
  item: SpaceItemRef<DebateSettings>;
  settings: DebateSettings;
  space: SpaceAccess;
  can: { take: boolean; run: boolean };
}

/** The debate `itemId` as `actor` may see it (`not_found` otherwise); `need` refuses with 403. */
export async function debateAccess(
  db: Executor,
  actor: Actor,
  itemId: string,
  need?: 'take' | 'run',
): Promise<DebateAccess> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const item = await findItemOfKind(db, DEBATE_KIND, itemId);
  if (!item) throw new AppError('not_found');
  const space = await spaceAccess(db, actor, item.editionId);
  const settings = readDebateSettings(item.settings);
  if (!settings) throw new AppError('not_found');
  const can = { take: space.can.learn, run: space.can.build };
  if (need && !can[need]) throw new AppError('forbidden');
  return { item: { ...item, settings }, settings, space, can };
}
