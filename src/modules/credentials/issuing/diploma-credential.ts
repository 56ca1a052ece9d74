/**
 * Pure: the builder inputs of a diploma (an OB 3.0 AchievementCredential whose evidence lists the counted
 * component credentials and the capstone) and of its CLR 2.0 bundle. PERSISTED SHAPE: signed into issued
 * credentials.
 */
import { translator } from '../../../i18n/i18n.js';
import { parseLocalized } from '../../../i18n/localized.js';
import { BUILDER_KINDS } from '../credential.js';
import { type ThemeFacts, themeInputs } from './course-credential.js';
import type {
  AchievementCredentialInput,
  ClrCredentialInput,
  CredentialLanguage,
  IssuerProfileInput,
  LocalizedText,
} from './credential-input.js';
import { CREDENTIAL_LANGUAGES } from './credential-input.js';
import { credentialUrl } from './credential-parts.js';
import { contentText, criteriaText, hoursLabel, inEveryLanguage } from './credential-texts.js';
import type { CredentialJson } from './sign.js';

/** A counted component: its credential and what it certifies. */
export interface DiplomaComponent {
  credentialId: string;
  /** The achievement's names, read from the signed component credential. */
  name: LocalizedText;
  completedOn: string;
}

/** Everything a diploma says. */
export interface DiplomaFacts {
  credentialId: string;
  baseUrl: string;
  issuer: IssuerProfileInput;
  issuedAt: Date;
  holder: { subjectId: string; name: string; email: string; locale: CredentialLanguage; salt: string };
  programme: {
    slug: string;
    titleI18n: string;
    summaryI18n: string;
    descriptionI18n: string;
    certificationI18n: string;
    totalHours: number;
  };
  themes: readonly ThemeFacts[];
  components: readonly DiplomaComponent[];
  capstoneCompletedOn: string | null;
  /** The passed capstone's own credential (title and country in its names), when one was issued. */
  capstoneCredential?: { credentialId: string; name: LocalizedText } | null;
  status: AchievementCredentialInput['status'];
}

/** The achievement id of a programme's diploma: the programme page, `#diploma`. */
export function diplomaAchievementId(baseUrl: string, programmeSlug: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/programmes/${encodeURIComponent(programmeSlug)}#diploma`;
}

/** The names of a signed credential's achievement (its language map, else its plain name). */
export function achievementNames(credential: CredentialJson): LocalizedText {
  const achievement = (credential.credentialSubject as { achievement?: Record<string, unknown> } | undefined)
    ?.achievement;
  const map = (achievement?.nameMap ?? {}) as Record<string, unknown>;
  const names: LocalizedText = {};
  for (const language of CREDENTIAL_LANGUAGES) {
    if (typeof map[language] === 'string' && map[language]) names[language] = map[language] as string;
  }
  if (Object.keys(names).length) return names;
  return { en: typeof achievement?.name === 'string' && achievement.name ? achievement.name : '—' };
}

/** A name in a language, else in English, else in any language it has. */
const nameIn = (name: LocalizedText, language: CredentialLanguage): string =>
  name[language] ?? name.en ?? Object.values(name).find(Boolean) ?? '—';

const dated = (id: string, date: string) =>
  inEveryLanguage(id, (language) => ({ date: translator(language).date(date, 'long') }));

/** Pure: the builder input of a diploma. */
export function diplomaCredentialInput(facts: DiplomaFacts): AchievementCredentialInput {
  const title = parseLocalized(facts.programme.titleI18n);
  const name = contentText(title) ?? { en: facts.programme.slug };
  const id = credentialUrl(facts.baseUrl, facts.credentialId);
  const evidence = facts.components.map((component) => ({
    id: credentialUrl(facts.baseUrl, component.credentialId),
    name: component.name,
    narrative: dated('credential.document.evidence.component', component.completedOn),
  }));
  if (facts.capstoneCompletedOn) {
    evidence.push({
      id: facts.capstoneCredential
        ? credentialUrl(facts.baseUrl, facts.capstoneCredential.credentialId)
        : `${id}#capstone`,
      name: facts.capstoneCredential?.name ?? inEveryLanguage('credential.document.evidence.capstone'),
      narrative: dated('credential.document.evidence.capstonePassed', facts.capstoneCompletedOn),
    });
  }
  return {
    id,
    kind: BUILDER_KINDS.diploma,
    language: facts.holder.locale,
    title: inEveryLanguage('credential.document.title.diploma', (language) => ({
      title: nameIn(name, language),
    })),
    issuer: facts.issuer,
    validFrom: facts.issuedAt.toISOString(),
    awardedDate: facts.issuedAt.toISOString(),
    holder: {
      subjectId: facts.holder.subjectId,
      name: facts.holder.name,
      email: facts.holder.email,
      salt: facts.holder.salt,
    },
    achievement: {
      id: diplomaAchievementId(facts.baseUrl, facts.programme.slug),
      name,
      description:
        contentText(parseLocalized(facts.programme.summaryI18n)) ??
        contentText(parseLocalized(facts.programme.descriptionI18n)) ??
        name,
      criteria: contentText(parseLocalized(facts.programme.certificationI18n)) ?? criteriaText('diploma'),
      themes: themeInputs(facts.baseUrl, facts.themes),
      ...(facts.programme.totalHours > 0
        ? { hours: { label: hoursLabel(), value: String(facts.programme.totalHours) } }
        : {}),
    },
    status: facts.status,
    evidence,
  };
}

/** Pure: the CLR 2.0 bundle of a signed diploma and its signed components (same status entry). */
export function diplomaClrInput(
  facts: DiplomaFacts,
  signedDiploma: CredentialJson,
  signedComponents: readonly CredentialJson[],
): ClrCredentialInput {
  const diploma = diplomaCredentialInput(facts);
  return {
    id: `${diploma.id}#clr`,
    language: facts.holder.locale,
    title: inEveryLanguage('credential.document.title.clr', (language) => ({
      title: nameIn(diploma.achievement.name as LocalizedText, language),
    })),
    issuer: facts.issuer,
    validFrom: facts.issuedAt.toISOString(),
    holder: diploma.holder,
    credentials: [signedDiploma, ...signedComponents] as ClrCredentialInput['credentials'],
    parentAchievementId: diploma.achievement.id,
    status: facts.status,
  };
}
