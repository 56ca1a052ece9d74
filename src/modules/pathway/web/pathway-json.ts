/**
 * The JSON shapes of the pathway API (zod, so that the OpenAPI document is generated from them) and the
 * presenters that map domain objects onto them. Response schemas are plain (no transforms): the
 * serializer encodes through them and drops any field they do not name.
 */
import { z } from 'zod';
import type { LocalizedText } from '../../../i18n/localized.js';
import type { AuditTrail } from '../../../kernel/audit.js';
import type { Edition } from '../../catalogue/course.js';
import type { Account } from '../../identity/account/account.js';
import type { CandidateDetail } from '../candidates/candidate-detail.js';
import type { MyPathway } from '../candidates/get-my-pathways.js';
import type { CandidateListItem } from '../candidates/list-candidates.js';
import type { ClassRow } from '../record-result.js';
import type { RuleVersion } from '../rule-versions.js';
import type { PathwayEvaluation } from '../rules/evaluation.js';
import { displayStatus } from '../rules/pathway-status.js';

const localized = z.record(z.string(), z.string());
const date = z.string().describe('YYYY-MM-DD');

const courseRequirementJson = z.object({
  id: z.string(),
  kind: z.enum(['course', 'choose']),
  status: z.enum(['met', 'in-progress', 'missing']),
  needed: z.number(),
  have: z.number(),
  counted: z.array(z.string()),
  components: z.array(
    z.object({ course: z.string(), countsAs: z.string(), start: date, completed: date, hours: z.number() }),
  ),
  missingCourses: z.array(z.string()),
  enrolled: z.array(z.string()),
});

const capstoneRequirementJson = z.object({
  id: z.string(),
  kind: z.literal('capstone'),
  status: z.enum(['met', 'in-progress', 'missing']),
  needed: z.number(),
  have: z.number(),
  counted: z.array(z.string()),
  after: z.array(z.string()),
  waitingFor: z.array(z.string()),
  capstoneStatus: z.enum(['not-started', 'in-progress', 'passed', 'failed']),
  completed: date.nullable(),
});

const atRiskJson = z.union([
  z.object({ kind: z.literal('achievement-expiring'), course: z.string(), date }),
  z.object({ kind: z.literal('deadline-soon'), deadline: date, missing: z.array(z.string()) }),
  z.object({ kind: z.literal('enrolment-after-deadline'), course: z.string(), end: date, deadline: date }),
]);

/** An evaluation as the rule engine returns it (see docs/pathway-rules.md). */
export const evaluationJson = z.object({
  status: z.enum(['active', 'completed', 'expired', 'withdrawn']),
  awardable: z.boolean(),
  capstoneUnlocked: z.boolean(),
  window: z.object({ start: date.nullable(), deadline: date.nullable(), years: z.number() }),
  extensionsMonths: z.number(),
  requirements: z.array(z.union([courseRequirementJson, capstoneRequirementJson])),
  uncounted: z.array(
    z.object({
      course: z.string(),
      countsAs: z.string(),
      completed: date,
      reason: z.enum([
        'participation',
        'revoked',
        'not-in-programme',
        'outside-window',
        'no-longer-counts',
        'duplicate',
        'surplus',
      ]),
    }),
  ),
  hours: z.object({ counted: z.number(), total: z.number() }),
  atRisk: z.array(atRiskJson),
  reasons: z.array(
    z.object({
      code: z.string(),
      params: z.record(z.string(), z.union([z.string(), z.number(), z.array(z.string())])),
    }),
  ),
  explanation: z.string(),
});

const personJson = z.object({
  id: z.string(),
  fullName: z.string(),
  email: z.string(),
  country: z.string().nullable(),
  constituency: z.string().nullable(),
  language: z.string(),
});

/** What the candidate and the managers both see of a candidacy. */
const candidacyJson = z.object({
  id: z.string(),
  programme: z.string(),
  registeredOn: date,
  status: z.string().describe('active, reinstated, completed, expired or withdrawn'),
  withdrawnReason: z.string().nullable(),
  capstone: z.object({ status: z.string(), completedOn: date.nullable() }),
  ruleVersion: z.object({ id: z.string(), version: z.number(), effectiveFrom: date }),
  evaluation: evaluationJson,
  results: z.array(
    z.object({
      course: z.string(),
      courseTitle: localized,
      outcome: z.string(),
      grade: z.string().nullable(),
      startsOn: date.nullable(),
      completedOn: date,
      source: z.string(),
      editionId: z.string().nullable(),
    }),
  ),
  enrolments: z.array(
    z.object({
      editionId: z.string(),
      course: z.string(),
      courseTitle: localized,
      startsOn: date,
      endsOn: date,
      status: z.string(),
      hasResult: z.boolean(),
    }),
  ),
  extensions: z.array(z.object({ months: z.number(), reason: z.string(), grantedAt: z.string() })),
});

/** A candidate as programme managers see them: the candidacy, the person and the audit trail. */
export const candidateJson = candidacyJson.extend({
  person: personJson,
  ruleVersions: z.array(z.object({ id: z.string(), version: z.number(), effectiveFrom: date })),
  audit: z.array(
    z.object({
      occurredAt: z.string(),
      actorId: z.string().nullable(),
      /** The person's full name (null for the platform's own jobs or a former account). */
      actorName: z.string().nullable(),
      action: z.string(),
      before: z.unknown(),
      after: z.unknown(),
    }),
  ),
});

export const candidateListJson = z.object({
  candidates: z.array(
    z.object({
      id: z.string(),
      person: personJson,
      registeredOn: date,
      status: z.string(),
      deadline: date.nullable(),
      atRisk: z.boolean(),
      awardable: z.boolean(),
      met: z.number(),
      requirements: z.array(
        z.object({ id: z.string(), status: z.string(), have: z.number(), needed: z.number() }),
      ),
    }),
  ),
  total: z.number(),
  page: z.number(),
  pageCount: z.number(),
});

const editionSummaryJson = z.object({
  id: z.string(),
  course: z.string(),
  courseTitle: localized,
  code: z.string().nullable(),
  language: z.string(),
  mode: z.string(),
  startsOn: date,
  endsOn: date,
  registrationOpen: z.boolean(),
  registrationDeadline: date.nullable(),
  status: z.string(),
});

export const myPathwaysJson = z.object({
  pathways: z.array(candidacyJson.extend({ nextEditions: z.array(editionSummaryJson) })),
});

export const classRowJson = z.object({
  enrolmentId: z.string(),
  status: z.string(),
  person: z.object({
    id: z.string(),
    fullName: z.string(),
    email: z.string(),
    country: z.string().nullable(),
  }),
  result: z.object({ outcome: z.string(), grade: z.string().nullable(), completedOn: date }).nullable(),
});

export const classListJson = z.object({
  edition: editionSummaryJson.extend({
    facilitators: z.array(z.object({ id: z.string(), fullName: z.string() })),
  }),
  credentialOnSuccess: z.string(),
  enrolments: z.array(classRowJson),
});

export const ruleVersionJson = z.object({
  id: z.string(),
  version: z.number(),
  effectiveFrom: date,
  note: z.string(),
  rules: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});

const text = (value: LocalizedText) => value as Record<string, string>;

/** The JSON shape of an evaluation (the engine's output, field by field). */
export function presentEvaluation(e: PathwayEvaluation): z.infer<typeof evaluationJson> {
  return {
    status: e.status,
    awardable: e.awardable,
    capstoneUnlocked: e.capstoneUnlocked,
    window: { start: e.window.start, deadline: e.window.deadline, years: e.window.years },
    extensionsMonths: e.extensionsMonths,
    requirements: e.requirements,
    uncounted: e.uncounted,
    hours: e.hours,
    atRisk: e.atRisk,
    reasons: e.reasons,
    explanation: e.explanation,
  };
}

function presentCandidacy(d: CandidateDetail): z.infer<typeof candidacyJson> {
  const current = d.ruleVersions.find((v) => v.version === d.ruleVersion);
  return {
    id: d.id,
    programme: d.programme.slug,
    registeredOn: d.registeredOn,
    status: displayStatus(d.status, d.evaluation.status),
    withdrawnReason: d.status === 'withdrawn' ? d.withdrawnReason : null,
    capstone: { status: d.capstoneStatus, completedOn: d.capstoneCompletedOn },
    ruleVersion: {
      id: current?.id ?? '',
      version: d.ruleVersion,
      effectiveFrom: current?.effectiveFrom ?? '',
    },
    evaluation: presentEvaluation(d.evaluation),
    results: d.results.map((r) => ({
      course: r.courseCode,
      courseTitle: text(r.courseTitle),
      outcome: r.outcome,
      grade: r.grade,
      startsOn: r.startsOn,
      completedOn: r.completedOn,
      source: r.source,
      editionId: r.editionId,
    })),
    enrolments: d.enrolments.map((e) => ({
      editionId: e.editionId,
      course: e.courseCode,
      courseTitle: text(e.courseTitle),
      startsOn: e.startsOn,
      endsOn: e.endsOn,
      status: e.status,
      hasResult: e.hasResult,
    })),
    extensions: d.extensions.map((x) => ({ months: x.months, reason: x.reason, grantedAt: x.grantedAt })),
  };
}

function presentPerson(p: Account): z.infer<typeof personJson> {
  return {
    id: p.id,
    fullName: p.fullName,
    email: p.email,
    country: p.country,
    constituency: p.constituency,
    language: p.preferredLocale,
  };
}

/** The JSON shape of a candidate for programme managers. */
export function presentCandidate(found: {
  detail: CandidateDetail;
  person: Account;
  audit: AuditTrail;
}): z.infer<typeof candidateJson> {
  return {
    ...presentCandidacy(found.detail),
    person: presentPerson(found.person),
    ruleVersions: found.detail.ruleVersions,
    audit: found.audit.events.map((a) => ({
      occurredAt: a.occurredAt,
      actorId: a.actorId,
      actorName: a.actorId ? (found.audit.names[a.actorId] ?? null) : null,
      action: a.action,
      before: a.before,
      after: a.after,
    })),
  };
}

/** The JSON shape of one line of the candidates list. */
export function presentCandidateListItem(
  item: CandidateListItem,
): z.infer<typeof candidateListJson>['candidates'][number] {
  return {
    id: item.id,
    person: {
      id: item.userId,
      fullName: item.fullName,
      email: item.email,
      country: item.country,
      constituency: item.constituency,
      language: item.language,
    },
    registeredOn: item.registeredOn,
    status: item.status,
    deadline: item.deadline,
    atRisk: item.atRisk,
    awardable: item.awardable,
    met: item.met,
    requirements: item.requirements,
  };
}

/** The JSON shape of an edition in a class list or a list of next steps. */
export function presentEditionSummary(e: Edition): z.infer<typeof editionSummaryJson> {
  return {
    id: e.id,
    course: e.courseCode,
    courseTitle: text(e.courseTitle),
    code: e.code,
    language: e.language,
    mode: e.mode,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    registrationOpen: e.registrationOpen,
    registrationDeadline: e.registrationDeadline,
    status: e.status,
  };
}

/** The JSON shape of the signed-in person's pathways. */
export function presentMyPathways(pathways: MyPathway[]): z.infer<typeof myPathwaysJson> {
  return {
    pathways: pathways.map((p) => ({
      ...presentCandidacy(p.detail),
      nextEditions: p.nextEditions.map(presentEditionSummary),
    })),
  };
}

/** The JSON shape of one person in a class list. */
export function presentClassRow(row: ClassRow): z.infer<typeof classRowJson> {
  return {
    enrolmentId: row.enrolmentId,
    status: row.status,
    person: { id: row.userId, fullName: row.fullName, email: row.email, country: row.country },
    result: row.result,
  };
}

/** The JSON shape of a rule version. */
export function presentRuleVersion(v: RuleVersion): z.infer<typeof ruleVersionJson> {
  return {
    id: v.id,
    version: v.version,
    effectiveFrom: v.effectiveFrom,
    note: v.note,
    rules: v.rules as unknown as Record<string, unknown>,
    createdAt: v.createdAt,
  };
}
