import type { Executor } from '../../../db/database.js';
import type { Services } from '../../../deps.js';
import type { Actor } from '../../../kernel/actor.js';
import { AppError, isAppError } from '../../../kernel/errors.js';
import { ensure } from '../../../kernel/policy.js';
import { getProgramme } from '../../programmes/get-programme.js';
import type { Programme } from '../../programmes/programme.js';
import {
  type AdmissionSettings,
  CRITERIA_MAX,
  loadAdmissionSettings,
  saveAdmissionSettings,
} from '../admission-settings.js';
import { canAdmissions } from '../admissions.policy.js';

/** The settings form's values: one string per field, a list for multiple choices. */
export type SettingsFormValues = Record<string, string | string[]>;

/** How many rows of language requirements the form offers at most (the rules allow 5). */
export const LANGUAGE_ROWS_MAX = 5;

/** The admission settings of a programme for the managers' editor. */
export async function getAdmissionSettingsForEdit(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
): Promise<{ programme: Programme; settings: AdmissionSettings }> {
  ensure(actor, canAdmissions(actor, 'admissions.settings'));
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  return { programme, settings: await loadAdmissionSettings(db, programme.id) };
}

/**
 * Saves the settings sent by the managers' form (validated by the applicant side's schemas in
 * saveAdmissionSettings). Rows the manager left empty are dropped; a field error names the row of the
 * form it belongs to (`criteria.3.maxScore`), not its place among the kept rows.
 */
export async function saveAdmissionSettingsForm(
  db: Executor,
  deps: Services,
  actor: Actor,
  programmeSlug: string,
  body: SettingsFormValues,
): Promise<AdmissionSettings> {
  ensure(actor, canAdmissions(actor, 'admissions.settings'));
  const programme = await getProgramme(db, deps, actor, programmeSlug);
  const { input, criteriaRows, languageRows } = settingsFromForm(body);
  try {
    return await saveAdmissionSettings(db, deps, actor, programme.id, input);
  } catch (error) {
    if (!isAppError(error, 'validation_failed')) throw error;
    const fields = error.fields.map((f) => ({
      ...f,
      path: f.path
        .replace(/^criteria\.(\d+)/, (_, i) => `criteria.${criteriaRows[Number(i)] ?? i}`)
        .replace(
          /^eligibility\.languages\.(\d+)/,
          (_, i) => `eligibility.languages.${languageRows[Number(i)] ?? i}`,
        ),
    }));
    throw new AppError('validation_failed', error.params, fields);
  }
}

const one = (v: string | string[] | undefined) => (Array.isArray(v) ? (v[0] ?? '') : (v ?? '')).trim();
const many = (v: string | string[] | undefined) =>
  (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter(Boolean);
const rowIndexes = (body: SettingsFormValues, prefix: string) =>
  [
    ...new Set(
      Object.keys(body)
        .map((k) => k.match(new RegExp(`^${prefix.replace('.', '\\.')}\\.(\\d+)\\.`))?.[1])
        .filter((i): i is string => i !== undefined)
        .map(Number)
        .filter((i) => i < 50),
    ),
  ].sort((a, b) => a - b);

/**
 * Pure: the settings input from the form's flat fields, with the form row of each kept criterion and
 * language requirement (numbers stay text when they are not numbers, so the schema names the problem).
 */
export function settingsFromForm(body: SettingsFormValues) {
  const number = (text: string) => (text === '' ? null : /^-?\d+$/.test(text) ? Number(text) : text);
  const criteriaRows: number[] = [];
  const criteria = rowIndexes(body, 'criteria').flatMap((i) => {
    const field = (name: string) => one(body[`criteria.${i}.${name}`]);
    const row = {
      id: field('id'),
      label: { en: field('label.en'), fr: field('label.fr'), es: field('label.es') },
      maxScore: field('maxScore'),
    };
    if (!row.id && !row.label.en && !row.label.fr && !row.label.es && !row.maxScore) return [];
    criteriaRows.push(i);
    return [{ ...row, label: Object.fromEntries(Object.entries(row.label).filter(([, v]) => v)) }];
  });
  const languageRows: number[] = [];
  const languages = rowIndexes(body, 'eligibility.languages').flatMap((i) => {
    const anyOf = many(body[`eligibility.languages.${i}.anyOf`]);
    if (anyOf.length === 0) return [];
    languageRows.push(i);
    return [{ anyOf, minLevel: one(body[`eligibility.languages.${i}.minLevel`]) }];
  });
  const degree = one(body['eligibility.minDegree']);
  const closesOn = one(body.closesOn);
  const input = {
    open: ['on', '1', 'true'].includes(one(body.open)),
    closesOn: closesOn === '' ? null : closesOn,
    eligibility: {
      minYearsExperience: number(one(body['eligibility.minYearsExperience'])),
      minDegree: degree === '' ? null : degree,
      fieldsOfStudy: many(body['eligibility.fieldsOfStudy']),
      languages,
    },
    criteria,
  };
  return { input, criteriaRows, languageRows };
}

/** Pure: the form's values for saved settings, with blank rows to add criteria and language requirements. */
export function settingsFormValues(settings: AdmissionSettings): SettingsFormValues {
  const values: SettingsFormValues = {
    open: settings.open ? 'on' : '',
    closesOn: settings.closesOn ?? '',
    'eligibility.minYearsExperience':
      settings.eligibility.minYearsExperience === null ? '' : String(settings.eligibility.minYearsExperience),
    'eligibility.minDegree': settings.eligibility.minDegree ?? '',
    'eligibility.fieldsOfStudy': [...settings.eligibility.fieldsOfStudy],
  };
  settings.eligibility.languages.forEach((l, i) => {
    values[`eligibility.languages.${i}.anyOf`] = [...l.anyOf];
    values[`eligibility.languages.${i}.minLevel`] = l.minLevel;
  });
  settings.criteria.forEach((c, i) => {
    values[`criteria.${i}.id`] = c.id;
    for (const locale of ['en', 'fr', 'es'] as const)
      values[`criteria.${i}.label.${locale}`] = c.label[locale] ?? '';
    values[`criteria.${i}.maxScore`] = String(c.maxScore);
  });
  return values;
}

/** How many criterion and language rows the form shows for `values` (the filled ones and blank ones to add). */
export function formRowCounts(values: SettingsFormValues): { criteria: number; languages: number } {
  const filled = (prefix: string, i: number) =>
    Object.entries(values).some(
      ([key, value]) =>
        key.startsWith(`${prefix}.${i}.`) && (Array.isArray(value) ? value.length > 0 : value !== ''),
    );
  const last = (prefix: string) =>
    Math.max(-1, ...rowIndexes(values, prefix).filter((i) => filled(prefix, i)));
  return {
    criteria: Math.min(CRITERIA_MAX, last('criteria') + 3),
    languages: Math.min(LANGUAGE_ROWS_MAX, last('eligibility.languages') + 2),
  };
}
