/**
 * Pure: the rule-version form (requirements, courses and how many, equivalences, window years, hours) to and
 * from the rules document (rules/rules.ts). Its checks give translation keys located on the form's fields,
 * so that managers read what is wrong in their language; the engine's schema stays the last guard.
 */
import type { FieldError } from '../../kernel/errors.js';
import {
  MAX_CODE_LENGTH,
  MAX_COMPONENT_HOURS,
  MAX_COURSES_PER_REQUIREMENT,
  MAX_REQUIREMENTS,
  MAX_TOTAL_HOURS,
  MAX_WINDOW_YEARS,
  type PathwayRules,
  type PathwayRulesInput,
} from './rules/rules.js';

/** The form's fields, flat, as they are posted (`req.2.courses`). */
export type RulesFormValues = Record<string, string>;

/** Empty requirement rows the form offers beyond the existing ones (a new requirement without script). */
export const SPARE_REQUIREMENT_ROWS = 2;
export const REQUIREMENT_KINDS = ['course', 'choose', 'capstone'] as const;

const CODE = /^[A-Za-z0-9][A-Za-z0-9._-]*$/;

/** Splits a list typed as "LMA, FRP MALM" or one per line. */
function splitCodes(text: string): string[] {
  return text
    .split(/[\s,;]+/)
    .map((code) => code.trim())
    .filter(Boolean);
}

/** Pure: the form's values for a rules document (to edit it as the start of a new version). */
export function rulesFormValues(rules: PathwayRules): RulesFormValues {
  const values: RulesFormValues = {
    windowYears: String(rules.window.years),
    equivalences: Object.entries(rules.equivalences)
      .map(([from, to]) => `${from} = ${to}`)
      .join('\n'),
    courseHours: Object.entries(rules.courseHours)
      .map(([code, hours]) => `${code} = ${hours}`)
      .join('\n'),
    capstoneHours: rules.capstoneHours ? String(rules.capstoneHours) : '',
    totalHours: rules.totalHours === undefined ? '' : String(rules.totalHours),
  };
  rules.requirements.forEach((requirement, index) => {
    values[`req.${index}.id`] = requirement.id;
    values[`req.${index}.kind`] = requirement.kind;
    if (requirement.kind === 'capstone') values[`req.${index}.after`] = requirement.after.join(', ');
    else values[`req.${index}.courses`] = requirement.courses.join(', ');
    if (requirement.kind === 'choose') values[`req.${index}.count`] = String(requirement.count);
  });
  return values;
}

/** Pure: how many requirement rows the form shows for these values. */
export function requirementRowCount(values: RulesFormValues): number {
  let filled = 0;
  for (let index = 0; index < MAX_REQUIREMENTS; index++)
    if (values[`req.${index}.id`] || values[`req.${index}.courses`] || values[`req.${index}.after`])
      filled = index + 1;
  return Math.min(MAX_REQUIREMENTS, filled + SPARE_REQUIREMENT_ROWS);
}

type Problems = FieldError[];

function wholeNumber(
  text: string | undefined,
  path: string,
  min: number,
  max: number,
  problems: Problems,
  integer = true,
): number | undefined {
  const trimmed = (text ?? '').trim();
  if (!trimmed) return undefined;
  const value = Number(trimmed.replace(',', '.'));
  if (!Number.isFinite(value)) problems.push({ path, key: 'validation.notNumber' });
  else if (integer && !Number.isInteger(value)) problems.push({ path, key: 'validation.notInteger' });
  else if (value < min) problems.push({ path, key: 'validation.tooSmall', values: { min } });
  else if (value > max) problems.push({ path, key: 'validation.tooBig', values: { max } });
  else return value;
  return undefined;
}

/** Reads "FROM = TO" lines (also "FROM: TO", "FROM -> TO"); a line that does not parse is a problem. */
function pairs(text: string | undefined, path: string, problems: Problems): [string, string][] {
  const out: [string, string][] = [];
  (text ?? '').split(/\r?\n/).forEach((line, index) => {
    if (!line.trim()) return;
    const match = line.match(/^\s*([^\s=:>-][^\s=:>]*)\s*(?:=|:|->|→)\s*(\S+)\s*$/);
    if (!match) {
      problems.push({ path, key: 'rulesForm.error.line', values: { line: index + 1 } });
      return;
    }
    out.push([match[1]!, match[2]!]);
  });
  return out;
}

function checkCode(code: string, path: string, problems: Problems): boolean {
  if (code.length > MAX_CODE_LENGTH || !CODE.test(code)) {
    problems.push({ path, key: 'rulesForm.error.code', values: { code } });
    return false;
  }
  return true;
}

/** One requirement row read, or null when the row is empty. */
function readRequirement(
  values: RulesFormValues,
  index: number,
  problems: Problems,
): PathwayRulesInput['requirements'][number] | null {
  const at = (field: string) => `req.${index}.${field}`;
  const id = (values[at('id')] ?? '').trim();
  const kind = values[at('kind')] ?? 'course';
  const courses = splitCodes(values[at('courses')] ?? '');
  const after = splitCodes(values[at('after')] ?? '');
  if (!id && courses.length === 0 && after.length === 0) return null;
  if (!id) problems.push({ path: at('id'), key: 'validation.required' });
  else checkCode(id, at('id'), problems);
  if (kind === 'capstone') return { id, kind, after };
  if (kind !== 'course' && kind !== 'choose') {
    problems.push({ path: at('kind'), key: 'validation.invalidChoice' });
    return null;
  }
  if (courses.length === 0) problems.push({ path: at('courses'), key: 'rulesForm.error.noCourses' });
  if (courses.length > MAX_COURSES_PER_REQUIREMENT)
    problems.push({
      path: at('courses'),
      key: 'validation.tooMany',
      values: { max: MAX_COURSES_PER_REQUIREMENT },
    });
  const seen = new Set<string>();
  for (const code of courses) {
    if (!checkCode(code, at('courses'), problems)) break;
    if (seen.has(code))
      problems.push({ path: at('courses'), key: 'rulesForm.error.twice', values: { code } });
    seen.add(code);
  }
  if (kind === 'course') return { id, kind, courses };
  const count = wholeNumber(values[at('count')], at('count'), 1, MAX_COURSES_PER_REQUIREMENT, problems);
  if (!(values[at('count')] ?? '').trim()) problems.push({ path: at('count'), key: 'validation.required' });
  else if (count !== undefined && courses.length && count > courses.length)
    problems.push({
      path: at('count'),
      key: 'rulesForm.error.countAboveCourses',
      values: { count, courses: courses.length },
    });
  return { id, kind, count: count ?? 1, courses };
}

/** Cross-row checks: unique ids, one capstone that follows known requirements, equivalences one step. */
function crossChecks(
  requirements: { index: number; requirement: PathwayRulesInput['requirements'][number] }[],
  equivalences: Record<string, string>,
  problems: Problems,
): void {
  const ids = new Map<string, number>();
  let capstones = 0;
  for (const { index, requirement } of requirements) {
    if (!requirement.id) continue;
    if (ids.has(requirement.id))
      problems.push({
        path: `req.${index}.id`,
        key: 'rulesForm.error.duplicateId',
        values: { id: requirement.id },
      });
    else ids.set(requirement.id, index);
    if (requirement.kind === 'capstone' && ++capstones > 1)
      problems.push({ path: `req.${index}.kind`, key: 'rulesForm.error.oneCapstone' });
  }
  for (const { index, requirement } of requirements) {
    if (requirement.kind === 'capstone') {
      for (const id of requirement.after ?? []) {
        if (id === requirement.id)
          problems.push({ path: `req.${index}.after`, key: 'rulesForm.error.afterItself' });
        else if (!ids.has(id))
          problems.push({
            path: `req.${index}.after`,
            key: 'rulesForm.error.unknownRequirement',
            values: { id },
          });
      }
    } else {
      for (const code of requirement.courses) {
        const target = equivalences[code];
        if (target !== undefined)
          problems.push({
            path: `req.${index}.courses`,
            key: 'rulesForm.error.listTarget',
            values: { code, target },
          });
      }
    }
  }
}

/**
 * Pure: the rules document described by the form, or the problems found, each on its field with a
 * translation key. Empty requirement rows are left out.
 */
export function rulesFromForm(values: RulesFormValues): { rules: PathwayRulesInput; problems: FieldError[] } {
  const problems: Problems = [];
  const years = wholeNumber(values.windowYears, 'windowYears', 1, MAX_WINDOW_YEARS, problems);
  if (!(values.windowYears ?? '').trim()) problems.push({ path: 'windowYears', key: 'validation.required' });
  const requirements: { index: number; requirement: PathwayRulesInput['requirements'][number] }[] = [];
  for (let index = 0; index < MAX_REQUIREMENTS; index++) {
    const requirement = readRequirement(values, index, problems);
    if (requirement) requirements.push({ index, requirement });
  }
  if (requirements.length === 0) problems.push({ path: 'req.0.id', key: 'rulesForm.error.noRequirement' });
  const equivalences: Record<string, string> = {};
  for (const [from, to] of pairs(values.equivalences, 'equivalences', problems)) {
    if (!checkCode(from, 'equivalences', problems) || !checkCode(to, 'equivalences', problems)) continue;
    if (from === to) problems.push({ path: 'equivalences', key: 'validation.equivalentToItself' });
    else equivalences[from] = to;
  }
  for (const [from, to] of Object.entries(equivalences))
    if (to in equivalences)
      problems.push({
        path: 'equivalences',
        key: 'rulesForm.error.chain',
        values: { from, to, final: equivalences[to]! },
      });
  const courseHours: Record<string, number> = {};
  for (const [code, hours] of pairs(values.courseHours, 'courseHours', problems)) {
    if (!checkCode(code, 'courseHours', problems)) continue;
    const value = wholeNumber(hours, 'courseHours', 0, MAX_COMPONENT_HOURS, problems, false);
    if (value !== undefined) courseHours[code] = value;
  }
  const capstoneHours = wholeNumber(
    values.capstoneHours,
    'capstoneHours',
    0,
    MAX_COMPONENT_HOURS,
    problems,
    false,
  );
  const totalHours = wholeNumber(values.totalHours, 'totalHours', 0, MAX_TOTAL_HOURS, problems, false);
  crossChecks(requirements, equivalences, problems);
  const rules: PathwayRulesInput = {
    window: { years: years ?? 1 },
    equivalences,
    requirements: requirements.map((r) => r.requirement),
    courseHours,
    capstoneHours: capstoneHours ?? 0,
    ...(totalHours === undefined ? {} : { totalHours }),
  };
  return { rules, problems };
}
