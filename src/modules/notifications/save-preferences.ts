import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import { notificationKinds } from './kinds.js';
import type { Preference } from './notification.js';
import { canNotifications } from './notifications.policy.js';
import { upsertPreference } from './notifications.repository.js';
import { preferencesFormSchema } from './notifications.schemas.js';
import { getPreferences } from './preferences.js';

/** Saves the actor's choice for every kind (in the platform, by email); returns them as stored. */
export async function savePreferences(
  db: Executor,
  deps: Services,
  actor: Actor,
  raw: unknown,
): Promise<(Preference & { label: string })[]> {
  ensure(actor, canNotifications(actor, 'preferences.update'));
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const input = parseInput(preferencesFormSchema, raw);
  const known = notificationKinds(deps.modules);
  const kinds = new Set(input.preferences.map((p) => p.kind));
  if (
    kinds.size !== input.preferences.length ||
    kinds.size !== known.size ||
    [...kinds].some((kind) => !known.has(kind))
  )
    throw new AppError('validation_failed', {}, [
      { path: 'preferences', key: 'validation.invalid', values: {} },
    ]);
  const now = deps.clock.now().toISOString();
  await inTransaction(db, async (trx) => {
    for (const p of input.preferences) {
      await upsertPreference(trx, {
        user_id: actor.id,
        kind: p.kind,
        in_app: p.inApp ? 1 : 0,
        email: p.email ? 1 : 0,
        updated_at: now,
      });
    }
  });
  return getPreferences(db, deps, actor);
}
