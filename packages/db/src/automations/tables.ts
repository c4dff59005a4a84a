import type { AutomationDefinition } from "@formwork/schema";
import type { Generated } from "kysely";
import type { CreatedAt, Json, Timestamp } from "../tables";

export interface AutomationsTable {
  id: string;
  app_id: string;
  /** The definition's id, unique within the app. */
  key: string;
  /** The trigger form. */
  form_id: string;
  trigger_type: string;
  definition: Json<AutomationDefinition>;
  enabled: Generated<boolean>;
  next_run_at: Timestamp | null;
  version: Generated<number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface AutomationRunsTable {
  id: string;
  automation_id: string;
  status: "succeeded" | "failed";
  trigger: Json<Record<string, unknown>>;
  inputs: Json<Record<string, unknown>>;
  outcomes: Json<unknown[]>;
  error: string | null;
  depth: Generated<number>;
  retry_of: string | null;
  created_at: CreatedAt;
}

export interface AutomationDateFiresTable {
  automation_id: string;
  record_id: string;
  date_value: string;
  fired_at: CreatedAt;
}

export interface AutomationTables {
  automations: AutomationsTable;
  automation_runs: AutomationRunsTable;
  automation_date_fires: AutomationDateFiresTable;
}
