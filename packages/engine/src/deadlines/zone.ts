// Local calendar dates in the deployment's time zone, for working days and date-field deadlines: the
// same Intl-based calendar the filter compiler uses (@formwork/expressions), so a "due date" and a
// "this week" filter agree on where a day begins.
import { dateInZone, formatDate, parseDate, startOfDayInstant } from "@formwork/expressions";

/** The local date "YYYY-MM-DD" of the instant `ms`. */
export function localDate(ms: number, timeZone: string): string {
  return formatDate(dateInZone(new Date(ms), timeZone));
}

/** The instant of local midnight starting `date` ("YYYY-MM-DD"). */
export function localMidnight(date: string, timeZone: string): number {
  const day = parseDate(date);
  if (!day) throw new RangeError(`not a calendar date: ${date}`);
  return Date.parse(startOfDayInstant(day, timeZone));
}
