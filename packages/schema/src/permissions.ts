// Permission sets of a form (issue 6): the vocabulary the server enforces and the designer edits.

/** What a set may grant on a form's records. */
export const RECORD_ACTIONS = [
  "view",
  "create",
  "edit",
  "delete",
  "export",
  "import",
  "print",
  "comment",
] as const;
export type RecordAction = (typeof RECORD_ACTIONS)[number];

/** Per field: not shown at all, shown read-only, or shown and editable. */
export const FIELD_LEVELS = ["hidden", "view", "edit"] as const;
export type FieldLevel = (typeof FIELD_LEVELS)[number];

/**
 * The Jiandaoyun presets and `custom`. A preset fixes the actions and the row condition; its fields may
 * still be narrowed per field.
 */
export const PERMISSION_SET_KINDS = ["submit", "submit_own", "view_all", "manage_all", "custom"] as const;
export type PermissionSetKind = (typeof PERMISSION_SET_KINDS)[number];

/**
 * Who a set includes: a user, a department (with its sub-departments when `includeSub`), a role, or
 * `all` (全部成员): every signed-in member of the company, whatever their departments and roles.
 */
export type PermissionMember =
  | { type: "user" | "role"; id: string }
  | {
      type: "department";
      id: string;
      /** The members of every sub-department are included too. */
      includeSub?: boolean;
    }
  | { type: "all" };

export const PERMISSION_MEMBER_TYPES = ["user", "department", "role", "all"] as const;

export interface PermissionSetContent {
  name: string;
  kind: PermissionSetKind;
  actions: RecordAction[];
  /** Field id -> level; a field left out gets the set's default level (see `defaultFieldLevel`). */
  fields: Record<string, FieldLevel>;
  /** json-logic over the form's fields and $system names; null = every record. */
  rowCondition: unknown | null;
  members: PermissionMember[];
}

/** A stored permission set, as the API returns it. */
export interface PermissionSetRecord extends PermissionSetContent {
  id: string;
  formId: string;
  sortOrder: number;
  version: number;
  createdAt: string;
  updatedAt: string;
}

/**
 * Dynamic values a row condition may compare with ({"var": name} on the value side), resolved per
 * request for the current user. The record's own department is the system field `$deptId` (set from the
 * owner's primary department at creation) and its owner `$ownerId`.
 */
export const ROW_CONDITION_VALUES = [
  "$user",
  "$user.id",
  "$user.departments",
  "$user.departmentsWithSub",
] as const;

/** "Submitter is the current user": the row condition of `submit_own`. */
export const OWN_RECORDS_CONDITION = { "==": [{ var: "$ownerId" }, { var: "$user" }] } as const;

export const PRESETS: Record<
  Exclude<PermissionSetKind, "custom">,
  { actions: RecordAction[]; rowCondition: unknown | null }
> = {
  submit: { actions: ["create"], rowCondition: null },
  submit_own: {
    actions: ["create", "view", "edit", "delete", "comment"],
    rowCondition: OWN_RECORDS_CONDITION,
  },
  view_all: { actions: ["view", "comment"], rowCondition: null },
  manage_all: { actions: [...RECORD_ACTIONS], rowCondition: null },
};

/** The level of a field the set does not list: editable when the set may write, else read-only. */
export function defaultFieldLevel(actions: readonly RecordAction[]): FieldLevel {
  return actions.includes("create") || actions.includes("edit") ? "edit" : "view";
}
