import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import { toDateString } from '../../kernel/clock.js';
import { refreshStandings } from './standing.js';
import { countStaleCandidacies, listStaleCandidacies } from './standings-refresh.repository.js';

/** Candidacies re-evaluated per transaction. */
export const REFRESH_BATCH_SIZE = 500;

/**
 * Re-evaluates every candidacy whose cached standing is older than today (time passes: deadlines come
 * closer, achievements fall out of the window), a batch per transaction. Idempotent and resumable: a
 * refreshed candidacy is stamped with today, so a re-run (after a crash) continues where it stopped.
 * `shouldStop` is asked between batches.
 */
export async function refreshStaleStandings(
  db: Executor,
  deps: Services,
  options: {
    batchSize?: number;
    progress?: (done: number, total: number) => void;
    shouldStop?: () => boolean;
  } = {},
): Promise<{ refreshed: number; stopped: boolean }> {
  const today = toDateString(deps.clock.now());
  const batchSize = options.batchSize ?? REFRESH_BATCH_SIZE;
  const total = await countStaleCandidacies(db, today);
  let refreshed = 0;
  let previousFirst: string | undefined;
  options.progress?.(0, total);
  for (;;) {
    if (options.shouldStop?.()) return { refreshed, stopped: true };
    const rows = await inTransaction(db, async (trx) => {
      const batch = await listStaleCandidacies(trx, today, batchSize);
      await refreshStandings(trx, batch, today);
      return batch;
    });
    if (rows.length === 0) break;
    // A batch that starts where the previous one did was not stamped: stop rather than loop forever.
    if (rows[0]?.id === previousFirst) throw new Error('the standing refresh made no progress');
    previousFirst = rows[0]?.id;
    refreshed += rows.length;
    options.progress?.(refreshed, Math.max(total, refreshed));
  }
  return { refreshed, stopped: false };
}
