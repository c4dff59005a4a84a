import { describe, expect, it } from "vitest";
import type { TaskDetail } from "../api";
import { fieldEdits, taskForm } from "./task-form";

const detail = {
  form: {
    id: "f",
    name: "报价单",
    version: 2,
    fields: [
      { id: "customer", type: "text", label: "客户", permission: "view" },
      { id: "discount", type: "number", label: "折扣", permission: "edit" },
      {
        id: "items",
        type: "subform",
        label: "明细",
        permission: "view",
        fields: [
          { id: "qty", type: "number", label: "数量", permission: "edit" },
          { id: "price", type: "number", label: "单价", permission: "view" },
        ],
      },
    ],
  },
} as unknown as TaskDetail;

describe("the task's form", () => {
  it("turns the server's permitted fields into a definition and a permission map", () => {
    const form = taskForm(detail);
    expect(form.definition.fields.map((f) => f.id)).toEqual(["customer", "discount", "items"]);
    expect(JSON.stringify(form.definition)).not.toContain("permission");
    expect(form.permissions).toEqual({
      customer: "view",
      discount: "edit",
      items: "view",
      "items.qty": "edit",
      "items.price": "view",
    });
    expect(form.editable).toEqual(["discount"]);
    const items = form.definition.fields[2] as { fields: { id: string; readonly?: boolean }[] };
    expect(items.fields.map((c) => [c.id, c.readonly === true])).toEqual([
      ["qty", false],
      ["price", true],
    ]);
  });

  it("sends only editable fields that changed", () => {
    expect(
      fieldEdits(["discount", "reason"], { discount: 0.1, customer: "A" }, { discount: 0.2, customer: "B" }),
    ).toEqual({
      discount: 0.2,
    });
    expect(fieldEdits(["discount"], { discount: 0.1 }, { discount: 0.1 })).toEqual({});
    expect(fieldEdits(["reason"], {}, { reason: "因为" })).toEqual({ reason: "因为" });
  });
});
