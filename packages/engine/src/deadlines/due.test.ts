import { describe, expect, it } from "vitest";
import { deadline as makeDeadline } from "../test-support/flows";
import { addDuration, dueTime, WEEKDAYS } from "./due";
import { parseDuration } from "./duration";

const shanghai = { timeZone: "Asia/Shanghai", calendar: WEEKDAYS };

describe("durations and due times", () => {
  it("parses ISO 8601 durations", () => {
    expect(parseDuration("P1Y2M3W4DT5H6M7.5S")).toEqual({
      years: 1,
      months: 2,
      weeks: 3,
      days: 4,
      ms: 18_367_500,
    });
    expect(parseDuration("PT4H")?.ms).toBe(14_400_000);
    for (const bad of ["P", "2D", "PT", "P1H", "p1d"]) expect(parseDuration(bad)).toBeUndefined();
  });

  it("adds natural durations, months by the calendar", () => {
    expect(addDuration("2026-01-31T00:00:00.000Z", "P1M", false, shanghai)).toBe("2026-02-28T00:00:00.000Z");
    expect(addDuration("2028-01-31T00:00:00.000Z", "P1Y1M", false, shanghai)).toBe(
      "2029-02-28T00:00:00.000Z",
    );
    expect(addDuration("2026-11-27T02:00:00.000Z", "P1W", false, shanghai)).toBe("2026-12-04T02:00:00.000Z");
    expect(addDuration("2026-11-27T02:00:00.000Z", "PT90M", false, shanghai)).toBe(
      "2026-11-27T03:30:00.000Z",
    );
  });

  it("working days count Monday to Friday in the deployment's zone, or an injected calendar", () => {
    // Friday 23:30 in Shanghai is still Friday there (15:30Z); one working day later is Monday.
    expect(addDuration("2026-11-27T15:30:00.000Z", "P1D", true, shanghai)).toBe("2026-11-30T15:30:00.000Z");
    expect(addDuration("2026-11-27T15:30:00.000Z", "P1W", true, shanghai)).toBe("2026-12-04T15:30:00.000Z");
    const holiday = {
      timeZone: "Asia/Shanghai",
      calendar: { isWorkingDay: (d: string) => WEEKDAYS.isWorkingDay(d) && d !== "2026-11-30" },
    };
    expect(addDuration("2026-11-27T02:00:00.000Z", "P1D", true, holiday)).toBe("2026-12-01T02:00:00.000Z");
  });

  it("a date field ends at local midnight; a datetime field is taken as is", () => {
    const deadline = makeDeadline("remind", { field: "due" });
    expect(dueTime(deadline, "2026-11-01T00:00:00.000Z", { due: "2026-12-01" }, shanghai)).toBe(
      "2026-12-01T16:00:00.000Z",
    );
    expect(
      dueTime(deadline, "2026-11-01T00:00:00.000Z", { due: "2026-12-01T08:00:00+08:00" }, shanghai),
    ).toBe("2026-12-01T00:00:00.000Z");
    expect(
      dueTime(
        deadline,
        "2026-11-01T00:00:00.000Z",
        { due: "2026-12-01" },
        { timeZone: "UTC", calendar: WEEKDAYS },
      ),
    ).toBe("2026-12-02T00:00:00.000Z");
    expect(dueTime(deadline, "2026-11-01T00:00:00.000Z", { due: "soon" }, shanghai)).toBeUndefined();
  });
});
