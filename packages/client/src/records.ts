import { ApiError } from "./api-error";
import type { PrintView } from "./print";
import { path, type QueryValue, type Send } from "./transport";
import type { FormRecord, QueryResult, RecordQuery, Revision } from "./types";

export type RecordData = Record<string, unknown>;

/** A bulk edit's answer: the records written, and each refused one with why. */
export interface BulkEditOutcome {
  updated: { id: string; version: number }[];
  failed: { id: string; error: ApiError }[];
}

interface BulkEditBody {
  updated: { id: string; version: number }[];
  failed: { id: string; status: number; error: { code: string; message: string; details?: [] } }[];
}

export interface WriteOptions {
  /** Makes a retried submit return the first response instead of creating a second record. */
  idempotencyKey?: string;
}

/** The list endpoint's query string from a typed query. */
export function recordQueryParams(query: RecordQuery): Record<string, QueryValue> {
  return {
    filter: query.filter === undefined ? undefined : JSON.stringify(query.filter),
    sort: query.sort?.length
      ? query.sort.map((key) => (key.direction === "desc" ? `-${key.field}` : key.field)).join(",")
      : undefined,
    limit: query.limit,
    cursor: query.cursor,
    offset: query.offset,
    fields: query.fields?.length ? query.fields.join(",") : undefined,
    q: query.q === undefined || query.q === "" ? undefined : query.q,
    deleted: query.deleted,
    count: query.count,
  };
}

function idempotency(options: WriteOptions | undefined): Record<string, string> | undefined {
  return options?.idempotencyKey ? { "Idempotency-Key": options.idempotencyKey } : undefined;
}

export function recordsApi(send: Send) {
  const records = (formId: string) => path`/api/forms/${formId}/records`;
  const record = (formId: string, id: string) => path`/api/forms/${formId}/records/${id}`;
  return {
    create: (formId: string, data: RecordData, options?: WriteOptions) =>
      send<FormRecord>({
        method: "POST",
        path: records(formId),
        body: { data },
        headers: idempotency(options),
      }),
    /** Creates all or none, in one transaction. */
    createMany: async (formId: string, rows: readonly RecordData[], options?: WriteOptions) =>
      (
        await send<{ records: FormRecord[] }>({
          method: "POST",
          path: records(formId),
          body: rows.map((data) => ({ data })),
          headers: idempotency(options),
        })
      ).records,
    query: (formId: string, query: RecordQuery = {}) =>
      send<QueryResult>({ method: "GET", path: records(formId), query: recordQueryParams(query) }),
    get: (formId: string, id: string) => send<FormRecord>({ method: "GET", path: record(formId, id) }),
    /** Changes the given fields; fails with VERSION_CONFLICT (412) when `version` is no longer current. */
    update: (formId: string, id: string, data: RecordData, version: number) =>
      send<FormRecord>({
        method: "PATCH",
        path: record(formId, id),
        body: { data },
        headers: { "If-Match": `"${version}"` },
      }),
    /**
     * Sets the same values on the given records (or every record a json-logic filter matches) in one
     * request and one transaction; a record that cannot be changed is reported in `failed`, the rest are
     * written. Automations set to fire on bulk edits run.
     */
    updateMany: async (
      formId: string,
      target: { ids: readonly string[] } | { filter: unknown },
      data: RecordData,
    ): Promise<BulkEditOutcome> => {
      const body = await send<BulkEditBody>({
        method: "PATCH",
        path: records(formId),
        body: { ...target, data },
      });
      return {
        updated: body.updated,
        failed: body.failed.map(({ id, status, error }) => ({
          id,
          error: new ApiError(error.code as ApiError["code"], error.message, status, error.details ?? []),
        })),
      };
    },
    /** Moves the record to the recycle bin; with `version`, only if nobody changed it since. */
    remove: (formId: string, id: string, version?: number) =>
      send<FormRecord>({
        method: "DELETE",
        path: record(formId, id),
        headers: version === undefined ? undefined : { "If-Match": `"${version}"` },
      }),
    restore: (formId: string, id: string) =>
      send<FormRecord>({ method: "POST", path: `${record(formId, id)}/restore` }),
    /** Deletes a binned record for good (administrators only). */
    purge: (formId: string, id: string) =>
      send<void>({ method: "DELETE", path: record(formId, id), query: { purge: true } }),
    /** The print view (needs the `print` action). */
    print: (formId: string, id: string) =>
      send<PrintView>({ method: "GET", path: `${record(formId, id)}/print` }),
    history: async (formId: string, id: string) =>
      (await send<{ revisions: Revision[] }>({ method: "GET", path: `${record(formId, id)}/history` }))
        .revisions,
  };
}
