import type { FieldDefinition, FormDefinition } from "@formwork/schema";
import { FormworkError } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { buildLayout, searchExpression } from "./layout";

const form = (fields: unknown[]): FormDefinition => ({
  key: "f",
  name: "F",
  fields: fields as FieldDefinition[],
});

function failure(run: () => unknown): FormworkError {
  try {
    run();
  } catch (error) {
    if (error instanceof FormworkError) return error;
    throw error;
  }
  throw new Error("expected a failure");
}

describe("buildLayout", () => {
  it("gives each stored field a typed column and skips layout-only fields", () => {
    const layout = buildLayout(
      "r_x",
      form([
        { id: "name", type: "text", label: "N" },
        { id: "line", type: "divider", label: "-" },
        { id: "tags", type: "multiselect", label: "T", options: [], indexed: true },
        { id: "rows", type: "subform", label: "R", fields: [{ id: "qty", type: "number", label: "Q" }] },
      ]),
    );
    expect(layout.columns.map((c) => [c.column, c.sqlType])).toEqual([
      ["f_name", "text"],
      ["f_tags", "text[]"],
    ]);
    expect(layout.children).toEqual([
      expect.objectContaining({
        table: "r_x__rows",
        columns: [expect.objectContaining({ column: "f_qty" })],
      }),
    ]);
    expect(layout.indexes.find((i) => i.fieldId === "tags")?.create).toContain("USING gin");
    expect(layout.searchColumns).toEqual(["f_name"]);
  });

  it("refuses ids that are not identifiers, or repeat, with a pointer", () => {
    const bad = failure(() =>
      buildLayout("r_x", form([{ id: 'x"; DROP TABLE users', type: "text", label: "x" }])),
    );
    expect(bad.code).toBe("INVALID_DEFINITION");
    expect(bad.details[0]?.path).toBe("/fields/0/id");
    const twice = failure(() =>
      buildLayout(
        "r_x",
        form([
          { id: "a", type: "text", label: "a" },
          {
            id: "s",
            type: "subform",
            label: "s",
            fields: [
              { id: "b", type: "text", label: "b" },
              { id: "b", type: "number", label: "b" },
            ],
          },
        ]),
      ),
    );
    expect(twice.details[0]?.path).toBe("/fields/1/fields/1/id");
  });

  it("builds one search expression for the index and the query", () => {
    expect(searchExpression(['"f_a"'])).toBe(`coalesce("f_a", '')`);
    expect(searchExpression(['"f_a"', '"f_b"'])).toBe(
      `(coalesce("f_a", '') || E'\\x1f' || coalesce("f_b", ''))`,
    );
  });
});
