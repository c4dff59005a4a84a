// When a schedule or date trigger next needs the poller, in the configured time zone. A schedule fires
// at its local time on its days; a date trigger is looked at every `recheckMs` once its local time of
// day has come (records may get a matching date at any time of the day).
import {
  addDays,
  type CalendarDate,
  dateInZone,
  daysInMonth,
  isoWeekday,
  startOfDayInstant,
} from "@formwork/expressions";
import type { AutomationTrigger } from "@formwork/schema";

/** The instant of local `time` ("HH:MM") on `date` in `timeZone`. */
export function localInstant(date: CalendarDate, time: string, timeZone: string): Date {
  const [hours, minutes] = time.split(":").map(Number) as [number, number];
  return new Date(Date.parse(startOfDayInstant(date, timeZone)) + (hours * 60 + minutes) * 60_000);
}

function firesOn(trigger: Extract<AutomationTrigger, { type: "schedule" }>, date: CalendarDate): boolean {
  switch (trigger.frequency) {
    case "daily":
      return true;
    case "weekly":
      return isoWeekday(date) === trigger.weekday;
    case "monthly":
      return date.day === Math.min(trigger.monthDay ?? 1, daysInMonth(date.year, date.month));
  }
}

/** The next run strictly after `after`; null for triggers that are not time based. */
export function nextRunAt(
  trigger: AutomationTrigger,
  after: Date,
  timeZone: string,
  recheckMs: number,
): Date | null {
  if (trigger.type === "dateField") {
    const today = localInstant(dateInZone(after, timeZone), trigger.time, timeZone);
    return today > after ? today : new Date(after.getTime() + recheckMs);
  }
  if (trigger.type !== "schedule") return null;
  let date = dateInZone(after, timeZone);
  for (let i = 0; i < 400; i++, date = addDays(date, 1)) {
    if (!firesOn(trigger, date)) continue;
    const at = localInstant(date, trigger.time, timeZone);
    if (at > after) return at;
  }
  return null;
}
