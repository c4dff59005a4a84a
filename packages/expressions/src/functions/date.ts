import { type EvalContext, FormulaErrorValue, type FunctionSpec } from "../types";
import { flatten, toText } from "./coerce";
import {
  addMonths,
  DAY_MS,
  DEFAULT_TIME_ZONE,
  dayNumber,
  formatDate,
  formatDateTime,
  type LocalDate,
  localFromInstant,
  toLocalDate,
} from "./dates";
import { inCategory, propagatingErrors } from "./define";
import { numError, valueError } from "./errors";
import { numberArgs } from "./numbers";

const date = inCategory("date");

const zoneOf = (ctx: EvalContext): string => ctx.timeZone ?? DEFAULT_TIME_ZONE;

/** A function of leading date arguments then numbers; a blank date gives a blank result. */
function onDates(
  dateCount: number,
  numberCount: number,
  numberDefaults: number[],
  body: (dates: LocalDate[], numbers: number[], ctx: EvalContext, rest: unknown[]) => unknown,
): FunctionSpec["impl"] {
  return propagatingErrors((args, ctx) => {
    const dates: LocalDate[] = [];
    for (let i = 0; i < dateCount; i++) {
      const d = toLocalDate(args[i], zoneOf(ctx));
      if (d === null || d instanceof FormulaErrorValue) return d;
      dates.push(d);
    }
    const numbers = numberArgs(args.slice(dateCount), numberCount, numberDefaults);
    if (numbers instanceof FormulaErrorValue) return numbers;
    return body(dates, numbers, ctx, args.slice(dateCount + numberCount));
  });
}

const part = (read: (d: Date) => number): FunctionSpec["impl"] =>
  onDates(1, 0, [], ([d]) => read(new Date(d?.ms ?? 0)));

/** Day of week 0 = Sunday … 6 = Saturday. */
const dayOfWeek = (day: number): number => (((day + 4) % 7) + 7) % 7;

const isWorkday = (day: number, holidays: Set<number>): boolean => {
  const weekday = dayOfWeek(day);
  return weekday !== 0 && weekday !== 6 && !holidays.has(day);
};

function holidaySet(values: unknown[], timeZone: string): Set<number> | FormulaErrorValue {
  const days = new Set<number>();
  for (const value of flatten(values)) {
    const d = toLocalDate(value, timeZone);
    if (d instanceof FormulaErrorValue) return d;
    if (d !== null) days.add(dayNumber(d.ms));
  }
  return days;
}

/** Excel WEEKDAY return types 1, 2 and 3. */
/**
 * The first day of the week (0 = Sunday … 6 = Saturday) for Excel's WEEKDAY/WEEKNUM return types:
 * 1 Sunday, 2 Monday, 11 Monday … 16 Saturday, 17 Sunday.
 */
function weekStartOf(type: number): number | undefined {
  if (type === 1 || type === 17) return 0;
  if (type === 2) return 1;
  if (Number.isInteger(type) && type >= 11 && type <= 16) return type - 10;
  return undefined;
}

/** WEEKDAY: 1 for the week's first day … 7; type 3 counts Monday = 0 … Sunday = 6. */
function weekdayNumber(weekday: number, type: number): number | undefined {
  if (type === 3) return (weekday + 6) % 7;
  const start = weekStartOf(type);
  return start === undefined ? undefined : ((weekday - start + 7) % 7) + 1;
}

function isoWeek(day: number): number {
  const weekday = (dayOfWeek(day) + 6) % 7; // Monday = 0
  const thursday = day - weekday + 3;
  const yearStart = dayNumber(Date.UTC(new Date(thursday * DAY_MS).getUTCFullYear(), 0, 1));
  return Math.floor((thursday - yearStart) / 7) + 1;
}

function datedif(start: number, end: number, unit: string): number | FormulaErrorValue {
  const a = new Date(start);
  const b = new Date(end);
  const months =
    (b.getUTCFullYear() - a.getUTCFullYear()) * 12 +
    (b.getUTCMonth() - a.getUTCMonth()) -
    (b.getUTCDate() < a.getUTCDate() ? 1 : 0);
  switch (unit) {
    case "D":
      return dayNumber(end) - dayNumber(start);
    case "M":
      return months;
    case "Y":
      return Math.floor(months / 12);
    case "YM":
      return months % 12;
    case "MD": {
      const lastMonth = addMonths(start, months);
      return dayNumber(end) - dayNumber(lastMonth);
    }
    case "YD": {
      const anniversary = addMonths(start, Math.floor(months / 12) * 12);
      return dayNumber(end) - dayNumber(anniversary);
    }
    default:
      return numError(`unknown DATEDIF unit "${unit}"`);
  }
}

export const DATE_FUNCTIONS: FunctionSpec[] = [
  date({
    name: "TODAY",
    minArgs: 0,
    maxArgs: 0,
    args: [],
    returns: "date",
    impl: (_args, ctx) => formatDate(localFromInstant(ctx.now.getTime(), zoneOf(ctx))),
    doc: {
      zh: "当前日期（表单所在时区），格式 YYYY-MM-DD。",
      en: "Today's date in the form's time zone, as YYYY-MM-DD.",
      example: "TODAY()",
      result: "2024-03-15",
    },
  }),
  date({
    name: "NOW",
    minArgs: 0,
    maxArgs: 0,
    args: [],
    returns: "date",
    impl: (_args, ctx) => ctx.now.toISOString(),
    doc: {
      zh: "当前日期和时间（ISO 格式，UTC）。",
      en: "The current date and time as an ISO instant (UTC).",
      example: "NOW()",
      result: "2024-03-15T02:30:00.000Z",
    },
  }),
  date({
    name: "DATE",
    minArgs: 3,
    maxArgs: 3,
    args: ["number", "number", "number"],
    returns: "date",
    impl: propagatingErrors((args) => {
      const n = numberArgs(args, 3);
      if (n instanceof FormulaErrorValue) return n;
      const [rawYear = 0, month = 1, day = 1] = n.map(Math.trunc);
      if (rawYear < 0 || rawYear > 9999) return numError("year out of range");
      // Excel reads years below 1900 as offsets from 1900; months and days overflow into the next unit.
      const year = rawYear < 1900 ? rawYear + 1900 : rawYear;
      const base = Date.UTC(year, 0, 1);
      return formatDate(addMonths(base, month - 1) + (day - 1) * DAY_MS);
    }),
    doc: {
      zh: "由年、月、日组成日期；月、日超出范围时顺延。",
      en: "Builds a date from year, month and day; months and days overflow into the next unit.",
      example: "DATE(2024,14,1)",
      result: "2025-02-01",
    },
  }),
  date({
    name: "YEAR",
    minArgs: 1,
    maxArgs: 1,
    args: ["date"],
    returns: "number",
    impl: part((d) => d.getUTCFullYear()),
    doc: { zh: "日期的年份。", en: "The year of a date.", example: 'YEAR("2024-03-15")', result: "2024" },
  }),
  date({
    name: "MONTH",
    minArgs: 1,
    maxArgs: 1,
    args: ["date"],
    returns: "number",
    impl: part((d) => d.getUTCMonth() + 1),
    doc: {
      zh: "日期的月份（1–12）。",
      en: "The month of a date (1–12).",
      example: 'MONTH("2024-03-15")',
      result: "3",
    },
  }),
  date({
    name: "DAY",
    minArgs: 1,
    maxArgs: 1,
    args: ["date"],
    returns: "number",
    impl: part((d) => d.getUTCDate()),
    doc: {
      zh: "日期是当月第几天。",
      en: "The day of the month of a date.",
      example: 'DAY("2024-03-15")',
      result: "15",
    },
  }),
  date({
    name: "HOUR",
    minArgs: 1,
    maxArgs: 1,
    args: ["date"],
    returns: "number",
    impl: part((d) => d.getUTCHours()),
    doc: {
      zh: "时间的小时（0–23，按表单时区）。",
      en: "The hour (0–23) in the form's time zone.",
      example: 'HOUR("2024-03-15T02:30:00Z")',
      result: "10",
    },
  }),
  date({
    name: "MINUTE",
    minArgs: 1,
    maxArgs: 1,
    args: ["date"],
    returns: "number",
    impl: part((d) => d.getUTCMinutes()),
    doc: {
      zh: "时间的分钟。",
      en: "The minute of a time.",
      example: 'MINUTE("2024-03-15 08:45")',
      result: "45",
    },
  }),
  date({
    name: "SECOND",
    minArgs: 1,
    maxArgs: 1,
    args: ["date"],
    returns: "number",
    impl: part((d) => d.getUTCSeconds()),
    doc: {
      zh: "时间的秒。",
      en: "The second of a time.",
      example: 'SECOND("2024-03-15 08:45:30")',
      result: "30",
    },
  }),
  date({
    name: "WEEKDAY",
    minArgs: 1,
    maxArgs: 2,
    args: ["date", "number"],
    returns: "number",
    impl: onDates(1, 1, [1], ([d], [type = 1]) => {
      const n = weekdayNumber(dayOfWeek(dayNumber(d?.ms ?? 0)), type);
      return n ?? numError("WEEKDAY type must be 1, 2, 3 or 11–17");
    }),
    doc: {
      zh: "星期几：类型 1（默认）周日=1…周六=7；类型 2 周一=1…周日=7；类型 3 周一=0…周日=6；类型 11–17 分别以周一…周日为 1。",
      en: "Day of the week: type 1 (default) Sunday=1…Saturday=7; type 2 Monday=1…Sunday=7; type 3 Monday=0…Sunday=6; types 11–17 count from Monday…Sunday as 1.",
      example: 'WEEKDAY("2024-03-15",2)',
      result: "5",
    },
  }),
  date({
    name: "WEEKNUM",
    minArgs: 1,
    maxArgs: 2,
    args: ["date", "number"],
    returns: "number",
    impl: onDates(1, 1, [1], ([d], [type = 1]) => {
      const day = dayNumber(d?.ms ?? 0);
      if (type === 21) return isoWeek(day);
      const weekStart = weekStartOf(type);
      if (weekStart === undefined) return numError("WEEKNUM type must be 1, 2, 11–17 or 21");
      const jan1 = dayNumber(Date.UTC(new Date(day * DAY_MS).getUTCFullYear(), 0, 1));
      const offset = (dayOfWeek(jan1) - weekStart + 7) % 7;
      return Math.floor((day - jan1 + offset) / 7) + 1;
    }),
    doc: {
      zh: "一年中的第几周（1 月 1 日所在的周为第 1 周）：类型 1（默认）周日开始，2 周一开始，11–17 周一…周日开始，21 为 ISO 周。",
      en: "Week of the year, the week of January 1 being week 1: type 1 (default) weeks start on Sunday, 2 on Monday, 11–17 on Monday…Sunday, 21 is the ISO week.",
      example: 'WEEKNUM("2024-03-15")',
      result: "11",
    },
  }),
  date({
    name: "DAYS",
    minArgs: 2,
    maxArgs: 2,
    args: ["date", "date"],
    returns: "number",
    impl: onDates(2, 0, [], ([end, start]) => dayNumber(end?.ms ?? 0) - dayNumber(start?.ms ?? 0)),
    doc: {
      zh: "两个日期相差的天数（结束日期 − 开始日期）。",
      en: "Days between two dates (end date − start date).",
      example: 'DAYS("2024-03-15","2024-03-01")',
      result: "14",
    },
  }),
  date({
    name: "DATEDIF",
    minArgs: 3,
    maxArgs: 3,
    args: ["date", "date", "text"],
    returns: "number",
    impl: onDates(2, 0, [], ([start, end], _n, _ctx, [unit]) => {
      const startMs = start?.ms ?? 0;
      const endMs = end?.ms ?? 0;
      if (dayNumber(startMs) > dayNumber(endMs)) return numError("start date is after end date");
      const text = toText(unit);
      if (text instanceof FormulaErrorValue) return text;
      return datedif(dayNumber(startMs) * DAY_MS, dayNumber(endMs) * DAY_MS, text.toUpperCase());
    }),
    doc: {
      zh: '两个日期之间的差："Y" 整年、"M" 整月、"D" 天、"MD" 忽略月和年的天数、"YM" 忽略年的月数、"YD" 忽略年的天数。',
      en: 'Difference between two dates: "Y" whole years, "M" whole months, "D" days, "MD" days ignoring months and years, "YM" months ignoring years, "YD" days ignoring years.',
      example: 'DATEDIF("2020-05-20","2024-03-15","Y")',
      result: "3",
    },
  }),
  date({
    name: "EDATE",
    minArgs: 2,
    maxArgs: 2,
    args: ["date", "number"],
    returns: "date",
    impl: onDates(1, 1, [], ([d], [months = 0]) => formatDate(addMonths(d?.ms ?? 0, months))),
    doc: {
      zh: "若干个月之前或之后的同一天；目标月没有这一天时取月末。",
      en: "The same day a number of months before or after; the month's last day when it has no such day.",
      example: 'EDATE("2024-01-31",1)',
      result: "2024-02-29",
    },
  }),
  date({
    name: "EOMONTH",
    minArgs: 2,
    maxArgs: 2,
    args: ["date", "number"],
    returns: "date",
    impl: onDates(1, 1, [], ([d], [months = 0]) => {
      const start = new Date(d?.ms ?? 0);
      return formatDate(Date.UTC(start.getUTCFullYear(), start.getUTCMonth() + Math.trunc(months) + 1, 0));
    }),
    doc: {
      zh: "若干个月之前或之后那个月的最后一天。",
      en: "The last day of the month a number of months before or after.",
      example: 'EOMONTH("2024-01-15",1)',
      result: "2024-02-29",
    },
  }),
  date({
    name: "NETWORKDAYS",
    minArgs: 2,
    maxArgs: 3,
    args: ["date", "date", { array: "date" }],
    returns: "number",
    impl: onDates(2, 0, [], ([start, end], _n, ctx, rest) => {
      const holidays = holidaySet(rest, zoneOf(ctx));
      if (holidays instanceof FormulaErrorValue) return holidays;
      const from = dayNumber(start?.ms ?? 0);
      const to = dayNumber(end?.ms ?? 0);
      const [low, high] = from <= to ? [from, to] : [to, from];
      if (high - low > 366 * 200) return numError("date range too long");
      let count = 0;
      for (let day = low; day <= high; day++) if (isWorkday(day, holidays)) count++;
      return from <= to ? count : -count;
    }),
    doc: {
      zh: "两个日期之间（含首尾）的工作日数，周六、周日及节假日除外。",
      en: "Working days between two dates inclusive, excluding Saturdays, Sundays and the holidays.",
      example: 'NETWORKDAYS("2024-03-01","2024-03-15")',
      result: "11",
    },
  }),
  date({
    name: "WORKDAY",
    minArgs: 2,
    maxArgs: 3,
    args: ["date", "number", { array: "date" }],
    returns: "date",
    impl: onDates(1, 1, [], ([start], [days = 0], ctx, rest) => {
      const holidays = holidaySet(rest, zoneOf(ctx));
      if (holidays instanceof FormulaErrorValue) return holidays;
      const steps = Math.trunc(days);
      if (Math.abs(steps) > 365 * 200) return numError("too many working days");
      const direction = steps < 0 ? -1 : 1;
      let day = dayNumber(start?.ms ?? 0);
      for (let left = Math.abs(steps); left > 0; ) {
        day += direction;
        if (isWorkday(day, holidays)) left--;
      }
      return formatDate(day * DAY_MS);
    }),
    doc: {
      zh: "开始日期之后（或之前）若干个工作日的日期，跳过周末和节假日。",
      en: "The date a number of working days after (or before) the start, skipping weekends and holidays.",
      example: 'WORKDAY("2024-03-15",1)',
      result: "2024-03-18",
    },
  }),
];

/** Date results for operators: a date shifted by days keeps its kind (date or datetime). */
export function shiftDate(d: LocalDate, days: number, timeZone: string): string | FormulaErrorValue {
  const ms = d.ms + days * DAY_MS;
  if (!Number.isFinite(ms)) return valueError("date out of range");
  return d.hasTime ? formatDateTime(ms, timeZone) : formatDate(Math.floor(ms / DAY_MS) * DAY_MS);
}
