import type { FormRecord } from "@formwork/client";
import type { FormDefinition } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { cellText, gridColumns, isBulkEditable } from "./record-columns";

const form = {
  fields: [
    { id: "name", type: "text", label: "Name" },
    { id: "amount", type: "number", label: "Amount", precision: 2 },
    { id: "status", type: "select", label: "Status", options: [{ value: "open", label: "Open" }] },
    { id: "total", type: "number", label: "Total", formula: "amount*2" },
    { id: "line", type: "divider", label: "Line" },
  ],
} as unknown as Pick<FormDefinition, "fields">;

const record: FormRecord = {
  id: "r1",
  version: 1,
  createdAt: "2026-01-02T03:04:05Z",
  updatedAt: "2026-01-02T03:04:05Z",
  createdBy: null,
  ownerId: null,
  flowStatus: null,
  data: { name: "Li", amount: 3, status: "open" },
};

describe("gridColumns", () => {
  it("lists stored fields with their kind of value, then system columns", () => {
    const columns = gridColumns(form);
    expect(columns.map((c) => [c.id, c.valueKind])).toEqual([
      ["name", "text"],
      ["amount", "number"],
      ["status", "options"],
      ["total", "number"],
      ["$createdAt", "date"],
      ["$updatedAt", "date"],
    ]);
    expect(columns[0]?.operators).toContain("contains");
  });

  it("offers bulk edit only for plain, writable fields", () => {
    const editable = gridColumns(form)
      .filter(isBulkEditable)
      .map((c) => c.id);
    expect(editable).toEqual(["name", "amount", "status"]);
  });

  it("formats cells with the field's own formatter and blanks for missing values", () => {
    const [name, , status, total] = gridColumns(form);
    expect(cellText(record, name!, "en")).toBe("Li");
    expect(cellText(record, status!, "en")).toBe("Open");
    expect(cellText(record, total!, "en")).toBe("");
  });
});
