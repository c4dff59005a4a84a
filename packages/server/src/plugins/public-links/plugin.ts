// Public links (issue 6 item 5). Admins of a form's app create fill links (anonymous submissions of the
// link's fields through the records write path, created_by NULL) and query links (exact-match lookup on
// chosen fields, chosen fields shown). Visitors use /api/public/...: an invalid, expired, disabled or
// used-up token always gets the same 404, from the same single indexed lookup.
import { filterScopeFor, newId, type PublishedForm, queryRecords } from "@formwork/db";
import { compileFilter } from "@formwork/expressions";
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync, FastifyRequest } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { localeOf } from "../../http/locale";
import { requestActor, writeAudit } from "../audit/audit-store";
import { currentUser } from "../auth/authenticate";
import { hashPassword, verifyPassword } from "../auth/password";
import { keyedLimiter } from "../auth/rate-limits";
import { canManageForm } from "../permissions/plugin";
import type { RecordEventHub } from "../records/events";
import type { PublishedForms } from "../records/published-forms";
import { createRecords, type WriteDeps } from "../records/write-path";
import { countSubmission, createLink, linkFormId, listLinks, liveLink, setLinkDisabled } from "./links-store";
import { checkPublicFields, publicCapable, publicDefinition } from "./public-fields";
import {
  type CreateLinkBody,
  createLinkBody,
  formParams,
  linkInfoSchema,
  linkParams,
  publicQueryBody,
  publicSubmitBody,
  tokenParams,
} from "./schemas";

const QUERY_LIMIT = 20;

export interface PublicLinksOptions {
  db: Db;
  config: ServerConfig;
  forms: PublishedForms;
  events: RecordEventHub;
  /** Starts the form's flow for a public submission (no initiator), in its transaction. */
  recordFlows?: WriteDeps["recordFlows"];
}

const unavailable = () =>
  new FormworkError("NOT_FOUND", "This link does not exist or is no longer available");

export const publicLinksPlugin: FastifyPluginAsync<PublicLinksOptions> = async (
  app,
  { db, config, forms, events, recordFlows },
) => {
  const deps: WriteDeps = {
    db,
    events,
    ...(recordFlows ? { recordFlows } : {}),
    timeZone: config.timeZone,
    loadForm: (formId, tx) => forms.get(formId, tx),
    appIdOf: (formId, tx) => forms.appIdOf(formId, tx),
  };
  const perIp = keyedLimiter(
    app,
    config.rateLimits.publicPerIp,
    config.rateLimits.windowSeconds,
    (r) => `public:${r.ip}`,
  );
  const limited = async (request: FastifyRequest) => {
    if (config.rateLimits.enabled) await perIp(request);
  };

  const managed = async (request: FastifyRequest, formId: string) => {
    const form = await forms.get(formId);
    if (!(await canManageForm(db, forms, currentUser(request), formId))) {
      throw new FormworkError("FORBIDDEN", "Only administrators of this app manage its public links");
    }
    return form;
  };

  app.post<{ Params: { form: string }; Body: CreateLinkBody }>(
    "/api/forms/:form/public-links",
    {
      schema: {
        tags: ["public links"],
        params: formParams,
        body: createLinkBody,
        response: { 201: linkInfoSchema },
      },
    },
    async (request, reply) => {
      const form = await managed(request, request.params.form);
      const body = request.body;
      const displayFields = body.displayFields ?? (body.kind === "fill" ? publicCapable(form) : []);
      const queryFields = body.kind === "query" ? (body.queryFields ?? []) : [];
      if (body.kind === "query" && queryFields.length === 0) {
        throw new FormworkError("VALIDATION_FAILED", "A query link needs at least one condition field", [
          { path: "/queryFields", message: "required" },
        ]);
      }
      if (displayFields.length === 0) {
        throw new FormworkError("VALIDATION_FAILED", "Choose the fields the link shows", [
          { path: "/displayFields", message: "required" },
        ]);
      }
      checkPublicFields(form, displayFields, "/displayFields");
      checkPublicFields(form, queryFields, "/queryFields");
      if (body.expiresAt !== undefined && Date.parse(body.expiresAt) <= Date.now()) {
        throw new FormworkError("VALIDATION_FAILED", "The expiry is in the past", [
          { path: "/expiresAt", message: "in the past" },
        ]);
      }
      const passwordHash = body.password === undefined ? null : await hashPassword(body.password);
      const { token, info } = await db.transaction().execute(async (trx) => {
        const made = await createLink(trx, {
          id: newId(),
          formId: form.id,
          kind: body.kind,
          name: body.name,
          passwordHash,
          expiresAt: body.expiresAt ?? null,
          maxSubmissions: body.kind === "fill" ? (body.maxSubmissions ?? null) : null,
          queryFields,
          displayFields,
          createdBy: currentUser(request).userId,
        });
        await writeAudit(trx, {
          ...requestActor(request),
          action: `publicLink.create`,
          targetId: made.info.id,
          detail: { formId: form.id, kind: body.kind },
        });
        return made;
      });
      return reply.status(201).send({ ...info, token });
    },
  );

  app.get<{ Params: { form: string } }>(
    "/api/forms/:form/public-links",
    { schema: { tags: ["public links"], params: formParams } },
    async (request) => {
      await managed(request, request.params.form);
      return { links: await listLinks(db, request.params.form) };
    },
  );

  for (const [path, disabled] of [
    ["disable", true],
    ["enable", false],
  ] as const) {
    app.post<{ Params: { id: string } }>(
      `/api/public-links/:id/${path}`,
      { schema: { tags: ["public links"], params: linkParams, response: { 200: linkInfoSchema } } },
      async (request) => {
        const formId = await linkFormId(db, request.params.id);
        if (!formId) throw new FormworkError("NOT_FOUND", "No such link");
        await managed(request, formId);
        return db.transaction().execute(async (trx) => {
          const info = await setLinkDisabled(trx, request.params.id, disabled);
          await writeAudit(trx, {
            ...requestActor(request),
            action: `publicLink.${path}`,
            targetId: info.id,
            detail: { formId },
          });
          return info;
        });
      },
    );
  }

  /** The live link and its form, after the per-IP limit and the password. */
  const open = async (request: FastifyRequest, kind: "fill" | "query", token: string, password?: string) => {
    await limited(request);
    const link = await liveLink(db, kind, token);
    if (!link) throw unavailable();
    if (link.passwordHash !== null) {
      if (password === undefined) throw new FormworkError("UNAUTHENTICATED", "This link asks for a password");
      if (!(await verifyPassword(password, link.passwordHash)))
        throw new FormworkError("INVALID_CREDENTIALS", "Wrong password");
    }
    let form: PublishedForm;
    try {
      form = await forms.get(link.formId);
    } catch {
      throw unavailable();
    }
    return { link, form };
  };
  const passwordHeader = (request: FastifyRequest) => {
    const value = request.headers["x-link-password"];
    return typeof value === "string" ? value : undefined;
  };

  app.get<{ Params: { token: string } }>(
    "/api/public/forms/:token",
    { config: { auth: "public" }, schema: { tags: ["public links"], params: tokenParams } },
    async (request) => {
      const { link, form } = await open(request, "fill", request.params.token, passwordHeader(request));
      return { definition: publicDefinition(form, link.displayFields) };
    },
  );

  app.post<{ Params: { token: string }; Body: { data: Record<string, unknown>; password?: string } }>(
    "/api/public/forms/:token/records",
    {
      config: { auth: "public" },
      schema: { tags: ["public links"], params: tokenParams, body: publicSubmitBody },
    },
    async (request, reply) => {
      const { link, form } = await open(request, "fill", request.params.token, request.body.password);
      const fields = new Set(link.displayFields);
      const [created] = await events.transaction(db, async (trx) => {
        // Counted first: the row lock makes concurrent submitters wait, so the cap holds exactly.
        if (!(await countSubmission(trx, link.id))) throw unavailable();
        return createRecords(
          deps,
          { public: true, fields },
          form,
          [{ data: request.body.data }],
          ["/data"],
          localeOf(request),
          {
            trx,
            returning: "refs",
          },
        );
      });
      return reply.status(201).send({ id: created!.id });
    },
  );

  app.post<{ Params: { token: string }; Body: { conditions: Record<string, unknown>; password?: string } }>(
    "/api/public/query/:token",
    {
      config: { auth: "public" },
      schema: { tags: ["public links"], params: tokenParams, body: publicQueryBody },
    },
    async (request) => {
      const { link, form } = await open(request, "query", request.params.token, request.body.password);
      const conditions = request.body.conditions;
      const problems = [
        ...link.queryFields
          .filter((id) => !Object.hasOwn(conditions, id) || conditions[id] === null || conditions[id] === "")
          .map((id) => ({ path: `/conditions/${id}`, message: "required" })),
        ...Object.keys(conditions)
          .filter((id) => !link.queryFields.includes(id))
          .map((id) => ({ path: `/conditions/${id}`, message: "not a condition of this link" })),
        ...Object.entries(conditions)
          .filter(([, value]) => typeof value === "object" && value !== null)
          .map(([id]) => ({ path: `/conditions/${id}`, message: "an exact value is expected" })),
      ];
      if (problems.length)
        throw new FormworkError("VALIDATION_FAILED", "Give an exact value for every condition", problems);
      const filter = { and: link.queryFields.map((id) => ({ "==": [{ var: id }, conditions[id]] })) };
      const compiled = compileFilter(
        filter,
        filterScopeFor(form, { now: new Date(), timeZone: config.timeZone }),
      );
      if (!compiled.ok) {
        throw new FormworkError(
          "INVALID_FILTER",
          compiled.errors[0]?.message ?? "invalid condition",
          compiled.errors.map((e) => ({ path: "/conditions", message: e.message })),
        );
      }
      const page = await queryRecords(db, form, {
        filter: compiled.expr,
        filterFields: link.queryFields,
        fields: link.displayFields,
        limit: QUERY_LIMIT,
      });
      return {
        fields: publicDefinition(form, link.displayFields).fields,
        records: page.records.map((record) => ({ data: record.data })),
      };
    },
  );
};
