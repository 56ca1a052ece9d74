import type { Module } from '../module.js';
import { admissionsAuditEvents } from './admissions.audit.js';
import { APPLICATION_NOTIFICATION_KINDS } from './application-notices.js';
import { applicationsApiRoutes } from './applications.api.js';
import { applicationsWebRoutes } from './applications.web.js';
import { seedDemoAdmissions } from './demo/demo-admissions.js';
import * as admissions from './migrations/2026-12-01T0900-admissions.js';
import * as reviewQueueIndexes from './migrations/2026-12-01T1130-review-queue-indexes.js';
import * as admissionsIndexes from './migrations/2026-12-01T1140-admissions-indexes.js';
import { reviewApiRoutes } from './review/review.api.js';
import { reviewWebRoutes } from './review/review.web.js';
import { deadlineRemindersDaily, deadlineRemindersJob } from './send-deadline-reminders.js';

/** Applications to a programme: the form, eligibility, the review queue, decisions. */
export const admissionsModule: Module = {
  name: 'admissions',
  auditEvents: admissionsAuditEvents,
  webRoutes(app, deps) {
    applicationsWebRoutes(app, deps);
    reviewWebRoutes(app, deps);
  },
  apiRoutes(api, deps) {
    applicationsApiRoutes(api, deps);
    reviewApiRoutes(api, deps);
  },
  jobs: [deadlineRemindersJob],
  dailyJobs: [deadlineRemindersDaily],
  notificationKinds: APPLICATION_NOTIFICATION_KINDS,
  migrations: {
    '2026-12-01T0900-admissions': admissions,
    '2026-12-01T1130-review-queue-indexes': reviewQueueIndexes,
    '2026-12-01T1140-admissions-indexes': admissionsIndexes,
  },
  tables: [
    'admission_settings',
    'applications',
    'application_files',
    'application_reviewers',
    'application_scores',
    'application_comments',
    'application_decisions',
  ],
  navigation: [
    { href: '/manage/applications', label: 'review.nav.applications', shownTo: ['manager'], order: 60 },
    { href: '/review', label: 'review.nav.toReview', shownTo: ['assessor'], order: 80 },
    { href: '/my/applications', label: 'admissions.nav.myApplications', shownTo: 'signed-in', order: 95 },
  ],
  seed: async (deps) => {
    await seedDemoAdmissions(deps);
    return undefined;
  },
  // biome-ignore format: a table, one route per line
  routeAccess: {
    'DELETE /api/v1/applications/:id/reviewers/:reviewerId': ['manager'],
    'DELETE /api/v1/applications/mine/:id/files/:kind': 'signed-in',
    'GET /api/v1/applications': ['manager', 'assessor'],
    'GET /api/v1/applications/:id': ['manager', 'assessor'],
    'GET /api/v1/applications/mine': 'signed-in',
    'GET /api/v1/applications/mine/:id': 'signed-in',
    'GET /api/v1/applications/mine/:id/files/:kind': 'signed-in',
    'GET /manage/applications': ['manager', 'assessor'],
    'GET /manage/applications.csv': ['manager'],
    'GET /manage/applications/:id': ['manager', 'assessor'],
    'GET /manage/applications/:id/files/:kind': 'signed-in',
    'GET /manage/programmes/:slug/admissions': ['manager'],
    'GET /my/applications': 'signed-in',
    'GET /my/applications/:id': 'signed-in',
    'GET /my/applications/:id/files/:kind': 'signed-in',
    'GET /my/applications/:id/files/:kind/delete': 'signed-in',
    'GET /my/applications/:id/steps/:step': 'signed-in',
    'GET /programmes/:slug/apply': 'signed-in',
    'GET /review': ['manager', 'assessor'],
    'POST /api/v1/applications/:id/comments': ['manager', 'assessor'],
    'POST /api/v1/applications/:id/decision': ['manager'],
    'POST /api/v1/applications/:id/eligibility-override': ['manager'],
    'POST /api/v1/applications/:id/reopen': ['manager'],
    'POST /api/v1/applications/:id/reviewers': ['manager'],
    'POST /api/v1/applications/mine': 'signed-in',
    'POST /api/v1/applications/mine/:id/files': 'signed-in',
    'POST /api/v1/applications/mine/:id/submit': 'signed-in',
    'POST /api/v1/applications/mine/:id/withdraw': 'signed-in',
    'POST /manage/applications/:id/comments': ['manager', 'assessor'],
    'POST /manage/applications/:id/decision': ['manager'],
    'POST /manage/applications/:id/override': ['manager'],
    'POST /manage/applications/:id/reopen': ['manager'],
    'POST /manage/applications/:id/reviewers': ['manager'],
    'POST /manage/applications/:id/reviewers/:reviewerId/remove': ['manager'],
    'POST /manage/applications/:id/score': ['manager', 'assessor'],
    'POST /manage/programmes/:slug/admissions': ['manager'],
    'POST /my/applications/:id/files': 'signed-in',
    'POST /my/applications/:id/files/:kind/delete': 'signed-in',
    'POST /my/applications/:id/steps/:step': 'signed-in',
    'POST /my/applications/:id/submit': 'signed-in',
    'POST /my/applications/:id/withdraw': 'signed-in',
    'POST /programmes/:slug/apply': 'signed-in',
    'PUT /api/v1/applications/:id/score': ['manager', 'assessor'],
    'PUT /api/v1/applications/mine/:id/steps/:step': 'signed-in',
  },
};
