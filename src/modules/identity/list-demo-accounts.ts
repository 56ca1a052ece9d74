import type { Executor } from '../../db/database.js';
import { isLocale, type Locale } from '../../i18n/i18n.js';
import type { Role } from '../../kernel/actor.js';
import { DEMO_STAFF } from './demo/demo-people.js';
import { findActiveLocalesByEmail } from './users.repository.js';

/** A demo account as the sign-in page lists it. */
export interface DemoAccount {
  role: Role;
  email: string;
  /** The language the account signs in to (its preferred language now, which its owner may change). */
  locale: Locale;
}

/** The demo's accounts listed at start: one per role (demo/demo-people.ts). */
const LISTED = DEMO_STAFF.slice(0, 5);

/**
 * The demo accounts (one per role) that exist and are active in this database, in the demo's order, with
 * the language each signs in to; empty when the demo data is not loaded. No actor: the demo's emails and
 * password are public (printed at start and in the README), and nothing else is read.
 */
export async function listDemoAccounts(db: Executor): Promise<DemoAccount[]> {
  const rows = await findActiveLocalesByEmail(
    db,
    LISTED.map((person) => person.email),
  );
  const localeOf = new Map(rows.map((row) => [row.email, row.preferred_locale]));
  return LISTED.flatMap((person) => {
    const locale = localeOf.get(person.email);
    return locale !== undefined && isLocale(locale)
      ? [{ role: person.roles[0]!, email: person.email, locale }]
      : [];
  });
}
