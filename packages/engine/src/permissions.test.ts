import { describe, expect, it } from "vitest";
import { checkEdits, completeEdits, editableFields, fieldPermission, visibleFields } from "./permissions";
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

  it("checkEdits matches sub-form rows by id (by position when rows have none) for columns not editable", () => {
    const plain = { items: [{ price: 1, qty: 1 }] };
    expect(checkEdits(flow, "a", { items: [{ price: 1, qty: 3 }] }, plain)).toEqual([]);
    expect(checkEdits(flow, "a", { items: [{ price: 2, qty: 1 }] }, plain).map((i) => i.path)).toEqual([
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
        plain,
      ).map((i) => i.path),
    ).toEqual(["/fieldEdits/items/1/price"]);
    const withIds = {
      items: [
        { id: "r1", price: 1, qty: 1 },
        { id: "r2", price: 2, qty: 1 },
      ],
    };
    // Deleting the first row shifts positions, not ids.
    expect(checkEdits(flow, "a", { items: [{ id: "r2", price: 2, qty: 5 }] }, withIds)).toEqual([]);
    expect(checkEdits(flow, "a", { items: [{ id: "r9", price: 2 }] }, withIds).map((i) => i.path)).toEqual([
      "/fieldEdits/items/0/price",
    ]);
  });

  it("a row may leave out a column it could not edit: the column keeps its value", () => {
    const hiding = flowOf(["start", "a:approval", "end"], ["start>a", "a>end"], {
      nodes: { a: { fieldPermissions: { items: "edit", "items.price": "hidden" } } },
    });
    const record = { items: [{ id: "r1", price: 7, qty: 1 }] };
    const edits = { items: [{ id: "r1", qty: 4 }, { qty: 2 }] };
    expect(visibleFields(hiding, "a")).not.toContain("items.price");
    expect(checkEdits(hiding, "a", edits, record)).toEqual([]);
    expect(completeEdits(hiding, "a", edits, record)).toEqual({
      items: [{ id: "r1", qty: 4, price: 7 }, { qty: 2 }],
    });
  });
});
