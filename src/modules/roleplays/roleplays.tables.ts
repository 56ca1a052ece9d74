/**
 * The roleplays module's tables (only this module writes them), keyed by the `roleplay` space item: the
 * exercise's settings (reveal, debrief, whether people may play their own constituency), its roles with
 * their public and private briefs, who holds each role, its phases with dates, and the negotiated outcome
 * document (every version kept). PERSISTED: `holder_type` codes, localized JSON columns.
 */
import type { Selectable } from 'kysely';

export interface RoleplaysTable {
  item_id: string;
  /** Localized Markdown (`{ "en": …, "fr": … }`): the scenario everyone reads. */
  scenario_i18n: string;
  /** 1 when the facilitator lets people play their own constituency when assigning in balance. */
  allow_own_constituency: number;
  /** Set when the facilitator revealed every private brief to everyone. */
  revealed_at: string | null;
  /** Localized Markdown: the facilitator's debrief (shown once published). */
  debrief_i18n: string;
  debrief_published_at: string | null;
  updated_at: string;
}

export interface RoleplayRolesTable {
  id: string;
  item_id: string;
  position: number;
  name_i18n: string;
  /** The constituency the role speaks for (identity's CONSTITUENCIES) or null. */
  constituency: string | null;
  public_brief_i18n: string;
  private_brief_i18n: string;
  created_at: string;
  updated_at: string;
}

export interface RoleplayHoldersTable {
  role_id: string;
  item_id: string;
  /** `person` | `group` (holder_id a group id: its current members hold the role, read through the groups module). */
  holder_type: string;
  holder_id: string;
  assigned_by: string | null;
  assigned_at: string;
}

export interface RoleplayPhasesTable {
  id: string;
  item_id: string;
  position: number;
  title_i18n: string;
  starts_at: string;
  ends_at: string;
  /** The in-character discussion of the phase (a forum of the forums module), once made. */
  forum_id: string | null;
}

export interface RoleplayOutcomeVersionsTable {
  id: string;
  item_id: string;
  /** 1, 2, 3 … per item (unique: two saves on the same version cannot both win). */
  version: number;
  body: string;
  edited_by: string | null;
  /** The role the editor held when saving. */
  role_id: string | null;
  created_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    roleplays: RoleplaysTable;
    roleplay_roles: RoleplayRolesTable;
    roleplay_holders: RoleplayHoldersTable;
    roleplay_phases: RoleplayPhasesTable;
    roleplay_outcome_versions: RoleplayOutcomeVersionsTable;
  }
}

export type RoleplayRow = Selectable<RoleplaysTable>;
export type RoleRow = Selectable<RoleplayRolesTable>;
export type HolderRow = Selectable<RoleplayHoldersTable>;
export type PhaseRow = Selectable<RoleplayPhasesTable>;
export type OutcomeVersionRow = Selectable<RoleplayOutcomeVersionsTable>;
