import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError, isAppError } from '../../kernel/errors.js';
import { spaceAccess } from '../spaces/space-access.js';
import { itemsOfKind } from '../spaces/spaces.queries.js';
import { type RoleplayView, roleplayViewOf } from './get-roleplay.js';
import { ROLEPLAY_KIND } from './roleplay-access.js';

/**
 * The role-plays of an edition's space that `actor` may open (items still locked for a participant are
 * left out), each as they may see it. People outside the edition: not found.
 */
export async function listEditionRoleplays(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
): Promise<RoleplayView[]> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  const space = await spaceAccess(db, actor, editionId);
  const out: RoleplayView[] = [];
  for (const item of await itemsOfKind(db, ROLEPLAY_KIND, [space.edition.id])) {
    try {
      out.push(await roleplayViewOf(db, deps, actor, item, space));
    } catch (error) {
      if (!isAppError(error, 'not_found')) throw error;
    }
  }
  return out;
}
