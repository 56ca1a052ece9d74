import type { Module } from '../modules/module.js';
import { jobsAuditEvents } from './jobs.audit.js';
import { jobsWebRoutes } from './jobs.web.js';
import * as jobsClaimIndex from './migrations/2026-12-01T1200-jobs-claim-index.js';
import * as jobErrorKinds from './migrations/2026-12-06T1110-job-error-kinds.js';

/** The database-backed job queue's own pages (the runner itself is started by `main.ts`). */
export const jobsModule: Module = {
  name: 'jobs',
  auditEvents: jobsAuditEvents,
  webRoutes: jobsWebRoutes,
  migrations: {
    '2026-12-01T1200-jobs-claim-index': jobsClaimIndex,
    '2026-12-06T1110-job-error-kinds': jobErrorKinds,
  },
  tables: ['jobs'],
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /admin/jobs': ['manager', 'administrator'],
    'POST /admin/jobs/:id/retry': ['administrator'],
    'POST /admin/jobs/retry-failed': ['administrator'],
  },
};
