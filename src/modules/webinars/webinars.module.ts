/**
 * Webinars (real-time sessions) in course spaces: the `webinar` item kind (BigBlueButton or an external
 * link, a join window around the session), attendance (by hand, CSV, BBB's meeting data) reported to the
 * space's completion, materials attached afterwards, reminders 24 h and 1 h before, and calendars (a
 * private feed per person, a public one per edition, "add to calendar" per session). docs/webinars.md.
 */
import type { Module } from '../module.js';
import { seedDemoWebinars } from './demo/seed-webinars.js';
import * as webinars from './migrations/2026-12-06T2300-webinars.js';
import { webinarsTickDaily, webinarsTickJob } from './send-webinar-reminders.js';
import { webinarKind } from './webinar-kind.js';
import { WEBINAR_NOTIFICATION_KINDS } from './webinar-notices.js';
import { webinarsAuditEvents } from './webinars.audit.js';
import { webinarsWebRoutes } from './webinars.web.js';

const STAFF = ['facilitator', 'manager'] as const;

export const webinarsModule: Module = {
  name: 'webinars',
  migrations: { '2026-12-06T2300-webinars': webinars },
  auditEvents: webinarsAuditEvents,
  tables: ['webinar_attendance', 'webinar_materials', 'webinar_reminders', 'webinar_calendar_tokens'],
  spaceItemKinds: [webinarKind],
  notificationKinds: WEBINAR_NOTIFICATION_KINDS,
  jobs: [webinarsTickJob],
  dailyJobs: [webinarsTickDaily],
  webRoutes: webinarsWebRoutes,
  seed: async (deps) => {
    await seedDemoWebinars(deps);
    return undefined;
  },
  // Learners' routes are for anyone signed in: the use cases answer "not found" to whoever is not in the
  // edition. The staff page needs a staff role first (then the edition).
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'GET /webinars/:itemId/join': 'signed-in',
    'GET /webinars/:itemId/calendar.ics': 'signed-in',
    'GET /webinars/:itemId/materials/:materialId': 'signed-in',
    'GET /webinars/:itemId/manage': STAFF,
    'POST /webinars/:itemId/attendance': STAFF,
    'POST /webinars/:itemId/attendance/preview': STAFF,
    'POST /webinars/:itemId/attendance/import': STAFF,
    'POST /webinars/:itemId/bbb': STAFF,
    'POST /webinars/:itemId/materials': STAFF,
    'POST /webinars/:itemId/materials/:materialId/remove': STAFF,
    'GET /editions/:id/calendar.ics': 'public',
    // The private feed is reached by its token (calendar apps send no cookies).
    'GET /calendars/:token': 'public',
    'GET /account/calendar': 'signed-in',
    'POST /account/calendar/renew': 'signed-in',
    'POST /account/calendar/revoke': 'signed-in',
  },
};
