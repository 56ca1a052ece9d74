import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { getProgramme } from '../../programmes/get-programme.js';
import type { Programme } from '../../programmes/programme.js';
import { canPathway } from '../pathway.policy.js';
import { CANDIDATES_PAGE_SIZE, type CandidateQuery, candidateQuerySchema } from '../pathway.schemas.js';
import type { PathwayEvaluation } from '../rules/evaluation.js';
import { searchCandidacies } from './candidates-search.repository.js';

/** One line of the candidates list (from the cached standing). */
export interface CandidateListItem {
  id: string;
  userId: string;
  fullName: string;
  email: string;
  country: string | null;
  constituency: string | null;
  language: string;
  registeredOn: string;
  status: string;
  deadline: string | null;
  atRisk: boolean;
  awardable: boolean;
  met: number;
  requirements: { id: string; status: string; have: number; needed: number }[];
}

export interface CandidatesPage {
  items: CandidateListItem[];
  total: number;
  page: number;
  pageCount: number;
  query: CandidateQuery;
  programme: Programme;
}

/** Pure: a date `months` after `date` (for "deadline within N months"). */
function addMonthsIso(date: string, months: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  const day = d.getUTCDate();
  d.setUTCDate(1);
  d.setUTCMonth(d.getUTCMonth() + months);
  const last = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  d.setUTCDate(Math.min(day, last));
  return d.toISOString().slice(0, 10);
}

/** The candidates of a programme, filtered, sorted and paged (programme managers). */
export async function listCandidates(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  input: unknown,
): Promise<CandidatesPage> {
  ensure(actor, canPathway(actor, 'candidates.read'));
  const query = parseInput(candidateQuerySchema, input);
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const { rows, total } = await searchCandidacies(db, {
    programmeId: programme.id,
    status: query.status,
    atRisk: query.atRisk,
    awardable: query.ready,
    deadlineFrom: query.deadlineWithinMonths !== undefined ? today : undefined,
    deadlineBefore:
      query.deadlineWithinMonths !== undefined ? addMonthsIso(today, query.deadlineWithinMonths) : undefined,
    country: query.country,
    constituency: query.constituency,
    language: query.language,
    text: query.q,
    sort: query.sort ?? 'name',
    direction: query.direction ?? 'asc',
    limit: CANDIDATES_PAGE_SIZE,
    offset: (query.page - 1) * CANDIDATES_PAGE_SIZE,
  });
  const items = rows.map((r) => {
    const stored = safeJson(r.standing_json) as Partial<PathwayEvaluation>;
    return {
      id: r.id,
      userId: r.user_id,
      fullName: r.full_name,
      email: r.email,
      country: r.country,
      constituency: r.constituency,
      language: r.preferred_locale,
      registeredOn: r.registered_on,
      status: r.standing_status,
      deadline: r.standing_deadline,
      atRisk: r.standing_at_risk === 1,
      awardable: r.standing_awardable === 1,
      met: r.standing_met,
      requirements: (stored.requirements ?? []).map((q) => ({
        id: q.id,
        status: q.status,
        have: q.have,
        needed: q.needed,
      })),
    };
  });
  return {
    items,
    total,
    page: query.page,
    pageCount: Math.max(1, Math.ceil(total / CANDIDATES_PAGE_SIZE)),
    query,
    programme,
  };
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}
