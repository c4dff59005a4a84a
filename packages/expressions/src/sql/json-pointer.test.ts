import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { childPointer, pointerSegment, resolvePointer } from "./json-pointer";

describe("JSON pointers", () => {
  test("escape ~ and / as RFC 6901 says", () => {
    expect(pointerSegment("a/b~c")).toBe("a~1b~0c");
    expect(pointerSegment(3)).toBe("3");
    expect(childPointer("/and/0", "==")).toBe("/and/0/==");
  });

  test("resolve what they point at, only through own keys", () => {
    const doc = { and: [{ "a/b": 1 }, { "~": [2] }] };
    expect(resolvePointer(doc, "")).toEqual({ found: true, value: doc });
    expect(resolvePointer(doc, "/and/0/a~1b")).toEqual({ found: true, value: 1 });
    expect(resolvePointer(doc, "/and/1/~0/0")).toEqual({ found: true, value: 2 });
    expect(resolvePointer(doc, "/and/2").found).toBe(false);
    expect(resolvePointer(doc, "/and/01").found).toBe(false);
    expect(resolvePointer(doc, "/constructor").found).toBe(false);
    expect(resolvePointer(doc, "and").found).toBe(false);
  });

  test("a pointer built from keys leads back to the value", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1, maxLength: 4 }), fc.integer(), (keys, leaf) => {
        let doc: unknown = leaf;
        for (const key of [...keys].reverse()) doc = { [key]: doc };
        const pointer = keys.reduce((path, key) => childPointer(path, key), "");
        expect(resolvePointer(doc, pointer)).toEqual({ found: true, value: leaf });
      }),
    );
  });
});
