import { parseFormula } from "@formwork/expressions";

// The rules and formula of DESIGN §2's quote form, each in the form json-logic-js can also run.

export const displayRule = { ">": [{ var: "discount" }, 0.2] };

export const validationRule = {
  and: [
    { "<=": [{ var: "discount" }, 0.5] },
    { or: [{ ">": [{ var: "total" }, 0] }, { "==": [{ var: "status" }, "draft"] }] },
    { "<": [0, { var: "qty" }, 1000] },
    { in: [{ var: "region" }, ["north", "south", "east"]] },
    { "!": [{ var: "blocked" }] },
  ],
};

const parsed = parseFormula("ROUND(SUM(items.subtotal)*(1-discount),2)");
if (!parsed.ok) throw new Error("the benchmark formula must parse");
/** ROUND(SUM(items.subtotal)*(1-discount),2) compiled by the formula compiler. */
export const totalFormula: unknown = parsed.logic;

/** The same total in standard json-logic (which has no ROUND): a reduce over the rows. */
export const totalStandard = {
  "*": [
    { reduce: [{ var: "items" }, { "+": [{ var: "accumulator" }, { var: "current.subtotal" }] }, 0] },
    { "-": [1, { var: "discount" }] },
  ],
};

export const record = {
  discount: 0.25,
  total: 1200,
  status: "submitted",
  qty: 12,
  region: "south",
  blocked: false,
  items: Array.from({ length: 10 }, (_, i) => ({ price: 10 + i, qty: 2, subtotal: (10 + i) * 2 })),
};

export const ctx = { now: new Date("2026-11-27T02:00:00Z"), timeZone: "Asia/Shanghai" };
