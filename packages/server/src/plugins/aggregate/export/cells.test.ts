// Formula injection: whatever text a record holds, no exported cell starts with a formula trigger
// unless it is quoted; and the CSV line parses back to exactly the cells written.
import type { FieldDefinition } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseCsv } from "../../../../test/csv-reader";
import { cellOf, escapeFormula } from "./cells";
import { csvLine } from "./csv";

const TEXT = { id: "t", type: "text", label: "T" } as FieldDefinition;
const context = { locale: "zh-CN" as const, timeZone: "Asia/Shanghai", names: new Map<string, string>() };
const TRIGGERS = ["=", "+", "-", "@", "\t", "\r"];

const trickyText = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.tuple(fc.constantFrom(...TRIGGERS, '"', ",", "\n", "'"), fc.string()).map(([a, b]) => a + b),
);

describe("export cells", () => {
  it("never starts an exported text cell with a formula trigger unless quoted", () => {
    fc.assert(
      fc.property(trickyText, (text) => {
        const cell = cellOf(TEXT, text, context);
        expect(typeof cell).toBe("string");
        const s = cell as string;
        if (TRIGGERS.includes(s[0] ?? "")) throw new Error(`unquoted formula: ${JSON.stringify(s)}`);
        // Quoted exactly when it had to be, and otherwise unchanged.
        expect(s).toBe(TRIGGERS.includes(text[0] ?? "") ? `'${text}` : text);
      }),
      { numRuns: 500 },
    );
  });

  it("writes CSV lines that parse back to the same cells", () => {
    fc.assert(
      fc.property(fc.array(trickyText, { minLength: 1, maxLength: 6 }), (texts) => {
        const cells = texts.map((t) => escapeFormula(t));
        expect(parseCsv(csvLine(cells))).toEqual([cells]);
      }),
      { numRuns: 500 },
    );
  });

  it("renders labels, names, dates in the zone and keeps numbers numeric", () => {
    const select = {
      id: "s",
      type: "select",
      label: "S",
      options: [{ value: "n", label: { "zh-CN": "北", en: "North" } }],
    } as FieldDefinition;
    expect(cellOf(select, "n", context)).toBe("北");
    expect(cellOf(select, "n", { ...context, locale: "en" })).toBe("North");
    const at = { id: "a", type: "datetime", label: "A" } as FieldDefinition;
    expect(cellOf(at, "2026-01-31T17:00:00.000Z", context)).toBe("2026-02-01 01:00:00");
    const money = { id: "m", type: "money", label: "M" } as FieldDefinition;
    expect(cellOf(money, -12.5, context)).toBe(-12.5);
    const member = { id: "u", type: "members", label: "U" } as FieldDefinition;
    expect(cellOf(member, ["x", "y"], { ...context, names: new Map([["x", "=Alice"]]) })).toBe("'=Alice, y");
  });
});
