/**
 * Issuance of a course certificate inside the caller's transaction: holder id, status index, the built
 * and signed credential in every form, the row, the audit event and the after-commit jobs. Shared by
 * `issueCourseCredential` (the job) and `supersedeCredential` (a correction). Not a use case.
 */
import { randomUUID } from 'node:crypto';
import type { Insertable } from 'kysely';
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { isLocale } from '../../../i18n/i18n.js';
import { enqueueJobs } from '../../../jobs/queue.js';
import type { Actor } from '../../../kernel/actor.js';
import { auditMany } from '../../../kernel/audit.js';
import { newId } from '../../../kernel/ids.js';
import { newShortCode } from '../credential.js';
import { findCredentialByShortCode } from '../credentials.repository.js';
import type { CredentialsTable } from '../credentials.tables.js';
import type { IssuerContext } from '../keys/issuer.js';
import { allocateStatusIndexes, statusReference } from '../status/status-list-store.js';
import { buildAchievementCredential } from './achievement-credential.js';
import { type findResultFacts, listThemeFactsOfCourses } from './certified-facts.repository.js';
import { courseCredentialInput } from './course-credential.js';
import { newEmailSalt } from './holder.js';
import {
  findSubjectIds,
  insertCredentials,
  insertSubjectsOnce,
  listTakenShortCodes,
} from './issuance-batch.repository.js';
import { issuedEffects } from './job-kinds.js';
import { signInPool } from './sign-pool.js';

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
  const [issued] = await writeCourseCredentials(db, deps, actor, issuer, [{ facts, kind }]);
  if (!issued) throw new Error('the credential was not issued');
  return issued;
}

/** Short codes no credential has yet, `count` distinct ones (one statement, again for any clash). */
async function uniqueShortCodes(db: Executor, count: number): Promise<string[]> {
  const codes = new Set<string>();
  for (;;) {
    const fresh: string[] = [];
    while (codes.size + fresh.length < count) {
      const code = newShortCode();
      if (!codes.has(code) && !fresh.includes(code)) fresh.push(code);
    }
    const taken = await listTakenShortCodes(db, fresh);
    for (const code of fresh) if (!taken.has(code)) codes.add(code);
    if (codes.size === count) return [...codes];
  }
}

/** The holder ids of some people, made for those who have none yet (at most three statements). */
async function holderSubjectIds(db: Executor, userIds: readonly string[], now: Date) {
  const unique = [...new Set(userIds)];
  const known = await findSubjectIds(db, unique);
  const missing = unique.filter((userId) => !known.has(userId));
  if (missing.length === 0) return known;
  const at = now.toISOString();
  await insertSubjectsOnce(
    db,
    missing.map((userId) => ({ user_id: userId, subject_id: randomUUID(), created_at: at })),
  );
  const created = await findSubjectIds(db, missing);
  for (const userId of missing) {
    const subjectId = created.get(userId);
    if (!subjectId) throw new Error('the holder id could not be stored');
    known.set(userId, subjectId);
  }
  return known;
}

/**
 * Issues certificates for several results at once (the caller has checked that none is live), in the
 * caller's transaction, with a dozen statements for the whole batch: the holder ids, the courses' themes,
 * the status indexes (consecutive), the short codes, one insert of the credentials, one of their audit
 * events, one of their PDF and email jobs. The certificates are signed on the signing threads
 * (`SIGN_WORKERS`, sign-pool.ts), all at once. Each credential is the one `writeCourseCredential` issued
 * alone before: the same builder, the same signing code.
 */
export async function writeCourseCredentials(
  db: Executor,
  deps: Services,
  actor: Actor,
  issuer: IssuerContext,
  items: readonly { facts: ResultFacts; kind: 'achievement' | 'participation' }[],
): Promise<IssuedCredential[]> {
  if (items.length === 0) return [];
  const now = deps.clock.now();
  const at = now.toISOString();
  const subjects = await holderSubjectIds(
    db,
    items.map((item) => item.facts.user_id),
    now,
  );
  const themesOf = new Map<string, { slug: string; name_i18n: string }[]>();
  for (const theme of await listThemeFactsOfCourses(db, [...new Set(items.map((i) => i.facts.course_id))])) {
    const list = themesOf.get(theme.course_id) ?? [];
    list.push({ slug: theme.slug, name_i18n: theme.name_i18n });
    themesOf.set(theme.course_id, list);
  }
  const places = await allocateStatusIndexes(db, issuer, now, items.length);
  const built = items.map(({ facts, kind }, index) => {
    const id = newId();
    const subjectId = subjects.get(facts.user_id)!;
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
        themes: themesOf.get(facts.course_id) ?? [],
        result: { grade: facts.grade, completedOn: facts.completed_on },
        status: statusReference(issuer.baseUrl, places[index]!),
      }),
    );
    return { id, subjectId, unsigned };
  });
  const signed = await Promise.all(
    built.map(({ unsigned }) => signInPool(issuer, unsigned, now, deps.config.signWorkers)),
  );
  const shortCodes = await uniqueShortCodes(db, items.length);
  const issued = items.map(({ facts, kind }, index) => {
    const { id, subjectId } = built[index]!;
    const place = places[index]!;
    const shortCode = shortCodes[index]!;
    const row = activeCredentialRow(
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
      signed[index]!,
    );
    const event = {
      action: 'credential.issued' as const,
      targetType: 'credential',
      targetId: id,
      after: { kind, userId: facts.user_id, resultId: facts.result_id, shortCode, statusIndex: place.index },
    };
    return { id, shortCode, row, event };
  });
  await insertCredentials(
    db,
    issued.map((one) => one.row),
  );
  await auditMany(
    db,
    deps.clock,
    actor,
    issued.map((one) => one.event),
  );
  await enqueueJobs(
    db,
    deps.clock,
    issued.flatMap((one) => issuedEffects(one.id)),
  );
  return issued.map(({ id, shortCode }) => ({ id, shortCode }));
}
