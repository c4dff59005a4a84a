// A dashboard (仪表盘) of an app: a grid of widgets, each one aggregation of one form (its records, a
// sub-form's rows, fields of forms linked to it) drawn as a chart, a KPI, a pivot, a ranking, a table or
// a text, plus the dashboard's filter controls. Self-contained JSON: forms are named by their key (as
// link fields and bundles name them), fields by their id, so a dashboard travels in a template bundle.

export const WIDGET_KINDS = [
  "kpi",
  "bar",
  "line",
  "pie",
  "funnel",
  "pivot",
  "ranking",
  "table",
  "text",
] as const;
export type WidgetKind = (typeof WIDGET_KINDS)[number];

export const DASHBOARD_MEASURE_OPS = ["count", "distinct", "sum", "avg", "min", "max"] as const;
export type DashboardMeasureOp = (typeof DASHBOARD_MEASURE_OPS)[number];

export const DASHBOARD_BUCKETS = ["day", "week", "month", "quarter", "year"] as const;
export type DashboardBucket = (typeof DASHBOARD_BUCKETS)[number];

export const FILTER_CONTROL_KINDS = ["dateRange", "department", "member"] as const;
export type FilterControlKind = (typeof FILTER_CONTROL_KINDS)[number];

/** Columns of the dashboard grid; a widget's x + w never exceeds it. */
export const DASHBOARD_COLUMNS = 12;

export interface WidgetDimension {
  field: string;
  bucket?: DashboardBucket;
  /** A link field of the widget's source: `field` is then a field of the linked form. */
  via?: string;
}

export interface WidgetMeasure {
  op: DashboardMeasureOp;
  field?: string;
  via?: string;
  label?: string;
}

export interface WidgetLayout {
  x: number;
  y: number;
  w: number;
  h: number;
}

export interface Widget {
  id: string;
  kind: WidgetKind;
  title?: string;
  layout: WidgetLayout;
  /** Key of the form the data comes from; every kind but `text` has one. */
  form?: string;
  /** Aggregate this sub-form's rows instead of the records. */
  subform?: string;
  dimensions?: WidgetDimension[];
  measures?: WidgetMeasure[];
  /** Static filter: json-logic over the form's fields, as the grid's filter. */
  filter?: unknown;
  sort?: { by: "dimension" | "measure"; direction: "asc" | "desc" };
  limit?: number;
  /** KPI: the date field whose windows are compared (this period against the as-long one before). */
  compareField?: string;
  /** Chart options. */
  stacked?: boolean;
  area?: boolean;
  donut?: boolean;
  horizontal?: boolean;
  /** Table: the columns shown, in order. */
  columns?: string[];
  /** Text widget's body (plain text, line breaks kept). */
  text?: string;
}

export interface FilterControl {
  id: string;
  kind: FilterControlKind;
  label?: string;
  /** Per form key: the field of that form the control filters (a date, department or member field). */
  fields: Record<string, string>;
}

export interface DashboardDefinition {
  title: string;
  filters?: FilterControl[];
  widgets: Widget[];
}
