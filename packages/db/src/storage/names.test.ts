import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  boundedIdentifier,
  childTableName,
  fieldColumnName,
  quoteIdentifier,
  recordTableName,
} from "./names";

describe("identifiers", () => {
  it("names a record table after the form id", () => {
    expect(recordTableName("0192f3a4-1b2c-7d3e-8f40-123456789abc")).toBe(
      "r_0192f3a41b2c7d3e8f40123456789abc",
    );
  });
  it("keeps short names and bounds long ones without collisions", () => {
    expect(fieldColumnName("amount")).toBe("f_amount");
    fc.assert(
      fc.property(
        fc.stringMatching(/^[a-z][a-z0-9_]{0,100}$/),
        fc.stringMatching(/^[a-z][a-z0-9_]{0,100}$/),
        (a, b) => {
          const x = boundedIdentifier(`f_${a}`);
          const y = boundedIdentifier(`f_${b}`);
          expect(x.length).toBeLessThanOrEqual(63);
          if (a !== b) expect(x).not.toBe(y);
        },
      ),
    );
    const long = childTableName(recordTableName("0192f3a4-1b2c-7d3e-8f40-123456789abc"), "a".repeat(40));
    expect(long.length).toBe(63);
  });
  it("refuses anything but generated identifiers", () => {
    expect(() => quoteIdentifier('x"; DROP TABLE users; --')).toThrow();
    expect(() => boundedIdentifier("Robert'); DROP")).toThrow();
    expect(quoteIdentifier("f_a")).toBe('"f_a"');
  });
});
