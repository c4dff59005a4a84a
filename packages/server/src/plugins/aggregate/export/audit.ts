// Every export leaves a row in the audit log (migration 0011): who took which form's data, how, from where.
import type { PublishedForm } from "@formwork/db";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../../database";
import { currentUser } from "../../auth/authenticate";
import type { ExportQuery } from "./export";

export async function auditExport(
  db: Db,
  request: FastifyRequest,
  form: PublishedForm,
  appId: string,
  query: ExportQuery,
): Promise<void> {
  const principal = currentUser(request);
  await db
    .insertInto("audit_log")
    .values({
      actor_id: principal.userId,
      actor_label: principal.email,
      action: "records.export",
      target_id: form.id,
      app_id: appId,
      ip: request.ip,
      detail: JSON.stringify({
        format: query.format,
        ...(query.filter ? { filter: query.filter } : {}),
        ...(query.fields ? { fields: query.fields } : {}),
      }),
    })
    .execute();
}
