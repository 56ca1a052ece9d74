/**
 * The Learning Record Store: xAPI 1.0.3 / 2.0.0 under /xapi (statements, documents, about), its HTTP
 * Basic credentials (an administrators' page and `diploma lrs credentials create`). The /xapi routes are
 * 'public' to the platform: the LRS authenticates them itself by HTTP Basic (see lrs.xapi.ts).
 */
import type { Module, RouteAccess } from '../module.js';
import { lrsAuditEvents } from './lrs.audit.js';
import { lrsWebRoutes } from './lrs.web.js';
import { XAPI_PATHS, xapiRoutes } from './lrs.xapi.js';
import { lrsCredentialsCommand } from './lrs-cli.js';
import * as lrs from './migrations/2026-12-06T2000-lrs.js';
import * as statementTarget from './migrations/2026-12-10T0900-lrs-statement-target.js';

// Every method on every xAPI resource: those a resource does not take answer 405 (lrs.xapi.ts); OPTIONS
// answers the CORS preflights of content calling the LRS from another origin.
const xapi: Record<string, RouteAccess> = {};
for (const path of XAPI_PATHS)
  for (const method of ['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS']) xapi[`${method} /xapi${path}`] = 'public';

export const lrsModule: Module = {
  name: 'lrs',
  migrations: { '2026-12-06T2000-lrs': lrs, '2026-12-10T0900-lrs-statement-target': statementTarget },
  auditEvents: lrsAuditEvents,
  tables: [
    'lrs_credentials',
    'lrs_statements',
    'lrs_statement_index',
    'lrs_attachments',
    'lrs_documents',
    'lrs_activities',
  ],
  webRoutes(app, deps) {
    lrsWebRoutes(app, deps);
    xapiRoutes(app, deps);
  },
  navigation: [{ href: '/admin/lrs', label: 'lrs.nav', shownTo: ['administrator'], order: 95 }],
  cli: [lrsCredentialsCommand],
  routeAccess: {
    'GET /admin/lrs': ['administrator'],
    'POST /admin/lrs/credentials': ['administrator'],
    'POST /admin/lrs/credentials/:id/revoke': ['administrator'],
    ...xapi,
  },
};
