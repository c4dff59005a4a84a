import { describe, expect, it } from "vitest";
import { checkEdits, editableFields, fieldPermission, visibleFields } from "./permissions";
import { flowOf } from "./test-support/flows";

const flow = flowOf(["start", "a:approval", "c:cc", "end"], ["start>a", "a>c", "c>end"], {
  nodes: {
    start: { fieldPermissions: { reason: "hidden", total: "edit" } },
    a: {
      fieldPermissions: {
        title: "hidden",
        discount: "edit",
        total: "edit",
        items: "edit",
        "items.price": "view",
        reason: "edit",
      },
    },
  },
});

describe("field permissions", () => {
  it("the start node edits what it does not list; computed fields are never editable", () => {
    expect(fieldPermission(flow, "start", "title")).toBe("edit");
    expect(fieldPermission(flow, "start", "reason")).toBe("hidden");
    expect(fieldPermission(flow, "start", "total")).toBe("view");
  });

  it("other nodes view what they do not list; sub-form columns inherit from their sub-form", () => {
    expect(fieldPermission(flow, "a", "amount")).toBe("view");
    expect(fieldPermission(flow, "a", "items.qty")).toBe("edit");
    expect(fieldPermission(flow, "a", "items.price")).toBe("view");
    expect(fieldPermission(flow, "c", "amount")).toBe("view");
  });

  it("visibleFields leaves hidden fields out, editableFields lists what may change", () => {
    expect(visibleFields(flow, "a")).not.toContain("title");
    expect(visibleFields(flow, "a")).toEqual(
      expect.arrayContaining(["amount", "discount", "reason", "items", "items.price", "items.qty"]),
    );
    expect(editableFields(flow, "a").sort()).toEqual(["discount", "items", "items.qty", "reason"]);
    expect(visibleFields(flow, "start")).not.toContain("reason");
  });

  it("checkEdits refuses changes outside the editable fields but accepts unchanged values sent back", () => {
    const record = { amount: 5, title: "T", items: [{ price: 1, qty: 1 }] };
    expect(checkEdits(flow, "a", { amount: 5, title: "T", discount: 0.2 }, record)).toEqual([]);
    expect(checkEdits(flow, "a", { amount: 6, total: 1, unknown: 1 }, record).map((i) => i.path)).toEqual([
      "/fieldEdits/amount",
      "/fieldEdits/total",
      "/fieldEdits/unknown",
    ]);
  });

  it("checkEdits compares sub-form rows by position for columns that are not editable", () => {
    const record = { items: [{ price: 1, qty: 1 }] };
    expect(checkEdits(flow, "a", { items: [{ price: 1, qty: 3 }] }, record)).toEqual([]);
    expect(checkEdits(flow, "a", { items: [{ price: 2, qty: 1 }] }, record).map((i) => i.path)).toEqual([
      "/fieldEdits/items/0/price",
    ]);
    expect(
      checkEdits(
        flow,
        "a",
        {
          items: [
            { price: 1, qty: 1 },
            { price: 9, qty: 1 },
          ],
        },
        record,
      ).map((i) => i.path),
    ).toEqual(["/fieldEdits/items/1/price"]);
  });
});
