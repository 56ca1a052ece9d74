import type { Module } from '../module.js';
import { catalogueApiRoutes } from './catalogue.api.js';
import { catalogueAuditEvents, catalogueAuditNames } from './catalogue.audit.js';
import { catalogueWebRoutes } from './catalogue.web.js';
import { seedCatalogue } from './demo/seed-catalogue.js';
import * as filterIndexes from './migrations/2026-12-06T2200-catalogue-filter-indexes.js';

/** Courses, their editions, the programmes they count for, and the catalogue's search. */
export const catalogueModule: Module = {
  name: 'catalogue',
  auditEvents: catalogueAuditEvents,
  auditNames: catalogueAuditNames,
  webRoutes: catalogueWebRoutes,
  apiRoutes: catalogueApiRoutes,
  migrations: { '2026-12-06T2200-catalogue-filter-indexes': filterIndexes },
  tables: [
    'courses',
    'course_themes',
    'course_equivalences',
    'programme_courses',
    'editions',
    'edition_facilitators',
    'course_search',
  ],
  navigation: [
    { href: '/courses', label: 'nav.catalogue', shownTo: 'everyone', order: 20 },
    { href: '/manage', label: 'nav.manage', shownTo: ['manager'], order: 70 },
  ],
  seed: seedCatalogue,
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /api/v1/courses': 'public',
    'GET /api/v1/courses/:code': 'public',
    'GET /api/v1/editions/:id': 'public',
    'GET /courses': 'public',
    'GET /courses/:code': 'public',
    'GET /editions/:id': 'public',
    'GET /manage/courses/:code/edit': ['manager'],
    'GET /manage/courses/:code/editions/new': ['manager'],
    'GET /manage/courses/new': ['manager'],
    'GET /manage/editions/:id/edit': ['manager'],
    'POST /api/v1/courses': ['manager'],
    'POST /api/v1/courses/:code/editions': ['manager'],
    'POST /api/v1/courses/:code/reactivate': ['manager'],
    'POST /api/v1/courses/:code/retire': ['manager'],
    'POST /manage/courses/:code/edit': ['manager'],
    'POST /manage/courses/:code/editions/new': ['manager'],
    'POST /manage/courses/:code/reactivate': ['manager'],
    'POST /manage/courses/:code/retire': ['manager'],
    'POST /manage/courses/new': ['manager'],
    'POST /manage/editions/:id/edit': ['manager'],
    'PUT /api/v1/courses/:code': ['manager'],
    'PUT /api/v1/editions/:id': ['manager'],
  },
};
