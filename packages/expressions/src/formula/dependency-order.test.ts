import { describe, expect, it } from "vitest";
import { type ComputedFieldSource, computeOrder } from "./dependency-order";

const quote: ComputedFieldSource[] = [
  { id: "total", formula: "ROUND(SUM(items.subtotal) * (1 - discount), 2)" },
  {
    id: "items",
    subformColumns: [
      { id: "subtotal", formula: "price * qty" },
      { id: "price" },
      { id: "qty" },
      { id: "net", formula: "subtotal - rebate" },
    ],
  },
  { id: "discount" },
  { id: "rebate", formula: "IF(discount > 0.2, 10, 0)" },
  { id: "label", formula: '"Total: " & total' },
];

describe("computeOrder", () => {
  it("orders computed fields and sub-form columns after what they read", () => {
    expect(computeOrder(quote)).toMatchObject({
      order: ["items.subtotal", "total", "rebate", "items.net", "label"],
      cycles: [],
    });
  });

  it("lists each computed field's inputs, stored ones included, sibling columns resolved", () => {
    expect(computeOrder(quote).inputs).toEqual({
      total: ["items.subtotal", "discount"],
      "items.subtotal": ["items.price", "items.qty"],
      "items.net": ["items.subtotal", "rebate"],
      rebate: ["discount"],
      label: ["total"],
    });
  });

  it("makes a ref to a whole sub-form depend on all of its computed columns", () => {
    const fields: ComputedFieldSource[] = [
      { id: "count", formula: "COUNTA(items)" },
      {
        id: "items",
        subformColumns: [{ id: "a", formula: "1" }, { id: "b", formula: "a + 1" }, { id: "c" }],
      },
    ];
    expect(computeOrder(fields).order).toEqual(["items.a", "items.b", "count"]);
  });

  it("resolves a bare id in a column formula to a top-level field when no sibling has it", () => {
    const fields: ComputedFieldSource[] = [
      { id: "items", subformColumns: [{ id: "share", formula: "1 / total" }] },
      { id: "total", formula: "2" },
    ];
    expect(computeOrder(fields).order).toEqual(["total", "items.share"]);
  });

  it("reports a self-reference and a longer cycle with their paths, and leaves them out of the order", () => {
    const fields: ComputedFieldSource[] = [
      { id: "a", formula: "b + 1" },
      { id: "b", formula: "c * 2" },
      { id: "c", formula: "a - 1" },
      { id: "self", formula: "self + 1" },
      { id: "free", formula: "1" },
      { id: "after", formula: "a + free" },
    ];
    expect(computeOrder(fields)).toMatchObject({
      order: ["free", "after"],
      cycles: [
        ["a", "b", "c", "a"],
        ["self", "self"],
      ],
    });
  });

  it("reports cycles that pass through sub-form columns", () => {
    const fields: ComputedFieldSource[] = [
      { id: "total", formula: "SUM(items.share)" },
      { id: "items", subformColumns: [{ id: "share", formula: "amount / total" }, { id: "amount" }] },
    ];
    expect(computeOrder(fields).cycles).toEqual([["total", "items.share", "total"]]);
  });

  it("gives one cycle per group of mutually dependent fields, through its first field", () => {
    const fields: ComputedFieldSource[] = [
      { id: "a", formula: "b + c" },
      { id: "b", formula: "a" },
      { id: "c", formula: "a" },
    ];
    expect(computeOrder(fields)).toMatchObject({ order: [], cycles: [["a", "b", "a"]] });
  });

  it("ignores refs to stored fields and formulas that do not parse", () => {
    const fields: ComputedFieldSource[] = [
      { id: "a", formula: "b +" },
      { id: "b", formula: "a" },
    ];
    expect(computeOrder(fields)).toMatchObject({
      order: ["a", "b"],
      cycles: [],
      inputs: { a: [], b: ["a"] },
    });
  });

  it("handles a chain of 5,000 fields without recursion", () => {
    const fields: ComputedFieldSource[] = Array.from({ length: 5_000 }, (_, i) => ({
      id: `f${i}`,
      formula: i === 4_999 ? "1" : `f${i + 1} + 1`,
    }));
    const { order } = computeOrder(fields);
    expect(order[0]).toBe("f4999");
    expect(order.at(-1)).toBe("f0");
  });
});
