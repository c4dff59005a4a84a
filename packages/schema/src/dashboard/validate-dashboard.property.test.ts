// Random dashboards over the shop forms: every widget built within its kind's shape validates; one
// taken beyond it is reported at its pointer; arbitrary JSON never throws.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { shopForms } from "./shop-forms.test-support";
import { DASHBOARD_BUCKETS, WIDGET_KINDS, type Widget } from "./types";
import { validateDashboard, WIDGET_SHAPES } from "./validate-dashboard";

const dimension = fc.oneof(
  fc.constant({ field: "region" }),
  fc.constantFrom(...DASHBOARD_BUCKETS).map((bucket) => ({ field: "at", bucket })),
  fc.constant({ field: "category", via: "product" }),
  fc.constant({ field: "$createdAt", bucket: "day" as const }),
);
const measure = fc.oneof(
  fc.constant({ op: "count" as const }),
  fc.constantFrom("sum", "avg", "min", "max", "distinct").map((op) => ({ op: op as "sum", field: "amount" })),
);

const widget = (id: string) =>
  fc.constantFrom(...WIDGET_KINDS).chain((kind) => {
    const shape = WIDGET_SHAPES[kind];
    return fc
      .record({
        dims: fc.array(dimension, { minLength: shape.dimensions[0], maxLength: shape.dimensions[1] }),
        measures: fc.array(measure, { minLength: shape.measures[0], maxLength: shape.measures[1] }),
        x: fc.integer({ min: 0, max: 11 }),
        w: fc.integer({ min: 1, max: 12 }),
      })
      .map(({ dims, measures, x, w }): Widget => {
        const base: Widget = { id, kind, layout: { x: Math.min(x, 12 - w), y: 0, w, h: 3 } };
        if (kind === "text") return { ...base, text: "t" };
        return {
          ...base,
          form: "orders",
          ...(dims.length ? { dimensions: dims } : {}),
          ...(measures.length ? { measures } : {}),
        };
      });
  });

const dashboard = fc
  .integer({ min: 0, max: 8 })
  .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => widget(`w${i}`))))
  .map((widgets) => ({ title: "d", widgets }));

describe("validateDashboard (properties)", () => {
  it("accepts every dashboard whose widgets keep their kind's shape", () => {
    fc.assert(
      fc.property(dashboard, (d) => {
        const r = validateDashboard(d, shopForms);
        expect(r.ok ? [] : r.issues).toEqual([]);
      }),
    );
  });

  it("reports a widget given one dimension too many at its pointer", () => {
    fc.assert(
      fc.property(dashboard, fc.nat(), (d, pick) => {
        const dataWidgets = d.widgets
          .map((w, i) => [w, i] as const)
          .filter(([w]) => w.kind !== "text" && w.kind !== "table");
        fc.pre(dataWidgets.length > 0);
        const [w, i] = dataWidgets[pick % dataWidgets.length]!;
        const dims = [...(w.dimensions ?? [])];
        while (dims.length <= WIDGET_SHAPES[w.kind].dimensions[1]) dims.push({ field: "region" });
        if (dims.length > 2) return; // then the JSON Schema's maxItems speaks instead
        w.dimensions = dims;
        const r = validateDashboard(d, shopForms);
        expect(r.ok ? [] : r.issues.map((x) => `${x.code} ${x.path}`)).toContain(
          `WIDGET_DIMENSIONS /widgets/${i}/dimensions`,
        );
      }),
    );
  });

  it("never throws on arbitrary JSON", () => {
    fc.assert(
      fc.property(fc.anything(), (value) => {
        expect(typeof validateDashboard(value, shopForms).ok).toBe("boolean");
      }),
    );
  });
});
