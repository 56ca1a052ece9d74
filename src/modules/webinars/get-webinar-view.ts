/**
 * What a webinar item's page shows (the kind's body): the session in the viewer's zone, whether the join
 * link is open (and from when), the viewer's own attendance, the materials, and for staff everyone's
 * attendance count and the ways to record it. The spaces module has checked that the viewer may see it.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import type { ItemViewer, SpaceItemRef } from '../spaces/space-item-kind.js';
import type { MaterialKind } from './materials.js';
import { type JoinState, joinWindow, type WebinarSettings } from './webinar.js';
import { listAttendance, listAttendanceOf, listMaterials } from './webinars.repository.js';

export interface MaterialView {
  id: string;
  kind: MaterialKind;
  title: string;
  /** A link (recording) or the download path of a stored file. */
  href: string;
  isFile: boolean;
  size: number | null;
}

export interface WebinarView {
  itemId: string;
  editionId: string;
  session: WebinarSettings;
  state: JoinState;
  opensAt: string;
  timeZone: string;
  bbbConfigured: boolean;
  /** The viewer's own attendance: true, false (marked absent), null (not recorded); null for staff. */
  attended: boolean | null;
  learner: boolean;
  materials: MaterialView[];
  /** Staff only: how many are marked present. */
  presentCount: number | null;
  can: { manage: boolean };
}

export async function getWebinarView(
  db: Executor,
  deps: Pick<Services, 'clock' | 'config'>,
  item: SpaceItemRef<WebinarSettings>,
  viewer: Pick<ItemViewer, 'timeZone' | 'can'> & { actor: Actor; learner: boolean },
): Promise<WebinarView> {
  const staff = viewer.can.edit;
  const window = joinWindow(item.settings, deps.clock.now().toISOString(), staff);
  const personId = viewer.actor.kind === 'user' ? viewer.actor.id : null;
  const [materials, own, everyone] = await Promise.all([
    listMaterials(db, item.id),
    viewer.learner && personId ? listAttendanceOf(db, personId, [item.id]) : Promise.resolve([]),
    viewer.can.seeEveryone ? listAttendance(db, [item.id]) : Promise.resolve(null),
  ]);
  const mine = own[0];
  return {
    itemId: item.id,
    editionId: item.editionId,
    session: item.settings,
    state: window.state,
    opensAt: window.opensAt,
    timeZone: viewer.timeZone,
    bbbConfigured: Boolean(deps.config.bbb),
    attended: mine ? mine.attended === 1 : null,
    learner: viewer.learner,
    materials: materials.map((m) => ({
      id: m.id,
      kind: m.kind as MaterialKind,
      title: m.title,
      href: m.url ?? `/webinars/${item.id}/materials/${m.id}`,
      isFile: m.url === null,
      size: m.size,
    })),
    presentCount: everyone ? everyone.filter((r) => r.attended === 1).length : null,
    can: { manage: staff },
  };
}
