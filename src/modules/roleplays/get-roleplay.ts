/**
 * A role-play as one person may see it: the read model behind the item page, the API and the manage page.
 * Private briefs are dropped here (never later in a view), so no channel built on it can leak them.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { AppError } from '../../kernel/errors.js';
import { personNames } from '../identity/identity.queries.js';
import type { SpaceAccess } from '../spaces/space-access.js';
import type { SpaceItemRef } from '../spaces/space-item-kind.js';
import { canReadDebrief, canReadPrivateBrief, type PhaseState, phaseState } from './roleplay.js';
import { type RoleplayAccess, roleplayAccess, roleplayAccessToItem } from './roleplay-access.js';
import {
  findRoleplay,
  listHolders,
  listOutcomeVersions,
  listPhases,
  listRoles,
} from './roleplays.repository.js';

export interface RoleView {
  id: string;
  name: LocalizedText;
  constituency: string | null;
  publicBrief: LocalizedText;
  /** Null when the reader may not read it (absent from the API). */
  privateBrief: LocalizedText | null;
  holders: { id: string; fullName: string }[];
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
}

/** The role-play item `itemId` for `actor` (others: not found). */
export async function getRoleplay(
  db: Executor,
  deps: Services,
  actor: Actor,
  itemId: string,
): Promise<RoleplayView> {
  const access = await roleplayAccess(db, actor, itemId, deps.clock.now().toISOString());
  return roleplayView(db, deps, access);
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

/** The view of an item already found for the actor (the edition's list). */
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
  return roleplayView(db, deps, await roleplayAccessToItem(db, actor, item, space, now));
}

async function roleplayView(db: Executor, deps: Services, access: RoleplayAccess): Promise<RoleplayView> {
  const itemId = access.item.id;
  const [settings, roles, holders, phases, versions] = await Promise.all([
    findRoleplay(db, itemId),
    listRoles(db, [itemId]),
    listHolders(db, [itemId]),
    listPhases(db, itemId),
    listOutcomeVersions(db, itemId),
  ]);
  const names = await personNames(db, [
    ...holders.map((h) => h.holder_id),
    ...versions.flatMap((v) => (v.edited_by ? [v.edited_by] : [])),
  ]);
  const revealedAt = settings?.revealed_at ?? null;
  const now = deps.clock.now().toISOString();
  const held = new Set(access.heldRoleIds);
  const latest = versions[0];
  const debriefText = parseLocalized(settings?.debrief_i18n ?? '{}');
  const publishedAt = settings?.debrief_published_at ?? null;
  return {
    item: access.item,
    scenario: parseLocalized(settings?.scenario_i18n ?? '{}'),
    allowOwnConstituency: settings?.allow_own_constituency === 1,
    revealedAt,
    roles: roles.map((role) => ({
      id: role.id,
      name: parseLocalized(role.name_i18n),
      constituency: role.constituency,
      publicBrief: parseLocalized(role.public_brief_i18n),
      privateBrief: canReadPrivateBrief({
        holdsRole: held.has(role.id),
        isStaff: access.isStaff,
        revealed: revealedAt !== null,
      })
        ? parseLocalized(role.private_brief_i18n)
        : null,
      holders: holders
        .filter((h) => h.role_id === role.id)
        .map((h) => ({ id: h.holder_id, fullName: names.get(h.holder_id) ?? '' })),
      mine: held.has(role.id),
    })),
    phases: phases.map((p) => ({
      id: p.id,
      title: parseLocalized(p.title_i18n),
      startsAt: p.starts_at,
      endsAt: p.ends_at,
      state: phaseState({ startsAt: p.starts_at, endsAt: p.ends_at }, now),
      forumId: p.forum_id,
    })),
    outcome: {
      body: latest?.body ?? '',
      version: latest?.version ?? 0,
      at: latest?.created_at ?? null,
      by: latest?.edited_by ? (names.get(latest.edited_by) ?? null) : null,
      roleId: latest?.role_id ?? null,
    },
    history: versions.map((v) => ({
      version: v.version,
      at: v.created_at,
      by: v.edited_by ? (names.get(v.edited_by) ?? null) : null,
      roleId: v.role_id,
      body: v.body,
    })),
    debrief:
      canReadDebrief(publishedAt, access.isStaff) && Object.keys(debriefText).length > 0
        ? { text: debriefText, publishedAt }
        : null,
    can: { ...access.can, readEveryBrief: access.isStaff || revealedAt !== null },
  };
}
