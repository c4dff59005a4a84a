import type { ColumnType } from "kysely";
import type { CreatedAt, Json, Timestamp } from "../tables";

/** Placeholder id → database id, per kind, as an install mapped them. */
export interface PlaceholderMap {
  roles: Record<string, string>;
  departments: Record<string, string>;
  members: Record<string, string>;
}

export interface AppTemplatesTable {
  app_id: string;
  template: string;
  version: string;
  source: "gallery" | "import";
  bundle: Json<unknown>;
  placeholders: ColumnType<PlaceholderMap, string | undefined, string>;
  installed_by: string | null;
  installed_at: CreatedAt;
  upgraded_at: Timestamp | null;
}

export interface TemplateTables {
  app_templates: AppTemplatesTable;
}
