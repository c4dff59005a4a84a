// The editor's model: a blank definition, what a new action looks like, and which fields an action or
// trigger may use. The definition edited is the one the server stores (forms by key, fields by id).
import type {
  AutomationAction,
  AutomationDefinition,
  AutomationTrigger,
  FieldDefinition,
} from "@formwork/schema";

import { ACTION_TYPES } from "@formwork/schema";

export { TRIGGER_TYPES as TRIGGER_CHOICES } from "@formwork/schema";

/** The actions the editor can add: all of them, but `assign` only where a trigger record exists. */
export function actionChoices(trigger: AutomationTrigger["type"]): AutomationAction["type"][] {
  return trigger === "schedule" ? ACTION_TYPES.filter((type) => type !== "assign") : [...ACTION_TYPES];
}

/** A fresh id for a definition (lower-case, unique enough within an app). */
export function newAutomationId(): string {
  return `a_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 6)}`;
}

export function blankDefinition(form: string, name: string): AutomationDefinition {
  return { id: newAutomationId(), name, form, trigger: { type: "recordCreated" }, actions: [] };
}

export function blankTrigger(type: AutomationTrigger["type"]): AutomationTrigger {
  switch (type) {
    case "schedule":
      return { type, frequency: "daily", time: "09:00" };
    case "dateField":
      return { type, field: "", offsetDays: -3, time: "09:00" };
    case "recordUpdated":
      return { type, fields: [] };
    default:
      return { type } as AutomationTrigger;
  }
}

export function blankAction(type: AutomationAction["type"], form: string): AutomationAction {
  switch (type) {
    case "createRecord":
      return { type, form, fields: {} };
    case "updateRecords":
      return { type, form, condition: { and: [] }, fields: {} };
    case "deleteRecords":
      return { type, form, condition: { and: [] } };
    case "notify":
      return { type, userFields: [], title: '"提醒"' };
    case "webhook":
      return { type, url: "https://" };
    case "assign":
      return { type, field: "", users: [] };
  }
}

const NOT_WRITABLE = new Set([
  "serial",
  "lookup",
  "aggregate",
  "subform",
  "description",
  "divider",
  "attachment",
  "image",
  "signature",
]);

/** Fields an action may set: stored, not computed or assigned by the system. */
export function writableFields(fields: readonly FieldDefinition[]): FieldDefinition[] {
  return fields.filter((f) => !NOT_WRITABLE.has(f.type) && f.formula === undefined);
}

export const DATE_TYPES = new Set(["date", "datetime"]);
export const MEMBER_TYPES = new Set(["member", "members"]);

/** The most members an assign action may rotate through (the server's schema says the same). */
export const ASSIGN_MAX_USERS = 200;

/**
 * What stops an assign action from saving, as keys under `automations.assignProblems`: the server
 * would refuse the same (a single-member field of the trigger form, 1–200 members, a trigger record).
 */
export function assignProblems(
  action: Extract<AutomationAction, { type: "assign" }>,
  fields: readonly FieldDefinition[],
  trigger: AutomationTrigger["type"],
): string[] {
  const problems: string[] = [];
  if (trigger === "schedule") problems.push("needsRecord");
  if (!fields.some((f) => f.id === action.field && f.type === "member")) problems.push("field");
  if (action.users.length === 0) problems.push("noUsers");
  if (action.users.length > ASSIGN_MAX_USERS) problems.push("tooManyUsers");
  return problems;
}
