import { describe, expect, it } from "vitest";
import { importTypeOf, XLSX_TYPE } from "./file-type";

describe("importTypeOf", () => {
  it("labels spreadsheets by extension and refuses the rest", () => {
    expect(importTypeOf("销售.XLSX")).toBe(XLSX_TYPE);
    expect(importTypeOf("a.b.csv")).toBe("text/csv");
    expect(importTypeOf("old.xls")).toBeNull();
    expect(importTypeOf("csv")).toBeNull();
  });
});
