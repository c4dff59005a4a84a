import fc from "fast-check";
import { describe, expect, test } from "vitest";
import { containsPattern, escapeLike, prefixPattern } from "./like";

/** A LIKE matcher with PostgreSQL's rules (backslash escape), to check patterns without a database. */
function likeMatches(text: string, pattern: string): boolean {
  let regex = "";
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i]!;
    if (ch === "\\") regex += (pattern[++i] ?? "").replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (ch === "%") regex += "[\\s\\S]*";
    else if (ch === "_") regex += "[\\s\\S]";
    else regex += ch.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(`^${regex}$`, "u").test(text);
}

describe("escapeLike", () => {
  test("escapes the wildcards and the escape character", () => {
    expect(escapeLike("100%_off")).toBe("100\\%\\_off");
    expect(escapeLike("a\\b")).toBe("a\\\\b");
    expect(escapeLike("客户")).toBe("客户");
    expect(escapeLike("")).toBe("");
  });

  test("builds contains and prefix patterns", () => {
    expect(containsPattern("5%")).toBe("%5\\%%");
    expect(prefixPattern("a_")).toBe("a\\_%");
  });

  test("an escaped text matches exactly itself", () => {
    const chars = fc.constantFrom("a", "b", "%", "_", "\\", "客");
    fc.assert(
      fc.property(fc.string({ unit: chars }), fc.string({ unit: chars }), (text, other) => {
        expect(likeMatches(other, escapeLike(text))).toBe(other === text);
        expect(likeMatches(`x${text}y`, containsPattern(text))).toBe(true);
      }),
    );
  });
});
