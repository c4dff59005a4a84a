import { type ApiRecord, getRecord, listRevisions, type PublishedForm } from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { FastifyPluginAsync, FastifyReply } from "fastify";
import type { ServerConfig } from "../../config";
import type { Db } from "../../database";
import { localeOf } from "../../http/locale";
import { currentUser } from "../auth/authenticate";
import type { Principal } from "../auth/principal";
import type { FileStorage } from "../files/file-storage";
import { visibleRecord, visibleRevisions } from "../permissions/enforce";
import { recordScope } from "../permissions/scope";
import { type BulkEditBody, bulkEdit } from "./bulk-edit";
import { withCurrentForm } from "./current-form";
import type { RecordEventHub } from "./events";
import { claimOrReplay, parseIdempotencyKey, requestFingerprint } from "./idempotency";
import { etagOf, parseIfMatch } from "./if-match";
import { listFormRecords } from "./list";
import { appliedMinimal, prefersMinimal } from "./prefer";
import type { PublishedForms } from "./published-forms";
import { type ListQueryString, listQuerySchema } from "./query-params";
import { assertRecordAccess, recordPasses } from "./record-access";
import {
  bulkPatchBody,
  bulkPatchResponse,
  createBody,
  deleteQuery,
  formParams,
  historySchema,
  pageSchema,
  patchBody,
  recordParams,
  recordSchema,
} from "./schemas";
import {
  binRecord,
  createRecords,
  patchRecord,
  purgeFromBin,
  type RecordBody,
  restoreFromBin,
  type WriteDeps,
} from "./write-path";

type FormRoute = { Params: { form: string } };
type RecordRoute = { Params: { form: string; id: string } };

export interface RecordsPluginOptions {
  db: Db;
  config: ServerConfig;
  forms: PublishedForms;
  storage: FileStorage;
  events: RecordEventHub;
  recordFlows?: WriteDeps["recordFlows"];
}

/** Records of published forms: create (one or a batch), query, read, update, history, recycle bin. */
export const recordsPlugin: FastifyPluginAsync<RecordsPluginOptions> = async (
  app,
  { db, config, forms, storage, events, recordFlows },
) => {
  const deps: WriteDeps = {
    db,
    events,
    ...(recordFlows ? { recordFlows } : {}),
    timeZone: config.timeZone,
    loadForm: (formId, tx) => forms.get(formId, tx),
    appIdOf: (formId, tx) => forms.appIdOf(formId, tx),
  };
  const withEtag = (reply: FastifyReply, record: { version: number }) =>
    reply.header("etag", etagOf(record.version));
  /** A submitter sees back what the fill form showed them, nothing they may not read. */
  const shownAfterCreate = async (principal: Principal, form: PublishedForm, created: ApiRecord[]) => {
    const scope = await recordScope(db, principal, form, config.timeZone);
    const shown = new Set([...scope.createVisibleFields, ...scope.visibleFields]);
    return created.map((record) => visibleRecord(scope, record, shown));
  };

  app.post<FormRoute & { Body: RecordBody | RecordBody[] }>(
    "/api/forms/:form/records",
    {
      schema: {
        tags: ["records"],
        params: formParams,
        body: createBody,
        headers: {
          type: "object",
          properties: {
            "idempotency-key": { type: "string", description: "replays the first response" },
            prefer: {
              type: "string",
              description:
                "`return=minimal`: answer only `{id, version}` per record (`{records: [...]}` for a batch)",
            },
          },
        },
      },
    },
    async (request, reply) => {
      const principal = currentUser(request);
      const batch = Array.isArray(request.body);
      const bodies = batch ? (request.body as RecordBody[]) : [request.body as RecordBody];
      const bases = batch ? bodies.map((_, i) => `/${i}/data`) : ["/data"];
      const minimal = prefersMinimal(request.headers.prefer);
      const key = parseIdempotencyKey(request.headers["idempotency-key"]);
      const result = await withCurrentForm(forms, request.params.form, async (form) => {
        const create = async (trx?: Db) => {
          const created = await createRecords(deps, principal, form, bodies, bases, localeOf(request), {
            ...(trx ? { trx } : {}),
            returning: minimal ? "refs" : "records",
          });
          const records = minimal ? created : await shownAfterCreate(principal, form, created as ApiRecord[]);
          return { status: 201, body: batch ? { records } : records[0], replayed: false };
        };
        if (key === undefined) return create();
        const fingerprint = requestFingerprint(request.method, request.url, request.body);
        return events.transaction(db, (tx) =>
          claimOrReplay(tx, { scope: principal.userId, key, fingerprint }, () => create(tx)),
        );
      });
      if (result.replayed) reply.header("idempotent-replayed", "true");
      else if (!batch) withEtag(reply, result.body as { version: number });
      if (minimal) appliedMinimal(reply);
      return reply.status(result.status).send(result.body);
    },
  );

  app.get<FormRoute & { Querystring: ListQueryString }>(
    "/api/forms/:form/records",
    {
      schema: {
        tags: ["records"],
        params: formParams,
        querystring: listQuerySchema,
        response: { 200: pageSchema },
      },
    },
    async (request) =>
      listFormRecords(db, forms, currentUser(request), request.params.form, request.query, config.timeZone),
  );

  app.patch<FormRoute & { Body: BulkEditBody }>(
    "/api/forms/:form/records",
    {
      schema: {
        tags: ["records"],
        params: formParams,
        body: bulkPatchBody,
        response: { 200: bulkPatchResponse },
      },
    },
    async (request) =>
      withCurrentForm(forms, request.params.form, (form) =>
        bulkEdit(deps, currentUser(request), form, request.body, localeOf(request)),
      ),
  );

  app.get<RecordRoute>(
    "/api/forms/:form/records/:id",
    { schema: { tags: ["records"], params: recordParams, response: { 200: recordSchema } } },
    async (request, reply) => {
      const principal = currentUser(request);
      const form = await forms.get(request.params.form);
      const record = await readRecord(db, principal, form, request.params.id);
      const scope = await recordScope(db, principal, form, config.timeZone);
      return withEtag(reply, record).send(visibleRecord(scope, record));
    },
  );

  app.patch<RecordRoute & { Body: RecordBody }>(
    "/api/forms/:form/records/:id",
    {
      schema: {
        tags: ["records"],
        params: recordParams,
        body: patchBody,
        headers: { type: "object", properties: { "if-match": { type: "string" } } },
        response: { 200: recordSchema },
      },
    },
    async (request, reply) => {
      const expected = parseIfMatch(request.headers["if-match"], true)!;
      const principal = currentUser(request);
      const { form, record } = await withCurrentForm(forms, request.params.form, async (form) => ({
        form,
        record: await patchRecord(
          deps,
          principal,
          form,
          request.params.id,
          request.body,
          expected,
          localeOf(request),
        ),
      }));
      const scope = await recordScope(db, principal, form, config.timeZone);
      return withEtag(reply, record).send(visibleRecord(scope, record));
    },
  );

  app.delete<RecordRoute & { Querystring: { purge: boolean } }>(
    "/api/forms/:form/records/:id",
    { schema: { tags: ["records"], params: recordParams, querystring: deleteQuery } },
    async (request, reply) => {
      const principal = currentUser(request);
      const form = await forms.get(request.params.form);
      if (request.query.purge) {
        if (!principal.isAdmin) throw new FormworkError("FORBIDDEN", "Only administrators may purge records");
        const paths = await purgeFromBin(deps, principal, form, request.params.id);
        await Promise.all(paths.map((path) => storage.remove(path)));
        return reply.status(204).send();
      }
      const expected = parseIfMatch(request.headers["if-match"], false);
      const record = await binRecord(deps, principal, form, request.params.id, expected);
      const scope = await recordScope(db, principal, form, config.timeZone);
      return withEtag(reply, record).status(200).send(visibleRecord(scope, record));
    },
  );

  app.post<RecordRoute>(
    "/api/forms/:form/records/:id/restore",
    { schema: { tags: ["records"], params: recordParams, response: { 200: recordSchema } } },
    async (request, reply) => {
      const form = await forms.get(request.params.form);
      const principal = currentUser(request);
      const record = await restoreFromBin(deps, principal, form, request.params.id);
      const scope = await recordScope(db, principal, form, config.timeZone);
      return withEtag(reply, record).send(visibleRecord(scope, record));
    },
  );

  app.get<RecordRoute>(
    "/api/forms/:form/records/:id/history",
    { schema: { tags: ["records"], params: recordParams, response: { 200: historySchema } } },
    async (request) => {
      const principal = currentUser(request);
      const form = await forms.get(request.params.form);
      const scope = await recordScope(db, principal, form, config.timeZone);
      if (!(await recordPasses(db, principal, form, request.params.id, "read"))) {
        throw new FormworkError("NOT_FOUND", "No such record");
      }
      return { revisions: visibleRevisions(scope, await listRevisions(db, form, request.params.id)) };
    },
  );
};

/** One live record the caller may read, through the same access predicate as lists. */
async function readRecord(db: Db, principal: Principal, form: PublishedForm, id: string): Promise<ApiRecord> {
  const record = await getRecord(db, form, id);
  if (!record) throw new FormworkError("NOT_FOUND", "No such record");
  await assertRecordAccess(db, principal, form, id, "read");
  return record;
}
