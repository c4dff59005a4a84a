// The print view of one record (issue 8 §4): what the A4 page shows, in one answer — the form's name and
// the fields the caller may see (sub-form columns included), the record cut down to them, and the flow's
// log with the approvers' handwritten signatures inlined (they are files of the approvers, not of the
// record, so the page could not fetch them itself). Needs the permission set's `print` action (403
// FORBIDDEN otherwise) and the record inside the caller's print rows (404 otherwise, as for any read).
import { getRecord } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import type { FileStorage } from "../files/file-storage";
import { requireAction, visibleRecord } from "../permissions/enforce";
import { recordScope } from "../permissions/scope";
import type { PublishedForms } from "../records/published-forms";
import { assertRecordAccess } from "../records/record-access";
import { recordParams } from "../records/schemas";
import type { FlowVersions } from "../workflow/flows";
import { recordFlow } from "../workflow/views";
import { inlineSignatures } from "./signatures";

export interface PrintPluginOptions {
  db: Db;
  config: ServerConfig;
  forms: PublishedForms;
  flows: FlowVersions;
  storage: FileStorage;
}

export const printPlugin: FastifyPluginAsync<PrintPluginOptions> = async (
  app,
  { db, config, forms, flows, storage },
) => {
  app.get<{ Params: { form: string; id: string } }>(
    "/api/forms/:form/records/:id/print",
    {
      schema: {
        tags: ["records"],
        params: recordParams,
        description:
          "A record as its print page shows it: the form's visible fields, the record, and the flow log with signatures inlined as data URLs. Needs the `print` action.",
      },
    },
    async (request) => {
      const principal = currentUser(request);
      const form = await forms.get(request.params.form);
      const scope = await recordScope(db, principal, form, config.timeZone);
      requireAction(scope, "print");
      const record = await getRecord(db, form, request.params.id);
      if (!record) throw new FormworkError("NOT_FOUND", "No such record");
      await assertRecordAccess(db, principal, form, record.id, "print");
      const flow = form.definition.flow
        ? await recordFlow({ db, forms, flows }, principal, form, record.id).catch((error: unknown) => {
            if (error instanceof FormworkError && error.code === "NOT_FOUND") return null;
            throw error;
          })
        : null;
      return {
        form: {
          id: form.id,
          name: form.definition.name,
          version: form.version,
          fields: form.definition.fields.filter((f) => scope.visibleFields.has(f.id)),
        },
        record: visibleRecord(scope, record),
        flow: flow
          ? {
              instance: flow.instance,
              chart: {
                nodes: flow.chart.nodes.map(({ id, type, name, state }) => ({ id, type, name, state })),
              },
              log: await inlineSignatures(db, storage, flow.log),
            }
          : null,
        printedAt: new Date().toISOString(),
      };
    },
  );
};
