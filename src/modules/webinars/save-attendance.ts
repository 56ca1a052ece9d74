import { z } from 'zod';
import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { parseInput } from '../../kernel/validation.js';
import { confirmedParticipants } from '../places/places.queries.js';
import { applyAttendance } from './apply-attendance.js';
import { webinarAccessFor } from './webinar-access.js';

const schema = z.object({
  attended: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v])),
});

/**
 * Attendance marked by hand: every confirmed participant of the edition is marked present when listed in
 * `attended`, absent otherwise. Staff of the edition; an id that is not a participant refuses the whole form.
 */
export async function saveAttendance(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
  input: unknown,
): Promise<{ changed: number }> {
  const access = await webinarAccessFor(db, actor, itemId, 'webinar.manage');
  const { attended } = parseInput(schema, input);
  const people = await confirmedParticipants(db, access.item.editionId);
  const ids = new Set(people.map((p) => p.id));
  if (attended.some((id) => !ids.has(id)))
    throw new AppError('validation_failed', {}, [{ path: 'attended', key: 'validation.invalidChoice' }]);
  const present = new Set(attended);
  return inTransaction(db, (trx) =>
    applyAttendance(
      trx,
      deps,
      actor,
      access.item.id,
      people.map((p) => ({ userId: p.id, attended: present.has(p.id) })),
      'manual',
    ),
  );
}
