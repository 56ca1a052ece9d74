import { z } from 'zod';
import { type DailyJob, defineJob, JobInterrupted } from '../../../jobs/job.js';
import { type Actor, ROLES } from '../../../kernel/actor.js';
import { refreshStaleStandings } from '../refresh-stale-standings.js';
import { applyImport } from './import-commit.js';
import { IMPORT_COMMIT_JOB, IMPORT_VALIDATE_JOB } from './import-record.js';
import { validateImport } from './import-validate.js';

/** The pathway's background jobs: checking and committing large imports, and the daily refresh. */

export const REFRESH_STANDINGS_JOB = 'pathway.refresh-standings';

const importPayload = z.object({ importId: z.string().min(1).max(64) });

/** Reads and checks a large uploaded file (re-runnable: a previewed import is left alone). */
export const validateImportJob = defineJob(IMPORT_VALIDATE_JOB, importPayload, (context, payload) =>
  validateImport(context.deps.db, context.deps, payload.importId, context.progress),
);

/**
 * Commits a large import on behalf of the manager who asked (their id and roles as authorised then).
 * All or nothing in one transaction; an import already committed is left alone, so a re-run after a
 * crash, or after the lock of a lost worker expired, writes nothing twice.
 */
export const commitImportJob = defineJob(
  IMPORT_COMMIT_JOB,
  importPayload.extend({
    actor: z.object({ id: z.string().nullable(), roles: z.array(z.enum(ROLES)) }),
  }),
  async (context, payload) => {
    const actor: Actor = payload.actor.id
      ? { kind: 'user', id: payload.actor.id, roles: payload.actor.roles, via: 'session' }
      : { kind: 'system', reason: 'import' };
    const { status, report } = await applyImport(
      context.deps.db,
      context.deps,
      actor,
      payload.importId,
      context.progress,
    );
    return { status, report };
  },
);

/** Re-evaluates the candidacies not evaluated today, in batches; stops between batches on shutdown. */
export const refreshStandingsJob = defineJob(
  REFRESH_STANDINGS_JOB,
  z.object({ day: z.string().max(10) }),
  async (context) => {
    const result = await refreshStaleStandings(context.deps.db, context.deps, {
      progress: context.progress,
      shouldStop: () => context.signal.aborted,
    });
    if (result.stopped) throw new JobInterrupted();
    return { refreshed: result.refreshed };
  },
);

/** Enqueued once a day by the runner (once in total across nodes, by its key). */
export const refreshStandingsDaily: DailyJob = {
  kind: REFRESH_STANDINGS_JOB,
  key: (day) => `refresh-standings:${day}`,
  payload: (day) => ({ day }),
};

export const PATHWAY_JOBS = [validateImportJob, commitImportJob, refreshStandingsJob];
