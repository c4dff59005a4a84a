// Date buckets as the server cuts them (date_trunc in the app's zone; weeks start on Monday), as
// calendar arithmetic on 'YYYY-MM-DD': the last day of a bucket, for cross-filters and drill-downs.
import type { DashboardBucket } from "@formwork/schema";

const DAY = 86_400_000;
const parse = (day: string) => Date.parse(`${day}T00:00:00Z`);
const format = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/** The last day (inclusive) of the bucket that starts on `start`. */
export function bucketEnd(bucket: DashboardBucket, start: string): string {
  const ms = parse(start);
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (bucket) {
    case "day":
      return start;
    case "week":
      return format(ms + 6 * DAY);
    case "month":
      return format(Date.UTC(y, m + 1, 1) - DAY);
    case "quarter":
      return format(Date.UTC(y, m + 3, 1) - DAY);
    case "year":
      return format(Date.UTC(y + 1, 0, 1) - DAY);
  }
}

/** The start of the bucket holding `day` (what the server's date_trunc answers). */
export function bucketStart(bucket: DashboardBucket, day: string): string {
  const ms = parse(day);
  const d = new Date(ms);
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth();
  switch (bucket) {
    case "day":
      return day;
    case "week":
      return format(ms - ((d.getUTCDay() + 6) % 7) * DAY);
    case "month":
      return format(Date.UTC(y, m, 1));
    case "quarter":
      return format(Date.UTC(y, m - (m % 3), 1));
    case "year":
      return format(Date.UTC(y, 0, 1));
  }
}

/** Today's date in the browser, and the day `n` days before a date. */
export function localToday(now = new Date()): string {
  const offset = now.getTimezoneOffset() * 60_000;
  return new Date(now.getTime() - offset).toISOString().slice(0, 10);
}

export function daysBefore(day: string, n: number): string {
  return format(parse(day) - n * DAY);
}
