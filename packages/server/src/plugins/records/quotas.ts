// Record quotas (FormDefinition.quotas): at most `max` records of a form per value of a field that match
// a condition — "a rep holds at most 50 customers outside the public pool". Checked after the write, in
// its transaction: a transaction-scoped advisory lock per (form, field, value) makes concurrent writes of
// the same value wait for each other, so the second one's count (a new statement: READ COMMITTED sees the
// first one's committed row) includes the first and the last place cannot be taken twice. Counted in SQL
// (compiled like grid filters), never by loading rows.
import { filterScopeFor, type PublishedForm, queryRecords } from "@formwork/db";
import { compileFilter, evaluateRule } from "@formwork/expressions";
import { localize } from "@formwork/fields";
import { FormworkError, type Locale, pointerSegment, type RecordQuota } from "@formwork/schema";
import { sql } from "kysely";
import type { Db } from "../../database";

export function hasQuotas(form: PublishedForm): boolean {
  return (form.definition.quotas?.length ?? 0) > 0;
}

/** The field names a json-logic condition reads (`{"var": name}`), for "did the write touch it". */
function varsOf(rule: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(rule)) for (const item of rule) varsOf(item, out);
  else if (rule && typeof rule === "object") {
    for (const [op, args] of Object.entries(rule)) {
      const name = op === "var" ? (Array.isArray(args) ? args[0] : args) : undefined;
      if (typeof name === "string") out.add(name.split(".")[0]!);
      else varsOf(args, out);
    }
  }
  return out;
}

/** Whether an edit that changed `changed` can bring the record into a quota's count. */
export function quotaTouched(quota: RecordQuota, changed: readonly string[]): boolean {
  const read = varsOf(quota.condition);
  return changed.some((field) => field === quota.field || read.has(field));
}

export interface QuotaWrite {
  data: Record<string, unknown>;
  base: string;
  /** For an edit: the fields it changed (an edit that touches neither the field nor the condition is not checked). */
  changed?: readonly string[];
}

/** Throws VALIDATION_FAILED (detail QUOTA_EXCEEDED at the field) when a written record went past a quota. */
export async function checkQuotas(
  tx: Db,
  form: PublishedForm,
  writes: readonly QuotaWrite[],
  ctx: { now: Date; timeZone: string; locale: Locale },
): Promise<void> {
  for (const quota of form.definition.quotas ?? []) {
    const seen = new Set<string>();
    for (const write of writes) {
      if (write.changed && !quotaTouched(quota, write.changed)) continue;
      const value = write.data[quota.field];
      if (value === null || value === undefined || value === "" || typeof value === "object") continue;
      if (quota.condition !== undefined && !evaluateRule(quota.condition, write.data, ctx)) continue;
      const key = String(value);
      if (seen.has(key)) continue;
      seen.add(key);
      await sql`SELECT pg_advisory_xact_lock(hashtext(${`${form.id}/${quota.field}/${key}`}))`.execute(tx);
      const mine = { "==": [{ var: quota.field }, value] };
      const rule = quota.condition === undefined ? mine : { and: [mine, quota.condition] };
      const compiled = compileFilter(rule, filterScopeFor(form, { now: ctx.now, timeZone: ctx.timeZone }));
      if (!compiled.ok) throw new Error(`quota condition: ${compiled.errors[0]?.message}`);
      const page = await queryRecords(tx, form, { filter: compiled.expr, limit: 1 });
      if (page.count.value > quota.max) {
        const message = localize(quota.message, ctx.locale, `At most ${quota.max}`);
        throw new FormworkError("VALIDATION_FAILED", message, [
          { path: `${write.base}/${pointerSegment(quota.field)}`, message, code: "QUOTA_EXCEEDED" },
        ]);
      }
    }
  }
}
