import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { fieldSamples } from "../all-samples";
import { prepareRecord } from "./prepare";
import { quoteForm } from "./quote-form.fixture";

const form = quoteForm();
const ctx = { mode: "create" as const, now: new Date("2026-11-27T02:00:00Z") };
const keys = fc.constantFrom(
  "customer",
  "items",
  "discount",
  "total",
  "reason",
  "no",
  "other",
  "__proto__",
  "constructor",
);
const anyValue = fc.anything({ withBigInt: true, withDate: true, withNullPrototype: true, maxDepth: 4 });
const row = fc.dictionary(fc.constantFrom("price", "qty", "subtotal", "id", "x"), anyValue, { maxKeys: 4 });
const input = fc.dictionary(keys, fc.oneof(anyValue, fc.array(row, { maxLength: 5 })), { maxKeys: 7 });

describe("prepareRecord on arbitrary input", () => {
  it("never throws, answers ok or errors with pointers, and leaves Object.prototype alone", () => {
    fc.assert(
      fc.property(input, (data) => {
        const result = prepareRecord(form, data, ctx);
        if (result.ok) expect(Object.getPrototypeOf(result.data)).toBe(Object.prototype);
        else
          for (const error of result.errors) {
            expect(error.path === "" || error.path.startsWith("/")).toBe(true);
            expect(typeof error.message).toBe("string");
          }
        expect(Object.keys(Object.prototype)).toEqual([]);
      }),
      { numRuns: 300 },
    );
  });

  it("is idempotent: its own output goes through unchanged", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(0, 0.1, 0.3),
        fc.array(
          fc.record({ price: fc.integer({ min: 0, max: 1000 }), qty: fc.integer({ min: 1, max: 50 }) }),
          { maxLength: 5 },
        ),
        (discount, items) => {
          const first = prepareRecord(form, { customer: "c_1", discount, items, reason: "r" }, ctx);
          if (!first.ok) throw new Error(JSON.stringify(first.errors));
          const second = prepareRecord(form, first.data, ctx);
          expect(second).toEqual(first);
        },
      ),
      { numRuns: 100 },
    );
  });

  it("accepts every type's valid samples as a record of one field", () => {
    for (const [type, { field, valid }] of Object.entries(fieldSamples)) {
      if (
        type === "serial" ||
        type === "aggregate" ||
        type === "divider" ||
        type === "description" ||
        type === "lookup"
      )
        continue;
      for (const value of valid) {
        const result = prepareRecord(
          { key: "one", name: "One", fields: [field] },
          { [field.id]: value },
          ctx,
        );
        expect(
          result.ok,
          `${type} ${JSON.stringify(value)}: ${JSON.stringify(!result.ok && result.errors)}`,
        ).toBe(true);
      }
    }
  });
});
