// The designer edits ISO 8601 durations as an amount and a unit; P2D and PT4H round-trip, anything
// else written by hand is shown as it is and kept until the designer changes it.
export type DurationUnit = "minutes" | "hours" | "days";

export interface SimpleDuration {
  amount: number;
  unit: DurationUnit;
}

const PATTERNS: Array<[RegExp, DurationUnit]> = [
  [/^P(\d+)D$/, "days"],
  [/^PT(\d+)H$/, "hours"],
  [/^PT(\d+)M$/, "minutes"],
];

export function parseDuration(text: string | undefined): SimpleDuration | undefined {
  for (const [pattern, unit] of PATTERNS) {
    const match = pattern.exec(text ?? "");
    if (match) return { amount: Number(match[1]), unit };
  }
  return undefined;
}

export function formatDuration({ amount, unit }: SimpleDuration): string {
  const n = Math.max(1, Math.round(amount));
  return unit === "days" ? `P${n}D` : unit === "hours" ? `PT${n}H` : `PT${n}M`;
}
