/**
 * Calendar dates as ISO `YYYY-MM-DD` strings. Pure helpers, no time zones: a date is a day in the
 * programme's calendar. Four-digit years compare correctly as strings, which the engine relies on.
 */

/** A calendar date `YYYY-MM-DD`. */
export type IsoDate = string;

const ISO_DATE_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;
const MONTHS_PER_YEAR = 12;

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const FEBRUARY = 2;

function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

/** Number of days in a month (1-based month) of a proleptic Gregorian year. */
export function daysInMonth(year: number, month: number): number {
  return month === FEBRUARY && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** Whether a string is a real calendar date written `YYYY-MM-DD` (rejects 2023-02-30). */
export function isIsoDate(value: string): boolean {
  const match = ISO_DATE_PATTERN.exec(value);
  if (!match) return false;
  const month = Number(match[2]);
  const day = Number(match[3]);
  return month >= 1 && month <= MONTHS_PER_YEAR && day >= 1 && day <= daysInMonth(Number(match[1]), month);
}

/**
 * Results of `addMonths` already computed, per number of months then date. Bulk evaluation asks for the
 * same few hundred dates (edition starts, today) plus the window length again and again, and a lookup
 * costs a tenth of the arithmetic and formatting. Each inner map is emptied when it grows past the
 * limit, so memory stays bounded whatever the input.
 */
const addMonthsMemo = new Map<number, Map<IsoDate, IsoDate>>();
const ADD_MONTHS_MEMO_LIMIT = 10_000;

/** Adds whole months, clamping to the end of a shorter month (2020-08-31 + 6 months = 2021-02-28). */
export function addMonths(date: IsoDate, months: number): IsoDate {
  let byDate = addMonthsMemo.get(months);
  if (byDate === undefined) {
    byDate = new Map();
    if (addMonthsMemo.size >= ADD_MONTHS_MEMO_LIMIT) addMonthsMemo.clear();
    addMonthsMemo.set(months, byDate);
  }
  let result = byDate.get(date);
  if (result === undefined) {
    result = computeAddMonths(date, months);
    if (byDate.size >= ADD_MONTHS_MEMO_LIMIT) byDate.clear();
    byDate.set(date, result);
  }
  return result;
}

function computeAddMonths(date: IsoDate, months: number): IsoDate {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  const total = year * MONTHS_PER_YEAR + (month - 1) + months;
  const newYear = Math.floor(total / MONTHS_PER_YEAR);
  const newMonth = total - newYear * MONTHS_PER_YEAR + 1;
  const newDay = Math.min(day, daysInMonth(newYear, newMonth));
  return `${String(newYear).padStart(4, '0')}-${String(newMonth).padStart(2, '0')}-${String(newDay).padStart(2, '0')}`;
}

/** Adds whole years, clamping 29 February to 28 February in a common year. */
export function addYears(date: IsoDate, years: number): IsoDate {
  return addMonths(date, years * MONTHS_PER_YEAR);
}

/** Three-way comparison of two ISO dates (negative, zero or positive). */
export function compareDates(a: IsoDate, b: IsoDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** The later of two ISO dates. */
export function maxDate(a: IsoDate, b: IsoDate): IsoDate {
  return a >= b ? a : b;
}

/** The earlier of two ISO dates. */
export function minDate(a: IsoDate, b: IsoDate): IsoDate {
  return a <= b ? a : b;
}
