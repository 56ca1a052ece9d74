import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../i18n/i18n.js';
import type { Role } from '../../../kernel/actor.js';
import type { UserRow } from '../identity.tables.js';

/** A person as the application sees them (never the row: no password hash leaves the repository layer). */
export interface Account {
  id: string;
  email: string;
  fullName: string;
  preferredLocale: Locale;
  emailConfirmed: boolean;
  country: string | null;
  constituency: string | null;
  organisation: string | null;
  jobTitle: string | null;
  /** The languages the person can learn in (codes of editions' languages); empty when not said. */
  learningLanguages: string[];
  /** IANA time zone (null: not set; instants are shown in UTC). */
  timeZone: string | null;
  disabled: boolean;
  createdAt: string;
  roles: Role[];
}

/** Maps a users row (and its roles) to an Account. */
export function toAccount(row: UserRow, roles: Role[]): Account {
  return {
    id: row.id,
    email: row.email,
    fullName: row.full_name,
    preferredLocale: isLocale(row.preferred_locale) ? row.preferred_locale : DEFAULT_LOCALE,
    emailConfirmed: row.email_verified_at !== null,
    country: row.country,
    constituency: row.constituency,
    organisation: row.organisation,
    jobTitle: row.job_title,
    learningLanguages: row.learning_languages ? row.learning_languages.split(',') : [],
    timeZone: row.time_zone ?? null,
    disabled: row.disabled_at !== null,
    createdAt: row.created_at,
    roles,
  };
}

export const SESSION_TTL_MS = 14 * 24 * 60 * 60 * 1000;
/** A session's expiry slides forward at most this often (one write per hour per active person). */
export const SESSION_TOUCH_INTERVAL_MS = 60 * 60 * 1000;
export const CONFIRM_EMAIL_TTL_MS = 48 * 60 * 60 * 1000;
export const PASSWORD_RESET_TTL_MS = 60 * 60 * 1000;
export const EMAIL_CHANGE_TTL_MS = 24 * 60 * 60 * 1000;
