// Publishing: the draft must pass the full definition check (schema, formulas, references), then the db
// package applies the DDL diff and freezes the version (and the flow's version) in one transaction.
import { inTransaction, loadPublishedForm, publishForm, saveFlowVersion } from "@formwork/db";
import { validateDefinition } from "@formwork/fields";
import { type FormDefinition, FormworkError } from "@formwork/schema";
import { DEFAULT_CONFIG } from "../../config";
import type { Db } from "../../database";
import { writeAudit } from "../audit/audit-store";
import { backfillAggregates } from "../records/aggregates/backfill";
import { getForm } from "./forms-store";

export async function publishDraft(
  db: Db,
  formId: string,
  actorId: string,
  timeZone = DEFAULT_CONFIG.timeZone,
): Promise<{ version: number }> {
  const form = await getForm(db, formId);
  const checked = validateDefinition(form.definition);
  if (!checked.ok) {
    throw new FormworkError(
      "INVALID_DEFINITION",
      "The form cannot be published until these problems are fixed",
      checked.issues.map((issue) => ({ path: issue.path, message: issue.message, code: issue.code })),
    );
  }
  const definition: FormDefinition = checked.value;
  const previous = await loadPublishedForm(db, formId);
  return inTransaction(db, async (tx) => {
    const { version } = await publishForm(tx, {
      formId,
      definition,
      previousDefinition: previous?.definition ?? null,
      actorId,
      indexes: previous?.indexes ?? [],
    });
    // A workflow form freezes its flow as an immutable version in the same transaction (when it changed).
    if (definition.flow) {
      await saveFlowVersion(tx, { formId, formVersion: version, definition: definition.flow, actorId });
    }
    const published = await loadPublishedForm(tx, formId);
    if (published) await backfillAggregates(tx, published, previous?.definition ?? null, timeZone);
    await writeAudit(tx, { actorId, action: "form.publish", targetId: formId, detail: { version } });
    return { version };
  });
}
