import type { DashboardDefinition, FormDefinition, Widget } from "@formwork/schema";
import { describe, expect, it } from "vitest";
import { aggregateRequest, type CrossFilter, widgetFilter } from "./query";

const orders: FormDefinition = {
  key: "orders",
  name: "Orders",
  fields: [
    { id: "region", type: "select", label: "Region", options: [{ value: "n" }] },
    { id: "tags", type: "multiselect", label: "Tags", options: [{ value: "a" }] },
    { id: "amount", type: "number", label: "Amount" },
    { id: "at", type: "datetime", label: "At" },
    { id: "rep", type: "member", label: "Rep" },
  ],
};
const forms = (key: string) => (key === "orders" ? orders : undefined);
const layout = { x: 0, y: 0, w: 4, h: 3 };
const bar: Widget = {
  id: "bar",
  kind: "bar",
  layout,
  form: "orders",
  dimensions: [{ field: "at", bucket: "month" }],
  measures: [{ op: "sum", field: "amount" }],
  filter: { "==": [{ var: "region" }, "n"] },
};
const kpi: Widget = {
  id: "kpi",
  kind: "kpi",
  layout,
  form: "orders",
  measures: [{ op: "count" }],
  compareField: "at",
};
const dashboard: DashboardDefinition = {
  title: "d",
  filters: [
    { id: "period", kind: "dateRange", fields: { orders: "at" } },
    { id: "who", kind: "member", fields: { orders: "rep" } },
  ],
  widgets: [bar, kpi],
};

describe("widget queries", () => {
  it("ANDs the static filter, the controls and another widget's cross-filter", () => {
    const cross: CrossFilter = {
      widgetId: "bar",
      form: "orders",
      dimension: bar.dimensions![0]!,
      value: "2026-02-01",
      label: "",
    };
    const controls = { period: { from: "2026-01-01", to: "2026-03-31" }, who: "u1" };
    expect(widgetFilter(dashboard, kpi, forms, controls, cross)).toEqual({
      and: [
        { between: [{ var: "at" }, "2026-01-01", "2026-03-31"] },
        { "==": [{ var: "rep" }, "u1"] },
        { between: [{ var: "at" }, "2026-02-01", "2026-02-28"] },
      ],
    });
    // The widget the selection was made on keeps showing every bar.
    expect(widgetFilter(dashboard, bar, forms, {}, cross)).toEqual(bar.filter);
  });

  it("compares the KPI over the dashboard's range and totals pivots", () => {
    const request = aggregateRequest(
      dashboard,
      kpi,
      forms,
      { period: { from: "2026-01-01", to: "2026-01-31" } },
      undefined,
    );
    expect(request.compare).toEqual({ field: "at", from: "2026-01-01", to: "2026-01-31" });
    const pivot = aggregateRequest(dashboard, { ...bar, kind: "pivot" }, forms, {}, undefined);
    expect(pivot.totals).toBe(true);
  });

  it("filters a multi-value dimension by membership", () => {
    const cross: CrossFilter = {
      widgetId: "x",
      form: "orders",
      dimension: { field: "tags" },
      value: "a",
      label: "",
    };
    expect(widgetFilter({ title: "", widgets: [] }, kpi, forms, {}, cross)).toEqual({
      hasAny: [{ var: "tags" }, ["a"]],
    });
  });
});
