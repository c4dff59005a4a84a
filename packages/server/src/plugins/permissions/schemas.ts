// Route schemas of app admins and permission sets. Shapes (unknown keys, enums, sizes) are refused here;
// what needs the form (field ids, the row condition) is checked against its published version.
import {
  FIELD_LEVELS,
  PERMISSION_MEMBER_TYPES,
  PERMISSION_SET_KINDS,
  RECORD_ACTIONS,
} from "@formwork/schema";
import { idParamsSchema, uuidSchema } from "../../http/common-schemas";

export const formParams = idParamsSchema("form");
export const appParams = idParamsSchema("app");
export const setParams = idParamsSchema("set");

const memberSchema = {
  type: "object",
  required: ["type"],
  additionalProperties: false,
  properties: {
    type: {
      type: "string",
      enum: [...PERMISSION_MEMBER_TYPES],
      description: "all (全部成员): every member of the company, and no id",
    },
    id: { ...uuidSchema, description: "the user, department or role (not for all)" },
    includeSub: { type: "boolean", description: "departments only: their sub-departments too" },
  },
} as const;

const setProperties = {
  name: { type: "string", minLength: 1, maxLength: 200 },
  kind: {
    type: "string",
    enum: [...PERMISSION_SET_KINDS],
    description:
      "submit (仅提交), submit_own (提交并管理本人数据), view_all (查看全部数据), manage_all (管理全部数据) or custom",
  },
  actions: {
    type: "array",
    maxItems: RECORD_ACTIONS.length,
    uniqueItems: true,
    items: { type: "string", enum: [...RECORD_ACTIONS] },
    description: "custom sets only; a preset's actions are fixed",
  },
  fields: {
    type: "object",
    maxProperties: 1000,
    additionalProperties: { type: "string", enum: [...FIELD_LEVELS] },
    description:
      "field id -> hidden | view | edit; unlisted fields: edit when the set may create or edit, else view",
  },
  rowCondition: {
    description:
      'json-logic over field ids and $system names (custom sets); dynamic values {"var": "$user"}, "$user.departments", "$user.departmentsWithSub"; the record\'s department is $deptId, its owner $ownerId',
  },
  members: { type: "array", maxItems: 1000, items: memberSchema },
} as const;

export const setBody = {
  type: "object",
  required: ["name", "kind"],
  additionalProperties: false,
  properties: setProperties,
} as const;

const setView = {
  type: "object",
  properties: {
    id: { type: "string" },
    formId: { type: "string" },
    name: { type: "string" },
    kind: { type: "string" },
    actions: { type: "array", items: { type: "string" } },
    fields: { type: "object", additionalProperties: { type: "string" } },
    rowCondition: {},
    members: {
      type: "array",
      items: {
        type: "object",
        properties: { type: { type: "string" }, id: { type: "string" }, includeSub: { type: "boolean" } },
      },
    },
    sortOrder: { type: "integer" },
    version: { type: "integer" },
    createdAt: { type: "string" },
    updatedAt: { type: "string" },
  },
} as const;

export const setResponse = setView;
export const setListResponse = {
  type: "object",
  properties: { sets: { type: "array", items: setView } },
} as const;

export const adminsBody = {
  type: "object",
  required: ["userIds"],
  additionalProperties: false,
  properties: { userIds: { type: "array", maxItems: 200, items: uuidSchema } },
} as const;

export const adminsResponse = {
  type: "object",
  properties: {
    admins: {
      type: "array",
      items: {
        type: "object",
        properties: { userId: { type: "string" }, name: { type: "string" }, email: { type: "string" } },
      },
    },
  },
} as const;

export const myRightsResponse = {
  type: "object",
  properties: {
    actions: { type: "array", items: { type: "string" } },
    fields: { type: "object", additionalProperties: { type: "string" } },
    createFields: { type: "object", additionalProperties: { type: "string" } },
    rowScoped: { type: "boolean", description: "viewing is limited to some records" },
    appAdmin: { type: "boolean" },
    canDesign: { type: "boolean" },
    canManagePermissions: { type: "boolean" },
  },
} as const;
