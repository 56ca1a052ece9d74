import type { Executor } from '../../db/database.js';
import { KeptResults } from '../../db/kept-results.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { toDateString } from '../../kernel/clock.js';
import { AppError } from '../../kernel/errors.js';
import { personNames } from '../identity/identity.queries.js';
import { CAPSTONE_STATES, type CapstoneState, WARNING_DAYS } from './capstone.js';
import { QUEUE_TABLES } from './capstone-kept-tables.js';
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

/** The committee's view (managers): the same for every manager on a day, so it is kept (see below). */
export interface CommitteeQueue {
  state: CapstoneState;
  /** Per state, up to QUEUE_COUNT_CAP + 1 (more than the cap: "1,000+"). */
  counts: Record<CapstoneState, number>;
  lines: CapstoneLine[];
  page: number;
  pages: number;
  atRisk: CapstoneLine[];
}

export interface CapstoneQueues {
  /** The committee's view (managers); null for a supervisor. */
  committee: CommitteeQueue | null;
  /** What the committee's view depends on besides the tables it reads (state, page, day): its kept key. */
  committeeKey: string;
  /** The capstones the actor supervises. */
  supervised: CapstoneLine[];
}

export const QUEUE_PAGE_SIZE = 50;

/**
 * The committee's queues kept by state, page and day until a capstone, a milestone or a name changes
 * (every manager sees the same queues; thousands of capstones make each read cost milliseconds).
 */
const KEPT_QUEUES = new KeptResults<CommitteeQueue>({ tables: QUEUE_TABLES, maxEntries: 200 });
/** The capstones each reader supervises, kept the same way (the same tables, per person). */
const KEPT_SUPERVISED = new KeptResults<CapstoneLine[]>({ tables: QUEUE_TABLES, maxEntries: 500 });
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
  const supervised = await KEPT_SUPERVISED.get(db, actor.id, async () =>
    linesOf(db, await listCapstonesOfSupervisor(db, actor.id)),
  );
  if (!committee) {
    if (!canCapstone(actor, 'capstones.beSupervisor')) throw new AppError('forbidden');
    return { committee: null, committeeKey: '', supervised };
  }
  const state = CAPSTONE_STATES.includes(input.state as CapstoneState)
    ? (input.state as CapstoneState)
    : 'proposed';
  const page = Math.min(Math.max(1, Number.parseInt(String(input.page ?? '1'), 10) || 1), 10_000);
  const horizon = toDateString(new Date(deps.clock.now().getTime() + WARNING_DAYS * 86_400_000));
  const committeeKey = `${state}|${page}|${horizon}`;
  return {
    committee: await KEPT_QUEUES.get(db, committeeKey, () => findCommitteeQueue(db, state, page, horizon)),
    committeeKey,
    supervised,
  };
}

/**
 * The committee's queues read from the database: one state's page, the counts of every state and the
 * capstones at risk (a final, outline or draft date before `horizon`).
 */
async function findCommitteeQueue(
  db: Executor,
  state: CapstoneState,
  page: number,
  horizon: string,
): Promise<CommitteeQueue> {
  const [{ rows, total }, counted, atRisk] = await Promise.all([
    listCapstonesInStates(db, [state], QUEUE_PAGE_SIZE, (page - 1) * QUEUE_PAGE_SIZE),
    countStatesUpTo(db, CAPSTONE_STATES, QUEUE_COUNT_CAP),
    listAtRisk(db, horizon, 50),
  ]);
  const lines = await linesOf(db, [...rows, ...atRisk]);
  return {
    state,
    counts: Object.fromEntries(CAPSTONE_STATES.map((s) => [s, counted.get(s) ?? 0])) as Record<
      CapstoneState,
      number
    >,
    lines: lines.slice(0, rows.length),
    page,
    pages: Math.max(1, Math.ceil(total / QUEUE_PAGE_SIZE)),
    atRisk: lines.slice(rows.length),
  };
}
