// validateDashboard: like every definition check it never throws and returns every issue with a stable
// code (./codes.ts) and a JSON pointer. Without forms it checks the shape, ids, the grid and each
// kind's dimensions and measures; given the forms (by key) it checks every form and field reference and
// that buckets, sums and controls fit their fields' types. The server checks again, with the viewer's
// permissions, when the dashboard's data is asked for.
import { definitionAjv } from "../schemas/registry";
import type { DefinitionIssue, FieldDefinition, FormDefinition } from "../types";
import { IssueList } from "../validate/result";
import { checkSchema } from "../validate/schema-issues";
import type { DashboardIssueCode } from "./codes";
import { DASHBOARD_SCHEMA_ID, dashboardSchema } from "./schema";
import { DASHBOARD_COLUMNS, type DashboardDefinition, type Widget, type WidgetKind } from "./types";

export type DashboardValidation =
  | { ok: true; value: DashboardDefinition }
  | { ok: false; issues: DefinitionIssue[] };

/** Dimensions and measures each kind takes: [min, max]. */
export const WIDGET_SHAPES: Record<WidgetKind, { dimensions: [number, number]; measures: [number, number] }> =
  {
    kpi: { dimensions: [0, 0], measures: [1, 1] },
    bar: { dimensions: [1, 2], measures: [1, 5] },
    line: { dimensions: [1, 2], measures: [1, 5] },
    pie: { dimensions: [1, 1], measures: [1, 1] },
    funnel: { dimensions: [1, 1], measures: [1, 1] },
    pivot: { dimensions: [1, 2], measures: [1, 5] },
    ranking: { dimensions: [1, 1], measures: [1, 1] },
    table: { dimensions: [0, 0], measures: [0, 0] },
    text: { dimensions: [0, 0], measures: [0, 0] },
  };

const DATE_TYPES = new Set(["date", "datetime"]);
const NUMBER_TYPES = new Set(["number", "money", "rating", "aggregate"]);
/** System names a widget may read on the records, with the type they behave as. */
const SYSTEM_TYPES: Record<string, string> = {
  $createdAt: "datetime",
  $updatedAt: "datetime",
  $createdBy: "member",
  $ownerId: "member",
  $deptId: "department",
  $flowStatus: "text",
};

class Issues {
  readonly items: DefinitionIssue[] = [];
  add(code: DashboardIssueCode, path: string, message: string): void {
    this.items.push({ code, path, message });
  }
}

export type FormsByKey = (key: string) => FormDefinition | undefined;

/** The type of `name` in `fields` (system names too when reading the records). */
function typeOf(fields: readonly FieldDefinition[], name: string, records: boolean): string | undefined {
  if (records && Object.hasOwn(SYSTEM_TYPES, name)) return SYSTEM_TYPES[name];
  return fields.find((f) => f.id === name)?.type;
}

export function validateDashboard(def: unknown, forms?: FormsByKey): DashboardValidation {
  if (!definitionAjv().getSchema(DASHBOARD_SCHEMA_ID)) definitionAjv().addSchema(dashboardSchema);
  const shape = new IssueList();
  checkSchema(DASHBOARD_SCHEMA_ID, def, shape);
  if (shape.items.length > 0) return { ok: false, issues: shape.items };
  const dashboard = def as DashboardDefinition;
  const issues = new Issues();
  const ids = new Set<string>();
  dashboard.widgets.forEach((w, i) => {
    const at = `/widgets/${i}`;
    if (ids.has(w.id)) issues.add("DUPLICATE_WIDGET_ID", `${at}/id`, `another widget has the id "${w.id}"`);
    ids.add(w.id);
    if (w.layout.x + w.layout.w > DASHBOARD_COLUMNS) {
      issues.add("LAYOUT_OUTSIDE_GRID", `${at}/layout/w`, `x + w must be at most ${DASHBOARD_COLUMNS}`);
    }
    checkWidget(w, at, issues, forms);
  });
  const controls = new Set<string>();
  (dashboard.filters ?? []).forEach((control, i) => {
    const at = `/filters/${i}`;
    if (controls.has(control.id))
      issues.add("DUPLICATE_WIDGET_ID", `${at}/id`, `another control has the id "${control.id}"`);
    controls.add(control.id);
    if (!forms) return;
    for (const [key, field] of Object.entries(control.fields)) {
      const form = forms(key);
      const path = `${at}/fields/${key}`;
      if (!form) {
        issues.add("UNKNOWN_FORM", path, `no form "${key}"`);
        continue;
      }
      const type = typeOf(form.fields, field, true);
      if (type === undefined) issues.add("UNKNOWN_FIELD", path, `no field "${field}" in "${key}"`);
      else if (control.kind === "dateRange" && !DATE_TYPES.has(type))
        issues.add("NOT_A_DATE", path, "not a date field");
      else if (control.kind === "member" && type !== "member" && type !== "members") {
        issues.add("WRONG_CONTROL_FIELD", path, "not a member field");
      } else if (control.kind === "department" && type !== "department" && type !== "departments") {
        issues.add("WRONG_CONTROL_FIELD", path, "not a department field");
      }
    }
  });
  return issues.items.length === 0 ? { ok: true, value: dashboard } : { ok: false, issues: issues.items };
}

function checkWidget(w: Widget, at: string, issues: Issues, forms: FormsByKey | undefined): void {
  const shape = WIDGET_SHAPES[w.kind];
  const dims = w.dimensions ?? [];
  const measures = w.measures ?? [];
  if (dims.length < shape.dimensions[0] || dims.length > shape.dimensions[1]) {
    issues.add(
      "WIDGET_DIMENSIONS",
      `${at}/dimensions`,
      `a ${w.kind} takes ${shape.dimensions.join(" to ")} dimensions`,
    );
  }
  if (measures.length < shape.measures[0] || measures.length > shape.measures[1]) {
    issues.add(
      "WIDGET_MEASURES",
      `${at}/measures`,
      `a ${w.kind} takes ${shape.measures.join(" to ")} measures`,
    );
  }
  measures.forEach((m, j) => {
    if (m.op !== "count" && m.field === undefined) {
      issues.add("MEASURE_NEEDS_FIELD", `${at}/measures/${j}/field`, `"${m.op}" needs a field`);
    }
  });
  if (w.kind === "text") return;
  if (w.form === undefined) {
    issues.add("WIDGET_NEEDS_FORM", `${at}/form`, "a data widget needs a form");
    return;
  }
  if (!forms) return;
  const form = forms(w.form);
  if (!form) {
    issues.add("UNKNOWN_FORM", `${at}/form`, `no form "${w.form}"`);
    return;
  }
  let fields: readonly FieldDefinition[] = form.fields;
  const records = w.subform === undefined;
  if (w.subform !== undefined) {
    const sub = form.fields.find((f) => f.id === w.subform);
    if (sub?.type !== "subform") {
      issues.add("UNKNOWN_FIELD", `${at}/subform`, `"${w.subform}" is not a sub-form of "${w.form}"`);
      return;
    }
    fields = sub.fields;
  }
  /** The type of a name read through `via` (or directly); reports and returns undefined when unknown. */
  const resolve = (name: string, via: string | undefined, path: string): string | undefined => {
    if (via === undefined) {
      const type = typeOf(fields, name, records);
      if (type === undefined) issues.add("UNKNOWN_FIELD", `${path}/field`, `no field "${name}"`);
      return type;
    }
    const link = fields.find((f) => f.id === via);
    if (link?.type !== "link") {
      issues.add("NOT_A_LINK", `${path}/via`, `"${via}" is not a link field`);
      return undefined;
    }
    const linked = forms(link.form);
    const type = linked ? typeOf(linked.fields, name, true) : undefined;
    if (type === undefined)
      issues.add("UNKNOWN_FIELD", `${path}/field`, `no field "${name}" in "${link.form}"`);
    return type;
  };
  dims.forEach((d, j) => {
    const type = resolve(d.field, d.via, `${at}/dimensions/${j}`);
    if (type !== undefined && d.bucket !== undefined && !DATE_TYPES.has(type)) {
      issues.add("NOT_A_DATE", `${at}/dimensions/${j}/bucket`, "only dates are cut in buckets");
    }
  });
  measures.forEach((m, j) => {
    if (m.field === undefined) return;
    const type = resolve(m.field, m.via, `${at}/measures/${j}`);
    if (type !== undefined && (m.op === "sum" || m.op === "avg") && !NUMBER_TYPES.has(type)) {
      issues.add("NOT_A_NUMBER", `${at}/measures/${j}/op`, `"${m.op}" needs a number field`);
    }
  });
  if (w.compareField !== undefined) {
    const type = typeOf(fields, w.compareField, records);
    if (type === undefined) issues.add("UNKNOWN_FIELD", `${at}/compareField`, `no field "${w.compareField}"`);
    else if (!DATE_TYPES.has(type)) issues.add("NOT_A_DATE", `${at}/compareField`, "not a date field");
  }
  (w.columns ?? []).forEach((c, j) => {
    if (typeOf(form.fields, c, true) === undefined)
      issues.add("UNKNOWN_FIELD", `${at}/columns/${j}`, `no field "${c}"`);
  });
}
