// Read-only views over a form's records for dashboards and downloads: aggregations and exports. Every
// route applies the caller's permission scope (plugins/permissions/scope.ts) in SQL.
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { currentUser } from "../auth/authenticate";
import type { PublishedForms } from "../records/published-forms";
import { formParams } from "../records/schemas";
import { type AggregateBody, aggregate } from "./aggregate";
import { aggregateBody, aggregateResponse } from "./schemas";

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
    async (request) =>
      aggregate(
        db,
        currentUser(request),
        await forms.get(request.params.form),
        request.body,
        config.timeZone,
      ),
  );
};
