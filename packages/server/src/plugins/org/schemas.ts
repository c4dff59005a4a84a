// Request and response schemas of the organisation API (OpenAPI tags: members, departments, roles).
import { idParamsSchema, uuidSchema } from "../../http/common-schemas";
import { emailSchema, passwordSchema } from "../users/schemas";

const name = { type: "string", minLength: 1, maxLength: 200, pattern: "\\S" } as const;
const sortOrder = { type: "integer", minimum: -1_000_000, maximum: 1_000_000 } as const;
const idList = { type: "array", maxItems: 500, items: uuidSchema } as const;

export const memberParams = idParamsSchema("id");
export const memberUserParams = idParamsSchema("id", "userId");

const departmentRef = {
  type: "object",
  properties: {
    id: { type: "string" },
    name: { type: "string" },
    primary: { type: "boolean" },
    head: { type: "boolean" },
  },
} as const;

/** An admin sees every property; any other member only id, name and departments (for pickers). */
export const memberSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    email: { type: "string" },
    name: { type: "string" },
    isAdmin: { type: "boolean" },
    status: { type: "string", enum: ["active", "invited", "disabled"] },
    departments: { type: "array", items: departmentRef },
    roleIds: { type: "array", items: { type: "string" } },
    createdAt: { type: "string", format: "date-time" },
  },
} as const;

export const memberListQuery = {
  type: "object",
  additionalProperties: false,
  properties: {
    q: { type: "string", maxLength: 100 },
    /** Repeat for several departments. */
    departmentId: { type: "array", maxItems: 50, items: uuidSchema },
    includeSub: { type: "boolean", default: false },
    roleId: uuidSchema,
    status: { type: "string", enum: ["active", "invited", "disabled"] },
    ids: { type: "array", maxItems: 200, items: uuidSchema },
    limit: { type: "integer", minimum: 1, maximum: 200, default: 50 },
    offset: { type: "integer", minimum: 0, maximum: 1_000_000, default: 0 },
  },
} as const;

export const memberListResponse = {
  type: "object",
  properties: {
    total: { type: "integer" },
    members: { type: "array", items: memberSchema },
  },
} as const;

const memberFields = {
  email: emailSchema,
  name,
  isAdmin: { type: "boolean" },
  departmentIds: idList,
  primaryDepartmentId: uuidSchema,
  roleIds: idList,
} as const;

export const createMemberBody = {
  type: "object",
  required: ["email", "name"],
  additionalProperties: false,
  properties: { ...memberFields, password: passwordSchema },
} as const;

export const updateMemberBody = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: memberFields,
} as const;

export const memberPasswordBody = {
  type: "object",
  required: ["password"],
  additionalProperties: false,
  properties: { password: passwordSchema },
} as const;

export const inviteSchema = {
  type: "object",
  properties: {
    token: { type: "string" },
    /** Path of the web page that accepts the invite; the token rides in the fragment, never sent. */
    path: { type: "string" },
    expiresAt: { type: "string", format: "date-time" },
  },
} as const;

export const createdMemberSchema = {
  type: "object",
  properties: { ...memberSchema.properties, invite: inviteSchema },
} as const;

// Any string is looked up: a malformed token gets the same answer as an expired one.
const token = { type: "string", minLength: 1, maxLength: 512 } as const;
export const inviteLookupBody = {
  type: "object",
  required: ["token"],
  additionalProperties: false,
  properties: { token },
} as const;
export const inviteAcceptBody = {
  type: "object",
  required: ["token", "name", "password"],
  additionalProperties: false,
  properties: { token, name, password: passwordSchema },
} as const;

export const departmentSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    parentId: { type: ["string", "null"] },
    name: { type: "string" },
    sortOrder: { type: "integer" },
    memberCount: { type: "integer" },
    headIds: { type: "array", items: { type: "string" } },
  },
} as const;

export const departmentListResponse = {
  type: "object",
  properties: { departments: { type: "array", items: departmentSchema } },
} as const;

export const createDepartmentBody = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: { name, parentId: { anyOf: [uuidSchema, { type: "null" }] }, sortOrder },
} as const;

/** `parentId` moves the department (null: to the top); refused under itself or a descendant. */
export const updateDepartmentBody = {
  type: "object",
  additionalProperties: false,
  minProperties: 1,
  properties: { name, parentId: { anyOf: [uuidSchema, { type: "null" }] }, sortOrder },
} as const;

export const userIdsBody = {
  type: "object",
  required: ["userIds"],
  additionalProperties: false,
  properties: { userIds: idList },
} as const;

export const roleIdsBody = {
  type: "object",
  required: ["roleIds"],
  additionalProperties: false,
  properties: { roleIds: idList },
} as const;

const roleSchema = {
  type: "object",
  properties: {
    id: { type: "string" },
    groupId: { type: "string" },
    name: { type: "string" },
    sortOrder: { type: "integer" },
    memberCount: { type: "integer" },
  },
} as const;

export const roleGroupListResponse = {
  type: "object",
  properties: {
    groups: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "string" },
          name: { type: "string" },
          sortOrder: { type: "integer" },
          roles: { type: "array", items: roleSchema },
        },
      },
    },
  },
} as const;

export const createdIdSchema = { type: "object", properties: { id: { type: "string" } } } as const;

export const roleGroupBody = {
  type: "object",
  required: ["name"],
  additionalProperties: false,
  properties: { name, sortOrder },
} as const;
export const updateRoleGroupBody = { ...roleGroupBody, required: [], minProperties: 1 } as const;

export const createRoleBody = {
  type: "object",
  required: ["groupId", "name"],
  additionalProperties: false,
  properties: { groupId: uuidSchema, name, sortOrder },
} as const;
export const updateRoleBody = { ...createRoleBody, required: [], minProperties: 1 } as const;
