import type { ColumnType } from "kysely";
import type { CreatedAt, Json } from "../tables";

export interface AppAdminsTable {
  app_id: string;
  user_id: string;
  created_by: string | null;
  created_at: CreatedAt;
}

export interface PermissionSetsTable {
  id: string;
  form_id: string;
  name: string;
  kind: string;
  actions: string[];
  fields: Json<Record<string, string>>;
  row_condition: Json<unknown> | null;
  sort_order: ColumnType<number, number | undefined, number>;
  version: ColumnType<number, number | undefined, number>;
  created_by: string | null;
  created_at: CreatedAt;
  updated_at: CreatedAt;
}

export interface PermissionSetMembersTable {
  set_id: string;
  user_id: string | null;
  department_id: string | null;
  role_id: string | null;
  include_sub: ColumnType<boolean, boolean | undefined, boolean>;
  /** Member kind `all` (migration 0021): every signed-in member. */
  everyone: ColumnType<boolean, boolean | undefined, boolean>;
}

export interface PermissionTables {
  app_admins: AppAdminsTable;
  permission_sets: PermissionSetsTable;
  permission_set_members: PermissionSetMembersTable;
}
