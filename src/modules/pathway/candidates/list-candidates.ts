import type { Executor } from '../../../db/database.js';
import { KeptResults } from '../../../db/kept-results.js';
import type { Services } from '../../../deps.js';
import type { LocalizedText } from '../../../i18n/localized.js';
import type { Actor } from '../../../kernel/actor.js';
import { ensure } from '../../../kernel/policy.js';
import { parseInput } from '../../../kernel/validation.js';
import { courseTitles } from '../../catalogue/course-titles.js';
import { getProgramme } from '../../programmes/get-programme.js';
import type { Programme } from '../../programmes/programme.js';
import { canPathway } from '../pathway.policy.js';
import { CANDIDATES_PAGE_SIZE, type CandidateQuery, candidateQuerySchema } from '../pathway.schemas.js';
import type { PathwayEvaluation } from '../rules/evaluation.js';
import type { PathwayRules } from '../rules/rules.js';
import { rulesOfVersion } from '../standing.js';
import {
  CANDIDATE_LIST_TABLES,
  CANDIDATE_PAGE_TABLES,
  candidacyListRows,
  orderedCandidacyIds,
} from './candidates-search.repository.js';

/**
 * Ordered candidate lists by filter, kept per database until one of their tables changes: at most 400,000
 * ids in all (about 30 MB), so a few programmes of 100,000 candidates and their usual filters.
 */
const KEPT_LISTS = new KeptResults<string[]>({
  tables: CANDIDATE_LIST_TABLES,
  maxEntries: 64,
  weigh: (ids) => ids.length,
  maxWeight: 400_000,
});

/**
 * A page's lines with the titles of the courses they name, kept like the ordered ids until a candidacy, a
 * person, a credential or a course changes (the rule versions they name never change); the page's table is
 * rendered once per kept value and language.
 */
const KEPT_PAGES = new KeptResults<Pick<CandidatesPage, 'items' | 'titles'>>({
  tables: CANDIDATE_PAGE_TABLES,
  maxEntries: 256,
});

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
  /** Each requirement with its kind and, for course requirements, the courses the rules list (to name it). */
  requirements: {
    id: string;
    kind: string;
    courses: string[];
    status: string;
    have: number;
    needed: number;
  }[];
}

export interface CandidatesPage {
  items: CandidateListItem[];
  total: number;
  page: number;
  pageCount: number;
  query: CandidateQuery;
  programme: Programme;
  /** The titles of the courses the requirements list, by code (to name requirements in the reader's language). */
  titles: Map<string, LocalizedText>;
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
  const filter = {
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
  } as const;
  // The whole ordered list is kept until a candidacy, a person or a credential changes: the count and
  // every page (deep ones included) come from it; a change costs one ordered read of the matches.
  const ids = await KEPT_LISTS.get(db, JSON.stringify(filter), () => orderedCandidacyIds(db, filter));
  const offset = (query.page - 1) * CANDIDATES_PAGE_SIZE;
  const total = ids.length;
  const { items, titles } = await KEPT_PAGES.get(db, JSON.stringify([filter, offset]), async () => {
    const rows = await candidacyListRows(db, ids.slice(offset, offset + CANDIDATES_PAGE_SIZE));
    const rules = new Map<string, PathwayRules>();
    for (const id of new Set(rows.map((r) => r.rule_version_id))) rules.set(id, await rulesOfVersion(db, id));
    const coursesOf = (ruleVersionId: string, requirementId: string): string[] => {
      const requirement = rules.get(ruleVersionId)?.requirements.find((q) => q.id === requirementId);
      return requirement && requirement.kind !== 'capstone' ? requirement.courses : [];
    };
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
          kind: q.kind,
          courses: q.kind === 'course' ? coursesOf(r.rule_version_id, q.id) : [],
          status: q.status,
          have: q.have,
          needed: q.needed,
        })),
      };
    });
    const codes = new Set(items.flatMap((item) => item.requirements.flatMap((q) => q.courses)));
    return { items, titles: await courseTitles(db, deps, [...codes]) };
  });
  return {
    items,
    titles,
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
