// What a widget asks the server for: its aggregation (POST /api/forms/:form/aggregate) or its records
// (the records list), with one filter = the widget's static filter AND the dashboard's controls AND the
// cross-filter selected on another widget. All of it json-logic, compiled to SQL by the grid's compiler.
import type { AggregateRequest } from "@formwork/client";
import type {
  DashboardDefinition,
  FieldDefinition,
  FormDefinition,
  Widget,
  WidgetDimension,
} from "@formwork/schema";
import { bucketEnd } from "./buckets";

/** The values of the dashboard's filter controls, by control id. */
export interface ControlValues {
  [controlId: string]: { from: string; to: string } | string | undefined;
}

/** A selection made by clicking a bar or a slice: the other widgets of its form follow it. */
export interface CrossFilter {
  widgetId: string;
  form: string;
  dimension: WidgetDimension;
  value: string | number | boolean | null;
  /** Shown on the chip. */
  label: string;
}

const MULTI = new Set(["multiselect", "checkbox", "members", "departments"]);

export function fieldOf(form: FormDefinition | undefined, id: string): FieldDefinition | undefined {
  return form?.fields.find((f) => f.id === id);
}

/** The condition "this dimension has this value" (a whole bucket for a date bucket). */
export function dimensionCondition(
  form: FormDefinition | undefined,
  dimension: WidgetDimension,
  value: CrossFilter["value"],
): unknown {
  const v = { var: dimension.field };
  if (value === null) return { empty: [v] };
  if (dimension.bucket) return { between: [v, String(value), bucketEnd(dimension.bucket, String(value))] };
  const type = fieldOf(form, dimension.field)?.type;
  if (type && MULTI.has(type)) return { hasAny: [v, [value]] };
  return { "==": [v, value] };
}

/** A cross-filter applies to the other widgets of its form that read the records directly. */
export function crossFilterApplies(cross: CrossFilter | undefined, widget: Widget): cross is CrossFilter {
  return cross !== undefined && cross.widgetId !== widget.id && cross.form === widget.form;
}

/** Every condition on the widget: static, controls, cross-filter. Undefined when there is none. */
export function widgetFilter(
  dashboard: DashboardDefinition,
  widget: Widget,
  forms: (key: string) => FormDefinition | undefined,
  controls: ControlValues,
  cross: CrossFilter | undefined,
): unknown {
  const all: unknown[] = [];
  if (widget.filter !== undefined && widget.filter !== null) all.push(widget.filter);
  for (const control of dashboard.filters ?? []) {
    const field = widget.form ? control.fields[widget.form] : undefined;
    const value = controls[control.id];
    if (!field || value === undefined || value === "") continue;
    if (control.kind === "dateRange" && typeof value === "object") {
      all.push({ between: [{ var: field }, value.from, value.to] });
    } else if (typeof value === "string") {
      const type = field.startsWith("$") ? "member" : fieldOf(forms(widget.form!), field)?.type;
      all.push(
        type && MULTI.has(type) ? { hasAny: [{ var: field }, [value]] } : { "==": [{ var: field }, value] },
      );
    }
  }
  if (crossFilterApplies(cross, widget) && !cross.dimension.via) {
    all.push(dimensionCondition(forms(cross.form), cross.dimension, cross.value));
  }
  if (all.length === 0) return undefined;
  return all.length === 1 ? all[0] : { and: all };
}

/**
 * The KPI's window: the dashboard's date range when one is set, else the last 30 days up to today in
 * the app's zone (the server knows which day that is; the browser's may differ).
 */
export function kpiWindow(
  dashboard: DashboardDefinition,
  controls: ControlValues,
): { from: string; to: string } | { days: number } {
  for (const control of dashboard.filters ?? []) {
    const value = controls[control.id];
    if (control.kind === "dateRange" && value && typeof value === "object") return value;
  }
  return { days: 30 };
}

export function aggregateRequest(
  dashboard: DashboardDefinition,
  widget: Widget,
  forms: (key: string) => FormDefinition | undefined,
  controls: ControlValues,
  cross: CrossFilter | undefined,
): AggregateRequest {
  const filter = widgetFilter(dashboard, widget, forms, controls, cross);
  const request: AggregateRequest = {
    measures: (widget.measures ?? []).map((m) => ({
      op: m.op,
      ...(m.field !== undefined ? { field: m.field } : {}),
      ...(m.via !== undefined ? { via: m.via } : {}),
    })),
    ...(filter !== undefined ? { filter } : {}),
  };
  const dims = widget.dimensions ?? [];
  if (dims.length > 0) request.groupBy = dims.map((d) => ({ ...d }));
  if (widget.subform) request.source = { subform: widget.subform };
  if (widget.kind === "pivot") request.totals = true;
  if (widget.kind === "kpi" && widget.compareField) {
    request.compare = { field: widget.compareField, ...kpiWindow(dashboard, controls) };
  }
  if (widget.kind === "ranking") {
    request.sort = [{ by: "m0", direction: widget.sort?.direction ?? "desc" }];
    request.limit = widget.limit ?? 10;
  } else if (widget.sort) {
    request.sort = [{ by: widget.sort.by === "measure" ? "m0" : "g0", direction: widget.sort.direction }];
    if (widget.limit) request.limit = widget.limit;
  }
  return request;
}
