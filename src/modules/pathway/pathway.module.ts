import type { Module } from '../module.js';
import { seedDemoPathway } from './demo/seed-pathway.js';
import { importApiRoutes } from './import/import.api.js';
import { importWebRoutes } from './import/import.web.js';
import { PATHWAY_JOBS, refreshStandingsDaily } from './import/import-jobs.js';
import * as pathway from './migrations/2026-11-28T2200-pathway.js';
import * as importFiles from './migrations/2026-11-29T0900-import-files.js';
import * as pathwayIndexes from './migrations/2026-11-29T1000-pathway-indexes.js';
import { pathwayAuditEvents } from './pathway.audit.js';
import { pathwayEvaluateCommand } from './pathway.cli.js';
import { pathwayApiRoutes } from './web/pathway.api.js';
import { pathwayWebRoutes } from './web/pathway.web.js';
import { ruleWebRoutes } from './web/rules.web.js';

/** The diploma pathway: rule versions, candidates, results and their imports, the rule engine, dashboards. */
export const pathwayModule: Module = {
  name: 'pathway',
  auditEvents: pathwayAuditEvents,
  webRoutes(app, deps) {
    pathwayWebRoutes(app, deps);
    ruleWebRoutes(app, deps);
    importWebRoutes(app, deps);
  },
  apiRoutes(api, deps) {
    pathwayApiRoutes(api, deps);
    importApiRoutes(api, deps);
  },
  jobs: PATHWAY_JOBS,
  dailyJobs: [refreshStandingsDaily],
  migrations: {
    '2026-11-28T2200-pathway': pathway,
    '2026-11-29T0900-import-files': importFiles,
    '2026-11-29T1000-pathway-indexes': pathwayIndexes,
  },
  tables: ['rule_versions', 'candidacies', 'results', 'extensions', 'imports', 'import_files'],
  navigation: [
    { href: '/my/pathway', label: 'nav.myPathway', shownTo: ['participant'], order: 30 },
    { href: '/my/classes', label: 'classes.my.title', shownTo: ['facilitator'], order: 36 },
    { href: '/manage/candidates', label: 'nav.candidates', shownTo: ['manager'], order: 50 },
  ],
  seed: async (deps) => seedDemoPathway(deps),
  cli: [pathwayEvaluateCommand],
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /api/v1/candidates': ['manager'],
    'GET /api/v1/candidates/:id': ['manager'],
    'GET /api/v1/editions/:id/class': ['facilitator', 'manager'],
    'GET /api/v1/imports/:id': ['manager'],
    'GET /api/v1/me/pathway': 'signed-in',
    'GET /api/v1/programmes/:slug/rule-versions': ['manager'],
    'GET /api/v1/results.csv': ['manager', 'facilitator'],
    'GET /manage/candidates': ['manager'],
    'GET /manage/candidates.csv': ['manager'],
    'GET /manage/candidates/:id': ['manager'],
    'GET /manage/candidates/new': ['manager'],
    'GET /manage/editions/:id/class': ['facilitator', 'manager'],
    'GET /manage/imports/:id': ['manager'],
    'GET /manage/imports/:id/errors.csv': ['manager'],
    'GET /manage/imports/new': ['manager'],
    'GET /manage/programmes/:slug/rules': ['manager'],
    'GET /manage/results.csv': ['manager', 'facilitator'],
    'GET /my/classes': ['facilitator'],
    'GET /my/pathway': 'signed-in',
    'POST /api/v1/candidates/:id/extensions': ['manager'],
    'POST /api/v1/candidates/:id/reinstate': ['manager'],
    'POST /api/v1/candidates/:id/withdraw': ['manager'],
    'POST /api/v1/editions/:id/enrolments': ['manager'],
    'POST /api/v1/imports': ['manager'],
    'POST /api/v1/imports/:id/commit': ['manager'],
    'POST /api/v1/programmes/:slug/candidates': ['manager'],
    'POST /api/v1/programmes/:slug/rule-versions': ['manager'],
    'POST /manage/candidates/:id/capstone': ['manager'],
    'POST /manage/candidates/:id/extensions': ['manager'],
    'POST /manage/candidates/:id/reinstate': ['manager'],
    'POST /manage/candidates/:id/rule-version': ['manager'],
    'POST /manage/candidates/:id/withdraw': ['manager'],
    'POST /manage/candidates/new': ['manager'],
    'POST /manage/editions/:id/enrolments': ['manager'],
    'POST /manage/editions/:id/results': ['facilitator', 'manager'],
    'POST /manage/imports': ['manager'],
    'POST /manage/imports/:id/commit': ['manager'],
    'POST /manage/programmes/:slug/rules': ['manager'],
    'PUT /api/v1/candidates/:id/capstone': ['manager'],
    'PUT /api/v1/candidates/:id/rule-version': ['manager'],
    'PUT /api/v1/editions/:id/results': ['manager', 'facilitator'],
    'PUT /api/v1/enrolments/:id/result': ['manager', 'facilitator'],
  },
};
