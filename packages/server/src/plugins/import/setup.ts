// Builds the import worker with the same write dependencies a form submit has (flows start on imported
// records as on submitted ones) and runs it with the server: started when the app is ready, stopped —
// its running job rolled back and left queued — when it closes.
import type { DatabaseKind } from "@formwork/db";
import type { FastifyInstance } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import type { FileStorage } from "../files/file-storage";
import type { PublishedForms } from "../records/published-forms";
import type { WriteDeps } from "../records/write-path";
import { ImportWorker } from "./worker";

export function createImportWorker(
  app: FastifyInstance,
  db: Db,
  kind: DatabaseKind,
  storage: FileStorage,
  forms: PublishedForms,
  config: ServerConfig,
  { events, recordFlows }: Pick<WriteDeps, "events" | "recordFlows">,
): ImportWorker {
  const deps: WriteDeps = {
    db,
    timeZone: config.timeZone,
    loadForm: (formId, tx) => forms.get(formId, tx),
    appIdOf: (formId, tx) => forms.appIdOf(formId, tx),
    events,
    ...(recordFlows ? { recordFlows } : {}),
  };
  const worker = new ImportWorker(db, kind, storage, config, deps, app.log);
  if (config.imports.enabled) {
    app.addHook("onReady", async () => worker.start());
    app.addHook("onClose", async () => worker.stop());
  }
  app.decorate("importWorker", worker);
  return worker;
}

declare module "fastify" {
  interface FastifyInstance {
    importWorker: ImportWorker;
  }
}
