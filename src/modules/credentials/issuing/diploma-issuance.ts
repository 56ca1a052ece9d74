/**
 * Issuance of a diploma inside the caller's transaction, after re-checking there that the pathway
 * evaluation awards it: the counted components' credentials as evidence, the signed diploma in every
 * form, its CLR 2.0 bundle, the row and its component links, the audit events and the after-commit jobs.
 * Shared by `awardDiploma` (and its bulk and automatic forms) and `supersedeCredential`. Not a use case.
 */
import type { Executor } from '../../../db/database.js';
import { inTransaction } from '../../../db/transaction.js';
import type { Services } from '../../../deps.js';
import { isLocale } from '../../../i18n/i18n.js';
import type { Actor } from '../../../kernel/actor.js';
import { audit } from '../../../kernel/audit.js';
import { toDateString } from '../../../kernel/clock.js';
import { AppError } from '../../../kernel/errors.js';
import { newId } from '../../../kernel/ids.js';
import { evaluateCandidacy } from '../../pathway/candidacy-standing.js';
import type { PathwayEvaluation } from '../../pathway/rules/evaluation.js';
import {
  findLiveCapstoneOfCandidacy,
  findLiveDiplomaOfCandidacy,
  insertComponents,
  insertCredential,
} from '../credentials.repository.js';
import type { IssuerContext } from '../keys/issuer.js';
import { allocateStatusIndex, statusReference } from '../status/status-list-store.js';
import { buildAchievementCredential, buildClrCredential } from './achievement-credential.js';
import {
  findHolderFacts,
  findProgrammeFacts,
  listLiveAchievementCredentials,
  listProgrammeThemeFacts,
} from './certified-facts.repository.js';
import { uniqueShortCode } from './course-issuance.js';
import {
  achievementNames,
  type DiplomaFacts,
  diplomaClrInput,
  diplomaCredentialInput,
} from './diploma-credential.js';
import { holderSubjectIdOf, newEmailSalt } from './holder.js';
import { enqueueIssuedEffects } from './job-kinds.js';
import { type CredentialJson, signDataIntegrity } from './sign.js';
import { signForms } from './sign-forms.js';

/** Why a diploma cannot be awarded now (message `credential.problem.<code>`). */
export type AwardProblem =
  | 'notFound'
  | 'notAwardable'
  | 'alreadyAwarded'
  | 'componentsNotIssued'
  | 'componentSuspended';

/** An AppError carrying the precise problem as a field (its message is `credential.problem.<code>`). */
export function awardError(problem: AwardProblem): AppError {
  if (problem === 'notFound') return new AppError('not_found');
  const code = problem === 'alreadyAwarded' ? 'already_exists' : 'invalid_state';
  return new AppError(code, {}, [{ path: 'candidacy', key: `credential.problem.${problem}` }]);
}

/** The problem code of an error thrown by `awardError`, if it is one. */
export function awardProblemOf(error: unknown): AwardProblem | null {
  if (!(error instanceof AppError)) return null;
  if (error.code === 'not_found') return 'notFound';
  const key = error.fields[0]?.key;
  return key?.startsWith('credential.problem.')
    ? (key.slice('credential.problem.'.length) as AwardProblem)
    : null;
}

interface CountedCredential {
  id: string;
  credential: CredentialJson;
  completedOn: string;
}

/** The live Certificates of Achievement behind the components the evaluation counts, in requirement order. */
async function countedCredentials(
  db: Executor,
  userId: string,
  evaluation: PathwayEvaluation,
): Promise<CountedCredential[]> {
  const available = await listLiveAchievementCredentials(db, userId);
  const used = new Set<string>();
  const counted: CountedCredential[] = [];
  for (const requirement of evaluation.requirements) {
    if (requirement.kind === 'capstone') continue;
    for (const component of requirement.components) {
      const match = available.find(
        (row) =>
          !used.has(row.id) &&
          row.course_code === component.course &&
          row.completed_on === component.completed,
      );
      if (!match) throw awardError('componentsNotIssued');
      if (match.status !== 'active') throw awardError('componentSuspended');
      used.add(match.id);
      counted.push({
        id: match.id,
        credential: JSON.parse(match.credential_json) as CredentialJson,
        completedOn: match.completed_on,
      });
    }
  }
  return counted;
}

/**
 * Awards the diploma of a candidacy (throws `awardError`s when it cannot be awarded now), in its own
 * transaction or the caller's. Not authorised here: the use cases that call it are.
 */
export async function issueDiploma(
  db: Executor,
  deps: Services,
  actor: Actor,
  issuer: IssuerContext,
  candidacyId: string,
): Promise<{ id: string; shortCode: string }> {
  return inTransaction(db, (trx) => writeDiploma(trx, deps, actor, issuer, candidacyId));
}

async function writeDiploma(
  db: Executor,
  deps: Services,
  actor: Actor,
  issuer: IssuerContext,
  candidacyId: string,
): Promise<{ id: string; shortCode: string }> {
  const now = deps.clock.now();
  const evaluated = await evaluateCandidacy(db, candidacyId, toDateString(now));
  if (!evaluated) throw awardError('notFound');
  const { candidacy, evaluation } = evaluated;
  if (await findLiveDiplomaOfCandidacy(db, candidacyId)) throw awardError('alreadyAwarded');
  if (!evaluation.awardable || candidacy.status === 'withdrawn') throw awardError('notAwardable');
  const [holder, programme, themes, counted] = [
    await findHolderFacts(db, candidacy.userId),
    await findProgrammeFacts(db, candidacy.programmeId),
    await listProgrammeThemeFacts(db, candidacy.programmeId),
    await countedCredentials(db, candidacy.userId, evaluation),
  ];
  if (!holder || !programme) throw awardError('notFound');
  const capstone = evaluation.requirements.find((requirement) => requirement.kind === 'capstone');
  // The passed capstone's own credential (issued by the capstones module), when there is one: a component.
  const capstoneRow = await findLiveCapstoneOfCandidacy(db, candidacyId);
  const capstoneCredential =
    capstoneRow?.status === 'active'
      ? { id: capstoneRow.id, credential: JSON.parse(capstoneRow.credential_json) as CredentialJson }
      : null;
  const id = newId();
  const place = await allocateStatusIndex(db, issuer, now);
  const locale = isLocale(holder.preferred_locale) ? holder.preferred_locale : 'en';
  const facts: DiplomaFacts = {
    credentialId: id,
    baseUrl: issuer.baseUrl,
    issuer: issuer.profile,
    issuedAt: now,
    holder: {
      subjectId: await holderSubjectIdOf(db, holder.id, now),
      name: holder.full_name,
      email: holder.email,
      locale,
      salt: newEmailSalt(),
    },
    programme: {
      slug: programme.slug,
      titleI18n: programme.title_i18n,
      summaryI18n: programme.summary_i18n,
      descriptionI18n: programme.description_i18n,
      certificationI18n: programme.certification_i18n,
      totalHours: programme.total_hours,
    },
    themes,
    components: counted.map((item) => ({
      credentialId: item.id,
      name: achievementNames(item.credential),
      completedOn: item.completedOn,
    })),
    capstoneCompletedOn: capstone?.kind === 'capstone' ? capstone.completed : candidacy.capstoneCompletedOn,
    capstoneCredential: capstoneCredential
      ? { credentialId: capstoneCredential.id, name: achievementNames(capstoneCredential.credential) }
      : null,
    status: statusReference(issuer.baseUrl, place),
  };
  const forms = await signForms(issuer, buildAchievementCredential(diplomaCredentialInput(facts)), now);
  const clr = await signDataIntegrity(
    buildClrCredential(
      diplomaClrInput(facts, forms.credential, [
        ...counted.map((item) => item.credential),
        ...(capstoneCredential ? [capstoneCredential.credential] : []),
      ]),
    ),
    issuer.keyring,
    issuer.documentLoader,
    { created: now },
  );
  const shortCode = await uniqueShortCode(db);
  const at = now.toISOString();
  await insertCredential(db, {
    id,
    short_code: shortCode,
    kind: 'diploma',
    user_id: holder.id,
    subject_id: facts.holder.subjectId,
    result_id: null,
    candidacy_id: candidacyId,
    course_id: null,
    programme_id: programme.id,
    locale,
    status: 'active',
    status_reason: null,
    status_note: null,
    status_changed_at: null,
    status_changed_by: null,
    superseded_by: null,
    status_index: place.index,
    credential_json: forms.json,
    jwt_rs256: forms.jwtRs256,
    jwt_eddsa: forms.jwtEddsa,
    clr_json: JSON.stringify(clr),
    pdf_key: null,
    issued_at: at,
    updated_at: at,
  });
  const components = [
    ...counted.map((item) => item.id),
    ...(capstoneCredential ? [capstoneCredential.id] : []),
  ];
  await insertComponents(
    db,
    components.map((componentId, position) => ({ diploma_id: id, component_id: componentId, position })),
  );
  await audit(db, deps.clock, actor, {
    action: 'credential.issued',
    targetType: 'credential',
    targetId: id,
    after: {
      kind: 'diploma',
      userId: holder.id,
      candidacyId,
      shortCode,
      statusIndex: place.index,
      components,
    },
  });
  await audit(db, deps.clock, actor, {
    action: 'diploma.awarded',
    targetType: 'candidacy',
    targetId: candidacyId,
    after: { credentialId: id, shortCode, components },
  });
  await enqueueIssuedEffects(db, deps.clock, id);
  return { id, shortCode };
}
