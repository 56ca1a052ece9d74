import type { FormBody } from '../../http/forms.js';
import { nestLocalizedFields } from '../../i18n/localized.schemas.js';
import { localizedValues } from '../../web/components.js';
import type { Course, Edition } from './course.js';
import { currencyDigits } from './edition-input.js';

/**
 * Translations between the HTML forms of the catalogue (flat string fields) and the use-case inputs
 * (the same shape the JSON API takes).
 */

/** Course form → course input. */
export function courseInputFromForm(body: FormBody): Record<string, unknown> {
  const nested = nestLocalizedFields(body, ['title', 'summary', 'description']);
  const programmes: { slug: string; role: string }[] = [];
  for (const [key, value] of Object.entries(body)) {
    if (key.startsWith('programme.') && typeof value === 'string' && value !== '') {
      programmes.push({ slug: key.slice('programme.'.length), role: value });
      delete nested[key];
    }
  }
  const countsAs = typeof body.countsAs === 'string' ? body.countsAs.split(/[\s,;]+/).filter(Boolean) : [];
  return { ...nested, programmes, countsAs };
}

/** Course → form values (for the edit form). */
export function courseFormValues(course: Course): Record<string, string | string[]> {
  const values: Record<string, string | string[]> = {
    code: course.code,
    ...localizedValues('title', course.title),
    ...localizedValues('summary', course.summary),
    ...localizedValues('description', course.description),
    learningHours: String(course.learningHours),
    credentialOnSuccess: course.credentialOnSuccess,
    themes: course.themes.map((t) => t.slug),
    countsAs: course.countsAs.join(', '),
  };
  for (const p of course.programmes) values[`programme.${p.programmeSlug}`] = p.role;
  return values;
}

/** Edition form → edition input. */
export function editionInputFromForm(body: FormBody): Record<string, unknown> {
  return nestLocalizedFields(body, ['place']);
}

/** Minor units → the decimal text a person types (150050 EUR → "1500.50"). */
export function formatMajorUnits(minor: number, currency: string): string {
  const digits = currencyDigits(currency);
  if (digits === 0) return String(minor);
  const text = String(minor).padStart(digits + 1, '0');
  return `${text.slice(0, -digits)}.${text.slice(-digits)}`;
}

/** Edition → form values (for the edit form). */
export function editionFormValues(edition: Edition): Record<string, string | string[]> {
  const date = (d: string | null) => d ?? '';
  return {
    code: edition.code ?? '',
    language: edition.language,
    mode: edition.mode,
    ...localizedValues('place', edition.place),
    selfPacedStart: date(edition.selfPacedStart),
    selfPacedEnd: date(edition.selfPacedEnd),
    liveStart: date(edition.liveStart),
    liveEnd: date(edition.liveEnd),
    residentialStart: date(edition.residentialStart),
    residentialEnd: date(edition.residentialEnd),
    assignmentDue: date(edition.assignmentDue),
    capacity: edition.capacity === null ? '' : String(edition.capacity),
    registrationOpen: edition.registrationOpen ? 'on' : '',
    registrationDeadline: date(edition.registrationDeadline),
    feeAmount:
      edition.feeAmount !== null && edition.feeCurrency
        ? formatMajorUnits(edition.feeAmount, edition.feeCurrency)
        : '',
    feeCurrency: edition.feeCurrency ?? '',
    status: edition.status,
    facilitatorIds: edition.facilitators.map((f) => f.id),
  };
}
