import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { DEFAULT_TIME_ZONE, isTimeZone } from '../../../i18n/time-zones.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError } from '../../../kernel/errors.js';
import { groupSetsOfEdition } from '../../groups/groups.port.js';
import { findPerson } from '../../identity/identity.queries.js';
import { confirmedParticipants } from '../../places/places.queries.js';
import { getRoleplay, type RoleplayView } from '../get-roleplay.js';

/** The staff page of a role-play: everything, plus the edition's participants and their constituencies. */
export interface RoleplayManagement {
  view: RoleplayView;
  timeZone: string;
  participants: { id: string; fullName: string; constituency: string | null }[];
  groupSets: { id: string; name: string; groups: number }[];
}

/** The exercise's staff page (staff of the edition; participants 403, others 404). */
export async function getRoleplayManagement(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<RoleplayManagement> {
  const view = await getRoleplay(db, deps, actor, itemId);
  if (!view.can.manage) throw new AppError('forbidden');
  const people = await confirmedParticipants(db, view.item.editionId);
  const profiles = await Promise.all(people.map((p) => findPerson(db, p.id)));
  const me = actor.kind === 'user' ? await findPerson(db, actor.id) : null;
  const sets = await groupSetsOfEdition(db, view.item.editionId);
  return {
    view,
    groupSets: sets.map((s) => ({ id: s.id, name: s.name, groups: s.groups.length })),
    timeZone: me?.timeZone && isTimeZone(me.timeZone) ? me.timeZone : DEFAULT_TIME_ZONE,
    participants: people
      .map((p, i) => ({ id: p.id, fullName: p.fullName, constituency: profiles[i]?.constituency ?? null }))
      .sort((a, b) => a.fullName.localeCompare(b.fullName)),
  };
}
