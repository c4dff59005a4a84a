// Durations and moments as an inbox shows them: "2 d 3 h", "3 hours ago"; overdue is negative.

export interface DurationParts {
  days: number;
  hours: number;
  minutes: number;
}

/** Whole days, hours and minutes of |ms| (under a minute counts as 0 minutes). */
export function durationParts(ms: number): DurationParts {
  const total = Math.floor(Math.abs(ms) / 60_000);
  return { days: Math.floor(total / 1440), hours: Math.floor((total % 1440) / 60), minutes: total % 60 };
}

/** Unit names from the catalog (tasks.time.*). */
export interface DurationUnits {
  days: string;
  hours: string;
  minutes: string;
  underAMinute: string;
}

/** The two largest non-zero units, e.g. "2 d 3 h"; `underAMinute` below a minute. */
export function formatDuration(ms: number, units: DurationUnits): string {
  const { days, hours, minutes } = durationParts(ms);
  const parts: Array<[number, string]> = [
    [days, units.days],
    [hours, units.hours],
    [minutes, units.minutes],
  ];
  const shown = parts.filter(([n]) => n > 0).slice(0, 2);
  if (shown.length === 0) return units.underAMinute;
  return shown.map(([n, unit]) => `${n} ${unit}`).join(" ");
}

/** "3 hours ago" / "3 小时前" in the UI language, from the largest fitting unit. */
export function formatAgo(iso: string, now: number, language: string): string {
  const seconds = Math.round((Date.parse(iso) - now) / 1000);
  const format = new Intl.RelativeTimeFormat(language === "en" ? "en" : "zh-CN", { numeric: "auto" });
  const steps: Array<[Intl.RelativeTimeFormatUnit, number]> = [
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
  ];
  for (const [unit, size] of steps) {
    if (Math.abs(seconds) >= size) return format.format(Math.trunc(seconds / size), unit);
  }
  return format.format(0, "minute");
}
