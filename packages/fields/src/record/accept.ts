// Which keys of the input the pipeline takes. Unknown keys are errors; values for computed fields,
// server-managed fields (serial numbers, aggregations), display-only fields and the record's system
// properties are dropped without a word, because the server sets them itself.
import type { FieldDefinition, Locale } from "@formwork/schema";
import { pointer } from "@formwork/schema";
import { getFieldType } from "../registry";
import { message } from "../shared/messages";
import { isPlainObject, setOwn } from "../shared/values";
import type { CompiledForm, CompiledSubform } from "./compiled-form";
import { emptyData, type RecordData } from "./context";
import { type RecordError, recordError } from "./errors";

/** Field types whose values only the server produces. */
const SERVER_MANAGED = new Set<string>(["serial", "aggregate"]);

/** Record properties a client may echo back inside `data`; they are not fields and are ignored. */
const SYSTEM_KEYS = new Set([
  "id",
  "version",
  "createdAt",
  "updatedAt",
  "deletedAt",
  "createdBy",
  "ownerId",
  "deptId",
  "flowStatus",
  "created_at",
  "updated_at",
  "deleted_at",
  "created_by",
  "owner_id",
  "dept_id",
  "flow_status",
]);

/** Does a client-sent value for this field count? */
export function takesInput(field: FieldDefinition): boolean {
  return getFieldType(field.type).stored && field.formula === undefined && !SERVER_MANAGED.has(field.type);
}

function unknownField(path: string, key: string, locale: Locale): RecordError {
  return recordError(
    path,
    "UNKNOWN_FIELD",
    message(`没有字段“${key}”`, `There is no field "${key}"`),
    locale,
  );
}

/** Copy a sub-form's rows, keeping row ids and the columns a client may set. */
function acceptRows(
  value: unknown,
  sub: CompiledSubform,
  path: string,
  errors: RecordError[],
  locale: Locale,
) {
  if (!Array.isArray(value)) return value;
  return value.map((row, index) => {
    if (!isPlainObject(row)) return row;
    const accepted: Record<string, unknown> = {};
    for (const key of Object.keys(row)) {
      if (key === "id") {
        accepted.id = row.id;
        continue;
      }
      const column = sub.columns.get(key);
      if (!column) errors.push(unknownField(pointer(path, index, key), key, locale));
      else if (takesInput(column)) setOwn(accepted, key, row[key]);
    }
    return accepted;
  });
}

/** The data to work on: `existing` (on update) with the accepted input merged over it. */
export function acceptInput(
  compiled: CompiledForm,
  input: Record<string, unknown>,
  existing: Record<string, unknown> | undefined,
  errors: RecordError[],
  locale: Locale,
): RecordData {
  const data = emptyData();
  if (existing) {
    for (const [id, field] of compiled.fields) {
      if (getFieldType(field.type).stored && Object.hasOwn(existing, id)) data[id] = existing[id];
    }
  }
  for (const key of Object.keys(input)) {
    const field = compiled.fields.get(key);
    if (!field) {
      if (!SYSTEM_KEYS.has(key)) errors.push(unknownField(pointer(key), key, locale));
      continue;
    }
    if (!takesInput(field)) continue;
    const sub = compiled.subforms.get(key);
    data[key] = sub ? acceptRows(input[key], sub, key, errors, locale) : input[key];
  }
  return data;
}
