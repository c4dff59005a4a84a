import type { FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { planViewIndexes } from "./index-plan";

const definition: FormDefinition = {
  key: "orders",
  name: "Orders",
  fields: [
    { id: "region", type: "text", label: "Region" },
    { id: "status", type: "text", label: "Status" },
    { id: "amount", type: "number", label: "Amount" },
    { id: "code", type: "text", label: "Code", unique: true },
    { id: "tags", type: "multiselect", label: "Tags", options: [{ value: "a" }] },
    { id: "address", type: "address", label: "Address" },
  ],
};
const columnTypes = new Map([
  ["region", "text"],
  ["status", "text"],
  ["amount", "numeric"],
  ["code", "text"],
  ["tags", "text[]"],
  ["address", "jsonb"],
]);
const plan = (filter: unknown, sort: { field: string; direction?: "asc" | "desc" }[] = []) =>
  planViewIndexes({ definition, columnTypes, filter, sort });

describe("planViewIndexes", () => {
  it("puts equality fields first and the range field after them: one index for rows, order and count", () => {
    const filter = {
      and: [
        { "==": [{ var: "region" }, "east"] },
        { ">=": [{ var: "amount" }, 100] },
        { "<": [{ var: "amount" }, 200] },
      ],
    };
    expect(plan(filter, [{ field: "amount", direction: "desc" }])).toEqual([["region", "amount"]]);
  });

  it("orders equality fields by name so the same view always asks for the same index", () => {
    const a = { and: [{ "==": [{ var: "status" }, "x"] }, { "==": [{ var: "region" }, "y"] }] };
    const b = { and: [{ "==": [{ var: "region" }, "y"] }, { "==": [{ var: "status" }, "x"] }] };
    expect(plan(a)).toEqual([["region", "status"]]);
    expect(plan(b)).toEqual(plan(a));
  });

  it("without a range, the first sort key follows the equalities; a different sort key gets its own", () => {
    expect(plan({ "==": [{ var: "region" }, "y"] }, [{ field: "amount" }])).toEqual([["region", "amount"]]);
    expect(
      plan({ and: [{ "==": [{ var: "region" }, "y"] }, { between: [{ var: "amount" }, 1, 5] }] }, [
        { field: "$createdAt", direction: "desc" },
      ]),
    ).toEqual([
      ["region", "amount"],
      ["region", "$createdAt"],
    ]);
    expect(plan(undefined, [{ field: "$updatedAt" }, { field: "amount" }])).toEqual([["$updatedAt"]]);
  });

  it("gives each field of an any-of group its own index, so a bitmap OR serves it", () => {
    const filter = {
      and: [
        { "==": [{ var: "status" }, "open"] },
        { or: [{ "==": [{ var: "region" }, "east"] }, { ">": [{ var: "amount" }, 10] }] },
      ],
    };
    expect(plan(filter)).toEqual([["status"], ["amount"], ["region"]]);
  });

  it("skips what a btree cannot serve or what already has an index", () => {
    expect(plan({ "==": [{ var: "code" }, "Q1"] })).toEqual([]);
    expect(plan({ hasAny: [{ var: "tags" }, ["a"]] }, [{ field: "$id" }])).toEqual([]);
    expect(plan({ notEmpty: [{ var: "address" }] })).toEqual([]);
    expect(plan({ "==": [{ var: "region" }, { var: "status" }] })).toEqual([["region"], ["status"]]);
    expect(plan({ "==": [{ var: "owner" }, { var: "$user.id" }] })).toEqual([]);
    expect(plan({ some: [{ var: "items" }, { ">": [{ var: "qty" }, 1] }] })).toEqual([]);
  });
});
