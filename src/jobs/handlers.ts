import { autoAwardDaily, CREDENTIAL_JOBS } from '../modules/credentials/issuing/credential-jobs.js';
import { NOTIFICATION_JOBS, remindersDaily } from '../modules/notifications/notification-jobs.js';
import { PATHWAY_JOBS, refreshStandingsDaily } from '../modules/pathway/import/import-jobs.js';
import type { DailyJob, JobHandler } from './job.js';

/** Every job kind the runner knows, from the modules that define them. */
export const JOB_HANDLERS: readonly JobHandler[] = [
  ...PATHWAY_JOBS,
  ...CREDENTIAL_JOBS,
  ...NOTIFICATION_JOBS,
];

/** Jobs enqueued once a day. */
export const DAILY_JOBS: readonly DailyJob[] = [refreshStandingsDaily, autoAwardDaily, remindersDaily];
