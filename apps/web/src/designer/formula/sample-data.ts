// Sample values for the formula preview: what the designer typed per reference, turned into record data.
import type { FormulaType } from "@formwork/expressions";

function scalar(text: string, type: FormulaType): unknown {
  const trimmed = text.trim();
  if (trimmed === "") return null;
  if (type === "number" || (type === "any" && /^-?\d+(\.\d+)?$/.test(trimmed))) {
    const n = Number(trimmed);
    return Number.isFinite(n) ? n : trimmed;
  }
  if (type === "boolean") return /^(true|1|是|yes)$/i.test(trimmed);
  return text;
}

/** A starting sample for a reference of this type. */
export function defaultSample(type: FormulaType): string {
  if (typeof type === "object") return `1, 2, 3`;
  switch (type) {
    case "number":
      return "10";
    case "date":
      return "2026-01-15";
    case "boolean":
      return "true";
    default:
      return "abc";
  }
}

/**
 * Record data for `evaluate`: `items.price` with samples "1, 2" becomes `{items: [{price: 1}, {price: 2}]}`,
 * a bare id its single value.
 */
export function sampleData(
  samples: Record<string, string>,
  types: Record<string, FormulaType>,
): Record<string, unknown> {
  const data: Record<string, unknown> = {};
  for (const [ref, text] of Object.entries(samples)) {
    const type = types[ref] ?? "any";
    const [head = ref, column] = ref.split(".");
    if (typeof type === "object" && column !== undefined) {
      const values = text.split(",").map((part) => scalar(part, type.array));
      const rows = (data[head] as Record<string, unknown>[] | undefined) ?? [];
      values.forEach((value, i) => {
        rows[i] = { ...rows[i], [column]: value };
      });
      data[head] = rows;
    } else {
      data[ref] = scalar(text, type);
    }
  }
  return data;
}
