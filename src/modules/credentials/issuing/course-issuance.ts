/**
 * Issuance of a course certificate inside the caller's transaction: holder id, status index, the built
 * and signed credential in every form, the row, the audit event and the after-commit jobs. Shared by
 * `issueCourseCredential` (the job) and `supersedeCredential` (a correction). Not a use case.
 */
import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { isLocale } from '../../../i18n/i18n.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { newShortCode } from '../credential.js';
import { findCredentialByShortCode, insertCredential } from '../credentials.repository.js';
import type { CredentialsTable } from '../credentials.tables.js';
import type { IssuerContext } from '../keys/issuer.js';
import { allocateStatusIndex, statusReference } from '../status/status-list-store.js';
import { buildAchievementCredential } from './achievement-credential.js';
import { type findResultFacts, listCourseThemeFacts } from './certified-facts.repository.js';
import { courseCredentialInput } from './course-credential.js';
import { holderSubjectIdOf, newEmailSalt } from './holder.js';
import { enqueueIssuedEffects } from './job-kinds.js';
import { signForms } from './sign-forms.js';

/** The facts of a result as `findResultFacts` reads them. */
export type ResultFacts = NonNullable<Awaited<ReturnType<typeof findResultFacts>>>;

/** A credential just issued. */
export interface IssuedCredential {
  id: string;
  shortCode: string;
}

/** A short code no credential has yet (40 random bits: a clash is rare, and checked). */
export async function uniqueShortCode(db: Executor): Promise<string> {
  for (;;) {
    const code = newShortCode();
    if (!(await findCredentialByShortCode(db, code))) return code;
  }
}

/** A new, active credential's row: the given facts, no status change yet, no PDF yet. */
export function activeCredentialRow(
  fields: Pick<
    Insertable<CredentialsTable>,
    | 'id'
    | 'short_code'
    | 'kind'
    | 'user_id'
    | 'subject_id'
    | 'result_id'
    | 'candidacy_id'
    | 'course_id'
    | 'programme_id'
    | 'locale'
    | 'status_index'
    | 'clr_json'
    | 'issued_at'
  >,
  forms: { json: string; jwtRs256: string; jwtEddsa: string },
): Insertable<CredentialsTable> {
  return {
    ...fields,
    status: 'active',
    status_reason: null,
    status_note: null,
    status_changed_at: null,
    status_changed_by: null,
    superseded_by: null,
    credential_json: forms.json,
    jwt_rs256: forms.jwtRs256,
    jwt_eddsa: forms.jwtEddsa,
    pdf_key: null,
    updated_at: fields.issued_at,
  };
}

/** Issues the certificate of `kind` for a result (the caller has checked that none is live). */
export async function writeCourseCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  issuer: IssuerContext,
  facts: ResultFacts,
  kind: 'achievement' | 'participation',
): Promise<IssuedCredential> {
  const now = deps.clock.now();
  const id = newId();
  const subjectId = await holderSubjectIdOf(db, facts.user_id, now);
  const themes = await listCourseThemeFacts(db, facts.course_id);
  const place = await allocateStatusIndex(db, issuer, now);
  const unsigned = buildAchievementCredential(
    courseCredentialInput({
      credentialId: id,
      kind,
      baseUrl: issuer.baseUrl,
      issuer: issuer.profile,
      issuedAt: now,
      holder: {
        subjectId,
        name: facts.full_name,
        email: facts.email,
        locale: facts.preferred_locale,
        salt: newEmailSalt(),
      },
      course: {
        code: facts.course_code,
        titleI18n: facts.course_title_i18n,
        summaryI18n: facts.course_summary_i18n,
        descriptionI18n: facts.course_description_i18n,
        learningHours: facts.learning_hours,
      },
      themes,
      result: { grade: facts.grade, completedOn: facts.completed_on },
      status: statusReference(issuer.baseUrl, place),
    }),
  );
  const forms = await signForms(issuer, unsigned, now);
  const shortCode = await uniqueShortCode(db);
  const at = now.toISOString();
  await insertCredential(
    db,
    activeCredentialRow(
      {
        id,
        short_code: shortCode,
        kind,
        user_id: facts.user_id,
        subject_id: subjectId,
        result_id: facts.result_id,
        candidacy_id: null,
        course_id: facts.course_id,
        programme_id: null,
        locale: isLocale(facts.preferred_locale) ? facts.preferred_locale : 'en',
        status_index: place.index,
        clr_json: null,
        issued_at: at,
      },
      forms,
    ),
  );
  await audit(db, deps.clock, actor, {
    action: 'credential.issued',
    targetType: 'credential',
    targetId: id,
    after: { kind, userId: facts.user_id, resultId: facts.result_id, shortCode, statusIndex: place.index },
  });
  await enqueueIssuedEffects(db, deps.clock, id);
  return { id, shortCode };
}
