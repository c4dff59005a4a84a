import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { matchesWhole, parseWildcard, searchWildcard } from "./wildcard";

/** Reference semantics as a regular expression, safe on the short inputs of the property. */
function reference(pattern: string): RegExp {
  let source = "";
  const chars = Array.from(pattern.toLowerCase());
  for (let i = 0; i < chars.length; i++) {
    const c = chars[i] as string;
    const literal = c === "~" && i + 1 < chars.length ? (chars[++i] as string) : undefined;
    if (literal !== undefined) source += literal.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    else if (c === "*") source += "[\\s\\S]*";
    else if (c === "?") source += "[\\s\\S]";
    else source += c.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  }
  return new RegExp(source, "u");
}

const alphabet = fc.constantFrom("a", "b", "A", "*", "?", "~", "x");
const word = fc.array(alphabet, { maxLength: 7 }).map((cs) => cs.join(""));
const subject = fc
  .array(fc.constantFrom("a", "b", "B", "*", "?", "~"), { maxLength: 10 })
  .map((cs) => cs.join(""));

describe("Excel wildcards", () => {
  it("matches whole texts like the anchored regular expression", () => {
    fc.assert(
      fc.property(word, subject, (pattern, text) => {
        const expected = new RegExp(`^(?:${reference(pattern).source})$`, "u").test(text.toLowerCase());
        expect(matchesWhole(parseWildcard(pattern), text)).toBe(expected);
      }),
      { numRuns: 2000 },
    );
  });

  it("finds the first match like the unanchored regular expression", () => {
    fc.assert(
      fc.property(word, subject, (pattern, text) => {
        const m = reference(pattern).exec(text.toLowerCase());
        expect(searchWildcard(parseWildcard(pattern), Array.from(text), 0)).toBe(m ? m.index : -1);
      }),
      { numRuns: 2000 },
    );
  });

  it("stays fast on patterns that make backtracking regexes explode", () => {
    const text = Array.from("a".repeat(30_000));
    const started = performance.now();
    expect(searchWildcard(parseWildcard("a*a*a*a*a*a*a*a*a*a*b"), text, 0)).toBe(-1);
    expect(matchesWhole(parseWildcard("*a*a*a*a*a*a*a*a*b"), text.join(""))).toBe(false);
    expect(performance.now() - started).toBeLessThan(2000);
  });
});
