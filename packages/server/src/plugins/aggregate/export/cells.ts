// Record values as spreadsheet cells: option labels instead of values, member and department names,
// dates and times in the app's zone, files by name. Text that a spreadsheet would read as a formula
// (starting with = + - @, a tab or a carriage return) is prefixed with a single quote (OWASP's CSV
// injection advice), in CSV and XLSX alike; numbers stay numbers so sums still work.
import { wallClockText } from "@formwork/expressions";
import { localize } from "@formwork/fields";
import type { FieldDefinition, Locale } from "@formwork/schema";

export type Cell = string | number | boolean | null;

const FORMULA_TRIGGERS = new Set(["=", "+", "-", "@", "\t", "\r"]);

export function escapeFormula(text: string): string {
  return text.length > 0 && FORMULA_TRIGGERS.has(text[0]!) ? `'${text}` : text;
}

export interface CellContext {
  locale: Locale;
  timeZone: string;
  /** User and department ids -> names, for the rows being written. */
  names: ReadonlyMap<string, string>;
}

const ID_FIELDS = new Set<FieldDefinition["type"]>(["member", "members", "department", "departments"]);

/** The ids in `value` that a member/department field names, to look their names up per batch. */
export function idsIn(field: FieldDefinition, value: unknown): string[] {
  if (!ID_FIELDS.has(field.type) || value === null || value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((v): v is string => typeof v === "string");
}

function dateTimeText(iso: string, timeZone: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : wallClockText(date, timeZone);
}

function plain(value: unknown): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "string") return value;
  if (typeof value === "number" || typeof value === "boolean") return String(value);
  if (Array.isArray(value)) return value.map(plain).join(", ");
  if (typeof value === "object") {
    const object = value as Record<string, unknown>;
    // Files and images show their names; addresses and locations their readable parts.
    if (typeof object.name === "string") return object.name;
    if (typeof object.address === "string") return object.address;
    return Object.values(object)
      .filter((v) => typeof v === "string" || typeof v === "number")
      .join(" ");
  }
  return String(value);
}

function optionLabel(field: FieldDefinition, value: string, locale: Locale): string {
  const options = (field as { options?: { value: string; label?: Parameters<typeof localize>[0] }[] })
    .options;
  const option = options?.find((o) => o.value === value);
  return option ? localize(option.label, locale, option.value) : value;
}

function rendered(field: FieldDefinition, value: unknown, context: CellContext): Cell {
  if (value === null || value === undefined) return null;
  switch (field.type) {
    case "number":
    case "money":
    case "rating":
      return typeof value === "number" ? value : plain(value);
    case "datetime":
      return typeof value === "string" ? dateTimeText(value, context.timeZone) : plain(value);
    case "select":
    case "radio":
    case "multiselect":
    case "checkbox":
      if (typeof value === "boolean") return value;
      return (Array.isArray(value) ? value : [value])
        .map((v) => optionLabel(field, String(v), context.locale))
        .join(", ");
    case "member":
    case "members":
    case "department":
    case "departments":
      return (Array.isArray(value) ? value : [value])
        .map((v) => context.names.get(String(v)) ?? String(v))
        .join(", ");
    case "subform": {
      const rows = Array.isArray(value) ? (value as Record<string, unknown>[]) : [];
      const columns = (field as { fields?: FieldDefinition[] }).fields ?? [];
      return rows
        .map((row) =>
          columns
            .map((column) => {
              const cell = rendered(column, row[column.id], context);
              return cell === null ? "" : String(cell);
            })
            .join(" / "),
        )
        .join("\n");
    }
    default:
      return plain(value);
  }
}

/** The cell for `value` of `field`: readable, and never a formula. */
export function cellOf(field: FieldDefinition, value: unknown, context: CellContext): Cell {
  const cell = rendered(field, value, context);
  return typeof cell === "string" ? escapeFormula(cell) : cell;
}
