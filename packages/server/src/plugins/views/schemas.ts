// Route schemas of saved views. Shapes are checked here (unknown keys, types, sizes); whether the filter,
// sort and columns make sense for the form is checked against its published version (./view-content).
import { idParamsSchema } from "../../http/common-schemas";

export const formParams = idParamsSchema("form");
export const viewParams = idParamsSchema("view");

export const MAX_VIEW_COLUMNS = 500;
export const MIN_COLUMN_WIDTH = 40;
export const MAX_COLUMN_WIDTH = 2000;

const fieldName = { type: "string", minLength: 1, maxLength: 64 } as const;

const sortSchema = {
  type: "array",
  maxItems: 8,
  items: {
    type: "object",
    required: ["field"],
    additionalProperties: false,
    properties: { field: fieldName, direction: { type: "string", enum: ["asc", "desc"] } },
  },
} as const;

const columnsSchema = {
  type: "array",
  maxItems: MAX_VIEW_COLUMNS,
  items: {
    type: "object",
    required: ["id", "visible"],
    additionalProperties: false,
    properties: {
      id: fieldName,
      visible: { type: "boolean" },
      width: { type: "integer", minimum: MIN_COLUMN_WIDTH, maximum: MAX_COLUMN_WIDTH },
    },
  },
} as const;

const contentProperties = {
  name: { type: "string", minLength: 1, maxLength: 100 },
  shared: { type: "boolean", description: "shared with everyone who may read the form (designers only)" },
  filter: {
    description: "json-logic over field ids (null: no filter); compiled like the records list's filter",
  },
  sort: sortSchema,
  columns: columnsSchema,
  pageSize: { type: "integer", minimum: 1, maximum: 1000 },
} as const;

export const createViewBody = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: contentProperties,
} as const;

export const patchViewBody = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: contentProperties,
} as const;

const indexStateSchema = {
  type: "object",
  properties: {
    name: { type: "string" },
    columns: { type: "array", items: { type: "string" } },
    status: { type: "string", enum: ["pending", "building", "ready", "failed", "skipped"] },
    error: { type: "string" },
  },
} as const;

export const viewSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    formId: { type: "string" },
    name: { type: "string" },
    shared: { type: "boolean" },
    ownerId: { type: "string" },
    filter: {},
    sort: sortSchema,
    columns: columnsSchema,
    pageSize: { type: "integer" },
    version: { type: "integer" },
    canEdit: { type: "boolean", description: "whether the caller may change or delete the view" },
    indexes: { type: "array", items: indexStateSchema, description: "btree indexes the view asked for" },
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
  },
} as const;

export const viewListSchema = {
  type: "object",
  properties: {
    views: { type: "array", items: viewSchema },
    canShare: { type: "boolean", description: "whether the caller may create shared views of the form" },
  },
} as const;
