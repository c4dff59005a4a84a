import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findUnsafeJson, MAX_JSON_DEPTH } from "./unsafe-json";

describe("findUnsafeJson", () => {
  it("points at a __proto__ key parsed by JSON.parse", () => {
    const value = JSON.parse('{"data":{"a":[1,{"__proto__":{"x":1}}]}}');
    expect(findUnsafeJson(value)).toEqual({ path: "/data/a/1/__proto__", message: expect.any(String) });
  });

  it("points at constructor keys and NUL characters", () => {
    expect(findUnsafeJson({ constructor: { prototype: {} } })?.path).toBe("/constructor");
    expect(findUnsafeJson({ "a/b": ["ok", "bad\u0000"] })?.path).toBe("/a~1b/1");
    expect(findUnsafeJson({ "k\u0000": 1 })?.path).toBe("/k\u0000");
  });

  it("refuses nesting beyond the limit without recursion", () => {
    let deep: unknown = 1;
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(findUnsafeJson(deep)?.message).toContain(String(MAX_JSON_DEPTH));
  });

  it("accepts any JSON without forbidden keys or NULs", () => {
    const safeString = fc.string().filter((s) => !s.includes("\u0000"));
    const safeKey = safeString.filter((s) => !["__proto__", "constructor"].includes(s));
    const json = fc.letrec((tie) => ({
      value: fc.oneof(
        { depthSize: "small" },
        fc.constant(null),
        fc.boolean(),
        fc.double({ noNaN: true, noDefaultInfinity: true }),
        safeString,
        fc.array(tie("value")),
        fc.dictionary(safeKey, tie("value")),
      ),
    })).value;
    fc.assert(fc.property(json, (value) => findUnsafeJson(JSON.parse(JSON.stringify(value))) === null));
  });

  it("finds a NUL wherever it is planted", () => {
    fc.assert(
      fc.property(fc.array(fc.string(), { minLength: 1 }), fc.nat(), (strings, at) => {
        const index = at % strings.length;
        const planted = strings.map((s, i) => (i === index ? `${s}\u0000` : s.replaceAll("\u0000", "")));
        expect(findUnsafeJson({ list: planted })?.path).toBe(`/list/${index}`);
      }),
    );
  });
});
