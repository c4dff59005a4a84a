import { describe, expect, it } from "vitest";
import { shopForms } from "./shop-forms.test-support";
import type { DashboardDefinition } from "./types";
import { validateDashboard } from "./validate-dashboard";

const layout = { x: 0, y: 0, w: 6, h: 4 };
const good: DashboardDefinition = {
  title: "销售",
  filters: [{ id: "period", kind: "dateRange", fields: { orders: "at" } }],
  widgets: [
    {
      id: "total",
      kind: "kpi",
      layout,
      form: "orders",
      measures: [{ op: "sum", field: "amount" }],
      compareField: "at",
    },
    {
      id: "by_month",
      kind: "bar",
      layout: { ...layout, x: 6 },
      form: "orders",
      dimensions: [
        { field: "at", bucket: "month" },
        { field: "category", via: "product" },
      ],
      measures: [{ op: "count" }],
      stacked: true,
    },
    {
      id: "lines",
      kind: "ranking",
      layout,
      form: "orders",
      subform: "lines",
      dimensions: [{ field: "category", via: "item" }],
      measures: [{ op: "sum", field: "subtotal" }],
    },
    { id: "note", kind: "text", layout, text: "hello" },
  ],
};

describe("validateDashboard", () => {
  it("accepts a dashboard with forms, sub-forms and linked fields, with or without the forms", () => {
    expect(validateDashboard(good).ok).toBe(true);
    expect(validateDashboard(good, shopForms)).toEqual({ ok: true, value: good });
  });

  it("reports every issue with its code and pointer", () => {
    const bad = structuredClone(good) as DashboardDefinition;
    bad.widgets[1]!.id = "total";
    bad.widgets[1]!.layout.x = 8;
    bad.widgets[0]!.measures = [{ op: "sum", field: "note" }];
    bad.widgets[0]!.compareField = "region";
    bad.widgets[2]!.dimensions = [{ field: "category", via: "subtotal" }];
    bad.widgets.push({ id: "pie", kind: "pie", layout, form: "orders", measures: [{ op: "avg" }] });
    bad.widgets.push({ id: "ghost", kind: "table", layout, form: "nope" });
    bad.widgets.push({
      id: "b",
      kind: "bar",
      layout,
      form: "orders",
      dimensions: [{ field: "region", bucket: "week" }],
      measures: [{ op: "count" }],
    });
    bad.filters = [{ id: "period", kind: "member", fields: { orders: "at", nope: "x" } }];
    const result = validateDashboard(bad, shopForms);
    expect(result.ok).toBe(false);
    const found = result.ok ? [] : result.issues.map((i) => `${i.code} ${i.path}`);
    expect(found.sort()).toEqual(
      [
        "DUPLICATE_WIDGET_ID /widgets/1/id",
        "LAYOUT_OUTSIDE_GRID /widgets/1/layout/w",
        "NOT_A_NUMBER /widgets/0/measures/0/op",
        "NOT_A_DATE /widgets/0/compareField",
        "NOT_A_LINK /widgets/2/dimensions/0/via",
        "WIDGET_DIMENSIONS /widgets/4/dimensions",
        "MEASURE_NEEDS_FIELD /widgets/4/measures/0/field",
        "UNKNOWN_FORM /widgets/5/form",
        "NOT_A_DATE /widgets/6/dimensions/0/bucket",
        "WRONG_CONTROL_FIELD /filters/0/fields/orders",
        "UNKNOWN_FORM /filters/0/fields/nope",
      ].sort(),
    );
  });

  it("reports shape errors with pointers and never throws", () => {
    const r = validateDashboard({ title: "x", widgets: [{ id: "a", kind: "gauge", layout }] });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.issues[0]).toMatchObject({ path: "/widgets/0/kind" });
    expect(validateDashboard(null).ok).toBe(false);
  });
});
