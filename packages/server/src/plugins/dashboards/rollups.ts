// A saved dashboard asks for the rollups its widgets can read (as a saved view asks for indexes): an
// unfiltered count/sum/avg widget then reads a few hundred pre-grouped rows instead of every record.
// Built in the request that saves the dashboard (one grouped scan per new rollup); a widget a rollup
// cannot serve (a static filter, a sub-form, a linked field, distinct/min/max) keeps scanning.
import { requestRollups, rollupFor } from "@formwork/db";
import type { DashboardDefinition } from "@formwork/schema";
import type { Db } from "../../database";
import { formByKey } from "../records/link-fill";
import type { PublishedForms } from "../records/published-forms";

export async function requestDashboardRollups(
  db: Db,
  forms: PublishedForms,
  appId: string,
  definition: DashboardDefinition,
  timeZone: string,
): Promise<void> {
  for (const widget of definition.widgets) {
    if (!widget.form || widget.subform || widget.filter !== undefined || !widget.measures?.length) continue;
    if (widget.kind === "table" || widget.kind === "text") continue;
    const formId = await formByKey(db, appId, widget.form);
    const form = formId === null ? null : await forms.get(formId).catch(() => null);
    if (!form) continue;
    const dims = rollupFor(form, {
      groupBy: widget.dimensions ?? [],
      measures: widget.measures,
      ...(widget.kind === "kpi" && widget.compareField
        ? { compare: { field: widget.compareField, from: "2000-01-01", to: "2000-01-01" } }
        : {}),
      timeZone,
    });
    if (dims) await requestRollups(db, form, [dims]);
  }
}
