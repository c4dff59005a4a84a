import { NODE_KINDS, type NodeKind } from "../types";
import {
  DRAFT_2020_12,
  idSchema,
  JSON_LOGIC_REF,
  type JsonSchemaObject,
  LOCALIZED_TEXT_REF,
  SCHEMA_BASE_URI,
} from "./common";
import { LIMITS } from "./limits";
import { taggedUnion } from "./tagged-union";

export const FLOW_SCHEMA_ID = `${SCHEMA_BASE_URI}/flow.json`;

const directoryId = { type: "string", minLength: 1, maxLength: 128 } as const;
const levels = { type: "integer", minimum: 1, maximum: 20 } as const;

/** Exactly one of the assignee kinds, e.g. `{"role": "sales_director"}` or `{"deptHead": 1}`. */
export const assigneeSchema = {
  type: "object",
  title: "Assignee",
  minProperties: 1,
  maxProperties: 1,
  properties: {
    user: directoryId,
    role: directoryId,
    department: directoryId,
    deptHead: levels,
    managerChain: levels,
    field: idSchema,
    initiator: { const: true },
  },
  additionalProperties: false,
} as const;

const assigneesSchema = { type: "array", maxItems: LIMITS.assignees, items: assigneeSchema } as const;

/** ISO 8601 durations are checked by the validator, which reports them with their own code. */
const durationText = { type: "string", minLength: 1, maxLength: 64 } as const;

export const deadlineSchema = {
  type: "object",
  title: "Deadline",
  required: ["then"],
  properties: {
    after: durationText,
    field: idSchema,
    workingDays: { type: "boolean" },
    // biome-ignore lint/suspicious/noThenProperty: the deadline action of the contract is named `then`
    then: { enum: ["remind", "approve", "return", "escalate"] },
    repeat: durationText,
    escalateTo: assigneesSchema,
  },
  additionalProperties: false,
  anyOf: [
    { required: ["after"], properties: { after: durationText } },
    { required: ["field"], properties: { field: idSchema } },
  ],
} as const;

export const fieldPermissionsSchema = {
  type: "object",
  title: "Field permissions",
  maxProperties: LIMITS.fields,
  propertyNames: { maxLength: LIMITS.idLength * 2 + 1 },
  additionalProperties: { enum: ["hidden", "view", "edit"] },
} as const;

const taskNodeSettings = {
  type: "object",
  required: ["assignees"],
  properties: {
    assignees: assigneesSchema,
    mode: { enum: ["any", "all", "sequential", "ratio"] },
    ratio: { type: "number" },
    fieldPermissions: fieldPermissionsSchema,
    deadline: deadlineSchema,
    whenEmpty: { enum: ["admin", "autoPass"] },
    autoPassDuplicate: { type: "boolean" },
  },
} as const;

const noSettings = { type: "object", properties: {} } as const;

/** Kind-specific properties of each node kind. */
export const nodeSettingsSchemas = {
  start: { type: "object", properties: { fieldPermissions: fieldPermissionsSchema } },
  approval: taskNodeSettings,
  fill: taskNodeSettings,
  cc: { type: "object", required: ["assignees"], properties: { assignees: assigneesSchema } },
  branch: noSettings,
  parallel: noSettings,
  join: noSettings,
  end: noSettings,
} as const satisfies Record<NodeKind, JsonSchemaObject>;

/** The properties every node has, whatever its kind. */
const nodeBaseProperties = {
  id: idSchema,
  type: { enum: NODE_KINDS },
  name: LOCALIZED_TEXT_REF,
  position: {
    type: "object",
    required: ["x", "y"],
    properties: { x: { type: "number" }, y: { type: "number" } },
    additionalProperties: false,
  },
} as const;

/** Base properties a branch admits without checking: the root schema already checks them once. */
const nodeBaseAdmitted = Object.fromEntries(Object.keys(nodeBaseProperties).map((key) => [key, true]));

type NodeSettings = (typeof nodeSettingsSchemas)[NodeKind];

/** The closed schema of the node kinds sharing `settings`: base and settings properties, nothing else. */
function closedNodeSchema(settings: NodeSettings, kinds: readonly NodeKind[]): JsonSchemaObject {
  return {
    type: "object",
    ...("required" in settings ? { required: settings.required } : {}),
    properties: { ...nodeBaseAdmitted, type: { enum: kinds }, ...settings.properties },
    additionalProperties: false,
  };
}

export const FLOW_NODE_SCHEMA_ID = `${SCHEMA_BASE_URI}/flow-node.json`;

/**
 * A node: the common properties plus the settings of its kind, one closed branch picked by `type` (see
 * `fieldSchema`). Its own `$id` makes it a schema resource, so its `#/$defs/...` refs resolve inside it.
 */
export const flowNodeSchema = {
  $id: FLOW_NODE_SCHEMA_ID,
  type: "object",
  title: "Flow node",
  required: ["id", "type"],
  properties: nodeBaseProperties,
  ...taggedUnion(NODE_KINDS, (kind) => nodeSettingsSchemas[kind], closedNodeSchema),
} as const;

export const flowEdgeSchema = {
  type: "object",
  title: "Flow edge",
  required: ["id", "source", "target"],
  properties: {
    id: idSchema,
    source: idSchema,
    target: idSchema,
    when: JSON_LOGIC_REF,
    default: { type: "boolean" },
    order: { type: "integer", minimum: 0, maximum: 10_000 },
  },
  additionalProperties: false,
} as const;

export const flowDefinitionSchema = {
  $schema: DRAFT_2020_12,
  $id: FLOW_SCHEMA_ID,
  title: "Flow definition",
  type: "object",
  required: ["nodes", "edges"],
  properties: {
    nodes: { type: "array", maxItems: LIMITS.flowNodes, items: flowNodeSchema },
    edges: { type: "array", maxItems: LIMITS.flowEdges, items: flowEdgeSchema },
  },
  additionalProperties: false,
} as const;
