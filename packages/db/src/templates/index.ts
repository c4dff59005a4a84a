export * from "./app-templates";
export { type MemberMode, mapDepartments, mapMembers, mapRoles, namesOf } from "./placeholders";
export type { AppTemplatesTable, PlaceholderMap, TemplateTables } from "./tables";
