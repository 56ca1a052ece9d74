import type { Deps } from '../deps.js';
import { type Actor, systemActor } from '../kernel/actor.js';
import { findCourseId, findEditionIdByCode } from '../modules/catalogue/find-ids.js';
import { createCourse } from '../modules/catalogue/save-course.js';
import { createEdition } from '../modules/catalogue/save-edition.js';
import { createPerson, findPersonIdByEmail } from '../modules/identity/create-person.js';
import { ensureProgramme, ensureTheme } from '../modules/programmes/create-programme.js';
import { seedDemoAdmissions } from './demo-admissions.js';
import { DEMO_COURSES, type DemoCourse, type DemoEdition, ONLINE } from './demo-courses.js';
import { DEMO_PARTICIPANTS, DEMO_PASSWORD, DEMO_STAFF, type DemoPerson } from './demo-people.js';
import { seedDemoPlaces } from './demo-places.js';
import { DEMO_PROGRAMME, DEMO_PROGRAMME_SLUG, DEMO_THEMES } from './demo-programme.js';
import { seedDemoCredentials } from './seed-credentials.js';
import { seedDemoPathway } from './seed-pathway.js';

export interface SeedReport {
  created: { themes: number; courses: number; editions: number; people: number; candidates: number };
  accounts: { role: string; email: string }[];
  password: string;
}

/**
 * Loads the demo programme through the same use cases managers use (so it is validated and audited).
 * Idempotent: whatever exists already (by slug, course code, edition code, email) is left as it is.
 */
export async function seedDemo(deps: Deps): Promise<SeedReport> {
  const actor = systemActor('seed');
  const report: SeedReport = {
    created: { themes: 0, courses: 0, editions: 0, people: 0, candidates: 0 },
    ...demoAccounts(),
  };
  for (const [index, theme] of DEMO_THEMES.entries()) {
    await ensureTheme(deps.db, deps, actor, theme.slug, index + 1, {
      name: theme.name,
      description: theme.description,
    });
  }
  await ensureProgramme(
    deps.db,
    deps,
    actor,
    DEMO_PROGRAMME_SLUG,
    DEMO_THEMES.map((t) => t.slug),
    DEMO_PROGRAMME,
  );
  const facilitatorIds: string[] = [];
  for (const person of [...DEMO_STAFF, ...DEMO_PARTICIPANTS]) {
    const { id, created } = await ensurePerson(deps, actor, person);
    if (created) report.created.people += 1;
    if (person.roles.includes('facilitator')) facilitatorIds.push(id);
  }
  // Courses that others count as come first (ELMA counts as LMA).
  for (const course of DEMO_COURSES) {
    if (!(await findCourseId(deps.db, deps, course.code))) {
      await createCourse(deps.db, deps, actor, courseInput(course));
      report.created.courses += 1;
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
      report.created.editions += 1;
    }
  }
  report.created.themes = DEMO_THEMES.length;
  report.created.candidates = (await seedDemoPathway(deps)).candidates;
  await seedDemoCredentials(deps);
  await seedDemoPlaces(deps);
  await seedDemoAdmissions(deps);
  return report;
}

/** The demo accounts printed at start: one per role, and their shared password. */
export function demoAccounts(): Pick<SeedReport, 'accounts' | 'password'> {
  return {
    accounts: DEMO_STAFF.slice(0, 5).map((p) => ({ role: p.roles[0]!, email: p.email })),
    password: DEMO_PASSWORD,
  };
}

async function ensurePerson(
  deps: Deps,
  actor: Actor,
  person: DemoPerson,
): Promise<{ id: string; created: boolean }> {
  const existing = await findPersonIdByEmail(deps.db, deps, person.email);
  if (existing) return { id: existing, created: false };
  const { id } = await createPerson(deps.db, deps, actor, {
    email: person.email,
    password: DEMO_PASSWORD,
    fullName: person.fullName,
    preferredLocale: person.locale,
    roles: person.roles,
    country: person.country,
    constituency: person.constituency,
    organisation: person.organisation,
    jobTitle: person.jobTitle,
  });
  return { id, created: true };
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

/** The first start loads the demo programme only into an empty database. */
export { isDatabaseEmpty } from '../modules/programmes/is-empty.js';
