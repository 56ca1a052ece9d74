/**
 * The credentials module's entry point for the capstones module: a passed capstone is issued as an Open
 * Badges 3.0 AchievementCredential (achievementType `Assessment`) naming the capstone's title, country
 * and date, inside the caller's transaction. The diploma's CLR 2.0 bundle then includes it among its
 * components (diploma-issuance.ts). Permission-free: the capstones module's use case has checked who acts.
 */
import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import { countryName } from '../../../i18n/countries.js';
import { isLocale } from '../../../i18n/i18n.js';
import { enqueueJob } from '../../../jobs/queue.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { BUILDER_KINDS } from '../credential.js';
import { findLiveCapstoneOfCandidacy, insertCredential } from '../credentials.repository.js';
import { loadIssuer } from '../keys/issuer.js';
import { allocateStatusIndex, statusReference } from '../status/status-list-store.js';
import { buildAchievementCredential } from './achievement-credential.js';
import { findHolderFacts, listAutoAwardCandidacyIds } from './certified-facts.repository.js';
import { activeCredentialRow, uniqueShortCode } from './course-issuance.js';
import { CREDENTIAL_LANGUAGES, type LocalizedText } from './credential-input.js';
import { credentialUrl } from './credential-parts.js';
import { criteriaText, inEveryLanguage } from './credential-texts.js';
import { holderSubjectIdOf, newEmailSalt } from './holder.js';
import { CREDENTIAL_JOB_KINDS, enqueueIssuedEffects } from './job-kinds.js';
import { signForms } from './sign-forms.js';

export interface CapstoneCredentialInput {
  capstoneId: string;
  candidacyId: string;
  programmeId: string;
  userId: string;
  title: string;
  /** ISO 3166-1 alpha-2. */
  country: string;
  /** The day it passed (YYYY-MM-DD). */
  completedOn: string;
  /** The agreed mark in hundredths of a percent, only when the programme shows it. */
  mark: number | null;
}

/** Issues the capstone credential (idempotent per candidacy: a live one is returned as it is). */
export async function issueCapstoneCredential(
  db: Executor,
  deps: Services,
  actor: Actor,
  input: CapstoneCredentialInput,
): Promise<{ id: string; shortCode: string }> {
  const live = await findLiveCapstoneOfCandidacy(db, input.candidacyId);
  if (live) return { id: live.id, shortCode: live.short_code };
  const issuer = await loadIssuer(db, deps);
  const holder = await findHolderFacts(db, input.userId);
  if (!holder) throw new AppError('not_found');
  const now = deps.clock.now();
  const id = newId();
  const subjectId = await holderSubjectIdOf(db, holder.id, now);
  const place = await allocateStatusIndex(db, issuer, now);
  const locale = isLocale(holder.preferred_locale) ? holder.preferred_locale : 'en';
  const byLanguage = (make: (language: (typeof CREDENTIAL_LANGUAGES)[number]) => string): LocalizedText =>
    Object.fromEntries(CREDENTIAL_LANGUAGES.map((language) => [language, make(language)]));
  const name = byLanguage((language) => `${input.title} — ${countryName(input.country, language)}`);
  const base = issuer.baseUrl.replace(/\/+$/, '');
  const unsigned = buildAchievementCredential({
    id: credentialUrl(issuer.baseUrl, id),
    kind: BUILDER_KINDS.capstone,
    language: locale,
    title: inEveryLanguage('credential.document.title.capstone', (language) => ({
      title: name[language] ?? input.title,
    })),
    issuer: issuer.profile,
    validFrom: now.toISOString(),
    awardedDate: `${input.completedOn}T00:00:00.000Z`,
    holder: { subjectId, name: holder.full_name, email: holder.email, salt: newEmailSalt() },
    achievement: {
      id: `${base}/capstones/achievements/${encodeURIComponent(input.capstoneId)}`,
      name,
      description: inEveryLanguage('credential.document.capstoneDescription', (language) => ({
        title: input.title,
        country: countryName(input.country, language),
        code: input.country,
      })),
      criteria: criteriaText('capstone'),
      ...(input.mark !== null
        ? {
            grade: {
              label: inEveryLanguage('credential.document.grade'),
              value: `${(input.mark / 100).toFixed(2).replace(/\.?0+$/, '')}%`,
              resultType: 'Percent' as const,
            },
          }
        : {}),
    },
    status: statusReference(issuer.baseUrl, place),
    evidence: [],
  });
  const forms = await signForms(issuer, unsigned, now);
  const shortCode = await uniqueShortCode(db);
  const at = now.toISOString();
  await insertCredential(
    db,
    activeCredentialRow(
      {
        id,
        short_code: shortCode,
        kind: 'capstone',
        user_id: holder.id,
        subject_id: subjectId,
        result_id: null,
        candidacy_id: input.candidacyId,
        course_id: null,
        programme_id: input.programmeId,
        locale,
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
    after: {
      kind: 'capstone',
      userId: holder.id,
      candidacyId: input.candidacyId,
      shortCode,
      statusIndex: place.index,
    },
  });
  await enqueueIssuedEffects(db, deps.clock, id);
  // The capstone is the pathway's last step: a programme that awards automatically gets its diploma now.
  if ((await listAutoAwardCandidacyIds(db, { userId: holder.id, limit: 1 })).length)
    await enqueueJob(db, deps.clock, {
      kind: CREDENTIAL_JOB_KINDS.autoAward,
      payload: { userId: holder.id },
      idempotencyKey: `auto-award:${id}`,
    });
  return { id, shortCode };
}
