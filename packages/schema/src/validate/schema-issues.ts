import type { ErrorObject, ValidateFunction } from "ajv/dist/2020";
import { RESERVED_IDS } from "../schemas/common";
import { LIMITS } from "../schemas/limits";
import { definitionAjv } from "../schemas/registry";
import { findTooDeep } from "./depth";
import type { IssueList } from "./result";
import { prop } from "./tolerant";

function validator(schemaId: string): ValidateFunction {
  const validate = definitionAjv().getSchema(schemaId);
  if (!validate) throw new Error(`schema ${schemaId} is not registered`);
  return validate;
}

/** The value at a JSON pointer, or undefined. */
function resolve(root: unknown, pointer: string): unknown {
  let current = root;
  for (const raw of pointer.split("/").slice(1)) {
    const segment = raw.replace(/~1/g, "/").replace(/~0/g, "~");
    current = Array.isArray(current) ? current[Number(segment)] : prop(current, segment);
  }
  return current;
}

/**
 * Errors that only echo another one: the discriminator's complaint about a missing, non-string or
 * unknown `type` (the `required` or `enum` error on `type` says it better), and the branch errors
 * under a failed anyOf/oneOf (the union error explains them once).
 */
function isEcho(error: ErrorObject, unions: ErrorObject[]): boolean {
  if (error.keyword === "discriminator") return true;
  const underUnion = (union: ErrorObject) =>
    error.schemaPath.startsWith(`${union.schemaPath}/`) && error.instancePath.startsWith(union.instancePath);
  return unions.some(underUnion);
}

/** An automation's trigger or action type: an unknown one is a plain schema violation. */
const AUTOMATION_TYPE = /^\/(trigger|actions\/\d+)\/type$/;

function childPointer(base: string, key: unknown): string {
  return `${base}/${String(key).replace(/~/g, "~0").replace(/\//g, "~1")}`;
}

function unionMessage(schemaPath: string): string {
  if (schemaPath.includes("/deadline/"))
    return "a deadline needs `after` (a duration) or `field` (a date field)";
  if (schemaPath.includes("/pattern/")) {
    return "a serial part is one of {text}, {date}, {counter, reset?, start?} or {field}";
  }
  return "does not match any allowed shape";
}

function report(error: ErrorObject, root: unknown, issues: IssueList): void {
  const path = error.instancePath;
  const last = path.slice(path.lastIndexOf("/") + 1);
  switch (error.keyword) {
    case "additionalProperties": {
      const property = error.params.additionalProperty;
      issues.add("UNKNOWN_PROPERTY", childPointer(path, property), `unknown property "${String(property)}"`);
      return;
    }
    case "required":
      issues.add(
        "SCHEMA_VIOLATION",
        childPointer(path, error.params.missingProperty),
        `"${String(error.params.missingProperty)}" is required`,
      );
      return;
    case "anyOf":
    case "oneOf":
      issues.add("SCHEMA_VIOLATION", path, unionMessage(error.schemaPath));
      return;
    case "enum":
      if (last === "type" && typeof resolve(root, path) === "string" && !AUTOMATION_TYPE.test(path)) {
        issues.add(
          path.includes("/nodes/") ? "UNKNOWN_NODE_KIND" : "UNKNOWN_FIELD_TYPE",
          path,
          `unknown type "${String(resolve(root, path))}"`,
        );
        return;
      }
      issues.add(
        "SCHEMA_VIOLATION",
        path,
        `must be one of: ${(error.params.allowedValues as unknown[]).map((v) => JSON.stringify(v)).join(", ")}`,
      );
      return;
    case "pattern":
    case "maxLength":
      if (last === "id" || last === "key") {
        issues.add(
          "INVALID_ID",
          path,
          `"${String(resolve(root, path)).slice(0, 80)}" is not a valid id: use a-z, 0-9 and _, starting with a letter, at most ${LIMITS.idLength} characters, not ${RESERVED_IDS.join(", ")}`,
        );
        return;
      }
      break;
  }
  issues.add("SCHEMA_VIOLATION", path, error.message ?? `fails ${error.keyword}`);
}

function reportErrors(validate: ValidateFunction, root: unknown, issues: IssueList): void {
  const errors = validate.errors ?? [];
  const unions = errors.filter((e) => e.keyword === "anyOf" || e.keyword === "oneOf");
  for (const error of errors) {
    if (!isEcho(error, unions)) report(error, root, issues);
  }
}

/**
 * Check `value` against a registered schema and append its errors as issues. Returns false when the
 * value is too deep to check at all (the caller then skips its semantic checks as well).
 */
export function checkSchema(schemaId: string, value: unknown, issues: IssueList): boolean {
  const tooDeep = findTooDeep(value, LIMITS.depth);
  if (tooDeep !== undefined) {
    issues.add("TOO_DEEP", tooDeep, `nested deeper than ${LIMITS.depth} levels`);
    return false;
  }
  const validate = validator(schemaId);
  if (!validate(value)) reportErrors(validate, value, issues);
  return true;
}

/**
 * Check the property `key` of `parent` (already depth-checked by `checkSchema`) against a registered
 * schema, reporting pointers from `parent`: how a form's flow is checked only when there is one.
 */
export function checkPropertySchema(schemaId: string, parent: object, key: string, issues: IssueList): void {
  const validate = validator(schemaId);
  const value = prop(parent, key);
  const context = {
    instancePath: childPointer("", key),
    parentData: parent,
    parentDataProperty: key,
    rootData: parent,
    dynamicAnchors: {},
  };
  if (!validate(value, context)) reportErrors(validate, parent, issues);
}
