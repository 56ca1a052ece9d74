import type { EditionRow } from '../../db/schema.js';
import { serializeLocalized } from '../../i18n/localized.js';
import { AppError, type FieldError } from '../../kernel/errors.js';
import type { EditionInput } from './catalogue.schemas.js';
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
