import type { Module } from '../module.js';
import { seedDemoPlaces } from './demo/demo-places.js';
import * as places from './migrations/2026-12-01T0930-places.js';
import { PLACE_NOTIFICATION_KINDS } from './place-notices.js';
import { placesApiRoutes } from './places.api.js';
import { placesAuditEvents } from './places.audit.js';
import { placesWebRoutes } from './places.web.js';
import { startRemindersDaily, startRemindersJob } from './send-start-reminders.js';

/** Places in editions: requests, waiting lists, confirmed places (the enrolments), funding, bulk enrolment. */
export const placesModule: Module = {
  name: 'places',
  auditEvents: placesAuditEvents,
  webRoutes: placesWebRoutes,
  apiRoutes: placesApiRoutes,
  jobs: [startRemindersJob],
  dailyJobs: [startRemindersDaily],
  notificationKinds: PLACE_NOTIFICATION_KINDS,
  migrations: { '2026-12-01T0930-places': places },
  tables: ['enrolments'],
  navigation: [{ href: '/my/places', label: 'places.my.title', shownTo: ['participant'], order: 34 }],
  seed: async (deps) => {
    await seedDemoPlaces(deps);
    return undefined;
  },
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /api/v1/editions/:id/places': ['manager'],
    'GET /api/v1/me/places': 'signed-in',
    'GET /editions/:id/place': 'public',
    'GET /manage/editions/:id/places': ['manager'],
    'GET /manage/editions/:id/places.csv': ['manager'],
    'GET /manage/places/import': ['manager'],
    'GET /my/places': 'signed-in',
    'POST /api/v1/editions/:id/places': 'signed-in',
    'POST /api/v1/editions/:id/places/enrol': ['manager'],
    'POST /api/v1/places/:id/confirm': ['manager'],
    'POST /api/v1/places/:id/decline': ['manager'],
    'POST /api/v1/places/:id/move-to-top': ['manager'],
    'POST /api/v1/places/:id/withdraw': 'signed-in',
    'POST /api/v1/places/import': ['manager'],
    'POST /editions/:id/place': 'signed-in',
    'POST /manage/editions/:id/places/enrol': ['manager'],
    'POST /manage/places/:id/confirm': ['manager'],
    'POST /manage/places/:id/decline': ['manager'],
    'POST /manage/places/:id/top': ['manager'],
    'POST /manage/places/:id/withdraw': ['manager'],
    'POST /manage/places/import': ['manager'],
    'POST /manage/places/import/commit': ['manager'],
    'POST /my/places/:id/withdraw': 'signed-in',
  },
};
