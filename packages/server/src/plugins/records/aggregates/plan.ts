// What an aggregation field (聚合计算) reads, worked out from its definition alone: which form it
// aggregates, the link field of that form pointing back at this record (when the filter says
// `{"==": [{"var": link}, {"var": "$record.id"}]}` at its top level, AND-ed with anything else), the
// rest of the filter, and which of this record's own fields the rest reads (`$record.x`, `$form.x`).
// The server uses it to know which records' totals a change touches (./listener.ts).
import type { FieldOf, FormDefinition } from "@formwork/schema";

export type AggregateMeasure = "count" | "sum" | "avg" | "min" | "max";

export interface AggregatePlan {
  fieldId: string;
  /** Key of the aggregated form in the same app. */
  sourceKey: string;
  measure: AggregateMeasure;
  /** The aggregated form's field measured (absent for count). */
  measured?: string;
  /** The aggregated form's link field that names this record, when the filter has one. */
  link?: string;
  /** The filter without the link condition (undefined: nothing else). */
  rest?: unknown;
  /** This record's fields the rest reads, by the name it reads them ("$record.grade", "$form.grade"). */
  recordRefs: { name: string; field: string }[];
  /** The aggregated form's fields it reads (link, measured, the rest's): other edits change nothing. */
  sourceReads: string[];
}

const RECORD_ID = "$record.id";
const PREFIXES = ["$record.", "$form."];

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === "object" && !Array.isArray(value);
}

function varName(node: unknown): string | undefined {
  if (!isObject(node) || Object.keys(node).length !== 1 || !("var" in node)) return undefined;
  const name = Array.isArray(node.var) ? node.var[0] : node.var;
  return typeof name === "string" ? name : undefined;
}

/** `{"==": [{"var": X}, {"var": "$record.id"}]}` in either order: X. */
function linkOf(condition: unknown): string | undefined {
  if (!isObject(condition) || Object.keys(condition).length !== 1 || !Array.isArray(condition["=="])) return;
  const [a, b] = condition["=="] as unknown[];
  const left = varName(a);
  const right = varName(b);
  if (right === RECORD_ID && left !== undefined && !left.startsWith("$")) return left;
  if (left === RECORD_ID && right !== undefined && !right.startsWith("$")) return right;
  return undefined;
}

/** Sorts the names a filter reads: this record's (`$record.x`, `$form.x`) and the aggregated form's. */
function collectVars(node: unknown, record: Map<string, string>, source: Set<string>): void {
  if (Array.isArray(node)) {
    for (const item of node) collectVars(item, record, source);
    return;
  }
  if (!isObject(node)) return;
  const name = varName(node);
  if (name !== undefined) {
    const prefix = PREFIXES.find((p) => name.startsWith(p));
    if (prefix && name !== RECORD_ID) record.set(name, name.slice(prefix.length).split(".")[0] ?? "");
    else if (!name.startsWith("$")) source.add(name.split(".")[0] ?? name);
    return;
  }
  for (const value of Object.values(node)) collectVars(value, record, source);
}

export function planAggregate(field: FieldOf<"aggregate">): AggregatePlan {
  const filter = field.filter;
  const conditions: unknown[] =
    filter === undefined ? [] : isObject(filter) && Array.isArray(filter.and) ? filter.and : [filter];
  let link: string | undefined;
  const rest: unknown[] = [];
  for (const condition of conditions) {
    const found = link === undefined ? linkOf(condition) : undefined;
    if (found !== undefined) link = found;
    else rest.push(condition);
  }
  const refs = new Map<string, string>();
  const reads = new Set<string>([link, field.field].filter((f): f is string => f !== undefined));
  collectVars(rest, refs, reads);
  return {
    fieldId: field.id,
    sourceKey: field.form,
    measure: field.measure,
    ...(field.field !== undefined ? { measured: field.field } : {}),
    ...(link !== undefined ? { link } : {}),
    ...(rest.length === 0 ? {} : { rest: rest.length === 1 ? rest[0] : { and: rest } }),
    recordRefs: [...refs].map(([name, f]) => ({ name, field: f })).filter((r) => r.field !== ""),
    sourceReads: [...reads],
  };
}

/** The aggregation fields of a form (top level: sub-form columns cannot aggregate). */
export function aggregatePlans(definition: FormDefinition): AggregatePlan[] {
  return definition.fields
    .filter((f): f is FieldOf<"aggregate"> => f.type === "aggregate")
    .map(planAggregate);
}

/** Whether two plans compute the same thing (a publish that changes one recomputes it). */
export function samePlan(a: AggregatePlan, b: AggregatePlan): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
