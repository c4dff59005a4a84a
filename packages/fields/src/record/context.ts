// What a caller of the pipeline supplies besides the form and the data.
import type { Locale } from "@formwork/schema";

export interface PrepareContext {
  mode: "create" | "update";
  /** The stored record's data on update: the input is merged over it (PATCH semantics). */
  existing?: Record<string, unknown>;
  /** The injected clock: defaults (today, now) and formulas (TODAY(), NOW()) read it. */
  now: Date;
  /** IANA zone for "today"; the expressions evaluator's default (Asia/Shanghai) when absent. */
  timeZone?: string;
  /** Who submits: the currentUser / currentDept defaults. */
  user?: { id: string; deptId?: string };
  /** Language of the error messages; Chinese, the product's default, when absent. */
  locale?: Locale;
}

/** The record data as the pipeline works on it: no prototype, so no key can reach Object.prototype. */
export type RecordData = Record<string, unknown>;

export function emptyData(): RecordData {
  return Object.create(null) as RecordData;
}
