import { FormulaErrorValue } from "../types";
import { isBlank, scalar } from "./coerce";
import { valueError } from "./errors";

// Dates are handled as "local milliseconds": the wall-clock date and time in the form's time zone,
// written as if it were UTC. Date.UTC and the getUTC* methods then do calendar arithmetic without any
// daylight-saving surprises, and Intl converts to and from real instants at the edges.

export const DAY_MS = 86_400_000;
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

export interface LocalDate {
  /** Wall-clock milliseconds in the time zone, as if UTC. */
  ms: number;
  /** Whether the value carried a time of day (a datetime) rather than a calendar date. */
  hasTime: boolean;
}

const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "numeric",
      day: "numeric",
      hour: "numeric",
      minute: "numeric",
      second: "numeric",
    });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** Wall-clock time in `timeZone` of an instant. */
export function localFromInstant(epochMs: number, timeZone: string): number {
  const parts: Record<string, number> = {};
  for (const part of formatterFor(timeZone).formatToParts(epochMs)) {
    if (part.type !== "literal") parts[part.type] = Number(part.value);
  }
  const wholeSeconds = Date.UTC(
    parts.year ?? 1970,
    (parts.month ?? 1) - 1,
    parts.day ?? 1,
    parts.hour ?? 0,
    parts.minute ?? 0,
    parts.second ?? 0,
  );
  return wholeSeconds + (((epochMs % 1000) + 1000) % 1000);
}

/** The instant a wall-clock time in `timeZone` denotes (the earlier one when a DST change repeats it). */
export function instantFromLocal(localMs: number, timeZone: string): number {
  const firstGuess = localMs - (localFromInstant(localMs, timeZone) - localMs);
  return localMs - (localFromInstant(firstGuess, timeZone) - firstGuess);
}

const DATE_TEXT =
  /^(\d{4})[-/](\d{1,2})[-/](\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:\.(\d{1,3})\d*)?)?(Z|[+-]\d{2}:?\d{2})?)?$/;

function parseDateText(text: string, timeZone: string): LocalDate | undefined {
  const m = DATE_TEXT.exec(text.trim());
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s, frac, zone] = m;
  const year = Number(y);
  const month = Number(mo);
  const day = Number(d);
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month - 1)) return undefined;
  const hour = Number(h ?? 0);
  const minute = Number(mi ?? 0);
  const second = Number(s ?? 0);
  if (hour > 23 || minute > 59 || second > 59) return undefined;
  const wall = Date.UTC(year, month - 1, day, hour, minute, second, Number((frac ?? "0").padEnd(3, "0")));
  if (h === undefined) return { ms: wall, hasTime: false };
  if (zone === undefined) return { ms: wall, hasTime: true };
  const offsetMinutes = zone === "Z" ? 0 : zoneOffsetMinutes(zone);
  return { ms: localFromInstant(wall - offsetMinutes * 60_000, timeZone), hasTime: true };
}

function zoneOffsetMinutes(zone: string): number {
  const sign = zone.startsWith("-") ? -1 : 1;
  const digits = zone.slice(1).replace(":", "");
  return sign * (Number(digits.slice(0, 2)) * 60 + Number(digits.slice(2, 4)));
}

export function isDateText(value: unknown): boolean {
  return typeof value === "string" && DATE_TEXT.test(value.trim());
}

/**
 * A date argument: ISO text (`2024-03-01`, `2024-03-01T08:00:00Z`, `2024-03-01 08:00`), epoch
 * milliseconds or a Date. Blank gives `null` (date functions of a blank are blank); anything else is
 * #VALUE!.
 */
export function toLocalDate(value: unknown, timeZone: string): LocalDate | FormulaErrorValue | null {
  const v = scalar(value);
  if (v instanceof FormulaErrorValue) return v;
  if (isBlank(v)) return null;
  if (typeof v === "string") return parseDateText(v, timeZone) ?? valueError(`"${v}" is not a date`);
  if (typeof v === "number" && Number.isFinite(v))
    return { ms: localFromInstant(v, timeZone), hasTime: true };
  if (v instanceof Date && Number.isFinite(v.getTime())) {
    return { ms: localFromInstant(v.getTime(), timeZone), hasTime: true };
  }
  return valueError("not a date");
}

export function daysInMonth(year: number, monthIndex: number): number {
  return new Date(Date.UTC(year, monthIndex + 1, 0)).getUTCDate();
}

/** Whole days since 1970-01-01 of a local date. */
export function dayNumber(localMs: number): number {
  return Math.floor(localMs / DAY_MS);
}

/** `YYYY-MM-DD` of a local date; the ISO text of years outside 0000–9999 is not a valid result. */
export function formatDate(localMs: number): string | FormulaErrorValue {
  const date = new Date(localMs);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(localMs) || year < 0 || year > 9999) return valueError("date out of range");
  return date.toISOString().slice(0, 10);
}

/** Full ISO instant (UTC) of a local date-time. */
export function formatDateTime(localMs: number, timeZone: string): string | FormulaErrorValue {
  const instant = instantFromLocal(localMs, timeZone);
  const date = new Date(instant);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(instant) || year < 0 || year > 9999) return valueError("date out of range");
  return date.toISOString();
}

/** A local date shifted by calendar months, the day clamped to the target month's length (EDATE). */
export function addMonths(localMs: number, months: number): number {
  const date = new Date(localMs);
  const year = date.getUTCFullYear();
  const monthIndex = date.getUTCMonth() + Math.trunc(months);
  const target = new Date(Date.UTC(year, monthIndex, 1));
  const day = Math.min(date.getUTCDate(), daysInMonth(target.getUTCFullYear(), target.getUTCMonth()));
  return Date.UTC(target.getUTCFullYear(), target.getUTCMonth(), day);
}
