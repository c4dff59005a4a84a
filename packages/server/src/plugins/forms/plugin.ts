import type { FormDefinition } from "@formwork/schema";
import type { FastifyPluginAsync } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { etagOf, parseIfMatch } from "../../http/if-match";
import { getApp } from "../apps/apps-store";
import { currentUser } from "../auth/authenticate";
import { requireSomeRight } from "../permissions/enforce";
import { recordScope } from "../permissions/scope";
import type { PublishedForms } from "../records/published-forms";
import { createForm, getForm, getVersion, listVersions, saveDraft } from "./forms-store";
import { publishDraft } from "./publish";
import {
  appParams,
  formDefinitionBody,
  formParams,
  formSchema,
  versionParams,
  versionsResponse,
} from "./schemas";

type FormParams = { Params: { form: string } };

/**
 * Form drafts, publishing and versions. Admins and the app's admins design, publish and read drafts and
 * the version list; a published version (what the fill and data pages render) is also for the members
 * holding some right on the form. A closed form's labels and formulas are nobody else's business.
 */
export const formsPlugin: FastifyPluginAsync<{
  db: Db;
  forms: PublishedForms;
  config: ServerConfig;
}> = async (app, { db, forms, config }) => {
  app.post<{ Params: { app: string }; Body: FormDefinition }>(
    "/api/apps/:app/forms",
    {
      config: { auth: "appAdmin" },
      schema: { tags: ["forms"], params: appParams, body: formDefinitionBody, response: { 201: formSchema } },
    },
    async (request, reply) => {
      const owner = await getApp(db, request.params.app);
      return reply
        .status(201)
        .send(await createForm(db, owner.id, request.body, currentUser(request).userId));
    },
  );

  app.get<FormParams>(
    "/api/forms/:form",
    {
      config: { auth: "appAdmin" },
      schema: { tags: ["forms"], params: formParams, response: { 200: formSchema } },
    },
    async (request, reply) => {
      const form = await getForm(db, request.params.form);
      return reply.header("etag", etagOf(form.revision)).send(form);
    },
  );

  app.put<FormParams & { Body: FormDefinition }>(
    "/api/forms/:form",
    {
      config: { auth: "appAdmin" },
      schema: {
        tags: ["forms"],
        params: formParams,
        body: formDefinitionBody,
        headers: { type: "object", properties: { "if-match": { type: "string" } } },
        response: { 200: formSchema },
      },
    },
    async (request, reply) => {
      // Optional for API scripts that replace a draft outright; the designer always sends it.
      const expected = parseIfMatch(request.headers["if-match"], false, "draft");
      const form = await saveDraft(db, request.params.form, request.body, expected);
      const { userId, name } = currentUser(request);
      app.realtime.formChanged({
        formId: form.id,
        kind: "draft",
        revision: form.revision,
        by: { id: userId, name },
      });
      return reply.header("etag", etagOf(form.revision)).send(form);
    },
  );

  app.post<FormParams>(
    "/api/forms/:form/publish",
    {
      config: { auth: "appAdmin" },
      schema: {
        tags: ["forms"],
        params: formParams,
        response: { 200: { type: "object", properties: { version: { type: "integer" } } } },
      },
    },
    async (request) => {
      const published = await publishDraft(db, request.params.form, currentUser(request).userId);
      // Committed: the records path of this process uses the new version from the next request on.
      app.publishedForms.forget(request.params.form);
      const { userId, name } = currentUser(request);
      app.realtime.formChanged({
        formId: request.params.form,
        kind: "published",
        version: published.version,
        by: { id: userId, name },
      });
      return published;
    },
  );

  app.get<FormParams>(
    "/api/forms/:form/versions",
    {
      config: { auth: "appAdmin" },
      schema: { tags: ["forms"], params: formParams, response: { 200: versionsResponse } },
    },
    async (request) => {
      const form = await getForm(db, request.params.form);
      return { versions: await listVersions(db, form.id) };
    },
  );

  app.get<{ Params: { form: string; version: number } }>(
    "/api/forms/:form/versions/:version",
    { schema: { tags: ["forms"], params: versionParams } },
    async (request) => {
      const form = await getForm(db, request.params.form);
      const version = await getVersion(db, form.id, request.params.version);
      const principal = currentUser(request);
      if (!principal.isAdmin) {
        // A version exists, so the form is published: rights are its current publication's, whichever
        // version is asked for.
        requireSomeRight(await recordScope(db, principal, await forms.get(form.id), config.timeZone));
      }
      return version;
    },
  );
};
