// A publish that adds an aggregation field, or changes what one computes, fills it for every existing
// record in the publishing transaction: a set-based UPDATE (./recompute.ts), so a new "contract total"
// column is right from the first read rather than blank until each customer's contracts change.
import { loadPublishedForm, type PublishedForm } from "@formwork/db";
import type { FormDefinition } from "@formwork/schema";
import type { Db } from "../../../database";
import { aggregatePlans, samePlan } from "./plan";
import { recomputeAggregate } from "./recompute";

export async function backfillAggregates(
  tx: Db,
  form: PublishedForm,
  previous: FormDefinition | null,
  timeZone: string,
): Promise<void> {
  const before = previous ? aggregatePlans(previous) : [];
  const changed = aggregatePlans(form.definition).filter(
    (plan) => !before.some((old) => old.fieldId === plan.fieldId && samePlan(old, plan)),
  );
  if (changed.length === 0) return;
  const owner = await tx
    .selectFrom("forms")
    .select("app_id")
    .where("id", "=", form.id)
    .executeTakeFirstOrThrow();
  for (const plan of changed) {
    const row = await tx
      .selectFrom("forms")
      .select("id")
      .where("app_id", "=", owner.app_id)
      .where("key", "=", plan.sourceKey)
      .where("deleted_at", "is", null)
      .executeTakeFirst();
    const source = row ? (row.id === form.id ? form : await loadPublishedForm(tx, row.id)) : null;
    if (source) await recomputeAggregate(tx, { form, source, plan, timeZone }, "all");
  }
}
