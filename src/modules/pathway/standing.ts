import type { Executor } from '../../db/database.js';
import { findRuleVersionRow, updateStandings } from './pathway.repository.js';
import type { CandidacyRow, RuleVersionRow } from './pathway.tables.js';
import {
  type CandidacyFactsRow,
  listAchievementFacts,
  listExtensionFacts,
  listOpenEnrolmentFacts,
  listProgrammeFacts,
} from './pathway-facts.repository.js';
import { buildCandidateRecordFromFacts, type CandidacyFacts } from './rules/candidate-record.js';
import { evaluatePathway } from './rules/evaluate.js';
import type { ExplanationLanguage, PathwayEvaluation } from './rules/evaluation.js';
import { displayStatus } from './rules/pathway-status.js';
import { type PathwayRules, pathwayRulesSchema } from './rules/rules.js';

/**
 * A candidate's standing is never stored as truth: it is evaluated from the results, enrolments,
 * extensions and rule version. A copy is cached on the candidacy (standing_* columns) for lists, filters
 * and reports, and rebuilt here whenever a source record changes (and daily, since time passes).
 */

/** Users per query when evaluating in bulk (well under both engines' bound-parameter limits). */
const CHUNK = 2000;

const rulesCache = new Map<string, PathwayRules>();

/** The parsed rules of a version (versions are immutable, so they are memoised by id). */
export async function rulesOfVersion(db: Executor, ruleVersionId: string): Promise<PathwayRules> {
  const cached = rulesCache.get(ruleVersionId);
  if (cached) return cached;
  const row = await findRuleVersionRow(db, ruleVersionId);
  if (!row) throw new Error(`rule version ${ruleVersionId} not found`);
  return parseRuleVersion(row);
}

/** Parses a stored rule version (validated when it was saved). */
export function parseRuleVersion(row: RuleVersionRow): PathwayRules {
  const rules = pathwayRulesSchema.parse(JSON.parse(row.rules_json));
  rulesCache.set(row.id, rules);
  return rules;
}

function factsOf(row: CandidacyFactsRow): CandidacyFacts {
  return {
    registeredOn: row.registered_on,
    status: row.status,
    capstoneStatus: row.capstone_status,
    capstoneCompletedOn: row.capstone_completed_on,
  };
}

/** The source records of some candidacies, as loaded for the rule engine (facts packed as text, per person). */
interface SourceRecords {
  results: readonly { user_id: string; facts: string }[];
  enrolments: readonly { user_id: string; facts: string }[];
  extensions: readonly { candidacy_id: string; months: number; reason: string }[];
}

/** Loads the source records of people (results, open enrolments) and of candidacies (extensions). */
async function loadSourceRecords(
  db: Executor,
  people: { userIds: readonly string[] },
  candidacies: { candidacyIds: readonly string[] },
): Promise<SourceRecords> {
  // One after the other: SQLite runs one statement at a time anyway, and on PostgreSQL a transaction
  // is one connection.
  const results = await listAchievementFacts(db, people);
  const enrolments = await listOpenEnrolmentFacts(db, people);
  const extensions = await listExtensionFacts(db, candidacies);
  return { results, enrolments, extensions };
}

const NONE: readonly never[] = [];

/** Each person's facts text. */
function factsByUser(rows: readonly { user_id: string; facts: string }[]): Map<string, string> {
  const map = new Map<string, string>();
  for (const row of rows) {
    // One row per person per query; a second one (a chunk's duplicate) is appended.
    const before = map.get(row.user_id);
    map.set(row.user_id, before === undefined ? row.facts : `${before} ${row.facts}`);
  }
  return map;
}

/** What receives each evaluation of a bulk evaluation, in no particular order. */
export type EvaluationVisitor = (candidacy: CandidacyFactsRow, evaluation: PathwayEvaluation) => void;

/** Evaluates candidacies whose source records are loaded; hands each evaluation to `visit`. */
async function evaluateLoaded(
  db: Executor,
  rows: readonly CandidacyFactsRow[],
  loaded: SourceRecords,
  today: string,
  options: { lang: ExplanationLanguage; explain: boolean },
  visit: EvaluationVisitor,
): Promise<void> {
  const resultsByUser = factsByUser(loaded.results);
  const enrolmentsByUser = factsByUser(loaded.enrolments);
  const extensionsByCandidacy = groupBy(loaded.extensions, (e) => e.candidacy_id);
  for (const row of rows) {
    const record = buildCandidateRecordFromFacts(
      factsOf(row),
      resultsByUser.get(row.user_id),
      enrolmentsByUser.get(row.user_id),
      extensionsByCandidacy.get(row.id) ?? NONE,
    );
    const rules = rulesCache.get(row.rule_version_id) ?? (await rulesOfVersion(db, row.rule_version_id));
    visit(row, evaluatePathway(rules, record, today, options));
  }
}

/** Evaluates candidacies from their source records, loading them in a few queries per chunk. */
export async function evaluateCandidacies(
  db: Executor,
  rows: readonly CandidacyFactsRow[],
  today: string,
  lang: ExplanationLanguage = 'en',
  explain = true,
): Promise<Map<string, PathwayEvaluation>> {
  const out = new Map<string, PathwayEvaluation>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const userIds = [...new Set(chunk.map((r) => r.user_id))];
    const candidacyIds = chunk.map((r) => r.id);
    const loaded = await loadSourceRecords(db, { userIds }, { candidacyIds });
    await evaluateLoaded(db, chunk, loaded, today, { lang, explain }, (row, e) => out.set(row.id, e));
  }
  return out;
}

/**
 * Evaluates every candidacy of a programme from the source records and hands each evaluation to `visit`
 * (bulk: reports, a full refresh, the benchmark): each candidacy read with its person's results and open
 * enrolments in one statement for the whole programme (`listProgrammeFacts`), the extensions in another,
 * and nothing kept once visited (100,000 evaluations would hold a few hundred megabytes, and keeping them
 * costs the garbage collector more than evaluating them).
 */
export async function visitProgrammeEvaluations(
  db: Executor,
  programmeId: string,
  today: string,
  visit: EvaluationVisitor,
  /** `rules`: evaluate everyone under these rules instead of their own version (a preview). */
  options: { lang?: ExplanationLanguage; explain?: boolean; rules?: PathwayRules } = {},
): Promise<number> {
  const rows = await listProgrammeFacts(db, programmeId);
  const extensionsByCandidacy = groupBy(await listExtensionFacts(db, { programmeId }), (e) => e.candidacy_id);
  const evaluation = { lang: options.lang ?? 'en', explain: options.explain ?? false };
  for (const { candidacy, results, enrolments } of rows) {
    const record = buildCandidateRecordFromFacts(
      factsOf(candidacy),
      results,
      enrolments,
      extensionsByCandidacy.get(candidacy.id) ?? NONE,
    );
    const rules =
      options.rules ??
      rulesCache.get(candidacy.rule_version_id) ??
      (await rulesOfVersion(db, candidacy.rule_version_id));
    visit(candidacy, evaluatePathway(rules, record, today, evaluation));
  }
  return rows.length;
}

/** Every candidacy of a programme evaluated from the source records, by candidacy id. */
export async function evaluateProgramme(
  db: Executor,
  programmeId: string,
  today: string,
  lang: ExplanationLanguage = 'en',
  explain = false,
): Promise<Map<string, PathwayEvaluation>> {
  const out = new Map<string, PathwayEvaluation>();
  await visitProgrammeEvaluations(db, programmeId, today, (row, e) => out.set(row.id, e), { lang, explain });
  return out;
}

/** The standing columns cached on a candidacy for an evaluation. */
export function standingColumns(
  row: Pick<CandidacyRow, 'status'>,
  evaluation: PathwayEvaluation,
  today: string,
) {
  const status = displayStatus(row.status, evaluation.status);
  const { explanation: _explanation, ...stored } = evaluation;
  return {
    standing_status: status,
    standing_deadline: evaluation.window.deadline,
    standing_at_risk: evaluation.atRisk.length > 0 ? 1 : 0,
    standing_awardable: evaluation.awardable ? 1 : 0,
    standing_met: evaluation.requirements.filter((r) => r.status === 'met').length,
    standing_json: JSON.stringify(stored),
    standing_evaluated_on: today,
  };
}

/** Re-evaluates candidacies and writes their cached standing (call inside the changing transaction). */
export async function refreshStandings(
  db: Executor,
  rows: readonly CandidacyFactsRow[],
  today: string,
): Promise<Map<string, PathwayEvaluation>> {
  const evaluations = await evaluateCandidacies(db, rows, today, 'en', false);
  const standings: Parameters<typeof updateStandings>[1][number][] = [];
  for (const row of rows) {
    const evaluation = evaluations.get(row.id);
    if (evaluation) standings.push({ id: row.id, ...standingColumns(row, evaluation, today) });
  }
  await updateStandings(db, standings);
  return evaluations;
}

function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
}
