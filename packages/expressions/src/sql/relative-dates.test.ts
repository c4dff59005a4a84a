import { describe, expect, test } from "vitest";
import { dateInZone, formatDate, parseDate, startOfDayInstant } from "./calendar";
import { resolveRelativeDate } from "./relative-dates";

const NOW = new Date("2026-11-27T18:00:00Z"); // Saturday 2026-11-28 02:00 in Shanghai, Friday in New York

function resolve(op: "today" | "startOf" | "endOf", args: unknown[], timeZone = "Asia/Shanghai"): string {
  const result = resolveRelativeDate(op, args, NOW, timeZone);
  if (!result.ok) throw new Error(result.message);
  return formatDate(result.date);
}

describe("relative dates", () => {
  test("today depends on the time zone", () => {
    expect(resolve("today", [])).toBe("2026-11-28");
    expect(resolve("today", [], "America/New_York")).toBe("2026-11-27");
    expect(resolve("today", [-7])).toBe("2026-11-21");
    expect(resolve("today", [3])).toBe("2026-12-01");
  });

  test("periods: weeks start on Monday", () => {
    expect(resolve("startOf", ["week"])).toBe("2026-11-23");
    expect(resolve("endOf", ["week"])).toBe("2026-11-29");
    expect(resolve("startOf", ["week"], "America/New_York")).toBe("2026-11-23");
    expect(resolve("startOf", ["week", -1])).toBe("2026-11-16");
    expect(resolve("startOf", ["day", 1])).toBe("2026-11-29");
  });

  test("months, quarters and years with offsets", () => {
    expect(resolve("startOf", ["month"])).toBe("2026-11-01");
    expect(resolve("endOf", ["month"])).toBe("2026-11-30");
    expect(resolve("endOf", ["month", 3])).toBe("2027-02-28");
    expect(resolve("startOf", ["month", -11])).toBe("2025-12-01");
    expect(resolve("startOf", ["quarter"])).toBe("2026-10-01");
    expect(resolve("endOf", ["quarter"])).toBe("2026-12-31");
    expect(resolve("endOf", ["quarter", -1])).toBe("2026-09-30");
    expect(resolve("startOf", ["year", 1])).toBe("2027-01-01");
    expect(resolve("endOf", ["year"])).toBe("2026-12-31");
  });

  test("week and year boundaries", () => {
    const at = (iso: string, op: "startOf" | "endOf", args: unknown[]) => {
      const result = resolveRelativeDate(op, args, new Date(iso), "Asia/Shanghai");
      return result.ok ? formatDate(result.date) : result.message;
    };
    expect(at("2026-11-29T15:59:59Z", "startOf", ["week"])).toBe("2026-11-23"); // Sunday 23:59:59
    expect(at("2026-11-29T16:00:00Z", "startOf", ["week"])).toBe("2026-11-30"); // Monday 00:00
    expect(at("2026-12-15T00:00:00Z", "endOf", ["month", 1])).toBe("2027-01-31");
    expect(at("2026-12-31T16:30:00Z", "startOf", ["year"])).toBe("2027-01-01"); // New Year in Shanghai
    expect(at("2024-02-10T00:00:00Z", "endOf", ["month"])).toBe("2024-02-29");
    expect(at("2026-01-15T00:00:00Z", "startOf", ["quarter", -1])).toBe("2025-10-01");
  });

  test("bad arguments name the argument", () => {
    expect(resolveRelativeDate("today", ["x"], NOW, "UTC")).toMatchObject({ ok: false, arg: 0 });
    expect(resolveRelativeDate("today", [1.5], NOW, "UTC")).toMatchObject({ ok: false, arg: 0 });
    expect(resolveRelativeDate("today", [1, 2], NOW, "UTC")).toMatchObject({ ok: false, arg: -1 });
    expect(resolveRelativeDate("startOf", ["fortnight"], NOW, "UTC")).toMatchObject({ ok: false, arg: 0 });
    expect(resolveRelativeDate("endOf", ["month", "1"], NOW, "UTC")).toMatchObject({ ok: false, arg: 1 });
    expect(resolveRelativeDate("endOf", [], NOW, "UTC")).toMatchObject({ ok: false, arg: -1 });
    expect(resolveRelativeDate("startOf", ["year", 100_000], NOW, "UTC")).toMatchObject({
      ok: false,
      arg: -1,
    });
  });
});

describe("calendar", () => {
  test("parses only real dates", () => {
    expect(parseDate("2024-02-29")).toEqual({ year: 2024, month: 2, day: 29 });
    expect(parseDate("2026-02-29")).toBeNull();
    expect(parseDate("2026-13-01")).toBeNull();
    expect(parseDate("0000-01-01")).toBeNull();
    expect(parseDate("2026-1-1")).toBeNull();
    expect(formatDate({ year: 99, month: 1, day: 2 })).toBe("0099-01-02");
  });

  test("the first instant of a day in a zone", () => {
    const day = { year: 2026, month: 11, day: 28 };
    expect(startOfDayInstant(day, "Asia/Shanghai")).toBe("2026-11-27T16:00:00.000Z");
    expect(startOfDayInstant(day, "UTC")).toBe("2026-11-28T00:00:00.000Z");
    // DST starts at 02:00 on 2026-03-08 in New York: that day begins at -05:00, the next at -04:00.
    expect(startOfDayInstant({ year: 2026, month: 3, day: 8 }, "America/New_York")).toBe(
      "2026-03-08T05:00:00.000Z",
    );
    expect(startOfDayInstant({ year: 2026, month: 3, day: 9 }, "America/New_York")).toBe(
      "2026-03-09T04:00:00.000Z",
    );
    expect(dateInZone(new Date("2026-11-27T15:59:59Z"), "Asia/Shanghai")).toEqual({
      year: 2026,
      month: 11,
      day: 27,
    });
  });
});
