import { describe, expect, it } from "vitest";
import { isId, newId } from "./ids";

describe("newId", () => {
  it("is a version 7 UUID", () => {
    const id = newId();
    expect(isId(id)).toBe(true);
    expect(id[14]).toBe("7");
    expect(["8", "9", "a", "b"]).toContain(id[19]);
  });
  it("sorts by creation time", () => {
    const t = Date.now();
    const ids = [newId(t + 1000), newId(t + 2000), newId(t + 60_000), newId(t + 3_600_000)];
    expect([...ids].sort()).toEqual(ids);
  });
  it("is unique and keeps creation order within one millisecond", () => {
    const t = Date.now() + 7_200_000;
    const ids = Array.from({ length: 10_000 }, () => newId(t));
    expect(new Set(ids).size).toBe(10_000);
    expect([...ids].sort()).toEqual(ids);
  });
  it("rejects non-ids", () => {
    expect(isId("x")).toBe(false);
    expect(isId(42)).toBe(false);
    expect(isId("00000000-0000-0000-0000-00000000000g")).toBe(false);
  });
});
