/**
 * The list of modules: the one place a module is added. Everything that serves every module (routes,
 * migrations, jobs, navigation, the demo seed, the CLI, notifications, the route × role tests) loops over
 * this list. The order matters only for the demo seed: a module's seed runs after those listed before it.
 */
import type { Kysely, Migration, MigrationResult } from 'kysely';
import { KERNEL_MIGRATIONS, runMigrations } from '../db/migrate.js';
import type { DB } from '../db/schema.js';
import type { DailyJob, JobHandler } from '../jobs/job.js';
import { jobsModule } from '../jobs/jobs.module.js';
import { admissionsModule } from './admissions/admissions.module.js';
import { assignmentsModule } from './assignments/assignments.module.js';
import { capstonesModule } from './capstones/capstones.module.js';
import { casesModule } from './cases/cases.module.js';
import { catalogueModule } from './catalogue/catalogue.module.js';
import { credentialsModule } from './credentials/credentials.module.js';
import { forumsModule } from './forums/forums.module.js';
import { groupsModule } from './groups/groups.module.js';
import { identityModule } from './identity/identity.module.js';
import { lrsModule } from './lrs/lrs.module.js';
import { markingModule } from './marking/marking.module.js';
import type { Module, NavigationItem } from './module.js';
import { notificationsModule } from './notifications/notifications.module.js';
import { packagesModule } from './packages/packages.module.js';
import { pathwayModule } from './pathway/pathway.module.js';
import { placesModule } from './places/places.module.js';
import { programmesModule } from './programmes/programmes.module.js';
import { resultsModule } from './results/results.module.js';
import { roleplaysModule } from './roleplays/roleplays.module.js';
import { spacesModule } from './spaces/spaces.module.js';
import { webinarsModule } from './webinars/webinars.module.js';

export const MODULES: readonly Module[] = [
  identityModule,
  programmesModule,
  catalogueModule,
  pathwayModule,
  credentialsModule,
  placesModule,
  admissionsModule,
  notificationsModule,
  spacesModule,
  webinarsModule,
  forumsModule,
  lrsModule,
  packagesModule,
  markingModule,
  assignmentsModule,
  resultsModule,
  groupsModule,
  roleplaysModule,
  casesModule,
  capstonesModule,
  jobsModule,
];

/** Every migration: the platform's own and every module's (applied in name order). */
export function allMigrations(modules: readonly Module[] = MODULES): Record<string, Migration> {
  const all: Record<string, Migration> = { ...KERNEL_MIGRATIONS };
  for (const module of modules) {
    for (const [name, migration] of Object.entries(module.migrations ?? {})) {
      if (all[name]) throw new Error(`migration ${name} is declared twice (module ${module.name})`);
      all[name] = migration;
    }
  }
  return all;
}

/** Applies every pending migration of the platform and its modules. */
export function migrateToLatest(
  db: Kysely<DB>,
  modules: readonly Module[] = MODULES,
): Promise<MigrationResult[]> {
  return runMigrations(db, allMigrations(modules));
}

/** Every job kind the runner knows. */
export function allJobHandlers(modules: readonly Module[] = MODULES): JobHandler[] {
  return modules.flatMap((m) => m.jobs ?? []);
}

/** Jobs enqueued once a day. */
export function allDailyJobs(modules: readonly Module[] = MODULES): DailyJob[] {
  return modules.flatMap((m) => m.dailyJobs ?? []);
}

/** The main navigation, in order. */
export function allNavigation(modules: readonly Module[] = MODULES): NavigationItem[] {
  return modules.flatMap((m) => m.navigation ?? []).sort((a, b) => a.order - b.order);
}
