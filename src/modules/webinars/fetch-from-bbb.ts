import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { type BbbClient, BbbError } from '../../integrations/bbb/bbb-client.js';
import { type Actor, systemActor } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { newId } from '../../kernel/ids.js';
import { confirmedParticipants } from '../places/places.queries.js';
import type { SpaceItemRef } from '../spaces/space-item-kind.js';
import { applyAttendance } from './apply-attendance.js';
import { configuredBbb } from './bbb-port.js';
import { meetingIdOf, type WebinarSettings } from './webinar.js';
import { webinarAccessFor } from './webinar-access.js';
import { insertMaterial, listMaterials } from './webinars.repository.js';

/**
 * Takes what BigBlueButton knows about a session's meeting: the participants in it now (getMeetingInfo; a
 * person joined through the platform carries their id) are marked present, and published recordings
 * (getRecordings) are attached once each. Permission-free: the job and `fetchFromBbb` call it.
 */
export async function pullFromBbb(
  db: Executor,
  deps: Services,
  bbb: BbbClient,
  actor: Actor,
  item: SpaceItemRef<WebinarSettings>,
): Promise<{ present: number; recordings: number }> {
  const meetingId = meetingIdOf(item.id);
  const [info, recordings] = await Promise.all([bbb.getMeetingInfo(meetingId), bbb.getRecordings(meetingId)]);
  const people = new Set((await confirmedParticipants(db, item.editionId)).map((p) => p.id));
  const present = (info?.attendees ?? []).flatMap((a) =>
    a.userId && people.has(a.userId) ? [a.userId] : [],
  );
  return inTransaction(db, async (trx) => {
    await applyAttendance(
      trx,
      deps,
      actor,
      item.id,
      present.map((userId) => ({ userId, attended: true })),
      'bbb',
    );
    const known = new Set((await listMaterials(trx, item.id)).map((m) => m.url));
    let added = 0;
    for (const recording of recordings) {
      if (known.has(recording.url)) continue;
      const title = `BigBlueButton ${recording.startTime?.slice(0, 16).replace('T', ' ') ?? ''}`.trim();
      await insertMaterial(trx, {
        id: newId(),
        item_id: item.id,
        kind: 'recording',
        title,
        url: recording.url,
        storage_key: null,
        file_name: null,
        content_type: null,
        size: null,
        created_by: actor.kind === 'user' ? actor.id : null,
        created_at: deps.clock.now().toISOString(),
      });
      await audit(trx, deps.clock, actor, {
        action: 'webinars.material-added',
        targetType: 'space_item',
        targetId: item.id,
        after: { kind: 'recording', title, fileName: null },
      });
      added += 1;
    }
    return { present: present.length, recordings: added };
  });
}

/** The "fetch from BigBlueButton" button: attendance and recordings of a BBB session now. Staff. */
export async function fetchFromBbb(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<{ present: number; recordings: number }> {
  const access = await webinarAccessFor(db, actor, itemId, 'webinar.manage');
  if (access.session.provider !== 'bbb')
    throw new AppError('invalid_state', {}, [{ path: 'bbb', key: 'webinars.error.notBbb' }]);
  const bbb = configuredBbb(deps);
  if (!bbb)
    throw new AppError('invalid_state', {}, [{ path: 'bbb', key: 'webinars.error.bbbNotConfigured' }]);
  try {
    return await pullFromBbb(db, deps, bbb, actor, access.item);
  } catch (error) {
    if (error instanceof BbbError) throw new AppError('service_unavailable');
    throw error;
  }
}

/** The system actor BBB polling records attendance as. */
export const BBB_POLLER = systemActor('webinars.bbb');
