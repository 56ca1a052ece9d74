/**
 * The frame of every facilitator's change to a role-play: the edition's staff only (participants 403,
 * others 404), the exercise's own row made on first use, one transaction for the change and its audit.
 */
import type { Transaction } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { DB } from '../../../db/schema.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { type RoleplayAccess, roleplayAccessFor } from '../roleplay-access.js';
import { findRoleplay, insertRoleplay } from '../roleplays.repository.js';
import type { RoleplayRow } from '../roleplays.tables.js';

/** The exercise's row, made with empty texts on first use. */
export async function ensureRoleplay(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  itemId: string,
): Promise<RoleplayRow> {
  const found = await findRoleplay(db, itemId);
  if (found) return found;
  await insertRoleplay(db, {
    item_id: itemId,
    scenario_i18n: '{}',
    allow_own_constituency: 0,
    revealed_at: null,
    debrief_i18n: '{}',
    debrief_published_at: null,
    updated_at: deps.clock.now().toISOString(),
  });
  return (await findRoleplay(db, itemId)) as RoleplayRow;
}

/** Runs a staff change on the role-play `itemId` (checks first, then one transaction). */
export async function manageRoleplay<T>(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  work: (trx: Transaction<DB>, access: RoleplayAccess, row: RoleplayRow) => Promise<T>,
): Promise<T> {
  const access = await roleplayAccessFor(db, actor, itemId, 'roleplay.manage');
  return inTransaction(db, async (trx) => work(trx, access, await ensureRoleplay(trx, deps, access.item.id)));
}
