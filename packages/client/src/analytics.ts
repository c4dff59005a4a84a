// Dashboards' data and downloads: POST /api/forms/:form/aggregate (one SQL GROUP BY on the server) and
// the URL of GET /api/forms/:form/export (streamed CSV/XLSX; the browser downloads it with its cookie).
import { recordQueryParams } from "./records";
import { path, queryString, type Send } from "./transport";
import type { SortKey } from "./types";

export type AggregateOp = "count" | "distinct" | "sum" | "avg" | "min" | "max";
export type DateBucket = "day" | "week" | "month" | "quarter" | "year";

export interface AggregateRequest {
  /** `via`: a link field; `field` is then a field of the linked form (under its own permissions). */
  groupBy?: { field: string; bucket?: DateBucket; via?: string }[];
  /** `count` without a field counts records (or sub-form rows). */
  measures: { op: AggregateOp; field?: string; via?: string }[];
  /** json-logic over the records' fields, as the records list takes it. */
  filter?: unknown;
  /** `g<i>` sorts by the i-th group, `m<i>` by the i-th measure; default: the groups in order. */
  sort?: { by: string; direction?: "asc" | "desc" }[];
  /** 1–1000 groups (default 1000). */
  limit?: number;
  /** Aggregate this sub-form's rows; its field ids are then the sub-form's. */
  source?: { subform: string };
  /** IANA zone date buckets are cut in (default: the server's). */
  timeZone?: string;
  /** Subtotals and the grand total: rows whose `t<i>` is true have group i rolled up. */
  totals?: boolean;
  /**
   * Measures over [from, to] (local dates, inclusive) — or the last `days` days up to today in the zone —
   * as `m<i>`, the as-long window before as `p<i>`.
   */
  compare?: { field: string; from: string; to: string } | { field: string; days: number };
}

export interface AggregateResult {
  /** `g0..` group keys (date buckets as 'YYYY-MM-DD' of the bucket's first day), `m0..` measures,
   * `p0..` the previous window's (with `compare`), `t0..` rolled-up keys (with `totals`). */
  rows: Record<string, string | number | boolean | null>[];
  /** More groups exist than `limit`. */
  truncated: boolean;
}

export interface ExportQuery {
  format: "csv" | "xlsx";
  filter?: unknown;
  sort?: readonly SortKey[];
  /** Columns in order; default every field the user may see plus submitter and times. */
  fields?: readonly string[];
}

export function analyticsApi(send: Send, baseUrl: string) {
  return {
    aggregate: (formId: string, request: AggregateRequest) =>
      send<AggregateResult>({ method: "POST", path: path`/api/forms/${formId}/aggregate`, body: request }),
    /** Where the browser downloads the export (the session cookie authorises it; labels follow Accept-Language). */
    exportUrl: (formId: string, query: ExportQuery) =>
      baseUrl +
      path`/api/forms/${formId}/export` +
      // The list's own filter/sort/fields spelling; every other list parameter is left unset.
      queryString({ format: query.format, ...recordQueryParams(query) }),
  };
}
