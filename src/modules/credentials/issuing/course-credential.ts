/**
 * Pure: the builder input of a course certificate (Certificate of Achievement or of Participation) from
 * the facts it certifies. PERSISTED SHAPE: what this returns is signed into issued credentials.
 */
import { isLocale } from '../../../i18n/i18n.js';
import { parseLocalized } from '../../../i18n/localized.js';
import { BUILDER_KINDS, gradeResultType } from '../credential.js';
import type { AchievementCredentialInput, IssuerProfileInput } from './credential-input.js';
import { credentialUrl } from './credential-parts.js';
import { contentText, credentialTitle, criteriaText, gradeLabel, hoursLabel } from './credential-texts.js';

/** A theme as stored (slug and names). */
export interface ThemeFacts {
  slug: string;
  name_i18n: string;
}

/** Everything a course certificate says. */
export interface CourseCredentialFacts {
  credentialId: string;
  kind: 'achievement' | 'participation';
  baseUrl: string;
  issuer: IssuerProfileInput;
  issuedAt: Date;
  holder: { subjectId: string; name: string; email: string; locale: string; salt: string };
  course: {
    code: string;
    titleI18n: string;
    summaryI18n: string;
    descriptionI18n: string;
    learningHours: number;
  };
  themes: readonly ThemeFacts[];
  result: { grade: string | null; completedOn: string };
  status: AchievementCredentialInput['status'];
}

/** The achievement id of a course and kind: the course page, with the kind as fragment. */
export function courseAchievementId(baseUrl: string, courseCode: string, kind: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/courses/${encodeURIComponent(courseCode)}#${kind}`;
}

/** The alignment target of a theme: the catalogue filtered by it. */
export function themeUrl(baseUrl: string, slug: string): string {
  return `${baseUrl.replace(/\/+$/, '')}/courses?theme=${encodeURIComponent(slug)}`;
}

/** Themes as alignments (those without a name in any credential language are left out). */
export function themeInputs(baseUrl: string, themes: readonly ThemeFacts[]) {
  return themes.flatMap((theme) => {
    const name = contentText(parseLocalized(theme.name_i18n));
    return name ? [{ name, url: themeUrl(baseUrl, theme.slug), code: theme.slug }] : [];
  });
}

/** Pure: the builder input of a course certificate. */
export function courseCredentialInput(facts: CourseCredentialFacts): AchievementCredentialInput {
  const title = parseLocalized(facts.course.titleI18n);
  const name = contentText(title) ?? { en: facts.course.code };
  const description =
    contentText(parseLocalized(facts.course.descriptionI18n)) ??
    contentText(parseLocalized(facts.course.summaryI18n)) ??
    name;
  const grade = facts.kind === 'achievement' ? facts.result.grade?.trim() : '';
  return {
    id: credentialUrl(facts.baseUrl, facts.credentialId),
    kind: BUILDER_KINDS[facts.kind],
    language: isLocale(facts.holder.locale) ? facts.holder.locale : 'en',
    title: credentialTitle(facts.kind, title),
    issuer: facts.issuer,
    validFrom: facts.issuedAt.toISOString(),
    awardedDate: `${facts.result.completedOn}T00:00:00Z`,
    holder: {
      subjectId: facts.holder.subjectId,
      name: facts.holder.name,
      email: facts.holder.email,
      salt: facts.holder.salt,
    },
    achievement: {
      id: courseAchievementId(facts.baseUrl, facts.course.code, facts.kind),
      name,
      description,
      criteria: criteriaText(facts.kind),
      themes: themeInputs(facts.baseUrl, facts.themes),
      ...(facts.course.learningHours > 0
        ? { hours: { label: hoursLabel(), value: String(facts.course.learningHours) } }
        : {}),
      ...(grade ? { grade: { label: gradeLabel(), value: grade, resultType: gradeResultType(grade) } } : {}),
    },
    status: facts.status,
  };
}
