/**
 * The marking statements a page about one submission runs on every view (the submission, its marks, its
 * participant number, its feedback files, whether the reader examines its context), built and compiled
 * once per engine (`reusableQuery`); `marking.repository.ts` uses them when asked for a single id.
 */
import type { Executor } from '../../db/database.js';
import { reusableQuery } from '../../db/reusable-query.js';

/** `numbersOf` for one person of one context (a submission's page), built and compiled once per engine. */
const numberOfPerson = reusableQuery((db, contextId: string, personId: string) =>
  db
    .selectFrom('marking_numbers')
    .selectAll()
    .where('context_id', '=', contextId)
    .where('person_id', '=', personId),
);

/** One submission by id, built and compiled once per engine (every marking page reads one). */
export const submissionById = reusableQuery((db, id: string) =>
  db.selectFrom('marking_submissions').selectAll().where('id', '=', id),
);

/** The marks of one submission, built and compiled once per engine. */
export const marksOfSubmission = reusableQuery((db, submissionId: string) =>
  db.selectFrom('marking_marks').selectAll().where('submission_id', '=', submissionId).orderBy('role'),
);

const examinerOf = reusableQuery((db, contextId: string, personId: string) =>
  db
    .selectFrom('marking_examiners')
    .select('person_id')
    .where('context_id', '=', contextId)
    .where('person_id', '=', personId),
);

/** The feedback files of one submission, built and compiled once per engine. */
export const feedbackFilesOfSubmission = reusableQuery((db, submissionId: string) =>
  db
    .selectFrom('marking_feedback_files')
    .selectAll()
    .where('submission_id', '=', submissionId)
    .orderBy('submission_id')
    .orderBy('rank'),
);

/** Whether the person examines the context (an external examiner appointed to it). */
export async function isExaminer(db: Executor, contextId: string, personId: string): Promise<boolean> {
  return (await examinerOf(db, contextId, personId)).length > 0;
}

/** `numbersOf` for one person of one context (`context:person` → number). */
export async function numberMapOfOne(
  db: Executor,
  [contextId]: readonly string[],
  [personId]: readonly string[],
): Promise<Map<string, number>> {
  const rows = await numberOfPerson(db, contextId as string, personId as string);
  return new Map(rows.map((r) => [`${r.context_id}:${r.person_id}`, r.number]));
}
