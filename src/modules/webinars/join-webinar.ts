import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { pickLocalized } from '../../i18n/localized.js';
import { BbbError } from '../../integrations/bbb/bbb-client.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { findPerson } from '../identity/identity.queries.js';
import { configuredBbb } from './bbb-port.js';
import { joinWindow, meetingIdOf } from './webinar.js';
import { webinarAccessFor } from './webinar-access.js';

/**
 * Where a person goes to join a session: its external link, or a BigBlueButton join URL (the meeting is
 * created first; BBB's create is idempotent). Open to the edition's participants from 15 minutes before the
 * start and to its staff (as moderators) from an hour before, until the end; refused otherwise.
 */
export async function joinWebinar(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<{ url: string }> {
  const now = deps.clock.now().toISOString();
  const access = await webinarAccessFor(db, actor, itemId, 'webinar.join', now);
  const { session } = access;
  const window = joinWindow(session, now, access.can.manage);
  if (window.state !== 'open')
    throw new AppError('invalid_state', {}, [
      { path: 'join', key: window.state === 'ended' ? 'webinars.error.ended' : 'webinars.error.notOpenYet' },
    ]);
  if (session.provider === 'external') return { url: session.url };
  const bbb = configuredBbb(deps);
  if (!bbb)
    throw new AppError('invalid_state', {}, [{ path: 'join', key: 'webinars.error.bbbNotConfigured' }]);
  const person = actor.kind === 'user' ? await findPerson(db, actor.id) : null;
  if (!person) throw new AppError('forbidden');
  const meetingId = meetingIdOf(access.item.id);
  try {
    await bbb.create({
      meetingId,
      name: pickLocalized(access.item.title, person.preferredLocale).text,
      record: true,
    });
  } catch (error) {
    if (error instanceof BbbError) throw new AppError('service_unavailable');
    throw error;
  }
  return {
    url: bbb.joinUrl({
      meetingId,
      fullName: person.fullName,
      userId: person.id,
      moderator: access.can.manage,
    }),
  };
}
