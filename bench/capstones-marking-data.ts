/**
 * Scale data for the assessors' own queue (/marking/my) in the capstones suite: the handed-in capstones
 * registered with the marking engine as handing in registers them (owner `capstones`, the programme as
 * context, participant numbers, the programme's capstone rubric, second marking), each allocated to two
 * of ASSESSORS assessors — the demo's assessor@example.org and bench assessors — so each assessor holds a
 * realistic share: 2 × 2,500 ÷ 20 = 250 capstones (125 as first marker, 125 as second). A third of their
 * first marks are complete. Rows are written straight into the marking tables (scale data, as the suite's
 * capstones are), never by the application.
 */
import type { Deps } from '../src/deps.js';
import { newId } from '../src/kernel/ids.js';
import { findPersonIdByEmail } from '../src/modules/identity/create-person.js';

/** How many assessors share the handed-in capstones (the demo's assessor among them). */
export const ASSESSORS = 20;
/** The assessor whose queue the suite measures. */
export const MEASURED_ASSESSOR = 'assessor@example.org';

export interface HandedIn {
  attemptId: string;
  capstoneId: string;
  participantId: string;
}

async function benchAssessors(deps: Deps): Promise<string[]> {
  const measured = await findPersonIdByEmail(deps.db, deps, MEASURED_ASSESSOR);
  if (!measured) throw new Error(`capstones bench: no ${MEASURED_ASSESSOR} in the demo`);
  const template = await deps.db
    .selectFrom('users')
    .selectAll()
    .where('id', '=', measured)
    .executeTakeFirstOrThrow();
  const others = Array.from({ length: ASSESSORS - 1 }, (_, i) => ({
    ...template,
    id: newId(),
    email: `bench-assessor-${i}@example.org`,
    full_name: `Bench Assessor ${i}`,
    search_name: `bench assessor ${i}`,
  }));
  await deps.db.insertInto('users').values(others).execute();
  return [measured, ...others.map((o) => o.id)];
}

/** Registers the handed-in capstones with the marking engine and allocates them (see the file's comment). */
export async function scaleCapstoneMarking(
  deps: Deps,
  programmeId: string,
  handedIn: readonly HandedIn[],
): Promise<void> {
  const assessors = await benchAssessors(deps);
  const settings = await deps.db
    .selectFrom('capstone_settings')
    .select('rubric_id')
    .where('programme_id', '=', programmeId)
    .executeTakeFirst();
  const version = settings?.rubric_id
    ? await deps.db
        .selectFrom('marking_rubric_versions')
        .select('id')
        .where('rubric_id', '=', settings.rubric_id)
        .orderBy('version', 'desc')
        .executeTakeFirst()
    : undefined;
  const last = await deps.db
    .selectFrom('marking_numbers')
    .select((eb) => eb.fn.max('number').as('max'))
    .where('context_id', '=', programmeId)
    .executeTakeFirst();
  let number = Number(last?.max ?? 0);
  const now = new Date().toISOString();
  const scores = JSON.stringify(
    Object.fromEntries(['c1', 'c2', 'c3', 'c4', 'c5'].map((c) => [c, { points: 1400, comment: 'Sound.' }])),
  );
  for (let start = 0; start < handedIn.length; start += 100) {
    const batch = handedIn.slice(start, start + 100);
    const numbers = [];
    const submissions = [];
    const marks = [];
    for (const [j, capstone] of batch.entries()) {
      const i = start + j;
      const submissionId = newId();
      numbers.push({ context_id: programmeId, person_id: capstone.participantId, number: ++number });
      submissions.push({
        id: submissionId,
        owner_module: 'capstones',
        owner_id: capstone.attemptId,
        context_id: programmeId,
        participant_id: capstone.participantId,
        rubric_version_id: version?.id ?? null,
        state: 'in-marking',
        second_marking: 1,
        discrepancy: 1000,
        pass_mark: 5000,
        item_id: null,
        view_path: `/capstones/marking/${capstone.attemptId}`,
        participant_path: `/capstones/${capstone.capstoneId}`,
        agreed_mark: null,
        agreed_note: null,
        agreed_by: null,
        feedback_json: null,
        released_at: null,
        late_penalty: 0,
        members_json: null,
        peer_set_id: null,
        member_marks_json: null,
        language: null,
        created_at: now,
        updated_at: now,
      });
      const complete = i % 3 === 0;
      for (const [role, marker] of [
        ['first', assessors[i % ASSESSORS]!],
        ['second', assessors[(i + 1) % ASSESSORS]!],
      ] as const)
        marks.push({
          id: newId(),
          submission_id: submissionId,
          marker_id: marker,
          role,
          scores_json: role === 'first' && complete ? scores : '{}',
          overall_comment: '',
          total: role === 'first' && complete ? 7000 : null,
          completed_at: role === 'first' && complete ? now : null,
          created_at: now,
          updated_at: now,
        });
    }
    await deps.db.insertInto('marking_numbers').values(numbers).execute();
    await deps.db.insertInto('marking_submissions').values(submissions).execute();
    await deps.db.insertInto('marking_marks').values(marks).execute();
  }
}
