// Route schemas are compiled by two ajv instances: bodies are checked strictly (no type coercion, no
// silent removal of unknown keys, all errors reported), while query strings and path parameters arrive as
// text and are coerced to the declared types. Ajv caches compiled schemas by identity.
import { Ajv } from "ajv";
import addFormats from "ajv-formats";
import type { FastifySchemaCompiler } from "fastify";

const strictOptions = {
  allErrors: true,
  removeAdditional: false,
  useDefaults: false,
  strict: false,
} as const;
const bodyAjv = new Ajv({ ...strictOptions, coerceTypes: false });
const textAjv = new Ajv({ ...strictOptions, coerceTypes: "array", useDefaults: true });
// Without the formats, `format: "date-time"` (expiries, audit ranges) would be ignored and any text let in.
addFormats(bodyAjv);
addFormats(textAjv);

export const validatorCompiler: FastifySchemaCompiler<unknown> = ({ schema, httpPart }) =>
  (httpPart === "body" ? bodyAjv : textAjv).compile(schema as object);
