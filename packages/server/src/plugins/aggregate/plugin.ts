// Read-only views over a form's records for dashboards and downloads: aggregations and exports. Every
// route applies the caller's permission scope (plugins/permissions/scope.ts) in SQL.
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { localeOf } from "../../http/locale";
import { currentUser } from "../auth/authenticate";
import type { PublishedForms } from "../records/published-forms";
import { formParams } from "../records/schemas";
import { type AggregateBody, aggregate } from "./aggregate";
import { auditExport } from "./export/audit";
import { type ExportQuery, startExport } from "./export/export";
import { publishedFormByKey } from "./form-by-key";
import { aggregateBody, aggregateResponse, exportQuery } from "./schemas";

export interface AggregatePluginOptions {
  db: Db;
  config: ServerConfig;
  forms: PublishedForms;
}

export const aggregatePlugin: FastifyPluginAsync<AggregatePluginOptions> = async (
  app,
  { db, config, forms },
) => {
  app.post<{ Params: { form: string }; Body: AggregateBody }>(
    "/api/forms/:form/aggregate",
    {
      schema: {
        tags: ["records"],
        summary: "Group and measure records in one SQL query",
        params: formParams,
        body: aggregateBody,
        response: { 200: aggregateResponse },
      },
    },
    async (request) => {
      const form = await forms.get(request.params.form);
      return aggregate(db, currentUser(request), form, request.body, config.timeZone, (key) =>
        publishedFormByKey(db, forms, form.id, key),
      );
    },
  );

  app.get<{ Params: { form: string }; Querystring: ExportQuery }>(
    "/api/forms/:form/export",
    {
      schema: {
        tags: ["records"],
        summary: "Download the records the caller may see as CSV or XLSX (streamed)",
        params: formParams,
        querystring: exportQuery,
      },
    },
    async (request, reply) => {
      const principal = currentUser(request);
      const form = await forms.get(request.params.form);
      const run = await startExport(db, principal, form, request.query, localeOf(request), config.timeZone);
      await auditExport(db, request, form, await forms.appIdOf(form.id), request.query);
      const ascii = `export.${request.query.format}`;
      return reply
        .header(
          "content-type",
          request.query.format === "csv"
            ? "text/csv; charset=utf-8"
            : "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        )
        .header(
          "content-disposition",
          `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(run.fileName)}`,
        )
        .header("cache-control", "no-store")
        .send(run.stream);
    },
  );
};
