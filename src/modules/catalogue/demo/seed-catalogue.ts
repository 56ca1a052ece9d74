import type { Deps } from '../../../deps.js';
import { systemActor } from '../../../kernel/actor.js';
import { demoFacilitatorIds } from '../../identity/demo/seed-identity.js';
import type { SeedCounts } from '../../module.js';
import { DEMO_PROGRAMME_SLUG } from '../../programmes/demo/demo-programme.js';
import { findCourseId, findEditionIdByCode } from '../find-ids.js';
import { createCourse } from '../save-course.js';
import { createEdition } from '../save-edition.js';
import { DEMO_COURSES, type DemoCourse, type DemoEdition, ONLINE } from './demo-courses.js';

/** The demo courses and their editions, facilitated in turn by the demo's facilitators (idempotent). */
export async function seedCatalogue(deps: Deps): Promise<SeedCounts> {
  const actor = systemActor('seed');
  const facilitatorIds = await demoFacilitatorIds(deps);
  let courses = 0;
  let editions = 0;
  // Courses that others count as come first (ELMA counts as LMA).
  for (const course of DEMO_COURSES) {
    if (!(await findCourseId(deps.db, deps, course.code))) {
      await createCourse(deps.db, deps, actor, courseInput(course));
      courses += 1;
    }
    for (const [index, edition] of course.editions.entries()) {
      const code = editionCode(course, edition);
      if (await findEditionIdByCode(deps.db, deps, code)) continue;
      const facilitators = [facilitatorIds[index % facilitatorIds.length]!];
      await createEdition(
        deps.db,
        deps,
        actor,
        course.code,
        editionInput(edition, code, facilitators, deps.clock.now().toISOString().slice(0, 10)),
      );
      editions += 1;
    }
  }
  return { courses, editions };
}

function courseInput(course: DemoCourse) {
  return {
    code: course.code,
    title: course.title,
    summary: course.summary,
    description: {},
    learningHours: course.hours,
    credentialOnSuccess: course.credential,
    themes: course.themes,
    programmes: course.role ? [{ slug: DEMO_PROGRAMME_SLUG, role: course.role }] : [],
    countsAs: course.countsAs,
  };
}

const LANGUAGE_LETTER: Record<DemoEdition['language'], string> = { en: 'A', fr: 'B', es: 'C', ar: 'D' };

/** Demo edition codes look like the centre's: a letter and 7 digits (A9012020). */
function editionCode(course: DemoCourse, edition: DemoEdition): string {
  return `${LANGUAGE_LETTER[edition.language]}${course.number}${edition.start.slice(0, 4)}`;
}

function addDays(date: string, days: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

function daysBetween(a: string, b: string): number {
  return Math.round(
    (new Date(`${b}T00:00:00Z`).getTime() - new Date(`${a}T00:00:00Z`).getTime()) / 86_400_000,
  );
}

/** Phases as the centre runs them: self-paced, then live, then the final assignment (or a residential block). */
function editionInput(edition: DemoEdition, code: string, facilitatorIds: string[], today: string) {
  const length = daysBetween(edition.start, edition.end);
  const selfPacedEnd = addDays(edition.start, Math.max(1, Math.floor(length * 0.4)));
  const phases =
    edition.mode === 'residential'
      ? { residentialStart: edition.start, residentialEnd: edition.end }
      : edition.mode === 'blended'
        ? {
            selfPacedStart: edition.start,
            selfPacedEnd,
            residentialStart: addDays(selfPacedEnd, 1),
            residentialEnd: addDays(selfPacedEnd, 5),
            liveStart: addDays(selfPacedEnd, 6),
            liveEnd: edition.end,
            assignmentDue: edition.end,
          }
        : length > 365
          ? { selfPacedStart: edition.start, selfPacedEnd: edition.end }
          : {
              selfPacedStart: edition.start,
              selfPacedEnd,
              liveStart: addDays(selfPacedEnd, 1),
              liveEnd: edition.end,
              assignmentDue: edition.end,
            };
  const upcoming = edition.start > today;
  const alwaysOpen = length > 365 && edition.end >= today;
  return {
    code,
    language: edition.language,
    mode: edition.mode,
    place: edition.place ?? (edition.mode === 'online' ? ONLINE : {}),
    ...phases,
    capacity: edition.capacity ?? null,
    registrationOpen: upcoming || alwaysOpen,
    registrationDeadline: upcoming ? addDays(edition.start, -21) : alwaysOpen ? edition.end : null,
    feeAmount: edition.fee ?? null,
    feeCurrency: edition.fee ? 'EUR' : null,
    facilitatorIds,
  };
}
