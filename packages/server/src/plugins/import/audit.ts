// Every import started leaves a row in the audit log, as every export does: who loaded data into
// which form, from which file and how.
import type { PublishedForm } from "@formwork/db";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import type { ImportOptions } from "./run";

export async function auditImport(
  db: Db,
  request: FastifyRequest,
  form: PublishedForm,
  appId: string,
  options: ImportOptions,
): Promise<void> {
  const principal = currentUser(request);
  await db
    .insertInto("audit_log")
    .values({
      actor_id: principal.userId,
      actor_label: principal.email,
      action: "records.import",
      target_id: form.id,
      app_id: appId,
      ip: request.ip,
      detail: JSON.stringify({
        fileId: options.fileId,
        fileName: options.fileName,
        mode: options.mode,
        skipBadRows: options.skipBadRows,
      }),
    })
    .execute();
}
