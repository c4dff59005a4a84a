// Canonical date and time values: a date is `YYYY-MM-DD` (no zone), a date-time is a UTC ISO string
// `YYYY-MM-DDTHH:mm:ss.sssZ`. Inputs are accepted in the shapes people and spreadsheets send.

export const DATE_PATTERN = "^\\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\\d|3[01])$";
export const DATETIME_PATTERN =
  "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}(:\\d{2}(\\.\\d{1,9})?)?(Z|[+-]\\d{2}:\\d{2})$";

/** The product's default zone when none is configured (the expressions evaluator uses the same). */
export const DEFAULT_TIME_ZONE = "Asia/Shanghai";

function pad(n: number, width = 2): string {
  return String(n).padStart(width, "0");
}

/** Is this y-m-d a real calendar day? */
export function isCalendarDate(year: number, month: number, day: number): boolean {
  if (year < 1 || year > 9999 || month < 1 || month > 12 || day < 1) return false;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= last;
}

// 年 月 日 escaped: a regular expression is the one place where esbuild keeps non-ASCII characters, and
// the server bundle must stay ASCII (apps/server/build.mjs).
const DATE_INPUT = /^(\d{4})[-/.\u5e74](\d{1,2})[-/.\u6708](\d{1,2})\u65e5?(?:$|[T\s])/;

/**
 * `YYYY-MM-DD` from "2026-11-27", "2026/1/5", "2026年1月5日" or the date part of a date-time string as
 * written (its own wall-clock date). Anything else is returned unchanged.
 */
export function normalizeDate(value: unknown): unknown {
  if (value instanceof Date) return Number.isNaN(value.getTime()) ? value : value.toISOString().slice(0, 10);
  if (typeof value !== "string") return value;
  const text = value.trim();
  const match = DATE_INPUT.exec(text);
  if (!match) return text === "" ? null : value;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  if (!isCalendarDate(year, month, day)) return value;
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

export function isCanonicalDate(value: unknown): value is string {
  if (typeof value !== "string" || value.length !== 10 || !new RegExp(DATE_PATTERN).test(value)) return false;
  return isCalendarDate(Number(value.slice(0, 4)), Number(value.slice(5, 7)), Number(value.slice(8, 10)));
}

const DATETIME_INPUT = new RegExp(DATETIME_PATTERN.replace("T", "[T ]"));

/**
 * UTC ISO string from a date-time with an explicit offset (or Z), a Date, or epoch milliseconds. A
 * date-time without an offset is ambiguous and is returned unchanged so validation reports it.
 */
export function normalizeDateTime(value: unknown): unknown {
  let time: number;
  if (value instanceof Date) time = value.getTime();
  else if (typeof value === "number") time = Number.isFinite(value) ? value : Number.NaN;
  else if (typeof value === "string") {
    const text = value.trim();
    if (text === "") return null;
    if (!DATETIME_INPUT.test(text)) return value;
    const date = text.slice(0, 10);
    if (!isCanonicalDate(date)) return value;
    time = Date.parse(text.replace(" ", "T"));
  } else return value;
  if (Number.isNaN(time) || Math.abs(time) > 253402300799999) return value;
  return new Date(time).toISOString();
}

export function isCanonicalDateTime(value: unknown): value is string {
  return typeof value === "string" && normalizeDateTime(value) === value && value.endsWith("Z");
}

/** Today's date in a time zone, as `YYYY-MM-DD`. */
export function dateInZone(now: Date, timeZone: string = DEFAULT_TIME_ZONE): string {
  const parts = new Intl.DateTimeFormat("en-CA", {
    timeZone,
    year: "numeric",
    month: "2-digit",
    day: "2-digit",
  }).formatToParts(now);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  return `${get("year")}-${get("month")}-${get("day")}`;
}
