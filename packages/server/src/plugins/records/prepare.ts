// The server side of "never trust the browser": every incoming record goes through the fields
// package's pure write pipeline (input guard, normalisation, defaults, formulas recomputed, display
// rules with hidden values dropped, required, per-type rules, the record schema compiled per form
// version and cached there, submit validations), and its errors come back pointed at the request body.
import type { PublishedForm } from "@formwork/db";
import { type PendingLinkage, prepareRecord } from "@formwork/fields";
import { type ErrorDetail, FormworkError, type Locale } from "@formwork/schema";

export interface PrepareContext {
  now: Date;
  actorId: string;
  timeZone: string;
  locale: Locale;
  /** The submitter's primary department: a department field's "current department" default. */
  deptId?: string | null;
}

export interface PrepareInput {
  /** JSON pointer of this record's `data` in the request body. */
  base: string;
  data: Record<string, unknown>;
  /** The stored data, for an update (the input is merged over it). */
  existing?: Record<string, unknown>;
}

export interface Prepared {
  data: Record<string, unknown>;
  /** Data-linkage defaults the pipeline left to the server (see ./linkage). */
  pending: PendingLinkage[];
}

/** Prepares each record's data; throws one VALIDATION_FAILED listing every error of every record. */
export function prepareAll(form: PublishedForm, inputs: PrepareInput[], ctx: PrepareContext): Prepared[] {
  const problems: ErrorDetail[] = [];
  const prepared = inputs.map(({ base, data, existing }): Prepared => {
    const result = prepareRecord(form.definition, data, {
      mode: existing ? "update" : "create",
      ...(existing ? { existing } : {}),
      now: ctx.now,
      timeZone: ctx.timeZone,
      user: { id: ctx.actorId, ...(ctx.deptId ? { deptId: ctx.deptId } : {}) },
      locale: ctx.locale,
    });
    if (!result.ok) {
      for (const error of result.errors)
        problems.push({ path: `${base}${error.path}`, message: error.message, code: error.code });
      return { data: {}, pending: [] };
    }
    return { data: result.data, pending: result.pendingLinkage };
  });
  if (problems.length > 0) {
    const unknownOnly = problems.every((p) => p.code === "UNKNOWN_FIELD");
    throw new FormworkError(
      unknownOnly ? "UNKNOWN_FIELD" : "VALIDATION_FAILED",
      problems.length === 1 ? problems[0]!.message : `${problems.length} problems in the submitted data`,
      problems,
    );
  }
  return prepared;
}
