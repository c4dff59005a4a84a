import { FormworkError } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { etagOf, parseIfMatch } from "./if-match";

describe("parseIfMatch", () => {
  it("reads plain, quoted and weak versions", () => {
    expect(parseIfMatch("3", true)).toBe(3);
    expect(parseIfMatch(etagOf(12), true)).toBe(12);
    expect(parseIfMatch('W/"7"', true)).toBe(7);
    expect(parseIfMatch(undefined, false)).toBeUndefined();
  });

  it("answers 428 when required and missing, 400 when malformed", () => {
    expect(() => parseIfMatch(undefined, true)).toThrow(
      expect.objectContaining({ code: "PRECONDITION_REQUIRED" }),
    );
    expect(() => parseIfMatch("*", true)).toThrow(FormworkError);
    expect(() => parseIfMatch('"1", "2"', true)).toThrow(expect.objectContaining({ code: "BAD_REQUEST" }));
  });
});
