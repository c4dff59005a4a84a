import { type PrepareResult, prepareRecord } from "@formwork/fields";
import type { FormDefinition, Locale } from "@formwork/schema";
import { useMemo } from "react";

export interface Prepared {
  /** Values as the server would store them: normalised, computed, hidden ones dropped. */
  data: Record<string, unknown>;
  hidden: ReadonlySet<string>;
  errors: { path: string; message: string }[];
  ok: boolean;
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
  return useMemo(() => {
    const result: PrepareResult = prepareRecord(form, values, { mode, now, locale, user });
    return {
      data: result.data ?? {},
      hidden: new Set(result.hidden ?? []),
      errors: result.ok ? [] : result.errors,
      ok: result.ok,
    };
  }, [form, values, mode, now, locale, user]);
}
