import type { PrepareResult } from "@formwork/fields";
import type { FormDefinition, Locale } from "@formwork/schema";
import { useMemo } from "react";
import { usePipeline } from "./pipeline";

export interface Prepared {
  /** False until the pipeline's code has loaded. */
  ready: boolean;
  /** Values as the server would store them: normalised, computed, hidden ones dropped. */
  data: Record<string, unknown>;
  hidden: ReadonlySet<string>;
  errors: { path: string; message: string }[];
  ok: boolean;
}

/** Until the rules can be evaluated, fields that have one stay hidden rather than flash into view. */
function ruledFields(form: FormDefinition): Set<string> {
  const hidden = new Set<string>();
  for (const field of form.fields) {
    if (field.visibleWhen !== undefined) hidden.add(field.id);
    if (field.type === "subform")
      for (const column of field.fields)
        if (column.visibleWhen !== undefined) hidden.add(`${field.id}.${column.id}`);
  }
  return hidden;
}

/**
 * Runs the submission pipeline (the server's own code) over what is entered, once per change: live
 * totals, display rules and the very messages the server would answer with.
 */
export function usePrepared(
  form: FormDefinition,
  values: Record<string, unknown>,
  mode: "create" | "update",
  now: Date,
  locale: Locale,
  user: { id: string; deptId?: string } | undefined,
): Prepared {
  const prepare = usePipeline();
  return useMemo(() => {
    if (!prepare) return { ready: false, data: {}, hidden: ruledFields(form), errors: [], ok: false };
    const result: PrepareResult = prepare(form, values, { mode, now, locale, user });
    return {
      ready: true,
      data: result.data ?? {},
      hidden: new Set(result.hidden ?? []),
      errors: result.ok ? [] : result.errors,
      ok: result.ok,
    };
  }, [prepare, form, values, mode, now, locale, user]);
}
