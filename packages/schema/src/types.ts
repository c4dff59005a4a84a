// The public contract: what the designer emits, the API accepts and templates carry (DESIGN §2).
// Types here mirror the JSON Schemas in ./schemas; the schemas are the runtime truth at every edge.

/** A label the UI shows: one string for every locale, or one per locale. */
export type LocalizedText = string | { "zh-CN"?: string; en?: string };

export type Locale = "zh-CN" | "en";

/** A json-logic rule: display rules, validations, branch conditions, row permissions, view filters. */
export type JsonLogic = boolean | number | string | null | JsonLogic[] | { [operator: string]: JsonLogic };

/** Every field type the platform knows. Adding one here fails to compile until every registry handles it. */
export const FIELD_TYPES = [
  "text",
  "textarea",
  "number",
  "money",
  "date",
  "datetime",
  "radio",
  "checkbox",
  "select",
  "multiselect",
  "divider",
  "description",
  "address",
  "location",
  "image",
  "attachment",
  "signature",
  "subform",
  "link",
  "lookup",
  "member",
  "members",
  "department",
  "departments",
  "serial",
  "phone",
  "email",
  "rating",
  "aggregate",
] as const;
export type FieldType = (typeof FIELD_TYPES)[number];

export const FIELD_WIDTHS = ["1/4", "1/3", "1/2", "2/3", "3/4", "full"] as const;
export type FieldWidth = (typeof FIELD_WIDTHS)[number];

/** An editable field's initial value. A formula default is computed once; `formula` on the field keeps it computed. */
export type DefaultValue =
  | { value: unknown }
  | { formula: string }
  | { currentUser: true }
  | { currentDept: true }
  | { today: true }
  | { now: true }
  | {
      /** Data linkage (数据联动): take `take` from the first record of `form` whose fields equal this form's. */
      linkage: { form: string; match: { field: string; equals: string }[]; take: string };
    };

export interface FieldBase {
  /** Stable id, `[a-z][a-z0-9_]*`, unique within the form (sub-form columns within their sub-form). */
  id: string;
  label: LocalizedText;
  description?: LocalizedText;
  width?: FieldWidth;
  required?: boolean;
  unique?: boolean;
  /** Makes the field computed and read-only: Excel-like text, compiled to json-logic. */
  formula?: string;
  default?: DefaultValue;
  /** Display rule: the field shows (and keeps its value) only while this holds. */
  visibleWhen?: JsonLogic;
  /** Editable in forms? Computed fields are read-only regardless. */
  readonly?: boolean;
  /** Ask for a btree index on the field's column. */
  indexed?: boolean;
}

export interface OptionItem {
  value: string;
  label?: LocalizedText;
  color?: string;
}

export interface TextSettings {
  minLength?: number;
  maxLength?: number;
  /** A regular expression the value must match (checked on both sides). */
  pattern?: string;
  patternMessage?: LocalizedText;
}
export interface NumberSettings {
  min?: number;
  max?: number;
  /** Decimal places kept (values are rounded half away from zero). */
  precision?: number;
  unit?: string;
  /** Show as a percentage. */
  percent?: boolean;
}
export interface MoneySettings extends NumberSettings {
  currency?: string;
}
export interface DateSettings {
  min?: string;
  max?: string;
}
export interface OptionSettings {
  options: OptionItem[];
  /** Accept a free-text "other" value. */
  allowOther?: boolean;
  /** Options come from another form's field instead (not both). */
  minSelected?: number;
  maxSelected?: number;
}
export interface AddressSettings {
  /** How deep the cascader goes; "detail" adds the street line. */
  level?: "province" | "city" | "district" | "detail";
}
export interface FileSettings {
  maxFiles?: number;
  /** Bytes per file. */
  maxSize?: number;
  /** MIME types or extensions, as `<input accept>` takes them. */
  accept?: string[];
}
export interface SubformSettings {
  fields: FieldDefinition[];
  minRows?: number;
  maxRows?: number;
}
export interface LinkSettings {
  /** Key of the linked form in the same app. */
  form: string;
  multiple?: boolean;
  /** Field of the linked form shown as the record's title. */
  displayField?: string;
  /** Fill rules: copy these fields of the picked record into this form. */
  fill?: { from: string; to: string }[];
  /** Only records matching this may be picked (json-logic over the linked form; `{"var":"$form.x"}` reads this form). */
  filter?: JsonLogic;
}
export interface LookupSettings {
  /** Related query (关联查询): records of `form` where `filter` holds, display only. */
  form: string;
  filter?: JsonLogic;
  fields: string[];
  limit?: number;
}
export interface AggregateSettings {
  /** Aggregation over linked records: the link field of this form, or another form with a filter. */
  form: string;
  /** json-logic over the other form; `{"var":"$record.id"}` is this record's id. */
  filter?: JsonLogic;
  measure: "count" | "sum" | "avg" | "min" | "max";
  field?: string;
  precision?: number;
}
export interface MemberSettings {
  /** Limit the choices to these departments (and their sub-departments). */
  departments?: string[];
}
export interface SerialSettings {
  pattern: SerialPart[];
}
export type SerialPart =
  | { text: string }
  | { date: "yyyy" | "yyyyMM" | "yyyyMMdd" | "yyMMdd" | "yyyy-MM-dd" }
  | { counter: number; reset?: "never" | "daily" | "monthly" | "yearly"; start?: number }
  | { field: string };
export interface RatingSettings {
  max?: number;
}
export interface PhoneSettings {
  /** "mobile" checks a mainland China mobile number; "any" accepts landlines and +country codes. */
  kind?: "mobile" | "any";
}
export type NoSettings = Record<never, never>;

/** Type-specific settings of each field type. */
export interface FieldSettingsMap {
  text: TextSettings;
  textarea: TextSettings;
  number: NumberSettings;
  money: MoneySettings;
  date: DateSettings;
  datetime: DateSettings;
  radio: OptionSettings;
  checkbox: OptionSettings;
  select: OptionSettings;
  multiselect: OptionSettings;
  divider: NoSettings;
  description: { content?: LocalizedText };
  address: AddressSettings;
  location: { radius?: number };
  image: FileSettings;
  attachment: FileSettings;
  signature: NoSettings;
  subform: SubformSettings;
  link: LinkSettings;
  lookup: LookupSettings;
  member: MemberSettings;
  members: MemberSettings;
  department: NoSettings;
  departments: NoSettings;
  serial: SerialSettings;
  phone: PhoneSettings;
  email: NoSettings;
  rating: RatingSettings;
  aggregate: AggregateSettings;
}

export type FieldOf<K extends FieldType> = FieldBase & { type: K } & FieldSettingsMap[K];
export type FieldDefinition = { [K in FieldType]: FieldOf<K> }[FieldType];

export interface SubmitValidation {
  rule: JsonLogic;
  message: LocalizedText;
}

/**
 * A limit on how many records of the form may share one value of a field (and match a condition): "a rep
 * holds at most 50 customers outside the public pool" is `{field: "owner", max: 50, condition: status is
 * not pool}`. Checked in SQL inside every write's transaction (create, edit, import, automation, flow),
 * serialised per value, so two writes at once cannot both pass the last place; a write that would go past
 * it is refused with VALIDATION_FAILED, detail code QUOTA_EXCEEDED at the field's pointer.
 */
export interface RecordQuota {
  /** A top-level field of the form (usually a member field): records are counted per its value. */
  field: string;
  /** At most this many records per value. */
  max: number;
  /** json-logic over the form's fields: which records count (absent: all). */
  condition?: JsonLogic;
  message: LocalizedText;
}

export interface FormSettings {
  titleField?: string;
  successMessage?: LocalizedText;
}

export interface FormDefinition {
  /** Stable key, `[a-z][a-z0-9_]*`, unique within the app; links and templates refer to it. */
  key: string;
  name: LocalizedText;
  description?: LocalizedText;
  fields: FieldDefinition[];
  validations?: SubmitValidation[];
  /** Limits on records per value of a field (see RecordQuota). */
  quotas?: RecordQuota[];
  settings?: FormSettings;
  /** A workflow form (流程表单) carries its graph here. */
  flow?: FlowDefinition;
}

// ---- Flows -----------------------------------------------------------------------------------

export const NODE_KINDS = ["start", "approval", "fill", "cc", "branch", "parallel", "join", "end"] as const;
export type NodeKind = (typeof NODE_KINDS)[number];

export type Assignee =
  | { user: string }
  | { role: string }
  | { department: string }
  | { deptHead: number }
  | { managerChain: number }
  | { field: string }
  | { initiator: true };

export type FieldPermission = "hidden" | "view" | "edit";

export interface Deadline {
  /** ISO 8601 duration (P2D, PT4H), or a date field of the record. */
  after?: string;
  field?: string;
  workingDays?: boolean;
  then: "remind" | "approve" | "return" | "escalate";
  /** Repeat interval for reminders. */
  repeat?: string;
  escalateTo?: Assignee[];
}

export interface FlowNodeBase {
  id: string;
  type: NodeKind;
  name?: LocalizedText;
  position?: { x: number; y: number };
}
export interface TaskNodeSettings {
  assignees: Assignee[];
  /** any = 或签, all = 会签, sequential = 依次, ratio = pass when `ratio` of approvers approve. */
  mode?: "any" | "all" | "sequential" | "ratio";
  ratio?: number;
  fieldPermissions?: Record<string, FieldPermission>;
  deadline?: Deadline;
  /** Who gets the task when no assignee resolves. */
  whenEmpty?: "admin" | "autoPass";
  /** Auto-pass when the same person approved the node just before. */
  autoPassDuplicate?: boolean;
}
export interface NodeSettingsMap {
  start: { fieldPermissions?: Record<string, FieldPermission> };
  approval: TaskNodeSettings;
  fill: TaskNodeSettings;
  cc: { assignees: Assignee[] };
  branch: NoSettings;
  parallel: NoSettings;
  join: NoSettings;
  end: NoSettings;
}
export type FlowNodeOf<K extends NodeKind> = FlowNodeBase & { type: K } & NodeSettingsMap[K];
export type FlowNode = { [K in NodeKind]: FlowNodeOf<K> }[NodeKind];

export interface FlowEdge {
  id: string;
  source: string;
  target: string;
  /** Branch condition (json-logic over the record; `{"var":"$initiator.x"}` reads the initiator). */
  when?: JsonLogic;
  /** The branch taken when no condition holds; exactly one per branch node. */
  default?: boolean;
  /** Conditions of a branch are tried in ascending order. */
  order?: number;
}

export interface FlowDefinition {
  nodes: FlowNode[];
  edges: FlowEdge[];
}

/** One problem found in a definition: a stable code and a JSON pointer into the definition. */
export interface DefinitionIssue {
  code: string;
  path: string;
  message: string;
  /** For formula errors: where in the formula text (1-based), for the designer to underline. */
  line?: number;
  column?: number;
  length?: number;
}
