// Dates relative to "now" on the value side of a filter: {"today": [offsetDays?]},
// {"startOf": [unit, offset?]} and {"endOf": [unit, offset?]}. They resolve to a calendar date in the
// scope's time zone; weeks start on Monday (ISO 8601, as calendars in China do). The offset counts
// whole units: {"startOf": ["month", -1]} is the first day of last month.
import {
  addDays,
  addMonths,
  type CalendarDate,
  dateInZone,
  daysInMonth,
  formatDate,
  isoWeekday,
} from "./calendar";

export const RELATIVE_DATE_OPERATORS = ["today", "startOf", "endOf"] as const;
export type RelativeDateOperator = (typeof RELATIVE_DATE_OPERATORS)[number];

export const PERIOD_UNITS = ["day", "week", "month", "quarter", "year"] as const;
export type PeriodUnit = (typeof PERIOD_UNITS)[number];

/** Offsets beyond this many units are surely mistakes and could leave the years PostgreSQL supports. */
const MAX_OFFSET = 100_000;

export function isRelativeDateOperator(op: string): op is RelativeDateOperator {
  return (RELATIVE_DATE_OPERATORS as readonly string[]).includes(op);
}

export interface RelativeDateFailure {
  ok: false;
  message: string;
  /** Index of the faulty argument, or -1 for the argument list as a whole. */
  arg: number;
}

export type RelativeDateResult = { ok: true; date: CalendarDate } | RelativeDateFailure;

function readOffset(value: unknown, arg: number): number | RelativeDateFailure {
  if (value === undefined) return 0;
  if (typeof value !== "number" || !Number.isInteger(value) || Math.abs(value) > MAX_OFFSET) {
    return {
      ok: false,
      arg,
      message: `the offset must be an integer between -${MAX_OFFSET} and ${MAX_OFFSET}`,
    };
  }
  return value;
}

function startOfPeriod(date: CalendarDate, unit: PeriodUnit, offset: number): CalendarDate {
  switch (unit) {
    case "day":
      return addDays(date, offset);
    case "week":
      return addDays(date, 1 - isoWeekday(date) + offset * 7);
    case "month":
      return addMonths({ year: date.year, month: date.month, day: 1 }, offset);
    case "quarter":
      return addMonths({ year: date.year, month: date.month - ((date.month - 1) % 3), day: 1 }, offset * 3);
    case "year":
      return addMonths({ year: date.year, month: 1, day: 1 }, offset * 12);
  }
}

function endOfPeriod(date: CalendarDate, unit: PeriodUnit, offset: number): CalendarDate {
  const start = startOfPeriod(date, unit, offset);
  switch (unit) {
    case "day":
      return start;
    case "week":
      return addDays(start, 6);
    case "month":
      return { ...start, day: daysInMonth(start.year, start.month) };
    case "quarter": {
      const last = addMonths(start, 2);
      return { ...last, day: daysInMonth(last.year, last.month) };
    }
    case "year":
      return { year: start.year, month: 12, day: 31 };
  }
}

/** Resolves a relative-date operator against `now` in `timeZone`. Never throws. */
export function resolveRelativeDate(
  op: RelativeDateOperator,
  args: readonly unknown[],
  now: Date,
  timeZone: string,
): RelativeDateResult {
  const today = dateInZone(now, timeZone);
  let result: CalendarDate;
  if (op === "today") {
    if (args.length > 1)
      return { ok: false, arg: -1, message: "today takes at most one argument: a day offset" };
    const offset = readOffset(args[0], 0);
    if (typeof offset !== "number") return offset;
    result = addDays(today, offset);
  } else {
    if (args.length < 1 || args.length > 2) {
      return {
        ok: false,
        arg: -1,
        message: `${op} takes a unit (${PERIOD_UNITS.join(", ")}) and an optional offset`,
      };
    }
    const unit = args[0];
    if (typeof unit !== "string" || !(PERIOD_UNITS as readonly string[]).includes(unit)) {
      return { ok: false, arg: 0, message: `the unit must be one of ${PERIOD_UNITS.join(", ")}` };
    }
    const offset = readOffset(args[1], 1);
    if (typeof offset !== "number") return offset;
    result =
      op === "startOf"
        ? startOfPeriod(today, unit as PeriodUnit, offset)
        : endOfPeriod(today, unit as PeriodUnit, offset);
  }
  if (result.year < 1 || result.year > 9999) {
    return { ok: false, arg: -1, message: `the date ${formatDate(result)} is out of range` };
  }
  return { ok: true, date: result };
}
