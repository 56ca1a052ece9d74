/** A candidacy as its pages show it: evaluation, timeline, rule versions (shared by the three views). */

import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Locale } from '../../../i18n/i18n.js';
import { type LocalizedText, parseLocalized } from '../../../i18n/localized.js';
import { AppError } from '../../../kernel/errors.js';
import type { Programme } from '../../programmes/programme.js';
import { findProgrammeById } from '../../programmes/programmes.queries.js';
import {
  listEnrolmentsOfUsers,
  listExtensionRows,
  listResultsOfUsers,
  listRuleVersionRows,
} from '../pathway.repository.js';
import type { CandidacyRow } from '../pathway.tables.js';
import type { PathwayEvaluation } from '../rules/evaluation.js';
import type { PathwayRules } from '../rules/rules.js';
import { evaluateCandidacies, rulesOfVersion } from '../standing.js';

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

/** Everything a candidate's page shows of one candidacy, freshly evaluated. */
export async function detailOf(
  db: Executor,
  deps: Services,
  row: CandidacyRow,
  lang: Locale,
): Promise<CandidateDetail> {
  const today = deps.clock.now().toISOString().slice(0, 10);
  const [evaluations, results, enrolments, extensions, versions, programme, rules] = await Promise.all([
    evaluateCandidacies(db, [row], today, lang),
    listResultsOfUsers(db, [row.user_id]),
    listEnrolmentsOfUsers(db, [row.user_id]),
    listExtensionRows(db, [row.id]),
    listRuleVersionRows(db, row.programme_id),
    getProgrammeById(db, deps, row.programme_id),
    rulesOfVersion(db, row.rule_version_id),
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

async function getProgrammeById(db: Executor, _deps: Services, programmeId: string): Promise<Programme> {
  const found = await findProgrammeById(db, programmeId);
  if (!found) throw new AppError('not_found');
  return found;
}
