/**
 * Builders of the unsigned credentials we issue: course Certificates of Achievement and Participation and
 * the diploma as Open Badges 3.0 AchievementCredentials (VC 2.0 data model), and the diploma bundle as a
 * CLR 2.0 ClrCredential. Pure: same input, same JSON.
 *
 * PERSISTED SHAPE: the output is signed and stored as the issued credential, and issued credentials are
 * immutable. Changing this shape changes only credentials issued afterwards; keep old ones verifiable.
 * Choices (arrays everywhere, language maps, hours and grade as results, the holder identifiers, the status
 * entry) are explained in docs/decisions/0007-credentials.md.
 */
import type { z } from 'zod';
import {
  CLR_CREDENTIAL_SCHEMA,
  CLR_V2P0_CONTEXT,
  LANGUAGE_MAP_CONTEXT,
  OB_ACHIEVEMENT_CREDENTIAL_SCHEMA,
  OB_EXTENSIONS_CONTEXT,
  OB_V3P0_CONTEXT,
  ONE_EDTECH_SCHEMA_VALIDATOR,
  VC_V2_CONTEXT,
} from '../verifying/contexts.js';
import {
  type AchievementCredentialInput,
  achievementCredentialInputSchema,
  type ClrCredentialInput,
  type CredentialKind,
  type CredentialLanguage,
  clrCredentialInputSchema,
} from './credential-input.js';
import {
  credentialStatus,
  holderIdentifiers,
  holderSubjectId,
  issuerProfile,
  localized,
  textIn,
} from './credential-parts.js';

/** An unsigned credential: plain JSON, ready for `signDataIntegrity` or `signVcJwt`. */
export type UnsignedCredential = Record<string, unknown> & {
  '@context': Array<string | object>;
  id: string;
  type: string[];
  issuer: Record<string, unknown>;
  validFrom: string;
  credentialSubject: Record<string, unknown>;
};

/** The `@context` of our AchievementCredentials (OB's schema wants VC 2.0 first, OB 3.0.x second). */
export const ACHIEVEMENT_CREDENTIAL_CONTEXT = [
  VC_V2_CONTEXT,
  OB_V3P0_CONTEXT,
  OB_EXTENSIONS_CONTEXT,
  LANGUAGE_MAP_CONTEXT,
] as const;

/** The OB `achievementType` of each kind (participation has no OB term, so it uses the `ext:` form). */
export const ACHIEVEMENT_TYPES: Record<CredentialKind, string> = {
  'certificate-of-achievement': 'Certificate',
  'certificate-of-participation': 'ext:CertificateOfParticipation',
  diploma: 'Diploma',
  capstone: 'Assessment',
};

/** The fragment of the ResultDescription ids inside the achievement. */
const RESULT_FRAGMENTS = { grade: 'grade', hours: 'learning-hours' } as const;
/** Our `resultType` for learning hours (OB has none; `ext:` is the extension form). */
const HOURS_RESULT_TYPE = 'ext:LearningHours';
/** Our alignment `targetType` for the programme's themes. */
const THEME_TARGET_TYPE = 'ext:ProgrammeTheme';

type Input = z.output<typeof achievementCredentialInputSchema>;

function results(input: Input, language: CredentialLanguage) {
  const { achievement } = input;
  const descriptions: Array<Record<string, unknown>> = [];
  const values: Array<Record<string, unknown>> = [];
  if (achievement.grade) {
    const id = `${achievement.id}#${RESULT_FRAGMENTS.grade}`;
    descriptions.push({
      id,
      type: ['ResultDescription'],
      name: textIn(achievement.grade.label, language),
      resultType: achievement.grade.resultType,
    });
    values.push({ type: ['Result'], resultDescription: id, value: achievement.grade.value });
  }
  if (achievement.hours) {
    const id = `${achievement.id}#${RESULT_FRAGMENTS.hours}`;
    descriptions.push({
      id,
      type: ['ResultDescription'],
      name: textIn(achievement.hours.label, language),
      resultType: HOURS_RESULT_TYPE,
    });
    values.push({ type: ['Result'], resultDescription: id, value: achievement.hours.value });
  }
  return { descriptions, values };
}

function achievementOf(input: Input, language: CredentialLanguage, issuer: Record<string, unknown>) {
  const { achievement } = input;
  const { descriptions } = results(input, language);
  return {
    id: achievement.id,
    type: ['Achievement'],
    achievementType: ACHIEVEMENT_TYPES[input.kind],
    ...localized('name', achievement.name, language),
    ...localized('description', achievement.description, language),
    criteria: localized('narrative', achievement.criteria, language),
    inLanguage: language,
    creator: { id: issuer.id, type: issuer.type, name: issuer.name, url: issuer.url },
    ...(achievement.imageUrl ? { image: { id: achievement.imageUrl, type: 'Image' } } : {}),
    ...(achievement.themes.length
      ? {
          alignment: achievement.themes.map((theme) => ({
            type: ['Alignment'],
            targetName: textIn(theme.name, language),
            targetUrl: theme.url,
            targetType: THEME_TARGET_TYPE,
            ...(theme.code ? { targetCode: theme.code } : {}),
          })),
        }
      : {}),
    ...(descriptions.length ? { resultDescription: descriptions } : {}),
  };
}

/** An unsigned Open Badges 3.0 AchievementCredential (certificate or diploma). Throws ZodError on bad input. */
export function buildAchievementCredential(rawInput: AchievementCredentialInput): UnsignedCredential {
  const input = achievementCredentialInputSchema.parse(rawInput);
  const { language } = input;
  const issuer = issuerProfile(input.issuer, language);
  const { values } = results(input, language);
  return {
    '@context': [...ACHIEVEMENT_CREDENTIAL_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'OpenBadgeCredential'],
    ...localized('name', input.title, language),
    issuer,
    validFrom: input.validFrom,
    ...(input.validUntil ? { validUntil: input.validUntil } : {}),
    ...(input.awardedDate ? { awardedDate: input.awardedDate } : {}),
    credentialSubject: {
      id: holderSubjectId(input.holder),
      type: ['AchievementSubject'],
      identifier: holderIdentifiers(input.holder),
      achievement: achievementOf(input, language, issuer),
      ...(values.length ? { result: values } : {}),
    },
    ...(input.evidence.length
      ? {
          evidence: input.evidence.map((item) => ({
            id: item.id,
            type: ['Evidence'],
            ...localized('name', item.name, language),
            ...(item.narrative ? localized('narrative', item.narrative, language) : {}),
          })),
        }
      : {}),
    credentialSchema: [{ id: OB_ACHIEVEMENT_CREDENTIAL_SCHEMA, type: ONE_EDTECH_SCHEMA_VALIDATOR }],
    credentialStatus: credentialStatus(input.status),
  };
}

/** The `@context` of our ClrCredentials (the CLR 2.0 test vector's order). */
export const CLR_CREDENTIAL_CONTEXT = [
  VC_V2_CONTEXT,
  CLR_V2P0_CONTEXT,
  OB_V3P0_CONTEXT,
  OB_EXTENSIONS_CONTEXT,
  LANGUAGE_MAP_CONTEXT,
] as const;

function achievementOfCredential(credential: Record<string, unknown>): Record<string, unknown> | undefined {
  const subject = credential.credentialSubject as { achievement?: Record<string, unknown> } | undefined;
  return subject?.achievement;
}

/**
 * An unsigned CLR 2.0 ClrCredential bundling signed credentials (the diploma and its components), their
 * achievements, and `isParentOf` associations from `parentAchievementId` to each other achievement.
 */
export function buildClrCredential(rawInput: ClrCredentialInput): UnsignedCredential {
  const input = clrCredentialInputSchema.parse(rawInput);
  const { language } = input;
  const achievements = input.credentials
    .map(achievementOfCredential)
    .filter((achievement): achievement is Record<string, unknown> => achievement !== undefined);
  const associations = input.parentAchievementId
    ? achievements
        .filter((achievement) => achievement.id !== input.parentAchievementId)
        .map((achievement) => ({
          type: ['Association'],
          associationType: 'isParentOf',
          sourceId: input.parentAchievementId,
          targetId: achievement.id,
        }))
    : [];
  return {
    '@context': [...CLR_CREDENTIAL_CONTEXT],
    id: input.id,
    type: ['VerifiableCredential', 'ClrCredential'],
    ...localized('name', input.title, language),
    issuer: issuerProfile(input.issuer, language),
    validFrom: input.validFrom,
    credentialSubject: {
      id: holderSubjectId(input.holder),
      type: ['ClrSubject'],
      verifiableCredential: input.credentials,
      achievement: achievements,
      ...(associations.length ? { association: associations } : {}),
    },
    credentialSchema: [{ id: CLR_CREDENTIAL_SCHEMA, type: ONE_EDTECH_SCHEMA_VALIDATOR }],
    credentialStatus: credentialStatus(input.status),
  };
}
