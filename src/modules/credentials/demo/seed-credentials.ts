import type { Deps } from '../../../deps.js';
import { runJobsUntilIdle } from '../../../jobs/runner.js';
import { systemActor } from '../../../kernel/actor.js';
import { findCourseId } from '../../catalogue/find-ids.js';
import { findPersonIdByEmail } from '../../identity/create-person.js';
import { listCandidates } from '../../pathway/candidates/list-candidates.js';
import { DEMO_PROGRAMME_SLUG } from '../../programmes/demo/demo-programme.js';
import { awardDiplomas } from '../issuing/award-diplomas.js';
import { CREDENTIAL_JOBS } from '../issuing/credential-jobs.js';
import { CREDENTIAL_JOB_KINDS } from '../issuing/job-kinds.js';
import { getIssuerProfile } from '../keys/get-issuer-profile.js';
import { updateIssuerProfile } from '../keys/update-issuer-profile.js';
import { listDiplomaStates } from '../list-diploma-states.js';
import { listHolderCredentials } from '../list-holder-credentials.js';
import { revokeCredential } from '../status/revoke-credential.js';
import { suspendCredential } from '../status/suspend-credential.js';

/** The demo issuer (the training centre), set unless an administrator has set a profile already. */
const DEMO_ISSUER_NAME = {
  en: 'International Training Centre — Labour Migration Programme',
  fr: 'Centre international de formation — Programme migrations de main-d’œuvre',
  es: 'Centro Internacional de Formación — Programa de Migración Laboral',
};

/** The certificate revoked in the demo: issued in error (it never counted towards his diploma). */
const REVOKED = {
  email: 'ahmed.benali@example.org',
  course: 'MALM',
  note: 'Recorded for the wrong person at import: he did not take this course.',
};
/** The diplomas awarded at seed time, and the one of them suspended. */
const AWARDED = ['aisha.bello@example.org', 'ahmed.benali@example.org'];
const SUSPENDED = {
  email: 'ahmed.benali@example.org',
  note: 'Plagiarism check of the capstone under way.',
};

/**
 * The demo's credentials, through the same use cases and jobs as in production: every result's
 * certificate is issued (the issuance jobs run now; PDFs and emails stay queued for the server's job
 * runner), one certificate is revoked, Aisha's and Ahmed's diplomas are awarded and Ahmed's is suspended.
 * Idempotent: issued credentials are found again, and each change is made only when it is not made yet.
 */
export async function seedDemoCredentials(deps: Deps): Promise<void> {
  const actor = systemActor('seed');
  if ((await getIssuerProfile(deps.db, deps)).updatedAt === null) {
    await updateIssuerProfile(deps.db, deps, actor, {
      name: DEMO_ISSUER_NAME,
      url: deps.config.baseUrl,
      email: 'credentials@example.org',
    });
  }
  const issue = CREDENTIAL_JOBS.filter((job) => job.kind === CREDENTIAL_JOB_KINDS.issueCourse);
  await runJobsUntilIdle(deps, issue, { workerId: 'seed' });

  const revokedUser = await findPersonIdByEmail(deps.db, deps, REVOKED.email);
  const revokedCourse = await findCourseId(deps.db, deps, REVOKED.course);
  if (revokedUser && revokedCourse) {
    const held = await listHolderCredentials(deps.db, deps, actor, { userId: revokedUser });
    const target = held.find((item) => item.courseId === revokedCourse && item.kind === 'achievement');
    if (target && target.status !== 'revoked')
      await revokeCredential(deps.db, deps, actor, target.id, {
        reason: 'issued-in-error',
        note: REVOKED.note,
      });
  }

  const candidacyOf = async (email: string) =>
    (await listCandidates(deps.db, deps, actor, DEMO_PROGRAMME_SLUG, { q: email })).items.find(
      (i) => i.email === email,
    )?.id;
  const candidacies = (await Promise.all(AWARDED.map(candidacyOf))).filter((id): id is string => !!id);
  if (candidacies.length) await awardDiplomas(deps.db, deps, actor, { candidacyIds: candidacies });

  const suspendedCandidacy = await candidacyOf(SUSPENDED.email);
  const diploma = suspendedCandidacy
    ? (await listDiplomaStates(deps.db, deps, actor, [suspendedCandidacy])).get(suspendedCandidacy)
    : undefined;
  if (diploma?.status === 'active')
    await suspendCredential(deps.db, deps, actor, diploma.credentialId, {
      reason: 'under-investigation',
      note: SUSPENDED.note,
    });
}
