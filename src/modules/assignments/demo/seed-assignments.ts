/**
 * The demo's marking at work, through the same use cases people use: the online migration-data edition
 * (W9052027, three confirmed participants) gets a data brief with a three-criterion rubric, second marking
 * and a 10-point discrepancy threshold; its markers say which languages they mark in and are allocated by
 * language; the three submissions stand in three states of the workflow: one released (mark and feedback
 * for the participant), one flagged pair waiting for the moderator, one being marked. Runs once (nothing
 * is done when the edition has an assignment).
 */
import type { Deps } from '../../../deps.js';
import type { Actor, Role } from '../../../kernel/actor.js';
import { addDays } from '../../../kernel/clock.js';
import { findEditionIdByCode } from '../../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../../identity/create-person.js';
import { allocateMarkersEvenly } from '../../marking/allocation/allocate-markers.js';
import { saveMarkerLanguages } from '../../marking/allocation/save-marker-languages.js';
import { markersOfSubmission, markingOfOwner } from '../../marking/marking.queries.js';
import { agreeMark } from '../../marking/moderation/moderate-submission.js';
import { releaseMark } from '../../marking/release-marks.js';
import { saveRubric } from '../../marking/rubrics/save-rubric.js';
import { markFromForm, saveMark } from '../../marking/save-mark.js';
import { listAssignmentsOfEdition } from '../assignments.repository.js';
import { createAssignment } from '../save-assignment.js';
import { saveDraft } from '../save-draft.js';
import { MARKING_OWNER } from '../submission-state.js';
import { submitAssignment } from '../submit-assignment.js';

/** The edition whose assignment the demo marks. */
export const DEMO_MARKING_EDITION = 'W9052027';

const WORK: { email: string; language: 'en' | 'es'; text: string }[] = [
  {
    email: 'aisha.bello@example.org',
    language: 'en',
    text: 'Nigeria’s labour migration statistics come from three sources that rarely meet: border records, the labour force survey and consular registers. This brief proposes a shared register of outgoing workers, quarterly releases and a common definition of a migrant worker.',
  },
  {
    email: 'ramesh.shrestha@example.org',
    language: 'en',
    text: 'Nepal issues labour permits to every worker going abroad, yet returnees disappear from the data. This brief recommends linking the permit system to the social security fund so that the return and the skills of migrant workers can be counted.',
  },
  {
    email: 'maria.santos@example.org',
    language: 'es',
    text: 'Filipinas publica cada año la encuesta de trabajadores en el extranjero. Este informe propone añadir preguntas sobre las comisiones de contratación y compararlas con los datos de las agencias autorizadas.',
  },
];

async function actorFor(deps: Deps, email: string, roles: readonly Role[]): Promise<UserActor | null> {
  const id = await findPersonIdByEmail(deps.db, deps, email);
  return id ? { kind: 'user', id, roles, via: 'session' } : null;
}

type UserActor = Extract<Actor, { kind: 'user' }>;

/** Three criteria: two out of 10 points, the recommendations on levels out of 4 (the assessment bench's too). */
export const DEMO_RUBRIC = {
  title: 'Data brief',
  criteria: [
    { id: 'c1', title: 'Analysis of the sources', weight: 2, maxPoints: 10, levels: [] },
    { id: 'c2', title: 'Use of the data', weight: 2, maxPoints: 10, levels: [] },
    {
      id: 'c3',
      title: 'Recommendations',
      weight: 1,
      maxPoints: 4,
      levels: [
        { label: 'Weak', points: 1 },
        { label: 'Fair', points: 2 },
        { label: 'Good', points: 3 },
        { label: 'Excellent', points: 4 },
      ],
    },
  ],
};

const scores = (c1: string, c2: string, c3: string, overall: string, complete = true) =>
  markFromForm({
    'points.c1': c1,
    'points.c2': c2,
    'points.c3': c3,
    'comment.c1': 'The sources are named and compared.',
    overall,
    complete: complete ? 'on' : '',
  });

/** Seeds the demo's marking (see the file's comment); returns how many submissions it made. */
export async function seedDemoAssignments(deps: Deps): Promise<number> {
  const editionId = await findEditionIdByCode(deps.db, deps, DEMO_MARKING_EDITION);
  if (!editionId || (await listAssignmentsOfEdition(deps.db, editionId)).length) return 0;
  const manager = await actorFor(deps, 'manager@example.org', ['manager']);
  const first = await actorFor(deps, 'assessor@example.org', ['assessor']);
  const second = await actorFor(deps, 'ngozi.okafor@example.org', ['facilitator', 'assessor']);
  if (!manager || !first || !second) return 0;
  const now = deps.clock.now().toISOString();
  const { id: rubricId } = await saveRubric(deps.db, deps, manager, null, DEMO_RUBRIC);
  const { id: assignmentId } = await createAssignment(deps.db, deps, manager, editionId, {
    title: 'Data brief',
    instructions: {
      en: 'Write a two-page brief on one gap in your country’s labour migration data and how to close it.',
      fr: 'Rédigez une note de deux pages sur une lacune des données de migration de main-d’œuvre de votre pays et la façon de la combler.',
      es: 'Redacte un informe de dos páginas sobre una laguna de los datos de migración laboral de su país y cómo cerrarla.',
    },
    acceptsText: true,
    acceptsFiles: true,
    fileTypes: ['pdf', 'docx'],
    opensAt: `${addDays(now.slice(0, 10), -7)}T08:00:00.000Z`,
    dueAt: `${addDays(now.slice(0, 10), 14)}T17:00:00.000Z`,
    cutoffAt: `${addDays(now.slice(0, 10), 16)}T17:00:00.000Z`,
    markingDueAt: `${addDays(now.slice(0, 10), 30)}T17:00:00.000Z`,
    resubmission: 'until-passed',
    rubricId,
    secondMarking: true,
    discrepancy: '10',
    passMark: '50',
  });
  await saveMarkerLanguages(deps.db, deps, first, { languages: ['en', 'fr'] });
  await saveMarkerLanguages(deps.db, deps, second, { languages: ['en', 'es'] });
  const markingIds: string[] = [];
  for (const work of WORK) {
    const participant = await actorFor(deps, work.email, ['participant']);
    if (!participant) continue;
    await saveDraft(deps.db, deps, participant, assignmentId, {
      text: work.text,
      declared: true,
      language: work.language,
    });
    const { submissionId } = await submitAssignment(deps.db, deps, participant, assignmentId);
    const marking = await markingOfOwner(deps.db, MARKING_OWNER, submissionId);
    if (marking) markingIds.push(marking.id);
  }
  const markers = { markerIds: [first.id, second.id], method: 'language' };
  await allocateMarkersEvenly(deps.db, deps, manager, editionId, { ...markers, role: 'first' });
  await allocateMarkersEvenly(deps.db, deps, manager, editionId, { ...markers, role: 'second' });
  const markerOf = async (markingId: string, role: string) =>
    (await markersOfSubmission(deps.db, markingId)).get(role) === first.id ? first : second;
  const [released, flagged, inMarking] = markingIds;
  if (released) {
    await saveMark(
      deps.db,
      deps,
      await markerOf(released, 'first'),
      released,
      scores('8', '7', '3', 'A clear, well-sourced brief.'),
    );
    await saveMark(
      deps.db,
      deps,
      await markerOf(released, 'second'),
      released,
      scores('7.5', '7', '3', 'Convincing.'),
    );
    await agreeMark(deps.db, deps, manager, released, {});
    await releaseMark(deps.db, deps, manager, released);
  }
  if (flagged) {
    await saveMark(
      deps.db,
      deps,
      await markerOf(flagged, 'first'),
      flagged,
      scores('4', '4', '2', 'The data are described, not used.'),
    );
    await saveMark(
      deps.db,
      deps,
      await markerOf(flagged, 'second'),
      flagged,
      scores('8', '7', '3', 'A useful proposal.'),
    );
  }
  if (inMarking)
    await saveMark(
      deps.db,
      deps,
      await markerOf(inMarking, 'first'),
      inMarking,
      scores('6', '', '', '', false),
    );
  return markingIds.length;
}
