import type { FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { formulaEnvironment, formulaRefs } from "./formula-env";
import { sampleData } from "./sample-data";

const def: FormDefinition = {
  key: "orders",
  name: "Orders",
  fields: [
    { id: "customer", type: "text", label: "Customer" },
    { id: "note", type: "divider", label: "—" },
    {
      id: "items",
      type: "subform",
      label: "Items",
      fields: [
        { id: "price", type: "money", label: "Price" },
        { id: "qty", type: "number", label: "Qty" },
        { id: "subtotal", type: "number", label: "Subtotal" },
      ],
    },
    { id: "total", type: "number", label: "Total" },
  ],
};

describe("formula references", () => {
  it("lists stored fields and sub-form columns as arrays for a top-level field", () => {
    expect(formulaEnvironment(formulaRefs(def, "total")).fields).toEqual({
      customer: "text",
      "items.price": { array: "number" },
      "items.qty": { array: "number" },
      "items.subtotal": { array: "number" },
    });
  });

  it("lists row siblings by id for a sub-form column", () => {
    const refs = formulaRefs(def, "subtotal", "items").map((r) => r.ref);
    expect(refs).toEqual(["customer", "price", "qty", "total"]);
  });
});

describe("sampleData", () => {
  it("builds rows for column samples and scalars by type", () => {
    expect(
      sampleData(
        { "items.price": "2, 3", "items.qty": "5", customer: "ACME", total: "" },
        {
          "items.price": { array: "number" },
          "items.qty": { array: "number" },
          customer: "text",
          total: "number",
        },
      ),
    ).toEqual({ items: [{ price: 2, qty: 5 }, { price: 3 }], customer: "ACME", total: null });
  });
});
