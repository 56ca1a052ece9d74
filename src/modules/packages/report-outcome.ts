/**
 * Hands a package's result to the course space (spaces' internal command `recordItemOutcome`), so the
 * item's completion rule can judge it. The spaces module is being built in parallel: until it is on main,
 * it is reached through a dynamic import and a missing module leaves the result kept here only (the
 * attempt row is the grade either way). Replace with a static import once spaces has landed.
 */
import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { ItemOutcome } from '../spaces/space-item-kind.js';

type Recorder = (
  db: Executor,
  deps: Pick<Services, 'clock'>,
  input: { itemId: string; personId: string; outcome: ItemOutcome },
) => Promise<unknown>;

let recorder: Recorder | null | undefined;

async function findRecorder(): Promise<Recorder | null> {
  if (recorder !== undefined) return recorder;
  const specifier = '../spaces/record-item-outcome.js';
  try {
    const loaded = (await import(/* @vite-ignore */ specifier)) as { recordItemOutcome?: Recorder };
    recorder = loaded.recordItemOutcome ?? null;
  } catch {
    recorder = null;
  }
  return recorder;
}

/** Reports the outcome on the package's item (when the package is shown by an item); true when reported. */
export async function reportItemOutcome(
  db: Executor,
  deps: Pick<Services, 'clock'>,
  input: { itemId: string | null; personId: string; outcome: ItemOutcome | null },
): Promise<boolean> {
  if (!input.itemId || !input.outcome) return false;
  const record = await findRecorder();
  if (!record) return false;
  await record(db, deps, { itemId: input.itemId, personId: input.personId, outcome: input.outcome });
  return true;
}
