import type { Executor } from '../../db/database.js';
import type { CandidacyRow, RuleVersionRow } from '../../db/schema.js';
import { buildCandidateRecord, type CandidacyFacts } from './candidate-record.js';
import { evaluatePathway } from './evaluate.js';
import type { ExplanationLanguage, PathwayEvaluation } from './evaluation.js';
import {
  findRuleVersionRow,
  listEnrolmentsOfUsers,
  listExtensionRows,
  listResultsOfUsers,
  updateCandidacy,
} from './pathway.repository.js';
import { displayStatus } from './pathway-status.js';
import { type PathwayRules, pathwayRulesSchema } from './rules.js';

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

function factsOf(row: CandidacyRow): CandidacyFacts {
  return {
    registeredOn: row.registered_on,
    status: row.status,
    capstoneStatus: row.capstone_status,
    capstoneCompletedOn: row.capstone_completed_on,
  };
}

/** Evaluates candidacies from their source records, loading them in a few queries per chunk. */
export async function evaluateCandidacies(
  db: Executor,
  rows: readonly CandidacyRow[],
  today: string,
  lang: ExplanationLanguage = 'en',
  explain = true,
): Promise<Map<string, PathwayEvaluation>> {
  const out = new Map<string, PathwayEvaluation>();
  for (let i = 0; i < rows.length; i += CHUNK) {
    const chunk = rows.slice(i, i + CHUNK);
    const userIds = [...new Set(chunk.map((r) => r.user_id))];
    const [results, enrolments, extensions] = await Promise.all([
      listResultsOfUsers(db, userIds),
      listEnrolmentsOfUsers(db, userIds),
      listExtensionRows(
        db,
        chunk.map((r) => r.id),
      ),
    ]);
    const resultsByUser = groupBy(results, (r) => r.user_id);
    const enrolmentsByUser = groupBy(enrolments, (e) => e.user_id);
    const extensionsByCandidacy = groupBy(extensions, (e) => e.candidacy_id);
    for (const row of chunk) {
      const record = buildCandidateRecord(
        factsOf(row),
        (resultsByUser.get(row.user_id) ?? []).map((r) => ({
          courseCode: r.course_code,
          outcome: r.outcome,
          startedOn: r.started_on,
          completedOn: r.completed_on,
          editionStartsOn: r.edition_starts_on,
        })),
        (enrolmentsByUser.get(row.user_id) ?? []).map((e) => ({
          courseCode: e.course_code,
          status: e.status,
          startsOn: e.starts_on,
          endsOn: e.ends_on,
          hasResult: e.result_id !== null,
        })),
        extensionsByCandidacy.get(row.id) ?? [],
      );
      const rules = rulesCache.get(row.rule_version_id) ?? (await rulesOfVersion(db, row.rule_version_id));
      out.set(row.id, evaluatePathway(rules, record, today, { lang, explain }));
    }
  }
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
  rows: readonly CandidacyRow[],
  today: string,
): Promise<Map<string, PathwayEvaluation>> {
  const evaluations = await evaluateCandidacies(db, rows, today, 'en', false);
  for (const row of rows) {
    const evaluation = evaluations.get(row.id);
    if (evaluation) await updateCandidacy(db, row.id, standingColumns(row, evaluation, today));
  }
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
