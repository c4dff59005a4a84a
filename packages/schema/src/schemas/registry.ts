import type Ajv2020 from "ajv/dist/2020";
import { createAjv } from "../ajv";
import { jsonLogicSchema, localizedLongTextSchema, localizedTextSchema } from "./common";
import { fieldSchema } from "./field";
import { flowDefinitionSchema } from "./flow";
import { formDefinitionSchema, formWithoutFlowSchema } from "./form";

/** Every schema with an `$id`, in the order they can be added to an Ajv instance. */
export const definitionSchemas = [
  localizedTextSchema,
  localizedLongTextSchema,
  jsonLogicSchema,
  fieldSchema,
  flowDefinitionSchema,
  formDefinitionSchema,
  formWithoutFlowSchema,
] as const;

/** Add the definition schemas to an Ajv instance so other schemas can `$ref` them by `$id`. */
export function addDefinitionSchemas(ajv: Ajv2020): Ajv2020 {
  for (const schema of definitionSchemas) ajv.addSchema(schema);
  return ajv;
}

let shared: Ajv2020 | undefined;

/**
 * One Ajv instance holding the definition schemas, each compiled once per process on first use. It
 * skips checking them against the draft 2020-12 meta-schema (compiling that costs as much as a third of
 * a cold start): they are static, and `schemas.test.ts` checks them against it.
 */
export function definitionAjv(): Ajv2020 {
  shared ??= addDefinitionSchemas(createAjv({ validateSchema: false }));
  return shared;
}
