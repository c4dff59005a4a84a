import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { durationParts, formatAgo, formatDuration } from "./time";

describe("task times", () => {
  it("split a duration into days, hours and minutes that add up", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e10, max: 1e10 }), (ms) => {
        const { days, hours, minutes } = durationParts(ms);
        expect(hours).toBeLessThan(24);
        expect(minutes).toBeLessThan(60);
        expect(((days * 24 + hours) * 60 + minutes) * 60_000).toBe(
          Math.floor(Math.abs(ms) / 60_000) * 60_000,
        );
      }),
    );
  });

  it("show the two largest units", () => {
    const units = { days: "d", hours: "h", minutes: "min", underAMinute: "< 1 min" };
    const ms = ((2 * 24 + 3) * 60 + 5) * 60_000;
    expect(formatDuration(ms, units)).toBe("2 d 3 h");
    expect(formatDuration(-ms, units)).toBe("2 d 3 h");
    expect(formatDuration(90 * 60_000, units)).toBe("1 h 30 min");
    expect(formatDuration(30_000, units)).toBe("< 1 min");
  });

  it("say how long ago in the UI language", () => {
    const now = Date.parse("2026-11-27T12:00:00Z");
    expect(formatAgo("2026-11-27T09:00:00Z", now, "en")).toBe("3 hours ago");
    expect(formatAgo("2026-11-25T12:00:00Z", now, "en")).toBe("2 days ago");
    expect(formatAgo("2026-11-27T11:59:50Z", now, "en")).toBe("this minute");
  });
});
