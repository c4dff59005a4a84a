import { describe, expect, it } from "vitest";
import { nextRunAt } from "./schedule";

const zone = "Asia/Shanghai"; // UTC+8, no daylight saving
const at = (iso: string) => new Date(iso);

describe("nextRunAt", () => {
  it("daily: today's time when still ahead, else tomorrow's", () => {
    const trigger = { type: "schedule", frequency: "daily", time: "09:00" } as const;
    expect(nextRunAt(trigger, at("2026-11-27T00:30:00Z"), zone, 0)?.toISOString()).toBe(
      "2026-11-27T01:00:00.000Z",
    );
    expect(nextRunAt(trigger, at("2026-11-27T01:00:00Z"), zone, 0)?.toISOString()).toBe(
      "2026-11-28T01:00:00.000Z",
    );
  });

  it("weekly: the next chosen weekday (2026-11-27 is a Friday)", () => {
    const trigger = { type: "schedule", frequency: "weekly", time: "08:30", weekday: 1 } as const;
    expect(nextRunAt(trigger, at("2026-11-27T00:00:00Z"), zone, 0)?.toISOString()).toBe(
      "2026-11-30T00:30:00.000Z",
    );
  });

  it("monthly: a day past the month's end fires on its last day", () => {
    const trigger = { type: "schedule", frequency: "monthly", time: "00:00", monthDay: 31 } as const;
    expect(nextRunAt(trigger, at("2026-11-27T00:00:00Z"), zone, 0)?.toISOString()).toBe(
      "2026-11-29T16:00:00.000Z",
    );
  });

  it("date triggers: today's time, then every recheck interval; record triggers: never", () => {
    const trigger = { type: "dateField", field: "d", offsetDays: -3, time: "09:00" } as const;
    expect(nextRunAt(trigger, at("2026-11-27T00:00:00Z"), zone, 60_000)?.toISOString()).toBe(
      "2026-11-27T01:00:00.000Z",
    );
    expect(nextRunAt(trigger, at("2026-11-27T02:00:00Z"), zone, 60_000)?.toISOString()).toBe(
      "2026-11-27T02:01:00.000Z",
    );
    expect(nextRunAt({ type: "recordCreated" }, new Date(), zone, 60_000)).toBeNull();
  });
});
