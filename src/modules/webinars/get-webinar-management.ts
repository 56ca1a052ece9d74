import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { confirmedParticipants } from '../places/places.queries.js';
import type { WebinarSettings } from './webinar.js';
import { webinarAccessFor } from './webinar-access.js';
import { listAttendance, listMaterials } from './webinars.repository.js';

/** The staff page of a session: everyone's attendance, its sources, the materials. */
export interface WebinarManagement {
  itemId: string;
  editionId: string;
  title: LocalizedText;
  session: WebinarSettings;
  timeZone: string;
  participants: {
    id: string;
    fullName: string;
    email: string;
    attended: boolean | null;
    source: string | null;
  }[];
  materials: { id: string; kind: string; title: string; href: string }[];
  canFetchFromBbb: boolean;
}

/** The session's management page (staff of the edition; participants 403, others 404). */
export async function getWebinarManagement(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<WebinarManagement> {
  const access = await webinarAccessFor(db, actor, itemId, 'webinar.manage');
  const [people, attendance, materials] = await Promise.all([
    confirmedParticipants(db, access.item.editionId),
    listAttendance(db, [access.item.id]),
    listMaterials(db, access.item.id),
  ]);
  const byPerson = new Map(attendance.map((a) => [a.user_id, a]));
  return {
    itemId: access.item.id,
    editionId: access.item.editionId,
    title: access.item.title,
    session: access.session,
    timeZone: access.space.viewer.timeZone,
    participants: people
      .map((p) => {
        const row = byPerson.get(p.id);
        return { ...p, attended: row ? row.attended === 1 : null, source: row?.source ?? null };
      })
      .sort((a, b) => a.fullName.localeCompare(b.fullName)),
    materials: materials.map((m) => ({
      id: m.id,
      kind: m.kind,
      title: m.title,
      href: m.url ?? `/webinars/${access.item.id}/materials/${m.id}`,
    })),
    canFetchFromBbb: access.session.provider === 'bbb' && Boolean(deps.config.bbb),
  };
}
