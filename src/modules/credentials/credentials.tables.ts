/**
 * The credentials module's tables: issued credentials, holders, status lists, the issuer profile, award settings. Only this module writes them (and only its code names
 * them); the `DB` type gets them from here through declaration merging, so a module's tables live in its folder.
 */
import type { Selectable } from 'kysely';

/** Tables of the credentials module: the issuer's profile, holder ids, issued credentials, a diploma's components, status lists. Part of the `DB` type in ../schema.ts. */
export interface IssuerProfilesTable {
  id: string;
  name_i18n: string;
  url: string;
  email: string | null;
  image_url: string | null;
  updated_by: string | null;
  updated_at: string;
}

export interface CredentialSubjectsTable {
  user_id: string;
  subject_id: string;
  created_at: string;
}

export interface CredentialsTable {
  id: string;
  short_code: string;
  kind: string;
  user_id: string;
  subject_id: string;
  result_id: string | null;
  candidacy_id: string | null;
  course_id: string | null;
  programme_id: string | null;
  locale: string;
  status: string;
  status_reason: string | null;
  status_note: string | null;
  status_changed_at: string | null;
  status_changed_by: string | null;
  superseded_by: string | null;
  status_index: number;
  credential_json: string;
  jwt_rs256: string;
  jwt_eddsa: string;
  clr_json: string | null;
  pdf_key: string | null;
  issued_at: string;
  updated_at: string;
}

export interface CredentialComponentsTable {
  diploma_id: string;
  component_id: string;
  position: number;
}

export interface StatusListsTable {
  id: string;
  purpose: string;
  list_number: number;
  url: string;
  size: number;
  bits_base64: string;
  next_index: number;
  etag: string;
  credential_json: string;
  updated_at: string;
}

/** Whether a programme's diplomas are awarded automatically (credentials module's setting). */
export interface AwardSettingsTable {
  programme_id: string;
  award_automatically: number;
  updated_at: string;
}

/** A challenge the platform issued for a presentation (VC-API `POST /challenges`): single-use. */
export interface VerificationChallengesTable {
  challenge: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

/** The status place of a credential signed through the VC-API with `options.credentialStatus`. */
export interface SuppliedCredentialStatusesTable {
  credential_id: string;
  status_index: number;
  /** The purposes its entries carry, comma-separated (`revocation`, `revocation,suspension`). */
  purposes: string;
  issued_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    issuer_profiles: IssuerProfilesTable;
    credential_subjects: CredentialSubjectsTable;
    credentials: CredentialsTable;
    credential_components: CredentialComponentsTable;
    status_lists: StatusListsTable;
    award_settings: AwardSettingsTable;
    verification_challenges: VerificationChallengesTable;
    supplied_credential_statuses: SuppliedCredentialStatusesTable;
  }
}

export type CredentialRow = Selectable<CredentialsTable>;
export type StatusListRow = Selectable<StatusListsTable>;
export type IssuerProfileRow = Selectable<IssuerProfilesTable>;
