// Initial values of fields the submitter left out. Runs on create for top-level fields, and for new
// sub-form rows (rows without an id) in any mode. Data-linkage defaults read another form, so they are
// handed back to the server as pending work.
import type { EvalContext } from "@formwork/expressions";
import { type DefaultValue, type FieldDefinition, pointer } from "@formwork/schema";
import { getFieldType } from "../registry";
import { dateInZone } from "../shared/dates";
import { isPlainObject } from "../shared/values";
import type { DefaultMode } from "../types";
import { takesInput } from "./accept";
import type { CompiledForm } from "./compiled-form";
import type { PrepareContext, RecordData } from "./context";
import { computeValue, rowScope } from "./evaluation";

export type LinkageDefault = Extract<DefaultValue, { linkage: unknown }>["linkage"];

/**
 * A data-linkage default the pipeline cannot fill (it reads another form). The server looks the value
 * up and runs `prepareRecord` again with it in the input, so it is normalised and checked like any other.
 */
export interface PendingLinkage {
  /** JSON pointer of the value to fill, e.g. `/price` or `/items/2/price`. */
  path: string;
  field: FieldDefinition;
  linkage: LinkageDefault;
}

function modeOf(value: DefaultValue): DefaultMode {
  if ("value" in value) return "value";
  if ("formula" in value) return "formula";
  if ("currentUser" in value) return "currentUser";
  if ("currentDept" in value) return "currentDept";
  if ("today" in value) return "today";
  if ("now" in value) return "now";
  return "linkage";
}

/** The default of `field`, or undefined when it has none that applies here. */
function defaultOf(
  field: FieldDefinition,
  path: string,
  scope: Record<string, unknown>,
  compiled: CompiledForm,
  ctx: PrepareContext,
  evalCtx: EvalContext,
): unknown {
  const spec = field.default;
  if (!spec || !takesInput(field)) return undefined;
  const mode = modeOf(spec);
  if (!getFieldType(field.type).defaultModes.includes(mode)) return undefined;
  switch (mode) {
    case "value":
      return "value" in spec ? spec.value : undefined;
    case "formula":
      return computeValue(compiled.defaultFormulas.get(path) ?? null, scope, field, evalCtx);
    case "currentUser":
      return ctx.user?.id;
    case "currentDept":
      return ctx.user?.deptId;
    case "today":
      return field.type === "datetime" ? ctx.now.toISOString() : dateInZone(ctx.now, evalCtx.timeZone);
    case "now":
      return field.type === "date" ? dateInZone(ctx.now, evalCtx.timeZone) : ctx.now.toISOString();
    case "linkage":
      return undefined;
  }
}

function linkageOf(field: FieldDefinition): LinkageDefault | undefined {
  const spec = field.default;
  return spec && "linkage" in spec && takesInput(field) ? spec.linkage : undefined;
}

/** Fill defaults into `data` in place (values normalised); returns the linkage defaults left to do. */
export function applyDefaults(
  data: RecordData,
  compiled: CompiledForm,
  ctx: PrepareContext,
  evalCtx: EvalContext,
): PendingLinkage[] {
  const pending: PendingLinkage[] = [];
  if (ctx.mode === "create") {
    for (const [id, field] of compiled.fields) {
      if (data[id] !== undefined) continue;
      const linkage = linkageOf(field);
      if (linkage) pending.push({ path: pointer(id), field, linkage });
      const value = defaultOf(field, id, data, compiled, ctx, evalCtx);
      if (value !== undefined) data[id] = getFieldType(field.type).normalize(value, field);
    }
  }
  for (const [id, sub] of compiled.subforms) {
    const rows = data[id];
    if (!Array.isArray(rows)) continue;
    rows.forEach((row, index) => {
      if (!isPlainObject(row) || row.id !== undefined) return;
      for (const column of sub.stored) {
        if (row[column.id] !== undefined) continue;
        const linkage = linkageOf(column);
        if (linkage) pending.push({ path: pointer(id, index, column.id), field: column, linkage });
        const path = `${id}.${column.id}`;
        const value = defaultOf(column, path, rowScope(data, row), compiled, ctx, evalCtx);
        if (value !== undefined) row[column.id] = getFieldType(column.type).normalize(value, column);
      }
    });
  }
  return pending;
}
