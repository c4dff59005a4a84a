import { fieldSettingsSchemas } from "@formwork/schema";
import type { FieldSamples } from "../../samples";
import { parseNumeric } from "../../shared/decimal";
import { issue, type ValueIssue } from "../../shared/messages";
import { hasNul, isPlainObject, nullable } from "../../shared/values";
import type { FieldTypeDef } from "../../types";

// A position picked on a map or by the phone's GPS (定位): longitude, latitude and the resolved address.
const valueSchema = nullable({
  type: "object",
  properties: {
    lng: { type: "number", minimum: -180, maximum: 180 },
    lat: { type: "number", minimum: -90, maximum: 90 },
    address: { type: "string", maxLength: 500 },
  },
  required: ["lng", "lat"],
  additionalProperties: false,
});

function normalize(value: unknown): unknown {
  if (!isPlainObject(value)) return value;
  const result: Record<string, unknown> = {
    ...value,
    lng: parseNumeric(value.lng),
    lat: parseNumeric(value.lat),
  };
  if (typeof result.address === "string") result.address = result.address.trim();
  if (result.address === "" || result.address === null || result.address === undefined) delete result.address;
  return result;
}

function validate(value: unknown): ValueIssue[] {
  if (value === null || value === undefined) return [];
  if (!isPlainObject(value)) return [issue("", "应为位置", "Must be a location")];
  const issues: ValueIssue[] = [];
  const { lng, lat, address } = value;
  if (typeof lng !== "number" || !(lng >= -180 && lng <= 180))
    issues.push(issue("/lng", "经度应在 -180 到 180 之间", "Longitude must be between -180 and 180"));
  if (typeof lat !== "number" || !(lat >= -90 && lat <= 90))
    issues.push(issue("/lat", "纬度应在 -90 到 90 之间", "Latitude must be between -90 and 90"));
  if (typeof address === "string" && hasNul(address))
    issues.push(issue("/address", "包含不允许的空字符", "Contains a NUL character"));
  return issues;
}

export const fieldType: FieldTypeDef<"location"> = {
  type: "location",
  category: "advanced",
  label: { "zh-CN": "定位", en: "Location" },
  stored: true,
  computable: true,
  settingsSchema: fieldSettingsSchemas.location,
  valueSchema: () => valueSchema,
  normalize,
  validate,
  isEmpty: (value) => value === null || value === undefined,
  defaultModes: [],
  validationProps: ["required"],
  filterOperators: ["empty", "notEmpty"],
  formulaType: () => "any",
  format: (value) => {
    if (!isPlainObject(value)) return "";
    if (typeof value.address === "string" && value.address !== "") return value.address;
    return typeof value.lat === "number" && typeof value.lng === "number" ? `${value.lat}, ${value.lng}` : "";
  },
  column: () => ({ sqlType: "jsonb" }),
};

export const samples: FieldSamples<"location"> = {
  field: { id: "checkin", type: "location", label: "Check-in", radius: 500 },
  valid: [{ lng: 113.94, lat: 22.54, address: " 深圳湾 " }, { lng: "116.4", lat: "39.9" }, null],
  invalid: [{ lng: 200, lat: 0 }, { lat: 10 }, "22.5,113.9", { lng: 1, lat: 1, alt: 5 }],
};
