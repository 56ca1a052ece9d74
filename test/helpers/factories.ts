import { randomBytes } from 'node:crypto';
import type { Deps } from '../../src/deps.js';
import { type Role, systemActor } from '../../src/kernel/actor.js';
import type { Course, Edition } from '../../src/modules/catalogue/course.js';
import { createCourse } from '../../src/modules/catalogue/save-course.js';
import { createEdition } from '../../src/modules/catalogue/save-edition.js';
import { createPerson } from '../../src/modules/identity/create-person.js';
import { ensureProgramme, ensureTheme } from '../../src/modules/programmes/create-programme.js';

/**
 * Factories: each creates what it needs through the real use cases (validated, audited), with unique
 * values, so tests share no fixtures and can run in parallel.
 */

const SYSTEM = systemActor('test');
export const TEST_PASSWORD = 'correct horse battery staple';

const unique = () => randomBytes(4).toString('hex');

export interface TestPerson {
  id: string;
  email: string;
  password: string;
  roles: Role[];
}

/** A confirmed person with the given roles (participant by default). */
export async function buildPerson(
  deps: Deps,
  options: { roles?: Role[]; fullName?: string; locale?: string } = {},
): Promise<TestPerson> {
  const email = `person-${unique()}@example.org`;
  const roles = options.roles ?? ['participant'];
  const { id } = await createPerson(deps.db, deps, SYSTEM, {
    email,
    password: TEST_PASSWORD,
    fullName: options.fullName ?? `Test Person ${unique()}`,
    preferredLocale: options.locale ?? 'en',
    roles,
  });
  return { id, email, password: TEST_PASSWORD, roles };
}

/** The demo-like programme with its three themes (idempotent). */
export async function buildProgramme(deps: Deps, slug = 'labour-migration'): Promise<string> {
  for (const [i, theme] of ['governance', 'rights', 'development'].entries()) {
    await ensureTheme(deps.db, deps, SYSTEM, theme, i + 1, {
      name: { en: `Theme ${theme}`, fr: `Thème ${theme}` },
    });
  }
  return ensureProgramme(deps.db, deps, SYSTEM, slug, ['governance', 'rights', 'development'], {
    title: { en: 'Diploma in Testing', fr: 'Diplôme de test' },
    summary: { en: 'A programme for tests.' },
    windowYears: 5,
    electivesRequired: 3,
    totalHours: 300,
    capstoneHours: 40,
  });
}

/** A course (code unique unless given), eligible as an elective of the test programme. */
export async function buildCourse(deps: Deps, overrides: Record<string, unknown> = {}): Promise<Course> {
  await buildProgramme(deps);
  return createCourse(deps.db, deps, SYSTEM, {
    code: `C${unique().toUpperCase()}`,
    title: { en: 'Measuring labour migration', fr: 'Mesurer les migrations de main-d’œuvre' },
    summary: { en: 'Statistics for policy.' },
    learningHours: 60,
    credentialOnSuccess: 'achievement',
    themes: ['governance'],
    programmes: [{ slug: 'labour-migration', role: 'elective' }],
    ...overrides,
  });
}

/** An online edition of `courseCode` (self-paced then live), open for registration. */
export async function buildEdition(
  deps: Deps,
  courseCode: string,
  overrides: Record<string, unknown> = {},
): Promise<Edition> {
  return createEdition(deps.db, deps, SYSTEM, courseCode, {
    language: 'en',
    mode: 'online',
    selfPacedStart: '2027-03-01',
    selfPacedEnd: '2027-03-14',
    liveStart: '2027-03-15',
    liveEnd: '2027-04-09',
    assignmentDue: '2027-04-16',
    capacity: 30,
    registrationOpen: true,
    registrationDeadline: '2027-02-15',
    ...overrides,
  });
}
