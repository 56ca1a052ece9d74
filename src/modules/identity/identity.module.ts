import type { Module } from '../module.js';
import { accountWebRoutes } from './account/account.web.js';
import { accountsCommand } from './accounts-cli.js';
import { adminWebRoutes } from './admin.web.js';
import { seedIdentity } from './demo/seed-identity.js';
import { identityApiRoutes } from './identity.api.js';
import { identityAuditEvents } from './identity.audit.js';
import { personNames } from './identity.queries.js';
import { identityWebRoutes } from './identity.web.js';
import { IDENTITY_JOBS } from './identity-jobs.js';
import * as signInAddresses from './migrations/2026-12-06T1100-sign-in-addresses.js';
import * as countryFromApplications from './migrations/2026-12-06T1500-country-from-accepted-applications.js';
import * as learningLanguages from './migrations/2026-12-06T1510-learning-languages.js';
import * as userTimeZone from './migrations/2026-12-06T1810-user-time-zone.js';

/** Accounts, sessions, one-time links, API tokens, roles and people. */
export const identityModule: Module = {
  name: 'identity',
  auditEvents: identityAuditEvents,
  auditNames: (db, references) => personNames(db, references),
  webRoutes(app, deps) {
    identityWebRoutes(app, deps);
    accountWebRoutes(app, deps);
    adminWebRoutes(app, deps);
  },
  apiRoutes: identityApiRoutes,
  jobs: IDENTITY_JOBS,
  migrations: {
    '2026-12-06T1100-sign-in-addresses': signInAddresses,
    '2026-12-06T1500-country-from-accepted-applications': countryFromApplications,
    '2026-12-06T1510-learning-languages': learningLanguages,
    '2026-12-06T1810-user-time-zone': userTimeZone,
  },
  tables: [
    'users',
    'role_grants',
    'sessions',
    'one_time_tokens',
    'api_tokens',
    'auth_throttle',
    'sign_in_addresses',
  ],
  navigation: [{ href: '/admin/people', label: 'nav.admin', shownTo: ['administrator'], order: 90 }],
  seed: seedIdentity,
  cli: [accountsCommand],
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'DELETE /api/v1/me/tokens/:id': 'signed-in',
    'GET /account': 'signed-in',
    'GET /account/tokens': 'signed-in',
    'GET /admin/outbox': ['administrator'],
    'GET /admin/people': ['manager', 'administrator'],
    'GET /admin/people/:id': ['manager', 'administrator'],
    'GET /api/v1/me': 'signed-in',
    'GET /api/v1/me/tokens': 'signed-in',
    'GET /api/v1/people': ['manager', 'administrator'],
    'GET /api/v1/people/:id': ['manager', 'administrator'],
    'GET /confirm-email-change/:token': 'public',
    'GET /confirm-email/:token': 'public',
    'GET /confirm-email/new': 'public',
    'GET /password/forgot': 'public',
    'GET /password/forgot/sent': 'public',
    'GET /password/reset/:token': 'public',
    'GET /sign-in': 'public',
    'GET /sign-up': 'public',
    'GET /sign-up/sent': 'public',
    'POST /account/email': 'signed-in',
    'POST /account/password': 'signed-in',
    'POST /account/profile': 'signed-in',
    'POST /account/tokens': 'signed-in',
    'POST /account/tokens/:id/revoke': 'signed-in',
    'POST /admin/people/:id/roles': ['administrator'],
    'POST /api/v1/me/tokens': 'signed-in',
    'POST /password/forgot': 'public',
    'POST /password/reset/:token': 'public',
    'POST /sign-in': 'public',
    'POST /sign-out': 'public',
    'POST /confirm-email/new': 'public',
    'POST /sign-up': 'public',
    'PUT /api/v1/me': 'signed-in',
    'PUT /api/v1/people/:id/roles': ['administrator'],
  },
};
