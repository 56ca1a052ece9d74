/**
 * The credentials module's job handlers (registered in src/jobs/handlers.ts). Each is idempotent: issuance
 * finds the live credential, the PDF is stored once, and each email job has its own idempotency key (a
 * retried email job may send its one message again; it never sends another's). Failures are retried with
 * back-off and shown on /admin/jobs.
 */

import { z } from 'zod';
import type { DailyJob, JobHandler } from '../../../jobs/job.js';
import { defineBatchJob, defineJob, PermanentJobError } from '../../../jobs/job.js';
import { enqueueJob } from '../../../jobs/queue.js';
import { isAppError } from '../../../kernel/errors.js';
import { activePeopleWithRole, findPerson } from '../../identity/identity.queries.js';
import { formatShortCode } from '../credential.js';
import { parseStoredCredential, readCredential, textFor } from '../credential-reading.js';
import { HOLDER_CREDENTIALS_PATH, verifyUrl } from '../credential-urls.js';
import { findCredential } from '../credentials.repository.js';
import { ensureCredentialPdf } from '../pdf/credential-pdf.js';
import { awardDiplomasAutomatically } from './award-diplomas-automatically.js';
import { componentRevokedMail, credentialIssuedMail, credentialStatusMail } from './credential-mail.js';
import { issueCourseCredentials } from './issue-course-credential.js';
import { CREDENTIAL_JOB_KINDS } from './job-kinds.js';

const id = z.string().min(1).max(64);

async function credentialOrFail(deps: Parameters<typeof findCredential>[0], credentialId: string) {
  const row = await findCredential(deps, credentialId);
  if (!row) throw new PermanentJobError(`credential ${credentialId} does not exist`);
  return row;
}

/** Issuance jobs run together, at most this many (one transaction, signed on every core). */
export const ISSUE_BATCH_SIZE = 32;

const issueCourse = defineBatchJob(
  CREDENTIAL_JOB_KINDS.issueCourse,
  z.object({ resultId: id, outcome: z.string().max(40) }),
  ISSUE_BATCH_SIZE,
  async ({ 0: first }, payloads) => {
    if (!first) return [];
    const outcomes = await issueCourseCredentials(first.deps.db, first.deps, payloads);
    return outcomes.map((outcome, index) =>
      outcome.ok
        ? { ok: true, result: outcome.value }
        : {
            ok: false,
            error: isAppError(outcome.error, 'not_found')
              ? new PermanentJobError(`result ${payloads[index]!.resultId} does not exist`)
              : outcome.error,
          },
    );
  },
);

const renderPdf = defineJob(
  CREDENTIAL_JOB_KINDS.renderPdf,
  z.object({ credentialId: id }),
  async ({ deps }, { credentialId }) => {
    const bytes = await ensureCredentialPdf(deps.db, deps, await credentialOrFail(deps.db, credentialId));
    return { bytes: bytes.length };
  },
);

const mailIssued = defineJob(
  CREDENTIAL_JOB_KINDS.mailIssued,
  z.object({ credentialId: id }),
  async ({ deps }, { credentialId }) => {
    const row = await credentialOrFail(deps.db, credentialId);
    const person = await findPerson(deps.db, row.user_id);
    if (!person || person.disabled) return { sent: false };
    const content = readCredential(parseStoredCredential(row.credential_json));
    await deps.mailer.send(
      credentialIssuedMail(person.preferredLocale, person.email, {
        name: person.fullName,
        kind: row.kind,
        title: textFor(content.achievementName, person.preferredLocale),
        verifyUrl: verifyUrl(deps.config.baseUrl, row.id),
        listUrl: `${deps.config.baseUrl}${HOLDER_CREDENTIALS_PATH}`,
      }),
    );
    return { sent: true };
  },
);

const mailStatusChanged = defineJob(
  CREDENTIAL_JOB_KINDS.mailStatusChanged,
  z.object({ credentialId: id, status: z.enum(['revoked', 'suspended', 'active']), at: z.string().max(40) }),
  async ({ deps }, { credentialId, status }) => {
    const row = await credentialOrFail(deps.db, credentialId);
    const person = await findPerson(deps.db, row.user_id);
    if (!person || person.disabled) return { sent: false };
    const content = readCredential(parseStoredCredential(row.credential_json));
    await deps.mailer.send(
      credentialStatusMail(person.preferredLocale, person.email, {
        name: person.fullName,
        status,
        title: textFor(content.achievementName, person.preferredLocale),
        verifyUrl: verifyUrl(deps.config.baseUrl, row.id),
      }),
    );
    return { sent: true };
  },
);

const outcomeSchema = z.enum(['suspended', 'still-holds', 'already-suspended']);

/** Fans a component revocation out to one email job per manager (each with its own key). */
const componentRevoked = defineJob(
  CREDENTIAL_JOB_KINDS.componentRevoked,
  z.object({ diplomaId: id, componentId: id, outcome: outcomeSchema }),
  async ({ deps }, payload) => {
    const managers = await activePeopleWithRole(deps.db, 'manager');
    for (const manager of managers) {
      await enqueueJob(deps.db, deps.clock, {
        kind: CREDENTIAL_JOB_KINDS.mailComponentRevoked,
        payload: { ...payload, managerId: manager.id },
        idempotencyKey: `component-revoked-mail:${payload.diplomaId}:${payload.componentId}:${manager.id}`,
      });
    }
    return { managers: managers.length };
  },
);

const mailComponentRevoked = defineJob(
  CREDENTIAL_JOB_KINDS.mailComponentRevoked,
  z.object({ diplomaId: id, componentId: id, outcome: outcomeSchema, managerId: id }),
  async ({ deps }, { diplomaId, componentId, outcome, managerId }) => {
    const [diploma, component] = [
      await credentialOrFail(deps.db, diplomaId),
      await credentialOrFail(deps.db, componentId),
    ];
    const manager = await findPerson(deps.db, managerId);
    if (!manager || manager.disabled) return { sent: false };
    const locale = manager.preferredLocale;
    const read = readCredential(parseStoredCredential(component.credential_json));
    await deps.mailer.send(
      componentRevokedMail(locale, manager.email, {
        name: manager.fullName,
        outcome,
        holder: read.holderName,
        component: textFor(read.achievementName, locale),
        componentCode: formatShortCode(component.short_code),
        diplomaCode: formatShortCode(diploma.short_code),
        diplomaUrl: verifyUrl(deps.config.baseUrl, diploma.id),
      }),
    );
    return { sent: true };
  },
);

const autoAward = defineJob(
  CREDENTIAL_JOB_KINDS.autoAward,
  z.object({ userId: id.optional(), day: z.string().max(10).optional() }),
  async ({ deps }, { userId }) => awardDiplomasAutomatically(deps.db, deps, userId ? { userId } : {}),
);

/** Every job kind of the credentials module. */
export const CREDENTIAL_JOBS: readonly JobHandler[] = [
  issueCourse,
  renderPdf,
  mailIssued,
  mailStatusChanged,
  componentRevoked,
  mailComponentRevoked,
  autoAward,
];

/** The daily run of automatic awards (diplomas that became awardable without a new certificate). */
export const autoAwardDaily: DailyJob = {
  kind: CREDENTIAL_JOB_KINDS.autoAward,
  key: (day) => `auto-award:${day}`,
  payload: (day) => ({ day }),
};
