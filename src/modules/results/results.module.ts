import type { Module } from '../module.js';
import * as results from './migrations/2026-12-06T2340-results.js';
import { resultsApiRoutes } from './results.api.js';
import { resultsAuditEvents } from './results.audit.js';
import { resultsEvaluateCommand } from './results.cli.js';
import { resultsWebRoutes } from './results.web.js';

const STAFF = ['facilitator', 'manager'] as const;

/**
 * Course results: the pure result policy and its command line, each edition's versioned result policy, the
 * gradebook (overrides, CSV and XLSX), the participants' standing, and finalising an edition's results
 * through the pathway's class-list path (certificates issued by the credentials jobs).
 */
export const resultsModule: Module = {
  name: 'results',
  migrations: { '2026-12-06T2340-results': results },
  tables: ['result_policies', 'result_overrides', 'result_snapshots'],
  auditEvents: resultsAuditEvents,
  cli: [resultsEvaluateCommand],
  webRoutes: resultsWebRoutes,
  apiRoutes: resultsApiRoutes,
  // Staff pages need a staff role first, then the edition (another edition's facilitator: 404). "My result"
  // is for anyone signed in: the use case answers 404 to whoever has no place, facilitation or management.
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /results/:editionId': STAFF,
    'GET /results/:editionId/policy': STAFF,
    'POST /results/:editionId/policy': STAFF,
    'POST /results/:editionId/overrides': STAFF,
    'POST /results/:editionId/finalise': STAFF,
    'GET /results/:editionId/gradebook.csv': STAFF,
    'GET /results/:editionId/gradebook.xlsx': STAFF,
    'GET /results/:editionId/mine': 'signed-in',
    'GET /api/v1/editions/:id/gradebook': STAFF,
  },
};
