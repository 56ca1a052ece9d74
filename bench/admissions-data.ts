/**
 * The admissions suite's data: the demo (`seedDemo`: the programme open for applications, its settings,
 * four demo applications), then N synthetic applicants, each with one application to the demo programme,
 * spread over the statuses, countries, constituencies and eligibility outcomes, with reviewers assigned,
 * scores and decisions. Written in batches (one transaction per batch) through the admissions module's
 * repositories (`insertApplicationRow`, `insertReviewer`, `upsertScore`, `insertDecision`) and the scale
 * generator's bulk user inserts. Deterministic (seed 42).
 *
 * Shortcuts (synthetic data, not records of anyone's actions): no uploaded files (no `application_files`
 * rows, nothing in the storage), no audit events, no notifications, and accepted applications are not
 * registered as candidates (`candidacy_id` null). The answers are checked with the module's zod schema and
 * the eligibility is evaluated by the module's own rules, so every row is one the application could write.
 */
import type { Insertable } from 'kysely';
import { sql } from 'kysely';
import type { Dialect } from '../src/db/database.js';
import type { Deps } from '../src/deps.js';
import { systemActor } from '../src/kernel/actor.js';
import { newId } from '../src/kernel/ids.js';
import { loadAdmissionSettings } from '../src/modules/admissions/admission-settings.js';
import type { ApplicationsTable } from '../src/modules/admissions/admissions.tables.js';
import {
  APPLICATION_STEPS,
  type ApplicationStatus,
  type ApplicationStep,
  answersSchema,
  DECISION_STATUS,
  type Decision,
} from '../src/modules/admissions/application.js';
import { insertApplicationRow } from '../src/modules/admissions/applications.repository.js';
import { evaluateEligibility } from '../src/modules/admissions/eligibility.js';
import { RECOMMENDATIONS } from '../src/modules/admissions/review/review.js';
import {
  insertDecision,
  insertReviewer,
  upsertScore,
} from '../src/modules/admissions/review/reviews.repository.js';
import { DEMO_PASSWORD } from '../src/modules/identity/demo/demo-people.js';
import type { NewUserRow } from '../src/modules/identity/identity.tables.js';
import { hashPassword } from '../src/modules/identity/passwords/password.js';
import { DEMO_PROGRAMME_SLUG } from '../src/modules/programmes/demo/demo-programme.js';
import { getProgramme } from '../src/modules/programmes/get-programme.js';
import { insertRoleGrantsBulk, insertUsersBulk } from '../src/seed/scale.repository.js';
import { seedDemo } from '../src/seed/seed-demo.js';
import {
  answersUpTo,
  COUNTRIES,
  FAMILY,
  GIVEN,
  LOCALES,
  MORE_COUNTRIES,
  SENTENCES,
} from './admissions-answers.js';

/** Share of each status (sums to 1): a fifth drafts, the rest submitted, in review or decided. */
const STATUS_SHARES: [ApplicationStatus, number][] = [
  ['draft', 0.2],
  ['submitted', 0.25],
  ['under-review', 0.2],
  ['info-requested', 0.04],
  ['accepted', 0.1],
  ['waitlisted', 0.05],
  ['rejected', 0.11],
  ['withdrawn', 0.05],
];
/** Synthetic assessors (besides the demo's); the demo assessor gets about 1 in 15 assignments. */
const REVIEWERS = 40;
const DEMO_ASSESSOR_EMAIL = 'assessor@example.org';
const MANAGER_EMAIL = 'manager@example.org';
/** Applications per transaction. */
const BATCH = 2000;

export interface AdmissionsData {
  programmeId: string;
  programmeSlug: string;
  /** Wall time: demo seed, then the synthetic rows. */
  demoMs: number;
  writeMs: number;
  vacuumMs: number | null;
  counts: {
    applications: number;
    byStatus: Record<string, number>;
    eligible: number;
    notEligible: number;
    overridden: number;
    reviewers: number;
    assignments: number;
    scores: number;
    decisions: number;
    demoAssessorAssignments: number;
    answersBytes: number;
  };
  /** Drafts of synthetic applicants that reached the documents step (email, application id). */
  drafts: { email: string; applicationId: string }[];
}

/** mulberry32, as the scale generator. */
function random(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const isoMinus = (now: number, ms: number) => new Date(now - ms).toISOString();
const DAY = 86_400_000;

export async function generateAdmissionsData(
  deps: Deps,
  count: number,
  dialect: Dialect,
  seed = 42,
): Promise<AdmissionsData> {
  const started = performance.now();
  await seedDemo(deps);
  const demoMs = performance.now() - started;
  const actor = systemActor('bench');
  const programme = await getProgramme(deps.db, deps, actor, DEMO_PROGRAMME_SLUG);
  const settings = await loadAdmissionSettings(deps.db, programme.id);
  const criteria = settings.criteria;
  const staffId = async (email: string) =>
    (await deps.db.selectFrom('users').select('id').where('email', '=', email).executeTakeFirstOrThrow()).id;
  const managerId = await staffId(MANAGER_EMAIL);
  const demoAssessorId = await staffId(DEMO_ASSESSOR_EMAIL);

  const next = random(seed);
  const pick = <T>(items: readonly T[]): T => items[Math.floor(next() * items.length)]!;
  const chance = (p: number) => next() < p;
  const nowMs = deps.clock.now().getTime();
  const nowIso = new Date(nowMs).toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const writeStarted = performance.now();

  // The reviewers: synthetic assessors plus the demo assessor.
  const reviewerUsers: NewUserRow[] = Array.from({ length: REVIEWERS }, (_, n) => ({
    id: newId(),
    email: `admissions-reviewer-${seed}-${n}@example.net`,
    password_hash: passwordHash,
    full_name: `${pick(GIVEN)} ${pick(FAMILY)} (reviewer ${n})`,
    preferred_locale: pick(LOCALES),
    email_verified_at: nowIso,
    country: null,
    constituency: null,
    organisation: null,
    job_title: null,
    disabled_at: null,
    created_at: nowIso,
    updated_at: nowIso,
  }));
  await deps.db.transaction().execute(async (trx) => {
    await insertUsersBulk(trx, reviewerUsers);
    await insertRoleGrantsBulk(
      trx,
      reviewerUsers.map((u) => ({
        user_id: u.id as string,
        role: 'assessor',
        granted_by: null,
        granted_at: nowIso,
      })),
    );
  });
  const reviewerPool = [...reviewerUsers.map((u) => u.id as string), demoAssessorId, demoAssessorId];
  const pickReviewers = (n: number) => {
    const chosen = new Set<string>();
    while (chosen.size < n) chosen.add(pick(reviewerPool));
    return [...chosen];
  };

  const counts: AdmissionsData['counts'] = {
    applications: 0,
    byStatus: {},
    eligible: 0,
    notEligible: 0,
    overridden: 0,
    reviewers: REVIEWERS + 1,
    assignments: 0,
    scores: 0,
    decisions: 0,
    demoAssessorAssignments: 0,
    answersBytes: 0,
  };
  const drafts: AdmissionsData['drafts'] = [];
  const statusOf = () => {
    let roll = next();
    for (const [status, share] of STATUS_SHARES) {
      roll -= share;
      if (roll < 0) return status;
    }
    return 'submitted' as ApplicationStatus;
  };

  for (let offset = 0; offset < count; offset += BATCH) {
    const size = Math.min(BATCH, count - offset);
    const users: NewUserRow[] = [];
    const applications: Insertable<ApplicationsTable>[] = [];
    const assignments: {
      application_id: string;
      reviewer_id: string;
      assigned_at: string;
      score: boolean;
    }[] = [];
    const decisions: { applicationId: string; decision: Decision; at: string; reopenedAt: string | null }[] =
      [];
    for (let i = 0; i < size; i++) {
      const n = offset + i;
      const userId = newId();
      const locale = pick(LOCALES);
      const fullName = `${pick(GIVEN)} ${pick(FAMILY)} ${n}`;
      const email = `admissions-${seed}-${n}@example.net`;
      const country = chance(0.6)
        ? pick(COUNTRIES.slice(0, chance(0.5) ? 3 : COUNTRIES.length))
        : pick(MORE_COUNTRIES);
      users.push({
        id: userId,
        email,
        password_hash: passwordHash,
        full_name: fullName,
        preferred_locale: locale,
        email_verified_at: nowIso,
        country,
        constituency: null,
        organisation: null,
        job_title: null,
        disabled_at: null,
        created_at: nowIso,
        updated_at: nowIso,
      });
      const status = statusOf();
      counts.byStatus[status] = (counts.byStatus[status] ?? 0) + 1;
      const submitted = status !== 'draft';
      // A draft stops somewhere in the form; anything submitted answered every step.
      const reached: ApplicationStep = submitted ? 'review' : pick(APPLICATION_STEPS);
      const answers = answersUpTo(reached, { fullName, country, pick, chance, next, submitted });
      const checked = answersSchema.safeParse(answers);
      if (!checked.success)
        throw new Error(`bench data: generated answers rejected: ${checked.error.message}`);
      const answersJson = JSON.stringify(checked.data);
      counts.answersBytes += answersJson.length;
      const id = newId();
      const createdMs = nowMs - Math.floor(next() * 110 * DAY);
      const createdAt = isoMinus(createdMs, 0);
      const row: Insertable<ApplicationsTable> = {
        id,
        programme_id: programme.id,
        user_id: userId,
        status,
        locale,
        answers_json: answersJson,
        step: reached,
        created_at: createdAt,
        updated_at: createdAt,
      };
      if (!submitted) {
        if (APPLICATION_STEPS.indexOf(reached) >= APPLICATION_STEPS.indexOf('documents'))
          drafts.push({ email, applicationId: id });
        applications.push(row);
        continue;
      }
      const submittedMs = createdMs + Math.floor(next() * Math.min(10 * DAY, nowMs - createdMs));
      const eligibility = evaluateEligibility(settings.eligibility, checked.data);
      Object.assign(row, {
        submitted_at: isoMinus(submittedMs, 0),
        updated_at: isoMinus(submittedMs, 0),
        country: checked.data.countryOfResidence ?? null,
        constituency: checked.data.constituency ?? null,
        eligible: eligibility.eligible ? 1 : 0,
        eligibility_json: JSON.stringify(eligibility),
        justification: eligibility.eligible ? null : pick(SENTENCES).trim(),
      });
      if (eligibility.eligible) counts.eligible++;
      else counts.notEligible++;
      const reviewed = status !== 'submitted' && status !== 'withdrawn';
      if (!eligibility.eligible && reviewed && chance(0.15)) {
        Object.assign(row, {
          override_reason: 'Equivalent experience documented in the CV.',
          override_by: managerId,
          override_at: isoMinus(submittedMs, -DAY),
        });
        counts.overridden++;
      }
      const reviewerCount = reviewed ? 2 : status === 'submitted' && chance(0.3) ? 1 : 0;
      const decided = status in REVERSE_DECISION;
      for (const reviewerId of pickReviewers(reviewerCount)) {
        const score = decided || (status === 'under-review' && chance(0.5));
        assignments.push({
          application_id: id,
          reviewer_id: reviewerId,
          assigned_at: isoMinus(submittedMs, -DAY),
          score,
        });
      }
      if (decided) {
        const decision = REVERSE_DECISION[status]!;
        const at = isoMinus(submittedMs, -Math.floor(5 * DAY + next() * 20 * DAY));
        Object.assign(row, {
          decision,
          decision_message: decision === 'request-info' ? 'Please upload a CV in English or French.' : null,
          decided_by: managerId,
          decided_at: at,
          updated_at: at,
        });
        // Now and then a first decision was reopened before this one.
        if (chance(0.05))
          decisions.push({
            applicationId: id,
            decision: 'waitlist',
            at: isoMinus(submittedMs, -4 * DAY),
            reopenedAt: isoMinus(submittedMs, -4.5 * DAY),
          });
        decisions.push({ applicationId: id, decision, at, reopenedAt: null });
      }
      applications.push(row);
    }
    await deps.db.transaction().execute(async (trx) => {
      await insertUsersBulk(trx, users);
      await insertRoleGrantsBulk(
        trx,
        users.map((u) => ({
          user_id: u.id as string,
          role: 'participant',
          granted_by: null,
          granted_at: nowIso,
        })),
      );
      for (const row of applications) await insertApplicationRow(trx, row);
      for (const a of assignments) {
        await insertReviewer(trx, {
          application_id: a.application_id,
          reviewer_id: a.reviewer_id,
          assigned_by: managerId,
          assigned_at: a.assigned_at,
        });
        if (a.reviewer_id === demoAssessorId) counts.demoAssessorAssignments++;
        if (!a.score) continue;
        const points = Object.fromEntries(criteria.map((c) => [c.id, 1 + Math.floor(next() * c.maxScore)]));
        await upsertScore(trx, {
          application_id: a.application_id,
          reviewer_id: a.reviewer_id,
          scores_json: JSON.stringify(points),
          total: Object.values(points).reduce((sum, p) => sum + p, 0),
          recommendation: pick(RECOMMENDATIONS),
          note: chance(0.3) ? 'Strong field experience; clear goals.' : null,
          submitted_at: a.assigned_at,
          updated_at: a.assigned_at,
        });
        counts.scores++;
      }
      for (const d of decisions) {
        await insertDecision(trx, {
          id: newId(),
          application_id: d.applicationId,
          decision: d.decision,
          message: d.decision === 'request-info' ? 'Please upload a CV in English or French.' : null,
          decided_by: managerId,
          decided_at: d.at,
          reopened_by: d.reopenedAt ? managerId : null,
          reopened_at: d.reopenedAt,
          reopen_reason: d.reopenedAt ? 'New information from the applicant.' : null,
        });
      }
    });
    counts.applications += applications.length;
    counts.assignments += assignments.length;
    counts.decisions += decisions.length;
  }
  const writeMs = performance.now() - writeStarted;
  let vacuumMs: number | null = null;
  // As the pathway suite: statistics and the visibility map now rather than by autovacuum mid-scenario.
  if (dialect === 'postgres') {
    const vacuumStarted = performance.now();
    await sql`vacuum analyze`.execute(deps.db);
    vacuumMs = performance.now() - vacuumStarted;
  }
  return {
    programmeId: programme.id,
    programmeSlug: programme.slug,
    demoMs,
    writeMs,
    vacuumMs,
    counts,
    drafts,
  };
}

/** The decision behind each decided status. */
const REVERSE_DECISION: Partial<Record<ApplicationStatus, Decision>> = Object.fromEntries(
  Object.entries(DECISION_STATUS).map(([decision, status]) => [status, decision as Decision]),
);
