import type { Module } from '../module.js';
import { seedProgrammes } from './demo/seed-programmes.js';
import { programmesApiRoutes } from './programmes.api.js';
import { programmesAuditEvents } from './programmes.audit.js';
import { programmesWebRoutes } from './programmes.web.js';

/** Programmes (the diplomas) and their themes. */
export const programmesModule: Module = {
  name: 'programmes',
  auditEvents: programmesAuditEvents,
  webRoutes: programmesWebRoutes,
  apiRoutes: programmesApiRoutes,
  tables: ['themes', 'programmes', 'programme_themes'],
  navigation: [
    { href: '/programmes/labour-migration', label: 'nav.programme', shownTo: 'everyone', order: 10 },
  ],
  seed: seedProgrammes,
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /': 'public',
    'GET /api/v1/programmes': 'public',
    'GET /api/v1/programmes/:slug': 'public',
    'GET /api/v1/themes': 'public',
    'GET /manage': ['manager'],
    'GET /manage/programmes/:slug/edit': ['manager'],
    'GET /manage/themes/:slug/edit': ['manager'],
    'GET /programmes/:slug': 'public',
    'POST /manage/programmes/:slug/edit': ['manager'],
    'POST /manage/themes/:slug/edit': ['manager'],
    'PUT /api/v1/programmes/:slug': ['manager'],
    'PUT /api/v1/themes/:slug': ['manager'],
  },
};
