// Every field type ships sample values: the contract suite (./contract.test.ts) checks each type's
// schema, normaliser, validator and formatter agree on them.
import type { FieldOf, FieldType } from "@formwork/schema";

export interface FieldSamples<K extends FieldType> {
  /** A field of the type with its typical settings. */
  field: FieldOf<K>;
  /** Inputs that normalise to a value the schema and `validate` accept. */
  valid: unknown[];
  /** Inputs that, normalised, are rejected by the schema or by `validate`. */
  invalid: unknown[];
}
