import { serializeLocalized } from '../../i18n/localized.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import { issuesToFieldErrors } from '../../kernel/validation.js';
import { type EditionInput, editionSchema } from './catalogue.schemas.js';
import type { EditionRow } from './catalogue.tables.js';
import { editionDateProblems, editionSpan } from './course.js';

/** Digits after the decimal point in a currency (2 for EUR, 0 for JPY). */
export function currencyDigits(currency: string): number {
  try {
    return (
      new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ??
      2
    );
  } catch {
    return 2;
  }
}

/** Pure: `"1500.5"` EUR → 150050 (minor units), without floating-point rounding. */
export function toMinorUnits(amount: string, currency: string): number {
  const digits = currencyDigits(currency);
  const [whole = '0', fraction = ''] = amount.split('.');
  return Number(whole) * 10 ** digits + Number((fraction + '0'.repeat(digits)).slice(0, digits) || '0');
}

/** The largest fee in minor units: the column is a 32-bit integer on PostgreSQL. */
export const MAX_FEE_MINOR_UNITS = 2_147_483_647;

/**
 * Pure: the problems of a fee amount in a currency: more decimals than the currency has (¥1500.50 would
 * silently become ¥1500) or more than the column holds (a 500 on PostgreSQL otherwise).
 */
export function feeProblems(amount: string, currency: string): FieldError[] {
  const digits = currencyDigits(currency);
  const fraction = (amount.split('.')[1] ?? '').replace(/0+$/, '');
  if (fraction.length > digits) return [{ path: 'feeAmount', key: 'validation.invalidAmount' }];
  if (toMinorUnits(amount, currency) > MAX_FEE_MINOR_UNITS) {
    const max = Math.floor(MAX_FEE_MINOR_UNITS / 10 ** digits);
    return [{ path: 'feeAmount', key: 'validation.tooBig', values: { max } }];
  }
  return [];
}

/**
 * Checks an edition input beyond its shape (dates, mode, fee) and maps it to the columns to store.
 * Throws validation_failed with every problem at once.
 */
export function editionColumns(
  data: EditionInput,
): Omit<EditionRow, 'id' | 'course_id' | 'created_at' | 'updated_at'> {
  const problems: FieldError[] = editionDateProblems(data, data.mode, data.registrationDeadline);
  if ((data.feeAmount === null) !== (data.feeCurrency === null)) {
    problems.push({
      path: data.feeAmount === null ? 'feeAmount' : 'feeCurrency',
      key: 'validation.feeNeedsBoth',
    });
  }
  if (data.feeCurrency !== null && !Intl.supportedValuesOf('currency').includes(data.feeCurrency)) {
    problems.push({ path: 'feeCurrency', key: 'validation.invalidCurrency' });
  } else if (data.feeAmount !== null && data.feeCurrency !== null) {
    problems.push(...feeProblems(data.feeAmount, data.feeCurrency));
  }
  const span = editionSpan(data);
  if (problems.length || !span) throw new AppError('validation_failed', {}, problems);
  return {
    code: data.code,
    language: data.language,
    mode: data.mode,
    place_i18n: serializeLocalized(data.place),
    starts_on: span.startsOn,
    ends_on: span.endsOn,
    self_paced_start: data.selfPacedStart,
    self_paced_end: data.selfPacedEnd,
    live_start: data.liveStart,
    live_end: data.liveEnd,
    residential_start: data.residentialStart,
    residential_end: data.residentialEnd,
    assignment_due: data.assignmentDue,
    capacity: data.capacity,
    registration_open: data.registrationOpen ? 1 : 0,
    registration_deadline: data.registrationDeadline,
    fee_amount:
      data.feeAmount !== null && data.feeCurrency !== null
        ? toMinorUnits(data.feeAmount, data.feeCurrency)
        : null,
    fee_currency: data.feeCurrency,
    status: data.status,
  };
}

const DATE_AND_MODE_FIELDS = {
  mode: true,
  selfPacedStart: true,
  selfPacedEnd: true,
  liveStart: true,
  liveEnd: true,
  residentialStart: true,
  residentialEnd: true,
  assignmentDue: true,
  registrationDeadline: true,
} as const;

/**
 * Parses an edition input and checks it beyond its shape, reporting every problem in one round: when
 * some fields are malformed (say, the capacity), the dates that are readable are still checked, so the
 * person does not fix one error only to meet the next.
 */
export function parseEditionInput(input: unknown): {
  data: EditionInput;
  columns: ReturnType<typeof editionColumns>;
} {
  const parsed = editionSchema.safeParse(input);
  if (parsed.success) return { data: parsed.data, columns: editionColumns(parsed.data) };
  const problems = issuesToFieldErrors(parsed.error.issues);
  const dates = editionSchema.pick(DATE_AND_MODE_FIELDS).safeParse(input);
  if (dates.success) {
    const taken = new Set(problems.map((p) => p.path));
    for (const problem of editionDateProblems(dates.data, dates.data.mode, dates.data.registrationDeadline)) {
      if (!taken.has(problem.path)) problems.push(problem);
    }
  }
  throw new AppError('validation_failed', {}, problems);
}
