import type { FormDefinition } from "@formwork/schema";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { prefillFromQuery } from "./prefill";

const form: FormDefinition = {
  key: "quotes",
  name: "Quotes",
  fields: [
    { id: "customer", type: "text", label: "Customer" },
    { id: "discount", type: "number", label: "Discount" },
    { id: "tags", type: "multiselect", label: "Tags", options: [{ value: "a" }, { value: "b" }] },
    { id: "total", type: "money", label: "Total", formula: "discount * 2" },
    { id: "locked", type: "text", label: "Locked", readonly: true },
    { id: "items", type: "subform", label: "Items", fields: [{ id: "qty", type: "number", label: "Qty" }] },
    { id: "no", type: "serial", label: "No", pattern: [{ counter: 4 }] },
  ],
};

describe("prefillFromQuery", () => {
  it("takes text, numbers and comma lists for the fields that allow it", () => {
    expect(prefillFromQuery(form, "?customer=ACME%20Ltd&discount=0.1&tags=a,%20b")).toEqual({
      customer: "ACME Ltd",
      discount: 0.1,
      tags: ["a", "b"],
    });
  });

  it("ignores computed, read-only, sub-form, serial and unknown parameters", () => {
    expect(prefillFromQuery(form, "total=5&locked=x&items=1&no=Q-1&other=1&__proto__=x")).toEqual({});
  });

  it("keeps a non-number as text so the pipeline reports it under the field", () => {
    expect(prefillFromQuery(form, "discount=lots")).toEqual({ discount: "lots" });
    expect(prefillFromQuery(form, "discount=")).toEqual({ discount: "" });
  });

  it("never throws and only yields prefillable field ids", () => {
    fc.assert(
      fc.property(fc.dictionary(fc.string(), fc.string()), (params) => {
        const values = prefillFromQuery(form, new URLSearchParams(params));
        for (const key of Object.keys(values)) expect(["customer", "discount", "tags"]).toContain(key);
      }),
    );
  });
});
