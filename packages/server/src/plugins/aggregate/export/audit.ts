// Every export leaves a row in the audit log (migration 0011): who took which form's data, how, from where.
import type { PublishedForm } from "@formwork/db";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../../database";
import { requestActor, writeAudit } from "../../audit/audit-store";
import type { ExportQuery } from "./export";

export function auditExport(
  db: Db,
  request: FastifyRequest,
  form: PublishedForm,
  appId: string,
  query: ExportQuery,
): Promise<void> {
  return writeAudit(db, {
    ...requestActor(request),
    action: "records.export",
    targetId: form.id,
    appId,
    detail: {
      format: query.format,
      ...(query.filter ? { filter: query.filter } : {}),
      ...(query.fields ? { fields: query.fields } : {}),
    },
  });
}
