// The editor's model of a permission set: members grouped by kind for the pickers, and the actions and
// field levels a preset implies (the server fixes them; the editor shows them).
import type { PermissionSet, PermissionSetInput } from "@formwork/client";
import {
  defaultFieldLevel,
  type FieldLevel,
  type PermissionMember,
  type PermissionSetKind,
  PRESETS,
  type RecordAction,
} from "@formwork/schema";

export interface SetDraft {
  name: string;
  kind: PermissionSetKind;
  actions: RecordAction[];
  fields: Record<string, FieldLevel>;
  rowCondition: unknown;
  users: string[];
  departments: string[];
  includeSub: boolean;
  roles: string[];
  /** 全部成员: every member of the company. */
  everyone: boolean;
}

export function emptyDraft(): SetDraft {
  return {
    name: "",
    kind: "submit_own",
    actions: [...PRESETS.submit_own.actions],
    fields: {},
    rowCondition: null,
    users: [],
    departments: [],
    includeSub: true,
    roles: [],
    everyone: false,
  };
}

export function draftOf(set: PermissionSet): SetDraft {
  const of = (type: PermissionMember["type"]) =>
    set.members.flatMap((m) => (m.type === type && m.type !== "all" ? [m.id] : []));
  return {
    name: set.name,
    kind: set.kind,
    actions: set.actions,
    fields: set.fields,
    rowCondition: set.rowCondition,
    users: of("user"),
    departments: of("department"),
    includeSub: set.members.some((m) => m.type === "department" && m.includeSub === true),
    roles: of("role"),
    everyone: set.members.some((m) => m.type === "all"),
  };
}

/** The actions a kind grants (a preset's are fixed; a custom set's are the draft's). */
export function actionsOf(draft: Pick<SetDraft, "kind" | "actions">): RecordAction[] {
  return draft.kind === "custom" ? draft.actions : [...PRESETS[draft.kind].actions];
}

/** A field's level in the draft: what it lists, else the default for its actions. */
export function levelOf(draft: SetDraft, fieldId: string): FieldLevel {
  return draft.fields[fieldId] ?? defaultFieldLevel(actionsOf(draft));
}

/** Levels a field may take: `edit` only in a set that may create or edit. */
export function levelsFor(draft: SetDraft): FieldLevel[] {
  const actions = actionsOf(draft);
  return actions.includes("create") || actions.includes("edit")
    ? ["hidden", "view", "edit"]
    : ["hidden", "view"];
}

/** What the server receives: presets send no actions or condition; levels `edit` dropped where not allowed. */
export function inputOf(draft: SetDraft): PermissionSetInput {
  const allowed = new Set(levelsFor(draft));
  const fields = Object.fromEntries(Object.entries(draft.fields).filter(([, level]) => allowed.has(level)));
  const members: PermissionMember[] = [
    ...(draft.everyone ? [{ type: "all" as const }] : []),
    ...draft.users.map((id) => ({ type: "user" as const, id })),
    ...draft.departments.map((id) => ({ type: "department" as const, id, includeSub: draft.includeSub })),
    ...draft.roles.map((id) => ({ type: "role" as const, id })),
  ];
  return {
    name: draft.name.trim(),
    kind: draft.kind,
    fields,
    members,
    ...(draft.kind === "custom" ? { actions: draft.actions, rowCondition: draft.rowCondition ?? null } : {}),
  };
}
