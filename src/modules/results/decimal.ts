/**
 * Exact decimals for marks and percentages: integer hundredths read from the number's decimal text
 * (`"72.5"` → 7250, `"0.29"` → 29), never through a float multiplied by 100 (0.29 × 100 is 28.999…).
 * Pure: no I/O.
 */

/** A JSON number kept as the text it was written with (the lossless reader's output). */
export class DecimalText {
  constructor(readonly text: string) {}
  toJSON(): number {
    return Number(this.text);
  }
  toString(): string {
    return this.text;
  }
}

const NUMBER_TEXT = /^(-?)(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/;

/**
 * The integer number of hundredths that a decimal text denotes exactly, or null when it has more than
 * two significant decimals (`72.555`), is not a plain decimal, or is too large to count safely.
 * Trailing zeros are exact (`72.500` → 7250).
 */
export function hundredthsOf(text: string): number | null {
  const match = NUMBER_TEXT.exec(text.trim());
  if (!match) return null;
  const [, sign = '', whole = '', fraction = '', exponentText = '0'] = match;
  const exponent = Number(exponentText);
  if (!Number.isSafeInteger(exponent) || Math.abs(exponent) > 400) return null;
  let digits = `${whole}${fraction}`;
  // The value is digits × 10^(exponent − fraction.length); hundredths shift that by 2.
  let shift = exponent - fraction.length + 2;
  while (shift < 0) {
    if (!digits.endsWith('0')) return null;
    digits = digits.slice(0, -1);
    shift++;
  }
  if (digits === '') digits = '0';
  const value = BigInt(digits) * 10n ** BigInt(shift);
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  const result = Number(value);
  return sign === '-' && result !== 0 ? -result : result;
}

/** The positive integer a decimal text denotes (`15`, `15.0`, `1.5e1`), or null. */
export function positiveIntegerOf(text: string): number | null {
  const hundredths = hundredthsOf(text);
  if (hundredths === null || hundredths <= 0 || hundredths % 100 !== 0) return null;
  return hundredths / 100;
}

/** Hundredths written as a plain decimal: 7250 → "72.5", 2719 → "27.19", 6000 → "60". */
export function formatHundredths(hundredths: number): string {
  const sign = hundredths < 0 ? '-' : '';
  const magnitude = Math.abs(hundredths);
  const whole = Math.floor(magnitude / 100);
  const fraction = magnitude % 100;
  if (fraction === 0) return `${sign}${whole}`;
  return `${sign}${whole}.${String(fraction).padStart(2, '0').replace(/0$/, '')}`;
}

/** Percentages as hundredths: 0 … 10000. */
export const HUNDRED_PERCENT = 10_000;
