// The one write path for records (API, imports, bulk edits, automations): prepare every record with the
// fields pipeline, then — in one transaction, or in one statement when that is all a create needs —
// check references, insert or update with serial numbers and unique indexes enforced by the database,
// attach files and write the revision. A client that disconnects mid-request cannot leave half of it
// behind: it commits whole or not at all.
import {
  type ApiRecord,
  deleteRecord,
  getRecord,
  type InsertPart,
  insertNeedsTransaction,
  insertRecords,
  inTransaction,
  type PublishedForm,
  purgeRecord,
  type RecordRef,
  restoreRecord,
  updateRecord,
} from "@formwork/db";
import { FormworkError, type Locale, pointerSegment } from "@formwork/schema";
import type { RawBuilder } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import { checkWritableFields, forbiddenField, requireAction } from "../permissions/enforce";
import { type RecordScope, recordScope } from "../permissions/scope";
import type { ChangeOrigin, RecordChange, RecordEventHub } from "./events";
import { applyLinkFills } from "./link-fill";
import { type LinkageLookup, resolveLinkages } from "./linkage";
import { createInOneStatement } from "./one-statement";
import { type PrepareContext, type Prepared, type PrepareInput, prepareAll } from "./prepare";
import { checkQuotas, hasQuotas } from "./quotas";
import { assertRecordAccess, recordPasses } from "./record-access";
import { attachFiles, checkReferences, findReferences, hasReferences } from "./references";

export interface WriteDeps {
  db: Db;
  timeZone: string;
  /** The form's app, for resolving link fields' target forms by key. */
  appIdOf: (formId: string, db: Db) => Promise<string>;
  loadForm: (formId: string, db: Db) => Promise<PublishedForm>;
  /** Every change is emitted through it (automations, webhooks, realtime listen there). */
  events: RecordEventHub;
  /** Starts and ends the flows of a form that has one (the workflow's runtime); see RecordFlows. */
  recordFlows?: RecordFlows;
}

/**
 * How record writes reach their flows. Creates start them: `principal` is null for a public fill-link
 * submission. Either `start` runs in the creating transaction after the records are written, or — when
 * the insert is one statement and nothing else needs a transaction — `prepare` steps the flow before the
 * insert and its rows are written by the insert's own statement (one round trip instead of BEGIN, insert,
 * flow write, COMMIT). Deletes end them (`recordDeleted`).
 */
export interface RecordFlows {
  /**
   * Before a record goes to the recycle bin, in the deleting transaction: a running flow of it ends
   * (pending tasks and timers cancelled, the reason logged, the initiator told). `actorId` null: an
   * automation without a user.
   */
  recordDeleted(tx: Db, form: PublishedForm, record: ApiRecord, actorId: string | null): Promise<void>;
  start(tx: Db, form: PublishedForm, records: ApiRecord[], principal: Principal | null): Promise<void>;
  prepare(
    db: Db,
    form: PublishedForm,
    drafts: { id: string; data: Record<string, unknown> }[],
    principal: Principal | null,
    now: Date,
  ): Promise<PreparedStart | null>;
}

/** A flow start stepped before its records exist (RecordFlows.prepare). */
export interface PreparedStart {
  /** Each draft's flow status (the same order), written by its insert. */
  statuses: string[];
  /** The start's writes as CTEs of the insert's statement, writing nothing unless `inserted` holds. */
  parts: (inserted: RawBuilder<boolean>) => InsertPart[];
  /** After the statement: the flows' events (started, tasks handed out). */
  emit(db: Db): Promise<void>;
}

/**
 * An anonymous submitter through a public fill link: may set only `fields`; the record has no creator
 * or owner (created_by NULL). A form with a flow starts it with no initiator (as Jiandaoyun does): the
 * nodes whose assignees depend on the initiator fall back to the app's admins (or pass, per the node).
 */
export interface PublicSubmitter {
  public: true;
  fields: ReadonlySet<string>;
}

/** Stands in for the user in the fields pipeline and file checks: no user or upload has this id. */
export const NO_USER = "00000000-0000-0000-0000-000000000000";

export interface RecordBody {
  data: Record<string, unknown>;
}

/** What a create answers: whole records, or only ids and versions (`Prefer: return=minimal`). */
export type CreateReturning = "records" | "refs";

/**
 * Creates one record or a batch; `bases` are the JSON pointers of each body's `data` for error details.
 * When the records refer to nothing (no links, members or files to check) and need no lookups, the
 * create is insertRecords alone: one statement, atomic by itself, or its own transaction when serial
 * numbers or sub-form rows add statements; a flow the records start is stepped first and written by
 * that one statement too (RecordFlows.prepare), unless the insert takes several. Otherwise everything
 * shares one transaction.
 */
export async function createRecords(
  deps: WriteDeps,
  writer: Principal | PublicSubmitter,
  form: PublishedForm,
  bodies: RecordBody[],
  bases: string[],
  locale: Locale,
  options: {
    trx?: Db;
    returning?: CreateReturning;
    origin?: Omit<ChangeOrigin, "actor">;
    /** Who starts the form's flow when not the writer (an automation's trigger actor; null: nobody). */
    initiator?: Principal | null;
  } = {},
): Promise<ApiRecord[] | RecordRef[]> {
  const now = new Date();
  const events = deps.events;
  const inputs = bodies.map((body, i) => ({ base: bases[i] ?? "/data", data: body.data }));
  const principal = "public" in writer ? null : writer;
  const scope = principal ? await recordScope(options.trx ?? deps.db, principal, form, deps.timeZone) : null;
  if (scope) {
    requireAction(scope, "create");
    for (const input of inputs) checkWritableFields(scope, "create", input.data, input.base);
  } else if ("public" in writer) {
    for (const input of inputs) checkPublicFields(writer.fields, input.data, input.base);
  }
  const actorId = principal?.userId ?? NO_USER;
  // The record's department is its owner's primary one: what "the owner's department" rules read, and
  // what a department field defaulting to the current department starts from.
  const deptId = scope?.org?.primaryDepartmentId ?? null;
  const ctx = { now, actorId, timeZone: deps.timeZone, locale, deptId };
  const firstPass = prepareAll(form, inputs, ctx);
  const writeCtx = { actorId: principal?.userId ?? null, now, timeZone: deps.timeZone };
  const refsOnly = options.returning === "refs";
  const rows = (datas: Record<string, unknown>[]) => datas.map((data) => ({ data, deptId }));
  // A form whose definition has no flow has nothing to start.
  const starter = form.definition.flow !== undefined ? deps.recordFlows : undefined;
  const startsFlows = starter !== undefined;
  // Who starts the form's flow: the writer, unless the caller names someone else (or nobody).
  const initiator = options.initiator !== undefined ? options.initiator : principal;
  const origin: ChangeOrigin = {
    actor: principal,
    source: options.origin?.source ?? ("public" in writer ? "public" : "api"),
    depth: options.origin?.depth ?? 0,
  };
  const emitCreated = async (db: Db, records: ApiRecord[]) => {
    const appId = await deps.appIdOf(form.id, db);
    for (const record of records) {
      await events.emitRecord(db, { kind: "created", appId, formId: form.id, form, record, ...origin });
    }
  };

  const emitCreatedIds = async (db: Db, refs: { id: string }[]) =>
    events.emitChangedIds(db, {
      kind: "created",
      appId: await deps.appIdOf(form.id, db),
      formId: form.id,
      recordIds: refs.map((r) => r.id),
    });

  const db = options.trx ?? deps.db;
  // Interested in-transaction listeners that can fold their work into the insert's statement ([]: none
  // listens; null: one needs the transaction).
  const planners = await events.plannersFor(form.id, db);
  const listened = planners === null || planners.length > 0;
  const quotas = hasQuotas(form);
  const oneStatement = !startsFlows || !insertNeedsTransaction(form, rows(firstPass.map((p) => p.data)));
  if (oneStatement && !needsLookups(form, firstPass) && planners !== null && !quotas) {
    const datas = firstPass.map((p) => p.data);
    const found = findReferences(
      form.definition.fields,
      datas.map((data, i) => ({ base: inputs[i]!.base, data })),
    );
    if (!hasReferences(found) && (starter || listened)) {
      const records = await createInOneStatement({
        db,
        deps,
        form,
        datas,
        deptId,
        writeCtx,
        origin,
        starter,
        initiator,
        planners,
      });
      if (records) return refsOnly ? records.map(({ id, version }) => ({ id, version })) : records;
    } else if (!hasReferences(found)) {
      // Nobody reacts inside the transaction: one statement; whole records only when somebody wants
      // them after the commit.
      if (refsOnly && !events.wantsCommittedRecords(db)) {
        const refs = await insertRecords(db, form, rows(datas), writeCtx, { returning: "refs" });
        await emitCreatedIds(db, refs);
        return refs;
      }
      const records = await insertRecords(db, form, rows(datas), writeCtx);
      await emitCreated(db, records);
      return refsOnly ? records.map(({ id, version }) => ({ id, version })) : records;
    }
  }
  // Re-runnable: everything below starts over from `inputs` and `firstPass`, which it does not change.
  return events.transaction(
    options.trx ?? deps.db,
    async (tx) => {
      const appId = await deps.appIdOf(form.id, tx);
      const prepared = await withLinkages(
        {
          db: tx,
          appId,
          timeZone: deps.timeZone,
          loadForm: deps.loadForm,
          // Automations write as the system; a public submitter reads nothing of other forms.
          ...(principal ? { reader: principal } : origin.source === "public" ? { reader: null } : {}),
        },
        form,
        inputs,
        firstPass,
        ctx,
      );
      const fileIds = await checkReferences(
        { db: tx, form, appId, actorId, recordId: null, loadForm: deps.loadForm },
        prepared.map((data, i) => ({ base: inputs[i]!.base, data })),
      );
      const writes = prepared.map((data, i) => ({ data, base: inputs[i]!.base }));
      if (refsOnly && !startsFlows && !listened && !events.wantsCommittedRecords(tx)) {
        const refs = await insertRecords(tx, form, rows(prepared), writeCtx, { returning: "refs" });
        await emitCreatedIds(tx, refs);
        for (const [i, ref] of refs.entries()) await attachFiles(tx, form.id, ref.id, fileIds[i] ?? []);
        if (quotas) await checkQuotas(tx, form, writes, ctx);
        return refs;
      }
      const records = await insertRecords(tx, form, rows(prepared), writeCtx);
      if (quotas) await checkQuotas(tx, form, writes, ctx);
      for (const [i, record] of records.entries())
        await attachFiles(tx, form.id, record.id, fileIds[i] ?? []);
      if (starter) await starter.start(tx, form, records, initiator);
      await emitCreated(tx, records);
      return refsOnly ? records.map(({ id, version }) => ({ id, version })) : records;
    },
    { rerunnable: true },
  );
}

/** A public submitter names only the link's fields (system keys of an echoed record are dropped later). */
function checkPublicFields(fields: ReadonlySet<string>, data: Record<string, unknown>, base: string): void {
  for (const key of Object.keys(data)) {
    if (!fields.has(key)) throw forbiddenField(`${base}/${pointerSegment(key)}`, key);
  }
}

/** Whether preparing the records left lookups to the server: data-linkage defaults or link fill rules. */
export function needsLookups(form: PublishedForm, firstPass: Prepared[]): boolean {
  return hasLinkFills(form) || firstPass.some((p) => p.pending.length > 0);
}

function hasLinkFills(form: PublishedForm): boolean {
  return form.definition.fields.some((f) => f.type === "link" && f.fill?.length);
}

/**
 * Applies a partial change: the pipeline merges the patch over the current data and prepares the whole
 * record again (display rules and formulas may depend on fields the patch did not touch); only the fields
 * whose values changed are written.
 */
export async function patchRecord(
  deps: WriteDeps,
  principal: Principal,
  form: PublishedForm,
  id: string,
  body: RecordBody,
  expectedVersion: number,
  locale: Locale,
): Promise<ApiRecord> {
  const now = new Date();
  const scope = await recordScope(deps.db, principal, form, deps.timeZone);
  requireAction(scope, "edit");
  // Re-runnable: the record is read again inside.
  return deps.events.transaction(
    deps.db,
    async (tx) =>
      editInTransaction({ ...deps, db: tx }, principal, scope, form, id, body.data, locale, {
        expectedVersion,
        now,
      }),
    { rerunnable: true },
  );
}

/**
 * An edit in the caller's transaction (`deps.db`), with every check of a PATCH: the record exists and is
 * within the editor's row scope, not in a running flow (unless the editor manages data), the fields
 * are writable, the version matches when one is expected, and the result stays within the scope.
 * Imports update through this, a batch of records in one transaction.
 */
export async function editInTransaction(
  deps: WriteDeps,
  principal: Principal,
  scope: RecordScope,
  form: PublishedForm,
  id: string,
  data: Record<string, unknown>,
  locale: Locale,
  options: { expectedVersion?: number; now?: Date; base?: string; origin?: Omit<ChangeOrigin, "actor"> } = {},
): Promise<ApiRecord> {
  const tx = deps.db;
  const now = options.now ?? new Date();
  const current = await getWritable(tx, principal, form, id);
  refuseInFlow(principal, scope, current, "edit");
  checkWritableFields(scope, "edit", data, options.base ?? "/data", current.data);
  if (options.expectedVersion !== undefined && current.version !== options.expectedVersion) {
    throw new FormworkError(
      "VERSION_CONFLICT",
      `The record changed since it was read (now version ${current.version})`,
      [{ path: "/headers/if-match", message: `current version is ${current.version}` }],
    );
  }
  const origin: ChangeOrigin = {
    actor: principal,
    source: options.origin?.source ?? "api",
    depth: options.origin?.depth ?? 0,
  };
  const updated = await writePatch(
    deps,
    principal.userId,
    form,
    current,
    data,
    locale,
    now,
    origin,
    options.base,
  );
  // An edit may not move a record out of the editor's row scope (it would vanish from their reach
  // mid-edit, and row scopes would be escapable by editing): refused, and the transaction rolls back.
  if (scope.where("edit") !== null && !(await recordPasses(tx, principal, form, id, "write"))) {
    throw new FormworkError("FORBIDDEN", "The change would move the record out of the records you may edit", [
      { path: options.base ?? "/data", message: "outside your row permissions after the change" },
    ]);
  }
  return updated;
}

/**
 * Prepares `data` merged over the stored record and writes the fields that changed (with files and the
 * revision), in the caller's transaction; no access or version check. Also what a workflow node's
 * accepted field edits go through.
 */
export async function writePatch(
  deps: WriteDeps,
  actorId: string,
  form: PublishedForm,
  current: ApiRecord,
  data: Record<string, unknown>,
  locale: Locale,
  now = new Date(),
  origin: ChangeOrigin = { actor: null, source: "workflow", depth: 0 },
  base = "/data",
): Promise<ApiRecord> {
  const tx = deps.db;
  const [prepared] = prepareAll(form, [{ base, data, existing: current.data }], {
    now,
    actorId,
    timeZone: deps.timeZone,
    locale,
  });
  const changed = changedFields(form, current.data, prepared?.data ?? {});
  const fileIds = await checkReferences(
    {
      db: tx,
      form,
      appId: await deps.appIdOf(form.id, tx),
      actorId,
      recordId: current.id,
      loadForm: deps.loadForm,
    },
    [{ base, data: changed }],
  );
  const updated = await updateRecord(
    tx,
    form,
    current.id,
    { data: changed, expectedVersion: current.version },
    { actorId, now },
  );
  await attachFiles(tx, form.id, current.id, fileIds[0] ?? []);
  if (hasQuotas(form)) {
    const writes = [{ data: updated.data, base, changed: Object.keys(changed) }];
    await checkQuotas(tx, form, writes, { now, timeZone: deps.timeZone, locale });
  }
  await emitChange(deps, tx, form, "updated", updated, origin, {
    before: current,
    changedFields: Object.keys(changed),
  });
  return updated;
}

/** Emits one change of a record through the events hub, in `tx`. */
export async function emitChange(
  deps: WriteDeps,
  tx: Db,
  form: PublishedForm,
  kind: RecordChange["kind"],
  record: ApiRecord,
  origin: ChangeOrigin,
  extra: Pick<RecordChange, "before" | "changedFields"> = {},
): Promise<void> {
  const appId = await deps.appIdOf(form.id, tx);
  await deps.events.emitRecord(tx, { kind, appId, formId: form.id, form, record, ...extra, ...origin });
}

export async function binRecord(
  deps: WriteDeps,
  principal: Principal,
  form: PublishedForm,
  id: string,
  expectedVersion: number | undefined,
): Promise<ApiRecord> {
  const scope = await recordScope(deps.db, principal, form, deps.timeZone);
  requireAction(scope, "delete");
  return deps.events.transaction(deps.db, async (tx) => {
    const current = await getWritable(tx, principal, form, id, "delete");
    refuseInFlow(principal, scope, current, "delete");
    await deps.recordFlows?.recordDeleted(tx, form, current, principal.userId);
    const deleted = await deleteRecord(
      tx,
      form,
      id,
      { actorId: principal.userId },
      expectedVersion === undefined ? {} : { expectedVersion },
    );
    await emitChange(deps, tx, form, "deleted", deleted, { actor: principal, source: "api", depth: 0 });
    return deleted;
  });
}

export async function restoreFromBin(
  deps: WriteDeps,
  principal: Principal,
  form: PublishedForm,
  id: string,
): Promise<ApiRecord> {
  requireAction(await recordScope(deps.db, principal, form, deps.timeZone), "delete");
  return deps.events.transaction(deps.db, async (tx) => {
    await assertRecordAccess(tx, principal, form, id, "delete");
    const restored = await restoreRecord(tx, form, id, { actorId: principal.userId });
    await emitChange(deps, tx, form, "restored", restored, { actor: principal, source: "api", depth: 0 });
    return restored;
  });
}

/** Erases a binned record and its file rows; returns the files' storage paths for the caller to delete after commit. */
export async function purgeFromBin(
  deps: WriteDeps,
  principal: Principal,
  form: PublishedForm,
  id: string,
): Promise<string[]> {
  return inTransaction(deps.db, async (tx) => {
    await assertRecordAccess(tx, principal, form, id, "write");
    await purgeRecord(tx, form, id);
    const files = await tx
      .deleteFrom("files")
      .where("form_id", "=", form.id)
      .where("record_id", "=", id)
      .returning("storage_path")
      .execute();
    return files.map((file) => file.storage_path);
  });
}

async function getWritable(
  tx: Db,
  principal: Principal,
  form: PublishedForm,
  id: string,
  action: "write" | "delete" = "write",
): Promise<ApiRecord> {
  const current = await getRecord(tx, form, id);
  if (!current) throw notFound();
  await assertRecordAccess(tx, principal, form, id, action);
  return current;
}

/**
 * As in Jiandaoyun, a record whose flow is running is changed only by data managers (system or app
 * admins); its handlers change it through their task (writePatch, which does not come here).
 */
function refuseInFlow(principal: Principal, scope: RecordScope, current: ApiRecord, verb: "edit" | "delete") {
  if (current.flowStatus !== "running" || principal.isAdmin || scope.appAdmin) return;
  throw new FormworkError(
    "RECORD_IN_FLOW",
    `The record's flow is running: only administrators may ${verb} it; handlers change it through their task`,
    [{ path: "/flowStatus", message: "running" }],
  );
}

function notFound(): FormworkError {
  return new FormworkError("NOT_FOUND", "No such record");
}

/**
 * Fills what the server looks up for the writer — data-linkage defaults and link fill rules — and
 * prepares the affected records once more, so the looked-up values pass the same validation as typed ones.
 */
async function withLinkages(
  lookup: LinkageLookup,
  form: PublishedForm,
  inputs: PrepareInput[],
  firstPass: Prepared[],
  ctx: PrepareContext,
): Promise<Record<string, unknown>[]> {
  const result: Record<string, unknown>[] = [];
  const fills = hasLinkFills(form);
  for (const [i, { data, pending }] of firstPass.entries()) {
    const input = inputs[i]!;
    if (pending.length === 0 && !fills) {
      result.push(data);
      continue;
    }
    const filledInput = structuredClone(input.data);
    const linked = pending.length > 0 && (await resolveLinkages(lookup, pending, data, filledInput));
    const copied = await applyLinkFills(lookup, form, data, filledInput);
    result.push(linked || copied ? prepareAll(form, [{ ...input, data: filledInput }], ctx)[0]!.data : data);
  }
  return result;
}

/**
 * The fields whose prepared value differs from the stored one. A field the pipeline left out (hidden by
 * a display rule) is cleared; serial numbers are assigned once at creation and never rewritten.
 */
function changedFields(
  form: PublishedForm,
  before: Record<string, unknown>,
  after: Record<string, unknown>,
): Record<string, unknown> {
  const serials = new Set(form.definition.fields.filter((f) => f.type === "serial").map((f) => f.id));
  const changed: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(after)) {
    if (serials.has(key)) continue;
    if (JSON.stringify(value ?? null) !== JSON.stringify(before[key] ?? null)) changed[key] = value ?? null;
  }
  for (const key of Object.keys(before)) {
    if (!Object.hasOwn(after, key) && !serials.has(key) && before[key] !== null) changed[key] = null;
  }
  return changed;
}
