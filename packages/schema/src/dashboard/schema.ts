// The JSON Schema of a dashboard definition (see ./types.ts). Cross-references (forms, fields, kinds
// against their dimension counts) are checked by ./validate-dashboard.ts.
import { idSchema, JSON_LOGIC_REF, SCHEMA_BASE_URI } from "../schemas/common";
import {
  DASHBOARD_BUCKETS,
  DASHBOARD_COLUMNS,
  DASHBOARD_MEASURE_OPS,
  FILTER_CONTROL_KINDS,
  WIDGET_KINDS,
} from "./types";

export const DASHBOARD_SCHEMA_ID = `${SCHEMA_BASE_URI}/dashboard.json`;
export const MAX_WIDGETS = 40;

const title = { type: "string", maxLength: 100 } as const;
const name = { type: "string", minLength: 1, maxLength: 100 } as const;
const cell = (min: number, max: number) => ({ type: "integer", minimum: min, maximum: max }) as const;

const dimension = {
  type: "object",
  required: ["field"],
  additionalProperties: false,
  properties: { field: name, bucket: { enum: DASHBOARD_BUCKETS }, via: name },
} as const;

const measure = {
  type: "object",
  required: ["op"],
  additionalProperties: false,
  properties: { op: { enum: DASHBOARD_MEASURE_OPS }, field: name, via: name, label: title },
} as const;

const widget = {
  type: "object",
  required: ["id", "kind", "layout"],
  additionalProperties: false,
  properties: {
    id: idSchema,
    kind: { enum: WIDGET_KINDS },
    title,
    layout: {
      type: "object",
      required: ["x", "y", "w", "h"],
      additionalProperties: false,
      properties: {
        x: cell(0, DASHBOARD_COLUMNS - 1),
        y: cell(0, 10_000),
        w: cell(1, DASHBOARD_COLUMNS),
        h: cell(1, 40),
      },
    },
    form: idSchema,
    subform: name,
    dimensions: { type: "array", maxItems: 2, items: dimension },
    measures: { type: "array", maxItems: 5, items: measure },
    filter: JSON_LOGIC_REF,
    sort: {
      type: "object",
      required: ["by", "direction"],
      additionalProperties: false,
      properties: { by: { enum: ["dimension", "measure"] }, direction: { enum: ["asc", "desc"] } },
    },
    limit: cell(1, 1000),
    compareField: name,
    stacked: { type: "boolean" },
    area: { type: "boolean" },
    donut: { type: "boolean" },
    horizontal: { type: "boolean" },
    columns: { type: "array", maxItems: 50, items: name },
    text: { type: "string", maxLength: 5000 },
  },
} as const;

export const dashboardSchema = {
  $id: DASHBOARD_SCHEMA_ID,
  title: "Dashboard",
  type: "object",
  required: ["title", "widgets"],
  additionalProperties: false,
  properties: {
    title: { ...name, maxLength: 100 },
    filters: {
      type: "array",
      maxItems: 10,
      items: {
        type: "object",
        required: ["id", "kind", "fields"],
        additionalProperties: false,
        properties: {
          id: idSchema,
          kind: { enum: FILTER_CONTROL_KINDS },
          label: title,
          fields: { type: "object", propertyNames: idSchema, maxProperties: 50, additionalProperties: name },
        },
      },
    },
    widgets: { type: "array", maxItems: MAX_WIDGETS, items: widget },
  },
} as const;
