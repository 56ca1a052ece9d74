/**
 * The assessment bench's data (issue 13): an edition with N submitted assignments marked with a rubric,
 * second marking on, two assessors allocated evenly as first and second markers, the first tenth marked by
 * both (so the list has marks, the moderation sample work and states to count) and the first submission
 * released (its participant's page shows the mark). Each text is a page of synthetic words. Built through the use cases. `bench/assessment-seed.ts`
 * keeps such a database for profiling; `bench/assessment-suite.ts` measures its pages under load.
 */
import type { Deps } from '../src/deps.js';
import { systemActor } from '../src/kernel/actor.js';
import { DEMO_RUBRIC } from '../src/modules/assignments/demo/seed-assignments.js';
import { createAssignment } from '../src/modules/assignments/save-assignment.js';
import { saveDraft } from '../src/modules/assignments/save-draft.js';
import { MARKING_OWNER } from '../src/modules/assignments/submission-state.js';
import { submitAssignment } from '../src/modules/assignments/submit-assignment.js';
import { allocateMarkersEvenly } from '../src/modules/marking/allocation/allocate-markers.js';
import { markersOfSubmission, markingOfOwner } from '../src/modules/marking/marking.queries.js';
import { agreeMark } from '../src/modules/marking/moderation/moderate-submission.js';
import { releaseMark } from '../src/modules/marking/release-marks.js';
import { saveRubric } from '../src/modules/marking/rubrics/save-rubric.js';
import { markFromForm, saveMark } from '../src/modules/marking/save-mark.js';
import { enrolDirectly } from '../src/modules/places/enrol-directly.js';
import { buildCourse, buildEdition, buildPerson, type TestPerson } from '../test/helpers/factories.js';
import { actorOf } from '../test/helpers/pathway-factories.js';

const WORDS_PER_PAGE = 500;

/** A deterministic pseudo-random text of `pages` pages; every tenth one copies a passage of the one before. */
export function syntheticSubmissions(count: number, pages: number): Map<string, string> {
  // Letters only: the similarity check folds texts to words of letters (digits would all fold alike).
  const letters = (n: number) => {
    let word = '';
    for (let rest = n + 26 * 26; rest > 0; rest = Math.floor(rest / 26))
      word += String.fromCharCode(97 + (rest % 26));
    return word;
  };
  const vocabulary = Array.from({ length: 5000 }, (_, i) => letters((i * 7919) % 100_003));
  // mulberry32: integer arithmetic only (a float LCG loses precision and cycles).
  let seed = 42;
  const next = () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return (t ^ (t >>> 14)) >>> 0;
  };
  const texts = new Map<string, string>();
  let previous = '';
  for (let person = 0; person < count; person++) {
    const words = Array.from(
      { length: pages * WORDS_PER_PAGE },
      () => vocabulary[next() % vocabulary.length],
    );
    let text = words.join(' ');
    if (person % 10 === 9) text = `${previous.slice(0, previous.length / 2)} ${text.slice(text.length / 2)}`;
    texts.set(`P-${String(person + 1).padStart(4, '0')}`, text);
    previous = text;
  }
  return texts;
}

/** What the pages of the bench need: who signs in and the ids in their paths. */
export interface AssessmentBenchData {
  facilitator: TestPerson;
  assessor: TestPerson;
  participant: TestPerson;
  editionId: string;
  assignmentId: string;
  rubricId: string;
  /** The first participant's assignment submission (released) and its marking submission. */
  submissionId: string;
  markingId: string;
}

const marks = (a: string, b: string, c: string) =>
  markFromForm({
    'points.c1': a,
    'points.c2': b,
    'points.c3': c,
    'comment.c1': 'The sources are named and compared.',
    overall: 'A clear brief.',
    complete: 'on',
  });

/** Seeds the edition (see the file's comment); `say` reports progress. */
export async function seedAssessment(
  deps: Deps,
  people: number,
  say: (line: string) => void = () => {},
  /** `near-identical`: one shared sentence each (the similarity check's worst case: every pair matches). */
  texts: 'distinct' | 'near-identical' = 'distinct',
): Promise<AssessmentBenchData> {
  const facilitator = await buildPerson(deps, { roles: ['facilitator'] });
  const assessors = [
    await buildPerson(deps, { roles: ['assessor'] }),
    await buildPerson(deps, { roles: ['assessor'] }),
  ];
  const course = await buildCourse(deps);
  const edition = await buildEdition(deps, course.code, {
    facilitatorIds: [facilitator.id],
    capacity: people + 10,
  });
  const staff = actorOf(facilitator);
  const { id: rubricId } = await saveRubric(deps.db, deps, staff, null, DEMO_RUBRIC);
  const { id: assignmentId } = await createAssignment(deps.db, deps, staff, edition.id, {
    title: 'Policy brief',
    instructions: { en: 'Write a two-page brief on one gap in the data and how to close it.' },
    acceptsText: true,
    rubricId,
    secondMarking: true,
    discrepancy: '10',
    passMark: '50',
    markingDueAt: new Date(deps.clock.now().getTime() + 30 * 86_400_000).toISOString(),
  });
  // One page of distinct text each (every tenth copies half of the one before: the similarity check finds pairs).
  const distinct = [...syntheticSubmissions(people, 1).values()];
  const textOf = (index: number) =>
    texts === 'near-identical'
      ? `A brief on the gaps in labour migration data and how a shared register of outgoing workers would close them ${distinct[index]?.split(' ')[0] ?? ''}`
      : (distinct[index] ?? `Brief ${index}`);
  const markingIds: string[] = [];
  let first: TestPerson | null = null;
  let firstSubmission = '';
  for (let index = 0; index < people; index++) {
    const person = await buildPerson(deps);
    first ??= person;
    await enrolDirectly(deps.db, deps, systemActor('bench'), edition.id, {
      email: person.email,
      fundingKind: 'self',
    });
    await saveDraft(deps.db, deps, actorOf(person), assignmentId, {
      text: textOf(index),
      declared: true,
    });
    const { submissionId } = await submitAssignment(deps.db, deps, actorOf(person), assignmentId);
    if (!firstSubmission) firstSubmission = submissionId;
    markingIds.push((await markingOfOwner(deps.db, MARKING_OWNER, submissionId))?.id ?? '');
    if ((index + 1) % 100 === 0) say(`  ${index + 1} submitted`);
  }
  const markerIds = assessors.map((a) => a.id);
  await allocateMarkersEvenly(deps.db, deps, staff, edition.id, { markerIds, role: 'first' });
  await allocateMarkersEvenly(deps.db, deps, staff, edition.id, { markerIds, role: 'second' });
  const byId = new Map(assessors.map((a) => [a.id, actorOf(a)]));
  for (const [index, markingId] of markingIds.slice(0, Math.ceil(people / 10)).entries()) {
    const markers = await markersOfSubmission(deps.db, markingId);
    await saveMark(deps.db, deps, byId.get(markers.get('first') ?? '')!, markingId, marks('7', '6', '3'));
    await saveMark(deps.db, deps, byId.get(markers.get('second') ?? '')!, markingId, marks('7.5', '6', '3'));
    if (index === 0) {
      await agreeMark(deps.db, deps, staff, markingId, {});
      await releaseMark(deps.db, deps, staff, markingId);
    }
  }
  const markingId = markingIds[0]!;
  const firstMarker = (await markersOfSubmission(deps.db, markingId)).get('first');
  return {
    facilitator,
    assessor: assessors.find((a) => a.id === firstMarker) ?? assessors[0]!,
    participant: first!,
    editionId: edition.id,
    assignmentId,
    rubricId,
    submissionId: firstSubmission,
    markingId,
  };
}
