import { describe, expect, test } from "vitest";
import { checkElements, checkList, checkScalar, type Literal } from "./values";

const json = (value: unknown): Literal => ({ kind: "json", value });
const scalar = (valueType: Parameters<typeof checkScalar>[0], value: unknown) =>
  checkScalar(valueType, json(value), "Asia/Shanghai");

describe("literal checks", () => {
  test("numbers: finite JS numbers or plain decimal text", () => {
    expect(scalar("number", 1.5)).toEqual({ ok: true, value: { kind: "value", value: 1.5 } });
    expect(scalar("number", "-12.50")).toEqual({ ok: true, value: { kind: "value", value: "-12.50" } });
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, "1e5", "abc", "", " 1", true, null, [1]]) {
      expect(scalar("number", bad).ok).toBe(false);
    }
  });

  test("dates must be real calendar dates", () => {
    expect(scalar("date", "2024-02-29").ok).toBe(true);
    for (const bad of ["2026-02-29", "2026-11-28T00:00:00Z", "28/11/2026", 20261128]) {
      expect(scalar("date", bad).ok).toBe(false);
    }
  });

  test("datetimes: an instant with a zone, or a day in the scope's zone", () => {
    expect(scalar("datetime", "2026-11-28T10:00Z")).toEqual({
      ok: true,
      value: { kind: "value", value: "2026-11-28T10:00Z" },
    });
    expect(scalar("datetime", "2026-11-28T10:00:00.123456+14:00").ok).toBe(true);
    expect(scalar("datetime", "2026-11-28")).toEqual({
      ok: true,
      value: { kind: "day", start: "2026-11-27T16:00:00.000Z", end: "2026-11-28T16:00:00.000Z" },
    });
    for (const bad of [
      "2026-11-28T10:00:00",
      "2026-11-28T24:00:00Z",
      "2026-11-31T10:00:00Z",
      "2026-11-28T10:00+16:00",
    ]) {
      expect(scalar("datetime", bad).ok).toBe(false);
    }
  });

  test("ids are UUIDs, normalised to lower case", () => {
    const id = "0190A0B0-0000-7000-8000-00000000000A";
    expect(scalar("id", id)).toEqual({ ok: true, value: { kind: "value", value: id.toLowerCase() } });
    expect(scalar("id", "42").ok).toBe(false);
    expect(scalar("id", 42).ok).toBe(false);
  });

  test("text rejects NUL and other types; booleans are booleans", () => {
    expect(scalar("text", "客户").ok).toBe(true);
    expect(scalar("text", "a\u0000").ok).toBe(false);
    expect(scalar("text", 1).ok).toBe(false);
    expect(scalar("boolean", "true").ok).toBe(false);
    expect(scalar("textArray", "a").ok).toBe(false);
  });

  test("a relative date is a date for date fields and a day for datetime fields", () => {
    const date: Literal = { kind: "date", date: { year: 2026, month: 11, day: 28 } };
    expect(checkScalar("date", date, "UTC")).toEqual({
      ok: true,
      value: { kind: "value", value: "2026-11-28" },
    });
    expect(checkScalar("datetime", date, "UTC")).toMatchObject({ ok: true, value: { kind: "day" } });
    expect(checkScalar("number", date, "UTC").ok).toBe(false);
  });

  test("lists and array elements", () => {
    expect(checkList("number", json([1, null, "2.5"]))).toEqual({
      ok: true,
      value: { values: [1, "2.5"], includesNull: true },
    });
    expect(checkList("number", json([1, "x"]))).toMatchObject({
      ok: false,
      message: expect.stringMatching(/^item 1/),
    });
    expect(checkList("boolean", json([true])).ok).toBe(false);
    expect(checkList("text", json("a")).ok).toBe(false);
    expect(checkElements("textArray", json("a"))).toEqual({ ok: true, value: ["a"] });
    expect(checkElements("idArray", json(["nope"])).ok).toBe(false);
  });
});
