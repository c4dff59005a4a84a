// Spreadsheet import (issue 8): upload a file through POST /api/files, preview it here (mapping by
// label, every row checked as a submit would be), start a background job (./worker), follow its
// progress, download the rejected rows with their errors, or cancel it. Every route needs the form's
// `import` right; the job's writes also need `create` / `edit` as a submit does.

import { PassThrough } from "node:stream";
import {
  cancelQueuedImportJob,
  findImportJob,
  findImportProgress,
  type ImportJobRow,
  insertImportJob,
  isKeyField,
  listImportRejects,
  newId,
  type PublishedForm,
  saveImportProgress,
} from "@formwork/db";
import { localize } from "@formwork/fields";
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { localeOf } from "../../http/locale";
import { escapeFormula } from "../aggregate/export/cells";
import { csvLine, UTF8_BOM } from "../aggregate/export/csv";
import { currentUser } from "../auth/authenticate";
import type { Principal } from "../auth/principal";
import type { FileStorage } from "../files/file-storage";
import { requireAction } from "../permissions/enforce";
import { recordScope } from "../permissions/scope";
import type { PublishedForms } from "../records/published-forms";
import { auditImport } from "./audit";
import {
  type ColumnMapping,
  checkMapping,
  type ImportMode,
  importableFields,
  suggestMapping,
} from "./mapping";
import type { TextEncoding } from "./parse/sheet-row";
import { previewRows } from "./preview";
import type { ImportOptions } from "./run";
import { formParams, jobParams, jobResponse, previewBody, previewResponse, startBody } from "./schemas";
import { openImportFile, readLimits } from "./source";
import type { ImportWorker } from "./worker";

export interface ImportPluginOptions {
  db: Db;
  config: ServerConfig;
  storage: FileStorage;
  forms: PublishedForms;
  worker: ImportWorker;
}

interface Choice {
  fileId: string;
  encoding?: TextEncoding;
  mapping?: ColumnMapping[];
  mode?: ImportMode;
  keyField?: string;
}

/** Plain numbers stay as typed (a negative number is no formula); other text is escaped as exports are. */
const safeCell = (text: string) => (/^-?\d+(\.\d+)?$/.test(text) ? text : escapeFormula(text));

/** A job seen by a poller as still running when its progress moved this recently (ms). */
const RUNNING_WINDOW_MS = 30_000;

export const importPlugin: FastifyPluginAsync<ImportPluginOptions> = async (
  app,
  { db, config, storage, forms, worker },
) => {
  const limits = readLimits(config);

  const scopeFor = async (principal: Principal, form: PublishedForm) => {
    const scope = await recordScope(db, principal, form, config.timeZone);
    requireAction(scope, "import");
    return scope;
  };

  app.post<{ Params: { form: string }; Body: Choice }>(
    "/api/forms/:form/imports/preview",
    {
      schema: {
        tags: ["records"],
        summary: "Read an uploaded .xlsx/.csv: encoding, headers, suggested mapping and every row checked",
        params: formParams,
        body: previewBody,
        response: { 200: previewResponse },
      },
    },
    async (request) => {
      const principal = currentUser(request);
      const locale = localeOf(request);
      const form = await forms.get(request.params.form);
      const scope = await scopeFor(principal, form);
      const body = request.body;
      const file = await openImportFile(db, storage, body.fileId, principal.userId, body.encoding, limits);
      const { sheet } = file;
      try {
        const fields = importableFields(form).filter(
          (f) => scope.full || scope.editableOnCreate.has(f.id) || scope.editableOnEdit.has(f.id),
        );
        const mapping = body.mapping ?? suggestMapping(sheet.headers, fields);
        const mode = body.mode ?? "insert";
        const keyField = mode === "insert" ? undefined : body.keyField;
        const ready = mapping.length > 0 && (mode === "insert" || keyField !== undefined);
        if (ready) checkMapping(form, scope, sheet.headers, mapping, mode, keyField);
        const preview = ready
          ? await previewRows(
              db,
              {
                form,
                headers: sheet.headers,
                mapping,
                timeZone: config.timeZone,
                keyField,
                mode,
                locale,
                actorId: principal.userId,
              },
              sheet.rows,
              config.imports.batchSize,
            )
          : null;
        return {
          file: { id: file.id, name: file.name, kind: sheet.kind },
          encoding: sheet.encoding,
          detectedEncoding: sheet.detectedEncoding,
          headers: sheet.headers,
          fields: fields.map((f) => ({
            id: f.id,
            label: localize(f.label as Parameters<typeof localize>[0], locale, f.id),
            type: f.type,
            required: (f as { required?: boolean }).required === true,
            key: isKeyField(form, f.id),
          })),
          mapping,
          mode,
          keyField: keyField ?? null,
          preview,
        };
      } finally {
        await sheet.rows.return(undefined);
      }
    },
  );

  app.post<{
    Params: { form: string };
    Body: Required<Omit<Choice, "encoding" | "keyField">> & Choice & { skipBadRows: boolean };
  }>(
    "/api/forms/:form/imports",
    {
      schema: {
        tags: ["records"],
        summary: "Start importing an uploaded file as a background job",
        params: formParams,
        body: startBody,
        response: { 202: jobResponse },
      },
    },
    async (request, reply) => {
      const principal = currentUser(request);
      const form = await forms.get(request.params.form);
      const scope = await scopeFor(principal, form);
      const body = request.body;
      if (body.mode !== "update") requireAction(scope, "create");
      if (body.mode !== "insert") requireAction(scope, "edit");
      const file = await openImportFile(db, storage, body.fileId, principal.userId, body.encoding, limits);
      await file.sheet.rows.return(undefined);
      const keyField = body.mode === "insert" ? undefined : body.keyField;
      checkMapping(form, scope, file.sheet.headers, body.mapping, body.mode, keyField);
      const options: ImportOptions = {
        fileId: file.id,
        fileName: file.name,
        encoding: file.sheet.encoding,
        mapping: body.mapping,
        mode: body.mode,
        ...(keyField !== undefined ? { keyField } : {}),
        skipBadRows: body.skipBadRows,
        locale: localeOf(request),
      };
      const job = await insertImportJob(db, {
        id: newId(),
        formId: form.id,
        fileId: file.id,
        createdBy: principal.userId,
        options: options as unknown as Record<string, unknown>,
      });
      await auditImport(db, request, form, await forms.appIdOf(form.id), options);
      worker.poke();
      return reply.status(202).send(await jobView(job));
    },
  );

  const ownJob = async (principal: Principal, formId: string, jobId: string) => {
    const job = await findImportJob(db, jobId);
    // Someone else's job is as absent as a missing one (administrators see all).
    if (!job || job.formId !== formId || (job.createdBy !== principal.userId && !principal.isAdmin))
      throw new FormworkError("NOT_FOUND", "No such import");
    return job;
  };

  const jobView = async (job: ImportJobRow) => {
    const options = job.options as unknown as ImportOptions;
    const live = worker.live.get(job.id);
    const saved = live || job.status !== "queued" ? null : await findImportProgress(db, job.id);
    const running =
      job.status === "queued" &&
      (live !== undefined || (saved !== null && Date.now() - saved.updatedAt.getTime() < RUNNING_WINDOW_MS));
    const finished = job.status !== "queued";
    return {
      id: job.id,
      formId: job.formId,
      status: running ? "running" : job.status,
      fileName: options.fileName,
      mode: options.mode,
      skipBadRows: options.skipBadRows,
      processed: finished ? job.totalRows : (live?.processed ?? saved?.processed ?? 0),
      total: finished ? job.totalRows : (live?.total ?? saved?.total ?? 0),
      inserted: job.inserted,
      updated: job.updated,
      rejected: job.rejected,
      error: job.error,
      createdAt: job.createdAt.toISOString(),
      finishedAt: job.finishedAt?.toISOString() ?? null,
    };
  };

  app.get<{ Params: { form: string; job: string } }>(
    "/api/forms/:form/imports/:job",
    {
      schema: {
        tags: ["records"],
        summary: "An import job's status and progress",
        params: jobParams,
        response: { 200: jobResponse },
      },
    },
    async (request) => jobView(await ownJob(currentUser(request), request.params.form, request.params.job)),
  );

  app.post<{ Params: { form: string; job: string } }>(
    "/api/forms/:form/imports/:job/cancel",
    {
      schema: {
        tags: ["records"],
        summary: "Stop an import: a queued job never starts, a running one rolls back",
        params: jobParams,
        response: { 200: jobResponse },
      },
    },
    async (request) => {
      const principal = currentUser(request);
      const job = await ownJob(principal, request.params.form, request.params.job);
      if (job.status === "queued" && !(await cancelQueuedImportJob(db, job.id))) {
        // Running somewhere: this process's worker sees the flag at once, another one at its next batch.
        const live = worker.live.get(job.id);
        if (live) live.cancel = true;
        else await saveImportProgress(db, job.id, { processed: 0, total: 0, cancelRequested: true });
      }
      return jobView((await findImportJob(db, job.id)) ?? job);
    },
  );

  app.get<{ Params: { form: string; job: string } }>(
    "/api/forms/:form/imports/:job/rejected",
    {
      schema: {
        tags: ["records"],
        summary: "The rejected rows with their errors, as CSV (streamed)",
        params: jobParams,
      },
    },
    async (request, reply) => {
      const principal = currentUser(request);
      const job = await ownJob(principal, request.params.form, request.params.job);
      const form = await forms.get(job.formId);
      await scopeFor(principal, form);
      const locale = localeOf(request);
      const file = await openImportFile(
        db,
        storage,
        job.fileId,
        job.createdBy,
        (job.options as unknown as ImportOptions).encoding,
        limits,
      ).catch(() => null);
      await file?.sheet.rows.return(undefined);
      const headers = file?.sheet.headers ?? [];
      const stream = new PassThrough();
      stream.write(UTF8_BOM);
      const rowLabel = locale === "en" ? "Row" : "行号";
      const errorLabel = locale === "en" ? "Errors" : "错误原因";
      stream.write(csvLine([rowLabel, ...headers.map(escapeFormula), errorLabel]));
      const pump = async () => {
        let after = 0;
        for (;;) {
          const page = await listImportRejects(db, job.id, after, 1000);
          if (page.length === 0) break;
          const text = page
            .map((r) =>
              csvLine([
                r.rowNumber,
                ...r.cells.map((c) => safeCell(String(c ?? ""))),
                escapeFormula(
                  r.errors.map((e) => (e.column ? `${e.column}: ${e.message}` : e.message)).join("; "),
                ),
              ]),
            )
            .join("");
          if (!stream.write(text)) await new Promise((resolve) => stream.once("drain", resolve));
          after = page[page.length - 1]!.rowNumber;
        }
        stream.end();
      };
      pump().catch((error: unknown) =>
        stream.destroy(error instanceof Error ? error : new Error(String(error))),
      );
      const name = `${localize(form.definition.name, locale, "import")}-rejected.csv`;
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header(
          "content-disposition",
          `attachment; filename="rejected.csv"; filename*=UTF-8''${encodeURIComponent(name)}`,
        )
        .header("cache-control", "no-store")
        .send(stream);
    },
  );
};
