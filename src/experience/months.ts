/**
 * Months as integers (year * 12 + month - 1) and back to 'YYYY-MM'; the `asOf` option read once.
 */
import { InvalidOptionsError } from '../errors.js';

/** The earliest year read as a date (earlier four-digit numbers are ids, not years). */
export const MIN_YEAR = 1950;

/**
 * A month index as 'YYYY-MM'.
 * @example
 * formatMonth(2024 * 12 + 5) // '2024-06'
 */
export const formatMonth = (m: number): string => `${Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`;

/** 'YYYY-MM' or 'YYYY-MM-DD' to a month index, or NaN. */
export function monthIndex(s: string): number {
  if (s.length !== 7 && s.length !== 10) return NaN;
  const y = Number(s.slice(0, 4));
  const m = Number(s.slice(5, 7));
  if (s[4] !== '-' || !Number.isInteger(y) || !Number.isInteger(m) || m < 1 || m > 12 || y < 1000) return NaN;
  if (s.length === 10) {
    const d = Number(s.slice(8, 10));
    if (s[7] !== '-' || !Number.isInteger(d) || d < 1 || d > 31) return NaN;
  }
  return y * 12 + m - 1;
}

/** The asOf month index; throws InvalidOptionsError naming the option (a date is not personal data, but keep it short). */
export function asOfMonth(asOf: unknown): number {
  const m = typeof asOf === 'string' ? monthIndex(asOf) : NaN;
  if (Number.isNaN(m)) {
    throw new InvalidOptionsError('asOf', `resume-fit: options.asOf must be a date 'YYYY-MM-DD' or 'YYYY-MM', got ${typeof asOf === 'string' ? `"${asOf.slice(0, 20)}"` : typeof asOf}.`);
  }
  return m;
}
