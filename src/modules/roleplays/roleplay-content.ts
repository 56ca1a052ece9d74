/**
 * A role-play's content as stored: its settings, roles (with both briefs), holders with their names,
 * phases and every version of the outcome document. The same for every reader until one of its tables is
 * written, so it is kept per item (`KeptResults`, docs/decisions/0009-kept-fragments.md); what a reader may
 * see of it (private briefs, the debrief, phase states) is decided per request in `get-roleplay.ts`. Kept
 * values are frozen: callers build their own objects around them.
 */
import type { Executor } from '../../db/database.js';
import { deepFreeze, KeptResults } from '../../db/kept-results.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import { groupsWithMembers } from '../groups/groups.port.js';
import { personNames } from '../identity/identity.queries.js';
import { orderHeldRoles } from './roleplay.js';
import {
  findRoleplay,
  listHolders,
  listOutcomeVersions,
  listPhases,
  listRoles,
} from './roleplays.repository.js';

/**
 * Every table the content is read from: a write to one of them makes every kept content stale.
 * `roleplay-content.integration.test.ts` checks the list against the SQL the content really runs.
 */
export const ROLEPLAY_CONTENT_TABLES = [
  'roleplays',
  'roleplay_roles',
  'roleplay_holders',
  'roleplay_phases',
  'roleplay_outcome_versions',
  'users',
  // A role held by a group is held by the group's current members (the groups module's tables).
  'work_groups',
  'group_members',
] as const;

export interface RoleplayContent {
  scenario: LocalizedText;
  allowOwnConstituency: boolean;
  revealedAt: string | null;
  debrief: LocalizedText;
  debriefPublishedAt: string | null;
  roles: readonly {
    id: string;
    name: LocalizedText;
    constituency: string | null;
    publicBrief: LocalizedText;
    privateBrief: LocalizedText;
    /** Who holds it: the people it was given to and the current members of the groups it was given to. */
    holders: readonly { id: string; fullName: string }[];
    /** The holders it was given to in person (the others hold it through a group). */
    inPerson: readonly string[];
    /** The groups it was given to (their members hold it while they are in the group). */
    groups: readonly { id: string; name: string }[];
  }[];
  phases: readonly {
    id: string;
    title: LocalizedText;
    startsAt: string;
    endsAt: string;
    forumId: string | null;
  }[];
  /** Newest first. */
  versions: readonly {
    version: number;
    at: string;
    by: string | null;
    roleId: string | null;
    body: string;
  }[];
}

const kept = new KeptResults<RoleplayContent>({ tables: ROLEPLAY_CONTENT_TABLES, maxEntries: 300 });

/** Reads the content from the database (eight statements), without keeping it. */
export async function readRoleplayContent(db: Executor, itemId: string): Promise<RoleplayContent> {
  const [settings, roles, holders, phases, versions] = await Promise.all([
    findRoleplay(db, itemId),
    listRoles(db, [itemId]),
    listHolders(db, [itemId]),
    listPhases(db, itemId),
    listOutcomeVersions(db, itemId),
  ]);
  const groups = new Map(
    (
      await groupsWithMembers(
        db,
        holders.filter((h) => h.holder_type === 'group').map((h) => h.holder_id),
      )
    ).map((g) => [g.id, g]),
  );
  // Each role's people: those it was given to in person, then its groups' current members (once each).
  const peopleOf = (roleId: string) => [
    ...new Set(
      holders
        .filter((h) => h.role_id === roleId)
        .flatMap((h) =>
          h.holder_type === 'group' ? (groups.get(h.holder_id)?.memberIds ?? []) : [h.holder_id],
        ),
    ),
  ];
  const names = await personNames(db, [
    ...roles.flatMap((r) => peopleOf(r.id)),
    ...versions.flatMap((v) => (v.edited_by ? [v.edited_by] : [])),
  ]);
  return deepFreeze({
    scenario: parseLocalized(settings?.scenario_i18n ?? '{}'),
    allowOwnConstituency: settings?.allow_own_constituency === 1,
    revealedAt: settings?.revealed_at ?? null,
    debrief: parseLocalized(settings?.debrief_i18n ?? '{}'),
    debriefPublishedAt: settings?.debrief_published_at ?? null,
    roles: roles.map((role) => ({
      id: role.id,
      name: parseLocalized(role.name_i18n),
      constituency: role.constituency,
      publicBrief: parseLocalized(role.public_brief_i18n),
      privateBrief: parseLocalized(role.private_brief_i18n),
      holders: peopleOf(role.id).map((id) => ({ id, fullName: names.get(id) ?? '' })),
      inPerson: holders
        .filter((h) => h.role_id === role.id && h.holder_type === 'person')
        .map((h) => h.holder_id),
      groups: holders.flatMap((h) => {
        const group =
          h.role_id === role.id && h.holder_type === 'group' ? groups.get(h.holder_id) : undefined;
        return group ? [{ id: group.id, name: group.name }] : [];
      }),
    })),
    phases: phases.map((p) => ({
      id: p.id,
      title: parseLocalized(p.title_i18n),
      startsAt: p.starts_at,
      endsAt: p.ends_at,
      forumId: p.forum_id,
    })),
    versions: versions.map((v) => ({
      version: v.version,
      at: v.created_at,
      by: v.edited_by ? (names.get(v.edited_by) ?? null) : null,
      roleId: v.role_id,
      body: v.body,
    })),
  });
}

/** The role-play's content, kept until one of its tables changes (read anew inside a transaction). */
export function roleplayContent(db: Executor, itemId: string): Promise<RoleplayContent> {
  return kept.get(db, itemId, () => readRoleplayContent(db, itemId));
}

/** The roles `personId` holds in this content, in the order they write under them (`orderHeldRoles`). */
export function rolesHeldIn(content: RoleplayContent, personId: string): string[] {
  return orderHeldRoles(
    content.roles
      .filter((r) => r.holders.some((h) => h.id === personId))
      .map((r) => ({ roleId: r.id, inPerson: r.inPerson.includes(personId) })),
  );
}
