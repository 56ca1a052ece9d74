import { randomBytes } from 'node:crypto';
import type { Deps } from '../../src/deps.js';
import { type Actor, type Role, systemActor } from '../../src/kernel/actor.js';
import type { Edition } from '../../src/modules/catalogue/course.js';
import { createPerson } from '../../src/modules/identity/create-person.js';
import { recordClassResults } from '../../src/modules/pathway/record-result.js';
import { registerCandidate } from '../../src/modules/pathway/register-candidate.js';
import { createRuleVersion } from '../../src/modules/pathway/rule-versions.js';
import { enrolDirectly } from '../../src/modules/places/enrol-directly.js';
import { buildCourse, buildEdition, buildProgramme, TEST_PASSWORD, type TestPerson } from './factories.js';

/**
 * Pathway factories: each test gets its own programme (unique slug, its own courses and rule version), so
 * candidates, filters and counts of one test never see another's. Everything goes through the use cases.
 */

const SYSTEM = systemActor('test');
const unique = () => randomBytes(4).toString('hex');

/** A programme with an Academy (and an E-Academy counting as it), four electives and a capstone. */
export interface PathwayProgramme {
  slug: string;
  academy: string;
  eAcademy: string;
  electives: [string, string, string, string];
  /** Version 1 of the rules: the Academy, 3 electives of 4, then the capstone; a 5-year window. */
  ruleVersionId: string;
}

/** The rules of a test programme (`electivesNeeded` of the four electives). */
export function pathwayRules(
  programme: Pick<PathwayProgramme, 'academy' | 'eAcademy' | 'electives'>,
  electivesNeeded = 3,
) {
  return {
    window: { years: 5, from: 'first-counted-start' },
    equivalences: { [programme.eAcademy]: programme.academy },
    requirements: [
      { id: 'academy', kind: 'course', courses: [programme.academy] },
      { id: 'electives', kind: 'choose', count: electivesNeeded, courses: programme.electives },
      { id: 'capstone', kind: 'capstone', after: ['academy', 'electives'] },
    ],
    courseHours: Object.fromEntries([
      [programme.academy, 80],
      [programme.eAcademy, 80],
      ...programme.electives.map((code) => [code, 60]),
    ]),
    capstoneHours: 40,
    totalHours: 300,
  };
}

/** A fresh programme with its courses and rule version 1 (effective from `effectiveFrom`). */
export async function buildPathwayProgramme(
  deps: Deps,
  options: { effectiveFrom?: string } = {},
): Promise<PathwayProgramme> {
  const slug = `diploma-${unique()}`;
  await buildProgramme(deps, slug);
  const academy = await buildCourse(deps, {
    title: { en: 'Test Academy', fr: 'Académie de test' },
    programmes: [{ slug, role: 'compulsory' }],
  });
  const eAcademy = await buildCourse(deps, {
    title: { en: 'Test E-Academy' },
    programmes: [],
    countsAs: [academy.code],
  });
  const electives: string[] = [];
  for (let i = 1; i <= 4; i++) {
    const course = await buildCourse(deps, {
      title: { en: `Elective ${i}`, fr: `Option ${i}` },
      programmes: [{ slug, role: 'elective' }],
    });
    electives.push(course.code);
  }
  const codes = {
    academy: academy.code,
    eAcademy: eAcademy.code,
    electives: electives as [string, string, string, string],
  };
  const version = await createRuleVersion(deps.db, deps, SYSTEM, slug, {
    effectiveFrom: options.effectiveFrom ?? '2015-01-01',
    note: 'Version 1',
    rules: pathwayRules(codes),
  });
  return { slug, ...codes, ruleVersionId: version.id };
}

/** An edition of `courseCode` from `start` to `end` (self-paced, closed for registration: a past one). */
export async function buildDatedEdition(
  deps: Deps,
  courseCode: string,
  start: string,
  end: string,
  overrides: Record<string, unknown> = {},
): Promise<Edition> {
  return buildEdition(deps, courseCode, {
    selfPacedStart: start,
    selfPacedEnd: end,
    liveStart: '',
    liveEnd: '',
    assignmentDue: '',
    registrationOpen: false,
    registrationDeadline: '',
    ...overrides,
  });
}

/** A confirmed participant with a name, country, constituency and language of one's choosing. */
export async function buildParticipant(
  deps: Deps,
  options: {
    fullName?: string;
    country?: string;
    constituency?: string;
    locale?: string;
    roles?: Role[];
  } = {},
): Promise<TestPerson> {
  const email = `candidate-${unique()}@example.org`;
  const roles = options.roles ?? ['participant'];
  const { id } = await createPerson(deps.db, deps, SYSTEM, {
    email,
    password: TEST_PASSWORD,
    fullName: options.fullName ?? `Candidate ${unique()}`,
    preferredLocale: options.locale ?? 'en',
    country: options.country ?? '',
    constituency: options.constituency ?? '',
    roles,
  });
  return { id, email, password: TEST_PASSWORD, roles };
}

/** Registers `person` as a candidate of the programme (on the day given, else today). */
export async function registerAs(
  deps: Deps,
  programme: Pick<PathwayProgramme, 'slug'>,
  person: Pick<TestPerson, 'email'>,
  registeredOn?: string,
): Promise<string> {
  const { id } = await registerCandidate(deps.db, deps, SYSTEM, programme.slug, {
    email: person.email,
    ...(registeredOn ? { registeredOn } : {}),
  });
  return id;
}

/** Enrols `person` in a new edition of `courseCode` (start → end) and records the outcome, completed at the end. */
export async function earn(
  deps: Deps,
  person: Pick<TestPerson, 'email'>,
  courseCode: string,
  start: string,
  end: string,
  outcome: 'achievement' | 'participation' | 'not-passed' | 'withdrawn' = 'achievement',
): Promise<{ edition: Edition; enrolmentId: string }> {
  const edition = await buildDatedEdition(deps, courseCode, start, end);
  const { id: enrolmentId } = await enrolDirectly(deps.db, deps, SYSTEM, edition.id, {
    email: person.email,
    fundingKind: 'self',
  });
  await recordClassResults(deps.db, deps, SYSTEM, edition.id, [
    { enrolmentId, result: { outcome, grade: '', completedOn: end } },
  ]);
  return { edition, enrolmentId };
}

/** The actor of a signed-in person (for calling use cases as them). */
export function actorOf(person: Pick<TestPerson, 'id' | 'roles'>): Actor {
  return { kind: 'user', id: person.id, roles: person.roles, via: 'session' };
}

/**
 * A candidate of `programme` with the Academy done (2025), enrolled in a past edition of the first
 * elective (2 Feb – 13 Mar 2026) that `facilitatorIds` teach, without a result yet.
 */
export async function buildEnrolledCandidate(
  deps: Deps,
  programme: PathwayProgramme,
  options: { facilitatorIds?: string[]; fullName?: string } = {},
) {
  const person = await buildParticipant(deps, options.fullName ? { fullName: options.fullName } : {});
  const candidacyId = await registerAs(deps, programme, person, '2025-01-06');
  await earn(deps, person, programme.academy, '2025-06-16', '2025-06-27');
  const edition = await buildDatedEdition(deps, programme.electives[0], '2026-02-02', '2026-03-13', {
    facilitatorIds: options.facilitatorIds ?? [],
  });
  const { id: enrolmentId } = await enrolDirectly(deps.db, deps, SYSTEM, edition.id, {
    email: person.email,
    fundingKind: 'self',
  });
  return { person, candidacyId, edition, enrolmentId };
}

/** Everything the pathway stores, as text: a refused request must leave it as it was. */
export async function pathwayState(deps: Deps): Promise<string> {
  const count = async (table: 'extensions' | 'rule_versions' | 'audit_events') =>
    Number(
      (
        await deps.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  return JSON.stringify([
    await deps.db.selectFrom('candidacies').selectAll().orderBy('id').execute(),
    await deps.db.selectFrom('enrolments').selectAll().orderBy('id').execute(),
    await deps.db.selectFrom('results').selectAll().orderBy('id').execute(),
    await count('extensions'),
    await count('rule_versions'),
    await count('audit_events'),
  ]);
}
