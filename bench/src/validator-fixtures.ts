// Forms and records for the validator benchmark: a 30-field and a 200-field form built from the
// common field types, a valid record of the 30-field form, and the same record's schema written by
// hand (the baseline issue 2 compares against).
import type { FieldDefinition, FormDefinition } from "@formwork/schema";

const OPTIONS = [
  { value: "new", label: "新建" },
  { value: "open", label: "进行中" },
  { value: "won", label: "赢单" },
  { value: "lost", label: "输单" },
];

/** One field of each common kind, cycled to the wanted size. */
function fieldAt(i: number): FieldDefinition {
  const id = `f${i}`;
  const label = `Field ${i}`;
  switch (i % 10) {
    case 0:
      return { id, label, type: "text", maxLength: 200 };
    case 1:
      return { id, label, type: "textarea" };
    case 2:
      return { id, label, type: "number", min: 0, max: 1_000_000, precision: 2 };
    case 3:
      return { id, label, type: "money", min: 0 };
    case 4:
      return { id, label, type: "date" };
    case 5:
      return { id, label, type: "datetime" };
    case 6:
      return { id, label, type: "select", options: OPTIONS };
    case 7:
      return { id, label, type: "multiselect", options: OPTIONS };
    case 8:
      return { id, label, type: "phone", kind: "mobile" };
    default:
      return { id, label, type: "email" };
  }
}

export function benchForm(size: number): FormDefinition {
  return { key: `bench_${size}`, name: "Bench", fields: Array.from({ length: size }, (_, i) => fieldAt(i)) };
}

function valueAt(i: number): unknown {
  switch (i % 10) {
    case 0:
      return `Customer ${i}`;
    case 1:
      return "Line one\nLine two";
    case 2:
      return 1234.5;
    case 3:
      return 99.99;
    case 4:
      return "2026-11-27";
    case 5:
      return "2026-11-27T02:30:00.000Z";
    case 6:
      return "open";
    case 7:
      return ["new", "won"];
    case 8:
      return "13800138000";
    default:
      return "sales@example.com";
  }
}

export function benchRecord(size: number): Record<string, unknown> {
  return Object.fromEntries(Array.from({ length: size }, (_, i) => [`f${i}`, valueAt(i)]));
}

const nullableString = (extra: Record<string, unknown>) => ({ type: ["string", "null"], ...extra });
const optionValues = [...OPTIONS.map((o) => o.value), null];

/** What a developer would write for the same record without the field registry. */
function handWrittenProperty(i: number): Record<string, unknown> {
  switch (i % 10) {
    case 0:
      return nullableString({ maxLength: 200 });
    case 1:
      return nullableString({ maxLength: 100_000 });
    case 2:
      return { type: ["number", "null"], minimum: 0, maximum: 1_000_000 };
    case 3:
      return { type: ["number", "null"], minimum: 0 };
    case 4:
      return nullableString({ pattern: "^\\d{4}-\\d{2}-\\d{2}$" });
    case 5:
      return nullableString({ pattern: "^\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{3}Z$" });
    case 6:
      return { type: ["string", "null"], enum: optionValues };
    case 7:
      return {
        type: ["array", "null"],
        items: { type: "string", enum: optionValues.slice(0, -1) },
        uniqueItems: true,
      };
    case 8:
      return nullableString({ pattern: "^1[3-9]\\d{9}$" });
    default:
      return nullableString({ maxLength: 254, pattern: "^[^\\s@]+@[^\\s@]+\\.[^\\s@]+$" });
  }
}

export function handWrittenSchema(size: number): Record<string, unknown> {
  return {
    type: "object",
    properties: Object.fromEntries(Array.from({ length: size }, (_, i) => [`f${i}`, handWrittenProperty(i)])),
    additionalProperties: false,
  };
}
