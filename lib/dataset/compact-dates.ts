/**
 * Dates as small numbers, for the runtime pack's entity records (lib/entities/frozen-index.ts).
 * The pack spells its dates as text, "YYYY-MM-DD" (30k of them: births, role starts/ends/as-of),
 * "YYYY-MM" or "YYYY": 10 bytes each in the image, where the number below takes a 3-byte varint
 * (the worker's first start is mostly fetching the image, and the store zip is near its limit:
 * issue #8). A date is coded only when it reads back as the very same text; anything else
 * (3-digit years, years before 1000, other shapes) stays a string.
 *
 *   code = ((year − 1000) × 13 + month) × 32 + day     month 0: "YYYY"; day 0: "YYYY-MM"
 */
const YEAR0 = 1000;

const pad = (n: number, width: number): string => String(n).padStart(width, '0');

/** The date's text for a code made by dateCode. */
export function dateText(code: number): string {
  const day = code % 32, monthCode = (code - day) / 32, month = monthCode % 13, year = (monthCode - month) / 13 + YEAR0;
  if (month === 0) return pad(year, 4);
  return day === 0 ? `${pad(year, 4)}-${pad(month, 2)}` : `${pad(year, 4)}-${pad(month, 2)}-${pad(day, 2)}`;
}

/** The code of a date text, or null when it is not one dateText gives back unchanged. */
export function dateCode(text: string): number | null {
  const m = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/.exec(text);
  if (!m) return null;
  const year = Number(m[1]), month = m[2] === undefined ? 0 : Number(m[2]), day = m[3] === undefined ? 0 : Number(m[3]);
  if (year < YEAR0 || month > 12 || day > 31 || (m[2] !== undefined && month === 0) || (m[3] !== undefined && day === 0)) return null;
  const code = ((year - YEAR0) * 13 + month) * 32 + day;
  return dateText(code) === text ? code : null;
}
