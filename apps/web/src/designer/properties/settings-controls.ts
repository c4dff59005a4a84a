// Maps a field type's settings JSON Schema to the controls of the property panel, one per property.
// Anything the panel has no dedicated control for is edited as JSON, so no setting is ever out of reach.
import { fieldTypes, type JsonSchema } from "@formwork/fields";
import type { FieldType } from "@formwork/schema";

export type SettingControl =
  | { key: string; kind: "text"; maxLength?: number; pattern?: string }
  | { key: string; kind: "number"; integer: boolean; min?: number; max?: number }
  | { key: string; kind: "boolean" }
  | { key: string; kind: "enum"; values: string[] }
  | { key: string; kind: "localized" }
  | { key: string; kind: "stringList" }
  /** The options editor (radio, checkbox, select, multiselect). */
  | { key: string; kind: "options" }
  | { key: string; kind: "json" };

function types(schema: JsonSchema): string[] {
  const type = schema.type;
  if (Array.isArray(type)) return type.filter((t): t is string => typeof t === "string");
  return typeof type === "string" ? [type] : [];
}

function num(value: unknown): number | undefined {
  return typeof value === "number" ? value : undefined;
}

export function controlFor(key: string, schema: JsonSchema): SettingControl {
  const kinds = types(schema);
  if (Array.isArray(schema.enum) && schema.enum.every((v) => typeof v === "string")) {
    return { key, kind: "enum", values: schema.enum as string[] };
  }
  if (kinds.length === 2 && kinds.includes("string") && kinds.includes("object"))
    return { key, kind: "localized" };
  if (kinds.length === 1) {
    switch (kinds[0]) {
      case "string":
        return {
          key,
          kind: "text",
          ...(num(schema.maxLength) !== undefined ? { maxLength: num(schema.maxLength) } : {}),
          ...(typeof schema.pattern === "string" ? { pattern: schema.pattern } : {}),
        };
      case "number":
      case "integer":
        return {
          key,
          kind: "number",
          integer: kinds[0] === "integer",
          ...(num(schema.minimum) !== undefined ? { min: num(schema.minimum) } : {}),
          ...(num(schema.maximum) !== undefined ? { max: num(schema.maximum) } : {}),
        };
      case "boolean":
        return { key, kind: "boolean" };
      case "array": {
        const items = (schema.items ?? {}) as JsonSchema;
        const props = (items.properties ?? {}) as Record<string, unknown>;
        if (key === "options" && "value" in props) return { key, kind: "options" };
        if (types(items).join() === "string") return { key, kind: "stringList" };
        return { key, kind: "json" };
      }
    }
  }
  return { key, kind: "json" };
}

/**
 * Controls for every property of a type's settings schema, in schema order. A sub-form's `fields`
 * is left out: its columns are edited on the canvas.
 */
export function settingControls(type: FieldType): SettingControl[] {
  const properties = (fieldTypes[type].settingsSchema.properties ?? {}) as Record<string, JsonSchema>;
  return Object.entries(properties)
    .filter(([key]) => !(type === "subform" && key === "fields"))
    .map(([key, schema]) => controlFor(key, schema));
}
