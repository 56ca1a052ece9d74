import type { Module } from '../module.js';
import { credentialsAuditEvents } from './credentials.audit.js';
import { credentialsExportCommand, credentialsVerifyCommand, keysRotateCommand } from './credentials.cli.js';
import { seedDemoCredentials } from './demo/seed-credentials.js';
import { autoAwardDaily, CREDENTIAL_JOBS } from './issuing/credential-jobs.js';
import * as credentials from './migrations/2026-11-30T1200-credentials.js';
import * as awardSettings from './migrations/2026-12-06T1000-award-settings.js';
import * as vcApi from './migrations/2026-12-06T1700-vc-api.js';
import { credentialsApiRoutes } from './web/credentials.api.js';
import { credentialsRoutes } from './web/credentials.routes.js';
import { credentialsWebRoutes } from './web/credentials.web.js';

/** Verifiable credentials: issuance, status lists, verification, PDFs, the issuer's keys. */
export const credentialsModule: Module = {
  name: 'credentials',
  auditEvents: credentialsAuditEvents,
  webRoutes(app, deps) {
    credentialsWebRoutes(app, deps);
    credentialsRoutes(app, deps);
  },
  apiRoutes: credentialsApiRoutes,
  jobs: CREDENTIAL_JOBS,
  dailyJobs: [autoAwardDaily],
  migrations: {
    '2026-11-30T1200-credentials': credentials,
    '2026-12-06T1000-award-settings': awardSettings,
    '2026-12-06T1700-vc-api': vcApi,
  },
  tables: [
    'issuer_profiles',
    'credential_subjects',
    'credentials',
    'credential_components',
    'status_lists',
    'award_settings',
    'verification_challenges',
    'supplied_credential_statuses',
  ],
  navigation: [
    { href: '/my/credentials', label: 'credential.web.holder.nav', shownTo: ['participant'], order: 32 },
  ],
  seed: async (deps) => {
    await seedDemoCredentials(deps);
    return undefined;
  },
  cli: [credentialsVerifyCommand, credentialsExportCommand, keysRotateCommand],
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /.well-known/did.json': 'public',
    'GET /.well-known/jwks.json': 'public',
    'GET /admin/issuer': ['administrator'],
    'GET /admin/issuer/keys/rotate': ['administrator'],
    'GET /api/v1/credentials/:id': 'public',
    'GET /api/v1/issuer': 'public',
    'GET /api/v1/me/credentials': 'signed-in',
    'GET /api/v1/people/:id/credentials': ['manager'],
    'GET /credentials/:file': 'public',
    'GET /ims/ob/v3p0/credentials': 'signed-in',
    'GET /ims/ob/v3p0/discovery': 'public',
    'GET /my/credentials': 'signed-in',
    'GET /ob/profile': 'public',
    'GET /status-lists/:list': 'public',
    'GET /v/:code': 'public',
    'GET /verify': 'public',
    'GET /verify/:id': 'public',
    'POST /admin/issuer': ['administrator'],
    'POST /admin/issuer/keys/rotate': ['administrator'],
    'POST /api/v1/candidates/:id/diploma': ['manager'],
    'POST /api/v1/credentials/:id/reinstate': ['manager'],
    'POST /api/v1/credentials/:id/revoke': ['manager'],
    'POST /api/v1/credentials/:id/supersede': ['manager'],
    'POST /api/v1/credentials/:id/suspend': ['manager'],
    'POST /api/v1/diplomas': ['manager'],
    'OPTIONS /challenges': 'public',
    'OPTIONS /credentials/issue': 'public',
    'OPTIONS /credentials/status': 'public',
    'OPTIONS /credentials/verify': 'public',
    'OPTIONS /presentations/verify': 'public',
    'POST /challenges': 'public',
    'POST /credentials/issue': ['administrator'],
    'POST /credentials/status': ['administrator'],
    'POST /credentials/verify': 'public',
    'POST /manage/candidates/:id/diploma': ['manager'],
    'POST /manage/credentials/:id/reinstate': ['manager'],
    'POST /manage/credentials/:id/revoke': ['manager'],
    'POST /manage/credentials/:id/supersede': ['manager'],
    'POST /manage/credentials/:id/suspend': ['manager'],
    'POST /manage/diplomas': ['manager'],
    'POST /manage/programmes/:slug/auto-award': ['manager'],
    'POST /presentations/verify': 'public',
    'POST /verify': 'public',
    'PUT /api/v1/issuer': ['administrator'],
    'PUT /api/v1/programmes/:slug/auto-award': ['manager'],
  },
};
