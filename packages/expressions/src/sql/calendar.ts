// Calendar dates ("YYYY-MM-DD") and their relation to instants in an IANA time zone, computed with Intl
// so the browser and the server agree without a time-zone library.

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      calendar: "gregory",
      numberingSystem: "latn",
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

export function isValidTimeZone(timeZone: string): boolean {
  try {
    formatterFor(timeZone);
    return true;
  } catch {
    return false;
  }
}

/** Wall-clock fields of an instant in a time zone. */
function wallClock(instantMs: number, timeZone: string): { y: number; m: number; d: number; ms: number } {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(new Date(instantMs))) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const y = parts.year ?? 1970;
  const m = parts.month ?? 1;
  const d = parts.day ?? 1;
  const local = Date.UTC(y, m - 1, d, parts.hour ?? 0, parts.minute ?? 0, parts.second ?? 0);
  return { y, m, d, ms: local };
}

/** "YYYY-MM-DD HH:mm:ss" of an instant on the wall clock of a time zone (exports, print views). */
export function wallClockText(instant: Date, timeZone: string): string {
  return new Date(wallClock(instant.getTime(), timeZone).ms).toISOString().slice(0, 19).replace("T", " ");
}

export interface CalendarDate {
  year: number;
  month: number; // 1-12
  day: number;
}

export function parseDate(text: string): CalendarDate | null {
  const match = DATE_RE.exec(text);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  if (year < 1 || month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return null;
  return { year, month, day };
}

export function formatDate(date: CalendarDate): string {
  return `${String(date.year).padStart(4, "0")}-${String(date.month).padStart(2, "0")}-${String(date.day).padStart(2, "0")}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

function fromUtcMs(ms: number): CalendarDate {
  const date = new Date(ms);
  return { year: date.getUTCFullYear(), month: date.getUTCMonth() + 1, day: date.getUTCDate() };
}

function utcMs(date: CalendarDate): number {
  // Date.UTC maps years 0-99 to 1900-1999; setUTCFullYear does not.
  const d = new Date(Date.UTC(2000, date.month - 1, date.day));
  d.setUTCFullYear(date.year);
  return d.getTime();
}

// Intl's formatToParts costs microseconds; a filter asks for the same "today" and the same midnights
// many times, so recent answers are remembered (bounded, cleared when full).
const MEMO_LIMIT = 1_000;
const memo = new Map<string, unknown>();

function remembered<T>(key: string, compute: () => T): T {
  if (memo.has(key)) return memo.get(key) as T;
  const value = compute();
  if (memo.size >= MEMO_LIMIT) memo.clear();
  memo.set(key, value);
  return value;
}

/** The calendar date an instant falls on in a time zone. */
export function dateInZone(instant: Date, timeZone: string): CalendarDate {
  const { y, m, d } = remembered(`w|${timeZone}|${instant.getTime()}`, () =>
    wallClock(instant.getTime(), timeZone),
  );
  return { year: y, month: m, day: d };
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  return fromUtcMs(utcMs(date) + days * 86_400_000);
}

/** Adds months keeping the day clamped to the target month (Jan 31 + 1 month = Feb 28/29). */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const index = date.year * 12 + (date.month - 1) + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  return { year, month, day: Math.min(date.day, daysInMonth(year, month)) };
}

/** ISO weekday, Monday = 1 ... Sunday = 7. */
export function isoWeekday(date: CalendarDate): number {
  const weekday = new Date(utcMs(date)).getUTCDay();
  return weekday === 0 ? 7 : weekday;
}

export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return utcMs(a) - utcMs(b);
}

/**
 * The first instant of a calendar day in a time zone, as an ISO string. The zone offset is looked up
 * at the guess and once more at the corrected instant, which settles DST transitions near midnight.
 */
export function startOfDayInstant(date: CalendarDate, timeZone: string): string {
  return remembered(`s|${timeZone}|${formatDate(date)}`, () => computeStartOfDay(date, timeZone));
}

function computeStartOfDay(date: CalendarDate, timeZone: string): string {
  const target = utcMs(date);
  let instant = target;
  for (let i = 0; i < 2; i++) {
    const offset = wallClock(instant, timeZone).ms - instant;
    instant = target - offset;
  }
  return new Date(instant).toISOString();
}
