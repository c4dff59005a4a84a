import { describe, expect, it } from "vitest";
import { testAnalyzer } from "./test-support/quote-form";
import { validateFormDefinition } from "./validate-form";

const form = (quotas: unknown) => ({
  key: "customers",
  name: "客户",
  fields: [
    { id: "owner", type: "member", label: "负责人" },
    { id: "status", type: "text", label: "状态" },
  ],
  quotas,
});

describe("form quotas", () => {
  it("accepts a quota on a field with a condition over the form's fields", () => {
    const ok = validateFormDefinition(
      form([{ field: "owner", max: 50, condition: { "!=": [{ var: "status" }, "pool"] }, message: "上限" }]),
      testAnalyzer,
    );
    expect(ok.ok).toBe(true);
  });

  it("reports unknown fields, bad limits and extra keys with pointers", () => {
    const bad = validateFormDefinition(
      form([{ field: "ghost", max: 5, condition: { "==": [{ var: "nope" }, 1] }, message: "x" }]),
      testAnalyzer,
    );
    expect(bad.ok ? [] : bad.issues.map((i) => [i.code, i.path])).toEqual([
      ["UNKNOWN_FIELD_REF", "/quotas/0/field"],
      ["UNKNOWN_FIELD_REF", "/quotas/0/condition/==/0/var"],
    ]);
    const shape = validateFormDefinition(
      form([{ field: "owner", max: -1, message: "x", extra: 1 }]),
      testAnalyzer,
    );
    expect(shape.ok ? [] : shape.issues.map((i) => i.path).sort()).toEqual([
      "/quotas/0/extra",
      "/quotas/0/max",
    ]);
  });
});
