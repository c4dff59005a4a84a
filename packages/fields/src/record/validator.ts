// The JSON Schema of a whole record's data, compiled once per form object. The server keeps one form
// object per published version, so this is "compiled per form version and cached".
import { createAjv, type FieldDefinition, type FormDefinition } from "@formwork/schema";
import type { ValidateFunction } from "ajv";
import { getFieldType, storedFields } from "../registry";
import type { JsonSchema } from "../types";

const ajv = createAjv();
const cache = new WeakMap<FormDefinition, ValidateFunction>();

/** Schema of a record's `data`: every stored field's value schema, nothing else. */
export function recordSchema(form: Pick<FormDefinition, "fields">): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of storedFields(form)) properties[field.id] = valueSchemaOf(field);
  return { type: "object", properties, additionalProperties: false };
}

function valueSchemaOf(field: FieldDefinition): JsonSchema {
  return getFieldType(field.type).valueSchema(field);
}

/** A cached validator of a record's data for this form; unknown keys fail `additionalProperties`. */
export function compileRecordValidator(form: FormDefinition): ValidateFunction {
  const cached = cache.get(form);
  if (cached) return cached;
  const schema = recordSchema(form);
  const validate = ajv.compile(schema);
  // Ajv keeps every compiled schema in its own cache; forms come and go, so drop it from there and let
  // the WeakMap alone decide how long the validator lives.
  ajv.removeSchema(schema);
  cache.set(form, validate);
  return validate;
}
