/** A person's private calendar feed token: shown on their account page, renewed or revoked there. */
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newSecret } from '../../kernel/ids.js';
import { deleteCalendarToken, findCalendarToken, saveCalendarToken } from './webinars.repository.js';

function personOf(actor: Actor): string {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (actor.kind !== 'user') throw new AppError('forbidden');
  return actor.id;
}

/** The feed's URL of the signed-in person, or null when they have none (never made, or revoked). */
export async function getCalendarFeed(
  db: Executor,
  deps: Pick<Services, 'config'>,
  actor: Actor,
): Promise<{ url: string | null }> {
  const row = await findCalendarToken(db, personOf(actor));
  return { url: row ? `${deps.config.baseUrl}/calendars/${row.token}.ics` : null };
}

/** Makes a new feed URL (the old one stops working at once). */
export async function renewCalendarFeed(db: Executor, deps: Services, actor: Actor): Promise<void> {
  const userId = personOf(actor);
  await inTransaction(db, async (trx) => {
    await saveCalendarToken(trx, {
      user_id: userId,
      token: newSecret(24),
      created_at: deps.clock.now().toISOString(),
    });
    await audit(trx, deps.clock, actor, {
      action: 'webinars.calendar-token-renewed',
      targetType: 'user',
      targetId: userId,
    });
  });
}

/** Turns the feed off: its URL answers "not found" from now on. */
export async function revokeCalendarFeed(db: Executor, deps: Services, actor: Actor): Promise<void> {
  const userId = personOf(actor);
  await inTransaction(db, async (trx) => {
    await deleteCalendarToken(trx, userId);
    await audit(trx, deps.clock, actor, {
      action: 'webinars.calendar-token-revoked',
      targetType: 'user',
      targetId: userId,
    });
  });
}
