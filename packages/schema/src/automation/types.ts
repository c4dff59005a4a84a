// An automation of an app (智能助手, issue 7): when something happens to a form's records (or on a
// schedule, or as a date field comes near), if a condition holds, do a list of actions. The definition
// is self-contained JSON: forms are named by their key within the app and fields by their id, as in a
// template bundle, so it moves between apps and bundles unchanged.

/**
 * Field id → formula text over the trigger record (the forms' formula language). Besides the trigger
 * form's fields a formula may read `trigger.id`, the trigger record's id, to link a created record back
 * to it (unless the form has a field with the id `trigger`, which keeps its meaning).
 */
export type FieldMapping = Record<string, string>;

export type AutomationTrigger =
  | { type: "recordCreated" }
  | {
      type: "recordUpdated";
      /** Fire only when one of these fields changed; absent or empty = any change. */
      fields?: string[];
    }
  | { type: "recordDeleted" }
  | {
      type: "schedule";
      frequency: "daily" | "weekly" | "monthly";
      /** Local time "HH:MM" in the server's configured time zone. */
      time: string;
      /** weekly: 1 (Monday) … 7 (Sunday). */
      weekday?: number;
      /** monthly: 1 … 31 (a shorter month fires on its last day). */
      monthDay?: number;
    }
  | {
      type: "dateField";
      /** A date or datetime field of the form. */
      field: string;
      /** Days relative to the field's date: -3 = three days before. */
      offsetDays: number;
      /** Local time "HH:MM" of that day. */
      time: string;
    }
  | { type: "flowApproved" }
  | { type: "flowRejected" };

export type TriggerType = AutomationTrigger["type"];

export type AutomationAction =
  | {
      type: "createRecord";
      /** A form of the app, by key. */
      form: string;
      fields: FieldMapping;
    }
  | {
      type: "updateRecords";
      form: string;
      /** json-logic over the target form's fields; `{"var": "$trigger.<field>"}` reads the trigger record. */
      condition: unknown;
      fields: FieldMapping;
      /** List fields (multi-select, members, departments): values added to what each record has. */
      add?: FieldMapping;
      /** List fields: values taken out of what each record has (after `add`). */
      remove?: FieldMapping;
    }
  | {
      type: "deleteRecords";
      form: string;
      condition: unknown;
    }
  | {
      type: "notify";
      /** User ids. */
      users?: string[];
      /** Member fields of the trigger record whose members are notified too. */
      userFields?: string[];
      /** Formula text over the trigger record: the notification's title. */
      title: string;
    }
  | {
      type: "webhook";
      url: string;
    }
  | {
      /**
       * Sets a member field of the trigger record to the least loaded of `users`: the one with the
       * fewest records of the form whose field names them (and which match `condition`, e.g. still
       * open), ties going to the earlier in the list. Balances like round-robin, with no state to keep.
       */
      type: "assign";
      field: string;
      users: string[];
      /** json-logic over the form's fields: which records count as a user's load (absent: all). */
      condition?: unknown;
    };

export type ActionType = AutomationAction["type"];

export interface AutomationDefinition {
  /** Stable id within the app. */
  id: string;
  name: string;
  /** The trigger form's key. */
  form: string;
  trigger: AutomationTrigger;
  /** json-logic over the trigger record (record triggers; for a date field, which records). */
  condition?: unknown;
  /** Whether imports and bulk edits fire it too (Jiandaoyun's never do). */
  fireOnImportsAndBulk?: boolean;
  actions: AutomationAction[];
}

/** What a definition's references are checked against: the app's forms by key, with their field ids and types. */
export interface AutomationContext {
  forms: { get(key: string): ReadonlyMap<string, string> | undefined };
}

export const TRIGGER_TYPES: readonly TriggerType[] = [
  "recordCreated",
  "recordUpdated",
  "recordDeleted",
  "schedule",
  "dateField",
  "flowApproved",
  "flowRejected",
];
export const ACTION_TYPES: readonly ActionType[] = [
  "createRecord",
  "updateRecords",
  "deleteRecords",
  "notify",
  "webhook",
  "assign",
];
/** Longest chain of automations triggering automations (each action's writes one level deeper). */
export const AUTOMATION_MAX_DEPTH = 5;

/** A stored automation as the API returns it. */
export interface AutomationView {
  id: string;
  appId: string;
  formId: string;
  enabled: boolean;
  version: number;
  definition: AutomationDefinition;
  nextRunAt: string | null;
  createdAt: string;
  updatedAt: string;
}

/** One action's outcome in a run: rolledBack = it had succeeded, then a later action failed. */
export interface AutomationActionOutcome {
  index: number;
  type: string;
  status: "succeeded" | "failed" | "skipped" | "rolledBack";
  detail?: Record<string, unknown>;
  error?: string;
}

/** One run of the run log. */
export interface AutomationRunView {
  id: string;
  automationId: string;
  status: "succeeded" | "failed";
  trigger: Record<string, unknown>;
  inputs: Record<string, unknown>;
  outcomes: AutomationActionOutcome[];
  error: string | null;
  depth: number;
  retryOf: string | null;
  createdAt: string;
}
