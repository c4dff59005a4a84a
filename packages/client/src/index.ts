export type {
  AggregateOp,
  AggregateRequest,
  AggregateResult,
  DateBucket,
  ExportQuery,
} from "./analytics";
export { ApiError, type ClientErrorCode, isApiError } from "./api-error";
export type { AuditEntry, AuditQuery } from "./audit";
export type { Credentials } from "./auth";
export * from "./automations";
export { type ClientOptions, createClient, type FormworkClient } from "./client";
export { createDashboardsClient, type Dashboard, type DashboardSummary, dashboardsApi } from "./dashboards";
export * from "./imports";
export * from "./notifications";
export type { AppAdmin, MyRights, PermissionSet, PermissionSetInput } from "./permissions";
export * from "./print";
export type { PublicLink, PublicLinkInput, PublicLinkKind } from "./public-links";
export { type BulkEditOutcome, type RecordData, recordQueryParams, type WriteOptions } from "./records";
export * from "./tasks";
export {
  type AppTemplateInfo,
  createTemplatesClient,
  type GalleryTemplate,
  type InstallOptions,
  type InstallResult,
  templatesApi,
} from "./templates";
export { CSRF_HEADER, CSRF_HEADER_VALUE, type FetchLike } from "./transport";
export type * from "./types";
export type { Page } from "./users";
export type { SavedView, SavedViewColumn, ViewIndexState, ViewInput, ViewList } from "./views";
export * from "./webhooks";
