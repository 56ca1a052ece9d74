import type { Executor } from '../../db/database.js';
import { inTransaction } from '../../db/transaction.js';
import type { Services } from '../../deps.js';
import type { Actor } from '../../kernel/actor.js';
import { actorId } from '../../kernel/actor.js';
import { audit } from '../../kernel/audit.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import { isId } from '../../kernel/ids.js';
import { ensure } from '../../kernel/policy.js';
import { issuesToFieldErrors } from '../../kernel/validation.js';
import { findEditionWithCourse } from '../catalogue/catalogue.queries.js';
import type { Course, Edition } from '../catalogue/course.js';
import { enqueueCourseIssuance } from '../credentials/issuing/job-kinds.js';
import { canPathway, canRecordResults, canRecordSomeResults } from './pathway.policy.js';
import {
  findEnrolment,
  findResultOfEnrolment,
  listCandidaciesOfUser,
  listClass,
  updateResult,
} from './pathway.repository.js';
import { type ResultInput, resultSchema } from './pathway.schemas.js';
import { recordNewResults } from './record-new-results.js';
import { resultDateProblems } from './result-dates.js';
import { refreshStandings } from './standing.js';

/** The enrolment statuses of people who had a place in the edition (the class list). */
const HAD_PLACE: readonly string[] = ['enrolled', 'withdrawn'];

/** One row of a class list: a person, their enrolment and their result, if any. */
export interface ClassRow {
  enrolmentId: string;
  status: string;
  userId: string;
  fullName: string;
  email: string;
  country: string | null;
  result: { outcome: string; grade: string | null; completedOn: string } | null;
}

/**
 * Pure: problems of a result for a course and edition (a wrong credential type, an impossible date:
 * in the future or before the edition starts, the check every path that records a result shares).
 */
export function resultProblems(
  result: ResultInput,
  course: Pick<Course, 'credentialOnSuccess'>,
  edition: Pick<Edition, 'startsOn'>,
  today: string,
  prefix = '',
): FieldError[] {
  const problems: FieldError[] = [];
  if (result.outcome === 'achievement' && course.credentialOnSuccess !== 'achievement') {
    problems.push({ path: `${prefix}outcome`, key: 'validation.noAchievementForCourse' });
  }
  const dates = { completedOn: result.completedOn, editionStartsOn: edition.startsOn };
  for (const { field, key } of resultDateProblems(dates, today))
    problems.push({ path: `${prefix}${field}`, key });
  return problems;
}

async function loadEditionFor(db: Executor, _deps: Services, actor: Actor, editionId: string) {
  ensure(actor, canRecordSomeResults(actor));
  const found = await findEditionWithCourse(db, editionId);
  if (!found) throw new AppError('not_found');
  ensure(
    actor,
    canRecordResults(
      actor,
      found.edition.facilitators.map((f) => f.id),
    ),
  );
  return found;
}

/** The class list of an edition with results (programme managers and the edition's facilitators). */
export async function getClassList(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
): Promise<{
  edition: Edition;
  course: Course;
  rows: ClassRow[];
  can: { enrol: boolean; import: boolean };
}> {
  const { edition, course } = await loadEditionFor(db, deps, actor, editionId);
  const rows = (await listClass(db, edition.id)).map(toClassRow);
  return {
    edition,
    course,
    rows,
    can: { enrol: canPathway(actor, 'enrolments.manage'), import: canPathway(actor, 'results.import') },
  };
}

function toClassRow(r: Awaited<ReturnType<typeof listClass>>[number]): ClassRow {
  return {
    enrolmentId: r.enrolment_id,
    status: r.status,
    userId: r.user_id,
    fullName: r.full_name,
    email: r.email,
    country: r.country,
    result:
      r.result_id && r.outcome && r.completed_on
        ? { outcome: r.outcome, grade: r.grade, completedOn: r.completed_on }
        : null,
  };
}

/** Writes (inserts or changes) the result of one enrolment and audits it; returns whether anything changed. */
export async function writeResult(
  db: Executor,
  deps: Services,
  actor: Actor,
  enrolment: { id: string; user_id: string },
  courseId: string,
  result: ResultInput,
  source: 'manual' | 'import',
): Promise<boolean> {
  const now = deps.clock.now().toISOString();
  const existing = await findResultOfEnrolment(db, enrolment.id);
  const after = { outcome: result.outcome, grade: result.grade, completedOn: result.completedOn };
  if (existing) {
    const before = { outcome: existing.outcome, grade: existing.grade, completedOn: existing.completed_on };
    if (JSON.stringify(before) === JSON.stringify(after)) return false;
    await updateResult(db, existing.id, {
      outcome: result.outcome,
      grade: result.grade,
      completed_on: result.completedOn,
      source,
      recorded_by: actor.kind === 'user' ? actor.id : null,
      updated_at: now,
    });
    await audit(db, deps.clock, actor, {
      action: 'result.changed',
      targetType: 'user',
      targetId: enrolment.user_id,
      before: { enrolmentId: enrolment.id, ...before },
      after,
    });
    // Its certificate is issued after commit (once per result and outcome: an unchanged outcome is a no-op).
    await enqueueCourseIssuance(db, deps.clock, {
      resultId: existing.id,
      outcome: result.outcome,
      recordedBy: actorId(actor),
    });
    return true;
  }
  await recordNewResults(db, deps, actor, [
    {
      userId: enrolment.user_id,
      courseId,
      enrolmentId: enrolment.id,
      source,
      outcome: result.outcome,
      grade: result.grade,
      completedOn: result.completedOn,
    },
  ]);
  return true;
}

/**
 * Records the results of an edition's class in one go (programme managers and the edition's
 * facilitators): every row is checked first; any problem refuses them all, with the row in the path
 * (`rows.3.outcome`). The candidacies of the people concerned are re-evaluated in the same transaction.
 */
export async function recordClassResults(
  db: Executor,
  deps: Services,
  actor: Actor,
  editionId: string,
  rows: readonly { enrolmentId: string; result: unknown }[],
): Promise<{ changed: number }> {
  const { edition, course } = await loadEditionFor(db, deps, actor, editionId);
  const today = deps.clock.now().toISOString().slice(0, 10);
  const problems: FieldError[] = [];
  const parsed: { enrolmentId: string; result: ResultInput }[] = [];
  rows.forEach((row, index) => {
    const check = resultSchema.safeParse(row.result);
    if (!check.success) {
      for (const f of issuesToFieldErrors(check.error.issues))
        problems.push({ ...f, path: `rows.${index}.${f.path}` });
      return;
    }
    problems.push(...resultProblems(check.data, course, edition, today, `rows.${index}.`));
    parsed.push({ enrolmentId: row.enrolmentId, result: check.data });
  });
  if (problems.length) throw new AppError('validation_failed', {}, problems);
  return inTransaction(db, async (trx) => {
    let changed = 0;
    const people = new Set<string>();
    for (const row of parsed) {
      const enrolment = isId(row.enrolmentId) ? await findEnrolment(trx, row.enrolmentId) : undefined;
      // A request, a waiting-list entry or a declined request is no place: it gets no result.
      if (!enrolment || enrolment.edition_id !== edition.id || !HAD_PLACE.includes(enrolment.status))
        throw new AppError('not_found');
      if (await writeResult(trx, deps, actor, enrolment, course.id, row.result, 'manual')) {
        changed += 1;
        people.add(enrolment.user_id);
      }
    }
    for (const userId of people) await refreshStandings(trx, await listCandidaciesOfUser(trx, userId), today);
    return { changed };
  });
}

/** Records one enrolment's result (the same rules as the class list); returns its class-list row. */
export async function recordResult(
  db: Executor,
  deps: Services,
  actor: Actor,
  enrolmentId: string,
  input: unknown,
): Promise<ClassRow> {
  ensure(actor, canRecordSomeResults(actor));
  if (!isId(enrolmentId)) throw new AppError('not_found');
  const enrolment = await findEnrolment(db, enrolmentId);
  if (!enrolment) throw new AppError('not_found');
  try {
    await recordClassResults(db, deps, actor, enrolment.edition_id, [{ enrolmentId, result: input }]);
  } catch (error) {
    if (error instanceof AppError && error.code === 'validation_failed') {
      throw new AppError(
        'validation_failed',
        {},
        error.fields.map((f) => ({ ...f, path: f.path.replace(/^rows\.0\./, '') })),
      );
    }
    throw error;
  }
  const [row] = await listClass(db, enrolment.edition_id, enrolment.id);
  if (!row) throw new AppError('not_found');
  return toClassRow(row);
}
