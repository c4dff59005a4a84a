// A permission set's body checked against the form's published version: presets fix actions and row
// condition, custom sets need `view` for every action that shows records, field ids must be the form's,
// a field can be `edit` only in a set that may create or edit, and the row condition must compile.
import type { PublishedForm } from "@formwork/db";
import {
  type ErrorDetail,
  type FieldLevel,
  FormworkError,
  type PermissionMember,
  type PermissionSetContent,
  type PermissionSetKind,
  PRESETS,
  pointerSegment,
  RECORD_ACTIONS,
  type RecordAction,
} from "@formwork/schema";
import { checkRowCondition } from "./row-condition";

export interface SetBody {
  name: string;
  kind: PermissionSetKind;
  actions?: RecordAction[];
  fields?: Record<string, FieldLevel>;
  rowCondition?: unknown;
  members?: MemberBody[];
}

/** A member as the route's schema lets it through; `checkedMembers` makes it a PermissionMember. */
export interface MemberBody {
  type: PermissionMember["type"];
  id?: string;
  includeSub?: boolean;
}

const NEEDS_VIEW: RecordAction[] = ["edit", "delete", "export", "print", "comment"];

function invalid(path: string, message: string): FormworkError {
  return new FormworkError("VALIDATION_FAILED", message, [{ path, message }]);
}

function sameActions(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x) => b.includes(x));
}

export function checkedSetContent(
  form: PublishedForm,
  body: SetBody,
  timeZone: string,
): PermissionSetContent {
  const name = body.name.trim();
  if (name === "") throw invalid("/name", "The name is blank");
  let actions: RecordAction[];
  let rowCondition: unknown | null;
  if (body.kind === "custom") {
    actions = RECORD_ACTIONS.filter((a) => body.actions?.includes(a));
    if (actions.length === 0) throw invalid("/actions", "A custom set grants at least one action");
    const blind = actions.find((a) => NEEDS_VIEW.includes(a) && !actions.includes("view"));
    if (blind) throw invalid(`/actions/${body.actions!.indexOf(blind)}`, `"${blind}" needs "view"`);
    rowCondition = body.rowCondition ?? null;
    if (rowCondition !== null) checkRowCondition(form, rowCondition, timeZone);
  } else {
    const preset = PRESETS[body.kind];
    if (body.actions !== undefined && !sameActions(body.actions, preset.actions)) {
      throw invalid(
        "/actions",
        `The preset "${body.kind}" fixes its actions; use a custom set to change them`,
      );
    }
    const given = body.rowCondition ?? null;
    if (given !== null && JSON.stringify(given) !== JSON.stringify(preset.rowCondition)) {
      throw invalid("/rowCondition", `The preset "${body.kind}" fixes its row condition; use a custom set`);
    }
    actions = [...preset.actions];
    rowCondition = preset.rowCondition;
  }
  const fieldIds = new Set(form.definition.fields.map((f) => f.id));
  const writes = actions.includes("create") || actions.includes("edit");
  const fields: Record<string, FieldLevel> = {};
  const problems: ErrorDetail[] = [];
  for (const [id, level] of Object.entries(body.fields ?? {})) {
    const path = `/fields/${pointerSegment(id)}`;
    if (!fieldIds.has(id))
      problems.push({ path, message: `The form has no field "${id}"`, code: "UNKNOWN_FIELD" });
    else if (level === "edit" && !writes)
      problems.push({ path, message: "Only a set that may create or edit makes a field editable" });
    else fields[id] = level;
  }
  if (problems.length > 0) {
    const unknown = problems.every((p) => p.code === "UNKNOWN_FIELD");
    throw new FormworkError(unknown ? "UNKNOWN_FIELD" : "VALIDATION_FAILED", problems[0]!.message, problems);
  }
  const members = checkedMembers(body.members ?? []);
  return { name, kind: body.kind, actions, fields, rowCondition, members };
}

/** Every member names its user, department or role by id; `all` names nobody; only departments have subs. */
function checkedMembers(members: readonly MemberBody[]): PermissionMember[] {
  return members.map((member, i) => {
    if (member.includeSub !== undefined && member.type !== "department") {
      throw invalid(`/members/${i}/includeSub`, "Only departments include sub-departments");
    }
    if (member.type === "all") {
      if (member.id !== undefined) throw invalid(`/members/${i}/id`, "All members name no id");
      return { type: "all" };
    }
    if (member.id === undefined) throw invalid(`/members/${i}/id`, `A ${member.type} member needs an id`);
    if (member.type === "department") {
      return { type: "department", id: member.id, ...(member.includeSub ? { includeSub: true } : {}) };
    }
    return { type: member.type, id: member.id };
  });
}
