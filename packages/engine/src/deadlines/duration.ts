/** The parts of an ISO 8601 duration (P1Y2M3W4DT5H6M7.5S). */
export interface Duration {
  years: number;
  months: number;
  weeks: number;
  days: number;
  /** Hours, minutes and seconds together. */
  ms: number;
}

const DURATION =
  /^P(?!$)(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)W)?(?:(\d+)D)?(?:T(?=\d)(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

/** Parses a duration the schema validator accepted (`isIsoDuration`); anything else answers undefined. */
export function parseDuration(text: string): Duration | undefined {
  const m = DURATION.exec(text);
  if (!m) return undefined;
  const n = (i: number) => Number(m[i] ?? 0);
  return {
    years: n(1),
    months: n(2),
    weeks: n(3),
    days: n(4),
    ms: ((n(5) * 60 + n(6)) * 60 + n(7)) * 1000,
  };
}
