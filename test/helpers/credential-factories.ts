import type { Deps } from '../../src/deps.js';
import { runJobsUntilIdle } from '../../src/jobs/runner.js';
import { systemActor } from '../../src/kernel/actor.js';
import { CREDENTIAL_JOBS } from '../../src/modules/credentials/issuing/credential-jobs.js';
import { CREDENTIAL_JOB_KINDS } from '../../src/modules/credentials/issuing/job-kinds.js';
import { registerCandidate } from '../../src/modules/pathway/register-candidate.js';
import { setCapstoneStatus } from '../../src/modules/pathway/set-capstone-status.js';
import type { TestPerson } from './factories.js';
import { buildParticipant, buildPathwayProgramme, earn, type PathwayProgramme } from './pathway-factories.js';

/**
 * Credential factories: certificates and diplomas made the way production makes them (a recorded result,
 * the issuance job run), each test with its own programme and people.
 */

const SYSTEM = systemActor('test');

/** Runs the credentials module's jobs of these kinds (default: issuance only) until none is due. */
export async function runCredentialJobs(
  deps: Deps,
  kinds: readonly string[] = [CREDENTIAL_JOB_KINDS.issueCourse],
): Promise<number> {
  return runJobsUntilIdle(
    deps,
    CREDENTIAL_JOBS.filter((job) => kinds.includes(job.kind)),
    { workerId: 'test' },
  );
}

/** Every job kind of the credentials module. */
export const ALL_CREDENTIAL_JOB_KINDS = Object.values(CREDENTIAL_JOB_KINDS);

/** The id of the live credential of a person's result in a course (by course code), or throws. */
export async function credentialOf(deps: Deps, userId: string, courseCode: string, kind = 'achievement') {
  const row = await deps.db
    .selectFrom('credentials')
    .innerJoin('courses', 'courses.id', 'credentials.course_id')
    .selectAll('credentials')
    .where('credentials.user_id', '=', userId)
    .where('courses.code', '=', courseCode)
    .where('credentials.kind', '=', kind)
    .where('credentials.status', '<>', 'revoked')
    .executeTakeFirst();
  if (!row) throw new Error(`no live ${kind} credential of ${courseCode} for ${userId}`);
  return row;
}

/** A person holding one Certificate of Achievement (or of Participation) of a fresh programme's Academy. */
export async function issuedCertificate(
  deps: Deps,
  options: {
    programme?: PathwayProgramme;
    person?: TestPerson;
    outcome?: 'achievement' | 'participation';
    locale?: string;
    fullName?: string;
  } = {},
) {
  const programme = options.programme ?? (await buildPathwayProgramme(deps));
  const person =
    options.person ??
    (await buildParticipant(deps, {
      ...(options.locale ? { locale: options.locale } : {}),
      ...(options.fullName ? { fullName: options.fullName } : {}),
    }));
  const { edition, enrolmentId } = await earn(
    deps,
    person,
    programme.academy,
    '2025-06-16',
    '2025-06-27',
    options.outcome ?? 'achievement',
  );
  await runCredentialJobs(deps);
  const credential = await credentialOf(deps, person.id, programme.academy, options.outcome ?? 'achievement');
  return { programme, person, edition, enrolmentId, credential };
}

/**
 * A candidate of a fresh programme the pathway says is awardable: the Academy, three of the four
 * electives, the capstone passed, every certificate issued. `spare: true` adds the fourth elective too
 * (a revocation of one counted elective then leaves the diploma standing).
 */
export async function awardableCandidate(
  deps: Deps,
  options: { programme?: PathwayProgramme; spare?: boolean; locale?: string; fullName?: string } = {},
) {
  const programme = options.programme ?? (await buildPathwayProgramme(deps));
  const person = await buildParticipant(deps, {
    ...(options.locale ? { locale: options.locale } : {}),
    ...(options.fullName ? { fullName: options.fullName } : {}),
  });
  const { id: candidacyId } = await registerCandidate(deps.db, deps, SYSTEM, programme.slug, {
    email: person.email,
    registeredOn: '2024-01-08',
  });
  await earn(deps, person, programme.academy, '2024-06-10', '2024-06-21');
  const electives = options.spare ? programme.electives : programme.electives.slice(0, 3);
  for (const [index, code] of electives.entries()) {
    await earn(deps, person, code, `2025-0${index + 1}-06`, `2025-0${index + 1}-28`);
  }
  await setCapstoneStatus(deps.db, deps, SYSTEM, candidacyId, {
    status: 'passed',
    completedOn: '2025-09-30',
  });
  await runCredentialJobs(deps);
  return { programme, person, candidacyId };
}
