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
    const ids = [newId(1000), newId(2000), newId(1_700_000_000_000), newId(1_800_000_000_000)];
    expect([...ids].sort()).toEqual(ids);
  });
  it("is unique", () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => newId(5)));
    expect(ids.size).toBe(10_000);
  });
  it("rejects non-ids", () => {
    expect(isId("x")).toBe(false);
    expect(isId(42)).toBe(false);
    expect(isId("00000000-0000-0000-0000-00000000000g")).toBe(false);
  });
});
