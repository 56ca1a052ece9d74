import type { CandidacyRow } from '../../db/schema.js';
import type { Deps } from '../../deps.js';
import type { Locale } from '../../i18n/i18n.js';
import { type LocalizedText, parseLocalized } from '../../i18n/localized.js';
import type { Actor } from '../../kernel/actor.js';
import { type AuditEvent, listAuditEvents } from '../../kernel/audit.js';
import { AppError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { parseInput } from '../../kernel/validation.js';
import type { Edition } from '../catalogue/course.js';
import { listOpenEditions } from '../catalogue/list-open-editions.js';
import type { Account } from '../identity/account.js';
import { getPerson } from '../identity/people.js';
import { getProgramme, listProgrammes } from '../programmes/get-programme.js';
import type { Programme } from '../programmes/programme.js';
import { searchCandidacies } from './candidates-search.repository.js';
import type { PathwayEvaluation } from './evaluation.js';
import { nextCourseCodes } from './next-steps.js';
import { canPathway, canSeePathwayOf } from './pathway.policy.js';
import {
  findCandidacy,
  findWorkingLanguages,
  listCandidaciesOfUser,
  listEnrolmentsOfUsers,
  listExtensionRows,
  listResultsOfUsers,
  listRuleVersionRows,
} from './pathway.repository.js';
import { CANDIDATES_PAGE_SIZE, type CandidateQuery, candidateQuerySchema } from './pathway.schemas.js';
import type { PathwayRules } from './rules.js';
import { evaluateCandidacies, rulesOfVersion } from './standing.js';

/** A result as shown on a timeline. */
export interface TimelineResult {
  courseCode: string;
  courseTitle: LocalizedText;
  outcome: string;
  grade: string | null;
  completedOn: string;
  startsOn: string | null;
  source: string;
  editionId: string | null;
}

/** An enrolment as shown on a timeline. */
export interface TimelineEnrolment {
  editionId: string;
  courseCode: string;
  courseTitle: LocalizedText;
  startsOn: string;
  endsOn: string;
  status: string;
  hasResult: boolean;
}

/** Everything a candidate's page shows. */
export interface CandidateDetail {
  id: string;
  programme: Programme;
  registeredOn: string;
  status: string;
  withdrawnReason: string | null;
  capstoneStatus: string;
  capstoneCompletedOn: string | null;
  ruleVersion: number;
  ruleVersions: { id: string; version: number; effectiveFrom: string }[];
  evaluation: PathwayEvaluation;
  rules: PathwayRules;
  results: TimelineResult[];
  enrolments: TimelineEnrolment[];
  extensions: { months: number; reason: string; grantedAt: string }[];
}

async function detailOf(deps: Deps, row: CandidacyRow, lang: Locale): Promise<CandidateDetail> {
  const today = deps.clock.now().toISOString().slice(0, 10);
  const [evaluations, results, enrolments, extensions, versions, programme, rules] = await Promise.all([
    evaluateCandidacies(deps.db, [row], today, lang),
    listResultsOfUsers(deps.db, [row.user_id]),
    listEnrolmentsOfUsers(deps.db, [row.user_id]),
    listExtensionRows(deps.db, [row.id]),
    listRuleVersionRows(deps.db, row.programme_id),
    getProgrammeById(deps, row.programme_id),
    rulesOfVersion(deps.db, row.rule_version_id),
  ]);
  return {
    id: row.id,
    programme,
    registeredOn: row.registered_on,
    status: row.status,
    withdrawnReason: row.withdrawn_reason,
    capstoneStatus: row.capstone_status,
    capstoneCompletedOn: row.capstone_completed_on,
    ruleVersion: versions.find((v) => v.id === row.rule_version_id)?.version ?? 0,
    ruleVersions: versions.map((v) => ({ id: v.id, version: v.version, effectiveFrom: v.effective_from })),
    evaluation: evaluations.get(row.id)!,
    rules,
    results: results.map((r) => ({
      courseCode: r.course_code,
      courseTitle: parseLocalized(r.course_title_i18n),
      outcome: r.outcome,
      grade: r.grade,
      completedOn: r.completed_on,
      startsOn: r.edition_starts_on ?? r.started_on,
      source: r.source,
      editionId: r.edition_id,
    })),
    enrolments: enrolments.map((e) => ({
      editionId: e.edition_id,
      courseCode: e.course_code,
      courseTitle: parseLocalized(e.course_title_i18n),
      startsOn: e.starts_on,
      endsOn: e.ends_on,
      status: e.status,
      hasResult: e.result_id !== null,
    })),
    extensions: extensions.map((e) => ({ months: e.months, reason: e.reason, grantedAt: e.granted_at })),
  };
}

async function getProgrammeById(deps: Deps, programmeId: string): Promise<Programme> {
  const all = await listProgrammes(deps, { kind: 'system', reason: 'pathway' });
  const found = all.find((p) => p.id === programmeId);
  if (!found) throw new AppError('not_found');
  return found;
}

/** A candidate's page for programme managers: fresh evaluation, timeline, person and audit trail. */
export async function getCandidate(
  deps: Deps,
  actor: Actor,
  candidacyId: string,
  lang: Locale,
): Promise<{ detail: CandidateDetail; person: Account; audit: AuditEvent[] }> {
  ensure(actor, canPathway(actor, 'candidates.read'));
  if (!isId(candidacyId)) throw new AppError('not_found');
  const row = await findCandidacy(deps.db, candidacyId);
  if (!row) throw new AppError('not_found');
  const [detail, { person }, candidacyAudit, personAudit] = await Promise.all([
    detailOf(deps, row, lang),
    getPerson(deps, actor, row.user_id),
    listAuditEvents(deps.db, 'candidacy', row.id, 100),
    listAuditEvents(deps.db, 'user', row.user_id, 100),
  ]);
  const audit = [
    ...candidacyAudit,
    ...personAudit.filter((e) => e.action.startsWith('result.') || e.action.startsWith('enrolment.')),
  ].sort((a, b) => b.occurredAt.localeCompare(a.occurredAt));
  return { detail, person, audit };
}

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
  deps: Deps,
  actor: Actor,
  programmeSlug: string,
  input: unknown,
): Promise<CandidatesPage> {
  ensure(actor, canPathway(actor, 'candidates.read'));
  const query = parseInput(candidateQuerySchema, input);
  const programme = await getProgramme(deps, actor, programmeSlug);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const { rows, total } = await searchCandidacies(deps.db, {
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

/** A candidate's own view of one programme, with what to do next. */
export interface MyPathway {
  detail: CandidateDetail;
  /** Open editions of courses that would fill a missing place, soonest first. */
  nextEditions: Edition[];
  /** True when none is taught in a language the candidate works in: the editions shown are in others. */
  nextInOtherLanguages: boolean;
}

/** How many next editions a candidate is shown. */
const NEXT_EDITIONS = 12;

/** The signed-in person's pathways (one per programme they are a candidate of). */
export async function getMyPathways(deps: Deps, actor: Actor, lang: Locale): Promise<MyPathway[]> {
  if (actor.kind !== 'user') throw new AppError('unauthenticated');
  ensure(actor, canSeePathwayOf(actor, actor.id));
  const rows = await listCandidaciesOfUser(deps.db, actor.id);
  const languages = rows.length ? await findWorkingLanguages(deps.db, actor.id) : new Set<string>();
  languages.add(lang);
  const out: MyPathway[] = [];
  for (const row of rows) {
    const detail = await detailOf(deps, row, lang);
    const wanted = nextCourseCodes(detail.evaluation, detail.rules);
    const open = detail.status === 'withdrawn' ? [] : await listOpenEditions(deps, actor, wanted, 60);
    // Editions in the candidate's languages; when there is none, the others rather than nothing.
    const theirs = open.filter((edition) => languages.has(edition.language));
    out.push({
      detail,
      nextEditions: (theirs.length ? theirs : open).slice(0, NEXT_EDITIONS),
      nextInOtherLanguages: theirs.length === 0 && open.length > 0,
    });
  }
  return out;
}
