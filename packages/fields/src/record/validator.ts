// The JSON Schema of a whole record's data, compiled once per form object. The server keeps one form
// object per published version, so this is "compiled per form version and cached".
import type { FormDefinition } from "@formwork/schema";
import Ajv2020, { type ValidateFunction } from "ajv/dist/2020";
import { getFieldType, storedFields } from "../registry";
import type { JsonSchema } from "../types";

// The same options as @formwork/schema's createAjv (value schemas use no formats), without Ajv's code
// optimiser: it halves the compile time of a record schema (a 200-field form well under the 150 ms
// budget) and the generated validator stays as fast as a hand-written schema's. Sharing `$defs`
// between fields of one shape compiles faster still but validates ~25% slower. See docs/benchmarks.md.
const ajv = new Ajv2020({ allErrors: true, strict: true, allowUnionTypes: true, code: { optimize: false } });
const cache = new WeakMap<FormDefinition, ValidateFunction>();

/** Schema of a record's `data`: every stored field's value schema, nothing else. */
export function recordSchema(form: Pick<FormDefinition, "fields">): JsonSchema {
  const properties: Record<string, JsonSchema> = {};
  for (const field of storedFields(form)) properties[field.id] = getFieldType(field.type).valueSchema(field);
  return { type: "object", properties, additionalProperties: false };
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
