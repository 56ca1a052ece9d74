/**
 * A role-play as one person may see it: the read model behind the item page, the API and the manage page.
 * Private briefs are dropped here (never later in a view), so no channel built on it can leak them.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { LocalizedText } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import type { SpaceItemRef } from '../spaces/space-item-kind.js';
import { canReadDebrief, canReadPrivateBrief, type PhaseState, phaseState } from './roleplay.js';
import { type RoleplayAccess, roleplayAccess, roleplayAccessToItem } from './roleplay-access.js';
import { type RoleplayContent, roleplayContent, rolesHeldIn } from './roleplay-content.js';

export interface RoleView {
  id: string;
  name: LocalizedText;
  constituency: string | null;
  publicBrief: LocalizedText;
  /** Null when the reader may not read it (absent from the API). */
  privateBrief: LocalizedText | null;
  /** The people who hold it now (in person, or as current members of a group it was given to). */
  holders: { id: string; fullName: string }[];
  /** The groups it was given to. */
  groups: { id: string; name: string }[];
  /** The reader holds this role. */
  mine: boolean;
}

export interface RoleplayView {
  item: SpaceItemRef;
  scenario: LocalizedText;
  allowOwnConstituency: boolean;
  revealedAt: string | null;
  roles: RoleView[];
  phases: {
    id: string;
    title: LocalizedText;
    startsAt: string;
    endsAt: string;
    state: PhaseState;
    forumId: string | null;
  }[];
  outcome: { body: string; version: number; at: string | null; by: string | null; roleId: string | null };
  history: { version: number; at: string; by: string | null; roleId: string | null; body: string }[];
  /** Null when not published (participants) or not written. */
  debrief: { text: LocalizedText; publishedAt: string | null } | null;
  can: RoleplayAccess['can'] & { readEveryBrief: boolean };
  /** The kept content the view was made from: the same object until one of its tables changes (for HTML kept on it). */
  source: object;
}

/** The role-play item `itemId` for `actor` (others: not found). */
export async function getRoleplay(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<RoleplayView> {
  if (actor.kind === 'anonymous') throw new AppError('unauthenticated');
  if (!isId(itemId)) throw new AppError('not_found');
  const content = await roleplayContent(db, itemId);
  const access = await roleplayAccess(db, actor, itemId, deps.clock.now().toISOString(), (person) =>
    rolesHeldIn(content, person),
  );
  return roleplayView(deps, access, content);
}

/** The role-play for its outcome editor: holders of a role and the edition's staff (others in the edition 403). */
export async function getOutcomeEditor(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<RoleplayView> {
  const view = await getRoleplay(db, deps, actor, itemId);
  if (!view.can.editOutcome) throw new AppError('forbidden');
  return view;
}

/** The view of an item already found for the actor (the edition's list, the item page). */
export async function roleplayViewOf(
  db: Executor,
  deps: Services,
  actor: Actor,
  item: SpaceItemRef,
  space: SpaceAccess,
  options: { openChecked?: boolean } = {},
): Promise<RoleplayView> {
  // The space's item page has already checked that the item is open to the reader (its availability).
  const now = options.openChecked ? undefined : deps.clock.now().toISOString();
  const content = await roleplayContent(db, item.id);
  const access = await roleplayAccessToItem(db, actor, item, space, now, (person) =>
    rolesHeldIn(content, person),
  );
  return roleplayView(deps, access, content);
}

function roleplayView(deps: Services, access: RoleplayAccess, content: RoleplayContent): RoleplayView {
  const { revealedAt } = content;
  const now = deps.clock.now().toISOString();
  const held = new Set(access.heldRoleIds);
  const latest = content.versions[0];
  const publishedAt = content.debriefPublishedAt;
  return {
    item: access.item,
    scenario: content.scenario,
    allowOwnConstituency: content.allowOwnConstituency,
    revealedAt,
    roles: content.roles.map((role) => ({
      id: role.id,
      name: role.name,
      constituency: role.constituency,
      publicBrief: role.publicBrief,
      privateBrief: canReadPrivateBrief({
        holdsRole: held.has(role.id),
        isStaff: access.isStaff,
        revealed: revealedAt !== null,
      })
        ? role.privateBrief
        : null,
      holders: role.holders.map((h) => ({ ...h })),
      groups: role.groups.map((g) => ({ ...g })),
      mine: held.has(role.id),
    })),
    phases: content.phases.map((p) => ({
      ...p,
      state: phaseState({ startsAt: p.startsAt, endsAt: p.endsAt }, now),
    })),
    outcome: {
      body: latest?.body ?? '',
      version: latest?.version ?? 0,
      at: latest?.at ?? null,
      by: latest?.by ?? null,
      roleId: latest?.roleId ?? null,
    },
    history: content.versions.map((v) => ({ ...v })),
    debrief:
      canReadDebrief(publishedAt, access.isStaff) && Object.keys(content.debrief).length > 0
        ? { text: content.debrief, publishedAt }
        : null,
    can: { ...access.can, readEveryBrief: access.isStaff || revealedAt !== null },
    source: content,
  };
}
