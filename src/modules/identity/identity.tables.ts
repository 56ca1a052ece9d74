/**
 * The identity module's tables: people, their roles, sessions, one-time links, API tokens, the sign-in throttle and the addresses people signed in from. Only this module writes them (and only its code names
 * them); the `DB` type gets them from here through declaration merging, so a module's tables live in its folder.
 */
import type { Insertable, Selectable, Updateable } from 'kysely';

export interface UsersTable {
  id: string;
  email: string;
  password_hash: string;
  full_name: string;
  preferred_locale: string;
  email_verified_at: string | null;
  country: string | null;
  constituency: string | null;
  organisation: string | null;
  job_title: string | null;
  /** The languages the person can learn in, comma-separated ("es,en"); null when not said. */
  learning_languages: string | null;
  /** The full name folded for search (src/kernel/search-fold.ts), written with the name by the repository. */
  search_name: string | null;
  /** IANA time zone the person sees instants in (null: not set, shown in UTC). */
  time_zone: string | null;
  disabled_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface RoleGrantsTable {
  user_id: string;
  role: string;
  granted_by: string | null;
  granted_at: string;
}

export interface SessionsTable {
  id: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  last_seen_at: string;
  ip: string | null;
  user_agent: string | null;
}

export interface OneTimeTokensTable {
  id: string;
  token_hash: string;
  user_id: string;
  purpose: string;
  new_email: string | null;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface ApiTokensTable {
  id: string;
  user_id: string;
  name: string;
  prefix: string;
  token_hash: string;
  created_at: string;
  last_used_at: string | null;
  revoked_at: string | null;
}

export interface AuthThrottleTable {
  key: string;
  failures: number;
  locked_until: string | null;
  updated_at: string;
}

/** The client addresses an account recently signed in from (the back-off never locks it out of them). */
export interface SignInAddressesTable {
  user_id: string;
  address: string;
  last_success_at: string;
}

declare module '../../db/schema.js' {
  interface DB {
    users: UsersTable;
    role_grants: RoleGrantsTable;
    sessions: SessionsTable;
    one_time_tokens: OneTimeTokensTable;
    api_tokens: ApiTokensTable;
    auth_throttle: AuthThrottleTable;
    sign_in_addresses: SignInAddressesTable;
  }
}

export type UserRow = Selectable<UsersTable>;
export type NewUserRow = Insertable<UsersTable>;
export type UserUpdate = Updateable<UsersTable>;
