import type { Deadline } from "@formwork/schema";
import type { Calendar, Instant, RecordData } from "../model";
import { parseDuration } from "./duration";
import { localDate, localMidnight } from "./zone";

const DAY_MS = 86_400_000;

/** Monday to Friday; holidays are not known unless the server injects a calendar. */
export const WEEKDAYS: Calendar = {
  isWorkingDay: (date) => {
    const day = new Date(`${date}T00:00:00Z`).getUTCDay();
    return day !== 0 && day !== 6;
  },
};

export interface DueOptions {
  timeZone: string;
  calendar: Calendar;
}

/** Calendar months, the day clamped to the target month (Jan 31 + 1 month = Feb 28 or 29). */
function addMonths(ms: number, months: number): number {
  if (months === 0) return ms;
  const d = new Date(ms);
  const index = d.getUTCFullYear() * 12 + d.getUTCMonth() + months;
  const year = Math.floor(index / 12);
  const month = index - year * 12;
  const last = new Date(Date.UTC(year, month + 1, 0)).getUTCDate();
  const out = new Date(ms);
  out.setUTCFullYear(year, month, Math.min(d.getUTCDate(), last));
  return out.getTime();
}

/** `from` plus whole working days: each day added skips the calendar's non-working days. */
function addWorkingDays(from: number, days: number, { timeZone, calendar }: DueOptions): number {
  let at = from;
  let left = days;
  let guard = days * 10 + 366;
  while (left > 0 && guard-- > 0) {
    at += DAY_MS;
    if (calendar.isWorkingDay(localDate(at, timeZone))) left -= 1;
  }
  return at;
}

/** Add an ISO duration to an instant; with working days, days and weeks (5 days) count working days only. */
export function addDuration(
  from: Instant,
  text: string,
  workingDays: boolean,
  options: DueOptions,
): Instant | undefined {
  const d = parseDuration(text);
  if (!d) return undefined;
  let ms = addMonths(Date.parse(from), d.years * 12 + d.months);
  ms = workingDays ? addWorkingDays(ms, d.weeks * 5 + d.days, options) : ms + (d.weeks * 7 + d.days) * DAY_MS;
  return new Date(ms + d.ms).toISOString();
}

/**
 * When a node's deadline falls: `after` a duration from entering the node, or at a date field of the
 * record (a date means the end of that local day; a datetime is taken as is). An empty or unreadable
 * date field sets no deadline.
 */
export function dueTime(
  deadline: Deadline,
  entered: Instant,
  record: RecordData,
  options: DueOptions,
): Instant | undefined {
  if (deadline.after) return addDuration(entered, deadline.after, deadline.workingDays ?? false, options);
  if (!deadline.field) return undefined;
  const value = record[deadline.field];
  if (typeof value !== "string" || value === "") return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(value)) {
    const next = new Date(Date.parse(`${value}T00:00:00Z`) + DAY_MS).toISOString().slice(0, 10);
    return new Date(localMidnight(next, options.timeZone)).toISOString();
  }
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : new Date(ms).toISOString();
}
