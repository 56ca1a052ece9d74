import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { DEFAULT_LOCALE, isLocale, type Locale } from '../../../i18n/i18n.js';
import type { Actor, Role } from '../../../kernel/actor.js';
import { hashSecret } from '../../../kernel/ids.js';
import { SESSION_TOUCH_INTERVAL_MS, SESSION_TTL_MS } from '../account/account.js';
import {
  findActiveApiToken,
  findSessionWithUser,
  type PersonFigure,
  touchApiToken,
  touchSession,
} from '../passwords/password-credentials.repository.js';

/** The roles read with the session or the token (a comma-separated aggregate), sorted as `listRoles` sorts them. */
function rolesFrom(list: string | null): Role[] {
  return list ? (list.split(',') as Role[]).sort() : [];
}

/** Who is behind a request, as the web and API layers need it on every request. */
export interface Authenticated {
  actor: Extract<Actor, { kind: 'user' }>;
  fullName: string;
  email: string;
  preferredLocale: Locale;
  /** The caller's per-person figure read with the session (`PersonFigure`; 0 when none was asked for). */
  figure: number;
}

/**
 * The person behind a session cookie, or null when the session is unknown, expired or its user disabled.
 * One statement reads the session, the person, their roles and `figure` (e.g. the bell's count) when given;
 * nothing is kept between requests, so an expiry, a disabled account or a revoked role counts at once.
 */
export async function authenticateSession(
  db: Executor,
  deps: Services,
  sessionToken: string,
  figure?: PersonFigure,
): Promise<Authenticated | null> {
  if (!sessionToken || sessionToken.length > 100) return null;
  const id = hashSecret(sessionToken);
  const session = await findSessionWithUser(db, id, figure);
  const now = deps.clock.now();
  if (!session || session.disabledAt || session.expiresAt <= now.toISOString()) return null;
  if (now.getTime() - new Date(session.lastSeenAt).getTime() > SESSION_TOUCH_INTERVAL_MS) {
    await touchSession(db, id, now.toISOString(), new Date(now.getTime() + SESSION_TTL_MS).toISOString());
  }
  return {
    actor: { kind: 'user', id: session.userId, roles: rolesFrom(session.roles), via: 'session' },
    fullName: session.fullName,
    email: session.email,
    preferredLocale: isLocale(session.preferredLocale) ? session.preferredLocale : DEFAULT_LOCALE,
    figure: Number(session.figure ?? 0),
  };
}

/** The person behind a personal API token (`Authorization: Bearer dp_…`), or null. */
export async function authenticateApiToken(
  db: Executor,
  deps: Services,
  token: string,
): Promise<{ actor: Extract<Actor, { kind: 'user' }>; preferredLocale: Locale } | null> {
  if (!token.startsWith('dp_') || token.length > 100) return null;
  const row = await findActiveApiToken(db, hashSecret(token));
  if (!row || row.disabledAt) return null;
  const now = deps.clock.now();
  if (!row.lastUsedAt || now.getTime() - new Date(row.lastUsedAt).getTime() > 60_000) {
    await touchApiToken(db, row.tokenId, now.toISOString());
  }
  return {
    actor: { kind: 'user', id: row.userId, roles: rolesFrom(row.roles), via: 'token' },
    preferredLocale: isLocale(row.preferredLocale) ? row.preferredLocale : DEFAULT_LOCALE,
  };
}
