import type { Executor } from '../../db/database.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { toDateString } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import { personNames } from '../identity/identity.queries.js';
import { CAPSTONE_STATES, type CapstoneState, WARNING_DAYS } from './capstone.js';
import { canCapstone } from './capstones.policy.js';
import {
  type CapstoneQueueRow,
  countStatesUpTo,
  listAtRisk,
  listCapstonesInStates,
  listCapstonesOfSupervisor,
} from './capstones.repository.js';

/** A line of a capstones list. */
export interface CapstoneLine {
  id: string;
  title: string;
  country: string;
  state: CapstoneState;
  candidate: string;
  due: string | null;
  updatedAt: string;
}

export interface CapstoneQueues {
  /** The committee's view (managers); null for a supervisor. */
  committee: {
    state: CapstoneState;
    /** Per state, up to QUEUE_COUNT_CAP + 1 (more than the cap: "1,000+"). */
    counts: Record<CapstoneState, number>;
    lines: CapstoneLine[];
    page: number;
    pages: number;
    atRisk: CapstoneLine[];
  } | null;
  /** The capstones the actor supervises. */
  supervised: CapstoneLine[];
}

export const QUEUE_PAGE_SIZE = 50;
/** The tabs count each state up to this many; beyond, they show "1,000+" (the library holds thousands). */
export const QUEUE_COUNT_CAP = 1000;

async function linesOf(db: Executor, rows: CapstoneQueueRow[]): Promise<CapstoneLine[]> {
  const names = await personNames(
    db,
    rows.map((r) => r.user_id),
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    country: r.country,
    state: r.state as CapstoneState,
    candidate: names.get(r.user_id) ?? '',
    due: r.state === 'resubmission' ? r.resubmission_due : r.final_due,
    updatedAt: r.updated_at,
  }));
}

/**
 * The committee's queue (managers: the capstones in one state, oldest change first, 50 a page; the
 * proposals waiting by default; and those at risk: a final date within 30 days or past) and the capstones
 * a supervisor supervises.
 */
export async function getCapstoneQueues(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: { state?: unknown; page?: unknown },
): Promise<CapstoneQueues> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  const committee = canCapstone(actor, 'capstones.decide');
  const supervised = await linesOf(db, await listCapstonesOfSupervisor(db, actor.id));
  if (!committee) {
    if (!canCapstone(actor, 'capstones.beSupervisor')) throw new AppError('forbidden');
    return { committee: null, supervised };
  }
  const state = CAPSTONE_STATES.includes(input.state as CapstoneState)
    ? (input.state as CapstoneState)
    : 'proposed';
  const page = Math.min(Math.max(1, Number.parseInt(String(input.page ?? '1'), 10) || 1), 10_000);
  const { rows, total } = await listCapstonesInStates(
    db,
    [state],
    QUEUE_PAGE_SIZE,
    (page - 1) * QUEUE_PAGE_SIZE,
  );
  const counted = await countStatesUpTo(db, CAPSTONE_STATES, QUEUE_COUNT_CAP);
  const horizon = toDateString(new Date(deps.clock.now().getTime() + WARNING_DAYS * 86_400_000));
  return {
    committee: {
      state,
      counts: Object.fromEntries(CAPSTONE_STATES.map((s) => [s, counted.get(s) ?? 0])) as Record<
        CapstoneState,
        number
      >,
      lines: await linesOf(db, rows),
      page,
      pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
      atRisk: await linesOf(db, await listAtRisk(db, horizon, 50)),
    },
    supervised,
  };
}
