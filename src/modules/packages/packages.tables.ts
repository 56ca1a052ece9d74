/** The packages module's tables: it alone writes them, and their types merge into `DB` from here. */
import type { Selectable } from 'kysely';

/** A SCORM 1.2 / 2004 or cmi5 package imported into an edition (shown by a space item of kind `package`). */
export interface PackagesTable {
  id: string;
  edition_id: string;
  /** The space item showing it (null until an item links it). */
  item_id: string | null;
  standard: string;
  title: string;
  /** `PackageStructure` as JSON. */
  structure_json: string;
  /** Most attempts per person (null: no limit). */
  max_attempts: number | null;
  file_count: number;
  size_bytes: number;
  created_at: string;
  created_by: string | null;
}

/** The package's files (kept in the database so that every node serves them). */
export interface PackageFilesTable {
  package_id: string;
  path: string;
  content: Uint8Array;
}

/** A person's attempt at a package (SCORM) or registration (cmi5), with its rolled-up result: the grade. */
export interface PackageAttemptsTable {
  id: string;
  package_id: string;
  user_id: string;
  number: number;
  /** cmi5: the registration (UUID); SCORM: null. */
  registration: string | null;
  /** SHA-256 of the secret in the commit URL (SCORM) or null. */
  commit_key_hash: string | null;
  /** `incomplete` | `completed` | `passed` | `failed`. */
  status: string;
  /** Hundredths of a percent (0–10000) or null. */
  score: number | null;
  started_at: string;
  updated_at: string;
}

/** Tracking data per SCO (SCORM CMI) or AU (cmi5) of an attempt. */
export interface PackageScoDataTable {
  attempt_id: string;
  sco_id: string;
  cmi_json: string;
  status: string;
  score: number | null;
  updated_at: string;
}

/** cmi5 fetch URLs: each hands out its AU credential once. */
export interface PackageLaunchTokensTable {
  token_hash: string;
  attempt_id: string;
  /** `key:secret` base64, cleared when fetched. */
  auth_token: string | null;
  created_at: string;
  fetched_at: string | null;
}

declare module '../../db/schema.js' {
  interface DB {
    packages: PackagesTable;
    package_files: PackageFilesTable;
    package_attempts: PackageAttemptsTable;
    package_sco_data: PackageScoDataTable;
    package_launch_tokens: PackageLaunchTokensTable;
  }
}

export type PackageRow = Selectable<PackagesTable>;
export type PackageAttemptRow = Selectable<PackageAttemptsTable>;
