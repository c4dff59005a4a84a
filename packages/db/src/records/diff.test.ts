import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { diffFields } from "./diff";

describe("diffFields", () => {
  it("lists only changed fields", () => {
    expect(
      diffFields({ a: 1, b: "x", c: { p: 1, q: 2 } }, { a: 2, b: "x", c: { q: 2, p: 1 } }, ["a", "b", "c"]),
    ).toEqual({ a: { from: 1, to: 2 } });
    expect(diffFields({}, { a: "new" }, ["a", "b"])).toEqual({ a: { from: null, to: "new" } });
  });
  it("is empty exactly when nothing changed", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.constantFrom("a", "b", "c"), fc.jsonValue()), (data) => {
        expect(diffFields(data, structuredClone(data), Object.keys(data))).toEqual({});
      }),
    );
  });
});
