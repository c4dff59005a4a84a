import type { FieldIndex, FieldInfo } from "./field-index";
import { fieldKey } from "./field-index";

/**
 * Where a name in a formula or rule is looked up.
 * - form: this form's fields; inside a sub-form column, sibling columns first.
 * - other: another form (link, lookup and aggregate filters); only `$form.x` reads this form.
 * - row: one row of a sub-form (json-logic map/filter/all/some/none; `current.x` inside reduce).
 */
export type Scope =
  | { kind: "form"; subform?: FieldInfo }
  | { kind: "other" }
  | { kind: "row"; subform: FieldInfo; within?: "reduce" };

export type Resolution =
  | { kind: "field"; field: FieldInfo; key: string }
  /** Names a whole sub-form, so it depends on every column. */
  | { kind: "subform"; field: FieldInfo; key: string }
  | { kind: "context" }
  | { kind: "unchecked" }
  | { kind: "unknown"; message: string };

const notAField = (name: string): Resolution => ({
  kind: "unknown",
  message: `"${name.slice(0, 100)}" is not a field of this form`,
});

const FORM_PREFIX = "$form.";
const isIndex = (segment: string) => /^\d+$/.test(segment);

function resolveInForm(name: string, index: FieldIndex, subform: FieldInfo | undefined): Resolution {
  const [first = "", second] = name.split(".");
  const sibling = subform?.columns?.get(first);
  if (sibling) return { kind: "field", field: sibling, key: fieldKey(sibling) };
  const field = index.fields.get(first);
  if (!field) return notAField(name);
  if (field.type !== "subform") return { kind: "field", field, key: field.id };
  if (second === undefined || isIndex(second)) return { kind: "subform", field, key: field.id };
  const column = field.columns?.get(second);
  if (column) return { kind: "field", field: column, key: fieldKey(column) };
  return { kind: "unknown", message: `sub-form "${field.id}" has no column "${second.slice(0, 100)}"` };
}

/** Resolve one referenced name (a formula ref or a json-logic `var`). */
export function resolveName(name: string, index: FieldIndex, scope: Scope): Resolution {
  if (name === "") return { kind: "unchecked" };
  if (name.startsWith(FORM_PREFIX)) return resolveInForm(name.slice(FORM_PREFIX.length), index, undefined);
  // $initiator.x, $record.id, $user.id ...: supplied by the runtime, not fields of the form.
  if (name.startsWith("$")) return { kind: "context" };
  switch (scope.kind) {
    case "form":
      return resolveInForm(name, index, scope.subform);
    case "other":
      return { kind: "unchecked" };
    case "row": {
      let column = name;
      if (scope.within === "reduce") {
        if (name === "accumulator" || name === "current" || name.startsWith("accumulator."))
          return { kind: "unchecked" };
        if (!name.startsWith("current."))
          return { kind: "unknown", message: `inside reduce, columns are read as "current.<column>"` };
        column = name.slice("current.".length);
      }
      const found = scope.subform.columns?.get(column.split(".")[0] ?? "");
      if (found) return { kind: "field", field: found, key: fieldKey(found) };
      return {
        kind: "unknown",
        message: `sub-form "${scope.subform.id}" has no column "${column.slice(0, 100)}"`,
      };
    }
  }
}
