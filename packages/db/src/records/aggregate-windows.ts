// The two windows of a period comparison (环比): the current one [from, to] in local dates, inclusive,
// and the as-long window right before it. Pure calendar arithmetic on dates, so no zone is involved;
// the SQL turns the boundaries into the zone's midnights.
import { FormworkError } from "@formwork/schema";

export interface DateWindow {
  /** 'YYYY-MM-DD', inclusive. */
  from: string;
  /** 'YYYY-MM-DD', inclusive. */
  to: string;
}

export interface ComparedWindows {
  previousStart: string;
  currentStart: string;
  /** The day after `to`: windows are half-open in SQL. */
  currentEnd: string;
}

const DAY_MS = 86_400_000;
export const MAX_WINDOW_DAYS = 366 * 100;

function dayNumber(day: string, path: string): number {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(day);
  const ms = m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) : Number.NaN;
  if (!m || Number.isNaN(ms) || new Date(ms).toISOString().slice(0, 10) !== day) {
    throw new FormworkError("BAD_REQUEST", `"${day}" is not a date`, [
      { path, message: "expected YYYY-MM-DD" },
    ]);
  }
  return ms / DAY_MS;
}

function dayString(n: number): string {
  return new Date(n * DAY_MS).toISOString().slice(0, 10);
}

export function compareWindows(window: DateWindow, path: string): ComparedWindows {
  const from = dayNumber(window.from, `${path}/from`);
  const to = dayNumber(window.to, `${path}/to`);
  if (to < from) {
    throw new FormworkError("BAD_REQUEST", "The window ends before it starts", [
      { path: `${path}/to`, message: "must not be before from" },
    ]);
  }
  const days = to - from + 1;
  if (days > MAX_WINDOW_DAYS) {
    throw new FormworkError("BAD_REQUEST", "The window is too long", [
      { path: `${path}/to`, message: "too far" },
    ]);
  }
  return {
    previousStart: dayString(from - days),
    currentStart: dayString(from),
    currentEnd: dayString(to + 1),
  };
}
