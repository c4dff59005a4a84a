// Every import started leaves a row in the audit log, as every export does: who loaded data into
// which form, from which file and how.
import type { PublishedForm } from "@formwork/db";
import type { FastifyRequest } from "fastify";
import type { Db } from "../../database";
import { requestActor, writeAudit } from "../audit/audit-store";
import type { ImportOptions } from "./run";

export function auditImport(
  db: Db,
  request: FastifyRequest,
  form: PublishedForm,
  appId: string,
  options: ImportOptions,
): Promise<void> {
  return writeAudit(db, {
    ...requestActor(request),
    action: "records.import",
    targetId: form.id,
    appId,
    detail: {
      fileId: options.fileId,
      fileName: options.fileName,
      mode: options.mode,
      skipBadRows: options.skipBadRows,
    },
  });
}
