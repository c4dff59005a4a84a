// Definition validator speed (@formwork/schema): compiling the definition schemas, which every process
// pays on its first validation (test files, server cold start), and validating a 500-field form.
// Run: cd bench && npx vitest bench --run src/schema.bench.ts
// The true cold figure (a fresh process, Ajv itself not yet warmed up) is printed by
// `cd bench && npx tsx src/schema-cold.ts`.
import { analyzeFormula } from "@formwork/expressions";
import {
  addDefinitionSchemas,
  createAjv,
  FIELD_SCHEMA_ID,
  FORM_SCHEMA_ID,
  validateFormDefinition,
} from "@formwork/schema";
import { bench, describe } from "vitest";
import { formWithFlowDefinition, largeFormDefinition } from "./schema-fixtures";

/** A fresh Ajv configured as `definitionAjv()` is, so every sample compiles from scratch. */
const freshAjv = () => addDefinitionSchemas(createAjv({ validateSchema: false }));

describe("compile the definition schemas (fresh Ajv per sample)", () => {
  bench("field schema (what a form without a flow needs)", () => {
    freshAjv().getSchema(FIELD_SCHEMA_ID);
  });
  bench("whole form schema, flow included", () => {
    freshAjv().getSchema(FORM_SCHEMA_ID);
  });
});

describe("validate definitions (schemas compiled)", () => {
  const large = largeFormDefinition();
  const small = formWithFlowDefinition();
  for (const def of [large, small]) {
    const result = validateFormDefinition(def, analyzeFormula);
    if (!result.ok)
      throw new Error(`benchmark definition ${def.key} must be valid: ${JSON.stringify(result.issues)}`);
  }
  bench("500-field form (formulas, rules, a sub-form)", () => {
    validateFormDefinition(large, analyzeFormula);
  });
  bench("3-field form with a branching approval flow", () => {
    validateFormDefinition(small, analyzeFormula);
  });
});
