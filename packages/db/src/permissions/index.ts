export * from "./app-admins";
export * from "./sets";
export type { PermissionTables } from "./tables";
