// The actions of an automation, each on the triggering transaction: create a record in a form of the
// app, update or delete the records a condition selects (compiled to SQL like grid filters, paged by
// keyset, never all rows in memory; list fields can be added to and removed from), notify users, call a
// webhook (through the outbox), assign the trigger record to the least loaded of a list of users.
import {
  type ApiRecord,
  deleteRecord,
  enqueueOutbox,
  filterScopeFor,
  getRecord,
  insertNotifications,
  newId,
  type PublishedForm,
  queryRecords,
} from "@formwork/db";
import { compileFilter } from "@formwork/expressions";
import { getFieldType } from "@formwork/fields";
import type { AutomationAction } from "@formwork/schema";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import type { ChangeOrigin } from "../records/events";
import { createRecords, emitChange, type WriteDeps, writePatch } from "../records/write-path";
import { type FormulaScope, formulaText, formulaValue, MappingError, mappedData } from "./formulas";

/** At most this many records per update or delete action (the rest are reported, not touched). */
export const MAX_RECORDS_PER_ACTION = 1_000;
const PAGE = 200;
/** Stands in for the actor of a system write (no user has this id). */
const SYSTEM_ACTOR = "00000000-0000-0000-0000-000000000000";

export interface ActionContext {
  tx: Db;
  writeDeps: WriteDeps;
  appId: string;
  timeZone: string;
  /** A form of the app by key (published). */
  formByKey: (key: string, tx: Db) => Promise<PublishedForm>;
  /** The trigger record (null for a schedule). */
  record: ApiRecord | null;
  triggerForm: PublishedForm;
  scope: FormulaScope;
  /** Depth of the writes the actions make (the trigger's depth + 1). */
  depth: number;
  actorId: string | null;
  /** Who made the triggering change: the initiator of flows the created records start (null: none). */
  actor: Principal | null;
}

export async function runAction(
  ctx: ActionContext,
  action: AutomationAction,
  automationKey: string,
): Promise<Record<string, unknown>> {
  const origin: ChangeOrigin = { actor: null, source: "automation", depth: ctx.depth };
  const deps = { ...ctx.writeDeps, db: ctx.tx };
  switch (action.type) {
    case "createRecord": {
      const form = await ctx.formByKey(action.form, ctx.tx);
      const data = mappedData(action.fields, form.definition.fields, ctx.scope);
      const fields = new Set(form.definition.fields.map((f) => f.id));
      const [created] = (await createRecords(
        deps,
        { public: true, fields },
        form,
        [{ data }],
        ["/data"],
        "zh-CN",
        // A form with a published flow starts it here, in this transaction; without a trigger actor
        // the initiator-dependent steps fall back to the app's admins, as for public submissions.
        { trx: ctx.tx, origin, initiator: ctx.actor },
      )) as ApiRecord[];
      return { form: action.form, recordId: created!.id };
    }
    case "updateRecords": {
      const form = await ctx.formByKey(action.form, ctx.tx);
      const data = mappedData(action.fields, form.definition.fields, ctx.scope);
      let count = 0;
      const added = listValues(action.add, ctx.scope);
      const removed = listValues(action.remove, ctx.scope);
      const truncated = await eachMatching(ctx, form, action.condition, async (record) => {
        const current = await getRecord(ctx.tx, form, record.id);
        if (!current) return;
        const patch = { ...data, ...mergedLists(form, current.data, added, removed) };
        await writePatch(
          deps,
          ctx.actorId ?? SYSTEM_ACTOR,
          form,
          current,
          patch,
          "zh-CN",
          new Date(),
          origin,
        );
        count++;
      });
      return { form: action.form, updated: count, ...(truncated ? { truncated } : {}) };
    }
    case "deleteRecords": {
      const form = await ctx.formByKey(action.form, ctx.tx);
      let count = 0;
      const truncated = await eachMatching(ctx, form, action.condition, async (record) => {
        await deps.recordFlows?.recordDeleted(ctx.tx, form, record, ctx.actorId);
        const deleted = await deleteRecord(ctx.tx, form, record.id, { actorId: ctx.actorId });
        await emitChange(deps, ctx.tx, form, "deleted", deleted, origin);
        count++;
      });
      return { form: action.form, deleted: count, ...(truncated ? { truncated } : {}) };
    }
    case "notify": {
      const users = new Set(action.users ?? []);
      for (const field of action.userFields ?? []) {
        const value = ctx.record?.data[field];
        for (const id of Array.isArray(value) ? value : [value]) if (typeof id === "string") users.add(id);
      }
      const title = formulaText(action.title, ctx.scope);
      const record = ctx.record;
      const link = record ? `/apps/${ctx.appId}/forms/${ctx.triggerForm.id}/data?record=${record.id}` : null;
      await insertNotifications(
        ctx.tx,
        [...users].map((userId) => ({
          userId,
          kind: "automation" as const,
          title,
          payload: {
            automation: automationKey,
            formId: ctx.triggerForm.id,
            ...(record ? { recordId: record.id } : {}),
          },
          link,
        })),
      );
      return { notified: [...users] };
    }
    case "assign": {
      const record = ctx.record;
      if (!record) throw new MappingError("assign needs a trigger record");
      const form = ctx.triggerForm;
      const user = await leastLoaded(ctx, form, action.field, action.users, action.condition);
      const current = await getRecord(ctx.tx, form, record.id);
      if (!current) throw new MappingError("the trigger record is gone");
      await writePatch(
        deps,
        ctx.actorId ?? SYSTEM_ACTOR,
        form,
        current,
        { [action.field]: user },
        "zh-CN",
        new Date(),
        origin,
      );
      return { field: action.field, user };
    }
    case "webhook": {
      // Leaves through the outbox in this transaction: sent after commit by the dispatcher (SSRF guard,
      // retries with backoff, delivery log), never when the run or the user's write rolls back.
      const idempotencyKey = `automation:${automationKey}:${newId()}`;
      const messageId = await enqueueOutbox(ctx.tx, {
        kind: "webhook",
        target: action.url,
        idempotencyKey,
        event: "automation",
        appId: ctx.appId,
        payload: {
          event: "automation",
          automation: automationKey,
          idempotencyKey,
          appId: ctx.appId,
          formId: ctx.triggerForm.id,
          record: ctx.record ? { id: ctx.record.id, data: ctx.record.data } : null,
        },
      });
      return { url: action.url, messageId };
    }
  }
}

/** Field → the values an add or remove mapping's formulas give (a list or one value; blanks dropped). */
function listValues(
  mapping: Record<string, string> | undefined,
  scope: FormulaScope,
): Map<string, unknown[]> {
  const out = new Map<string, unknown[]>();
  for (const [field, text] of Object.entries(mapping ?? {})) {
    const value = formulaValue(text, scope);
    out.set(
      field,
      (Array.isArray(value) ? value : [value]).filter((v) => v !== null && v !== ""),
    );
  }
  return out;
}

/** Each add/remove field's new list: what the record has, plus `added`, minus `removed`, in order. */
function mergedLists(
  form: PublishedForm,
  data: Record<string, unknown>,
  added: Map<string, unknown[]>,
  removed: Map<string, unknown[]>,
): Record<string, unknown> {
  const patch: Record<string, unknown> = {};
  for (const field of new Set([...added.keys(), ...removed.keys()])) {
    const definition = form.definition.fields.find((f) => f.id === field);
    if (!definition) throw new MappingError(`the target form has no field "${field}"`);
    const have = Array.isArray(data[field]) ? (data[field] as unknown[]) : [];
    const out = new Set<unknown>(have);
    for (const v of added.get(field) ?? []) out.add(v);
    for (const v of removed.get(field) ?? []) out.delete(v);
    patch[field] = getFieldType(definition.type).normalize([...out], definition as never);
  }
  return patch;
}

/**
 * The user of `users` with the fewest live records of `form` whose `field` names them (and that match
 * `condition`): one count per user, in SQL. Ties go to the earlier user in the list.
 */
async function leastLoaded(
  ctx: ActionContext,
  form: PublishedForm,
  field: string,
  users: readonly string[],
  condition: unknown,
): Promise<string> {
  let best: { user: string; load: number } | null = null;
  for (const user of users) {
    const mine = { "==": [{ var: field }, user] };
    const rule = condition === undefined || condition === null ? mine : { and: [mine, condition] };
    const compiled = compileFilter(
      rule,
      filterScopeFor(form, { now: ctx.scope.now, timeZone: ctx.timeZone }),
    );
    if (!compiled.ok) throw new MappingError(`condition: ${compiled.errors[0]?.message ?? "invalid"}`);
    const page = await queryRecords(ctx.tx, form, { filter: compiled.expr, limit: 1 });
    const load = page.count.value;
    if (!best || load < best.load) best = { user, load };
  }
  return best!.user;
}

/**
 * Calls `each` for every live record of `form` matching `condition` (json-logic compiled to SQL;
 * `{"var": "$trigger.<field>"}` reads the trigger record), a keyset page at a time. Answers true when
 * it stopped at MAX_RECORDS_PER_ACTION with more left.
 */
async function eachMatching(
  ctx: ActionContext,
  form: PublishedForm,
  condition: unknown,
  each: (record: ApiRecord) => Promise<void>,
): Promise<boolean> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(ctx.record?.data ?? {})) params[`$trigger.${key}`] = value;
  if (ctx.record) params["$trigger.$id"] = ctx.record.id;
  const compiled = compileFilter(
    condition,
    filterScopeFor(form, { now: ctx.scope.now, timeZone: ctx.timeZone, params }),
  );
  if (!compiled.ok) {
    throw new MappingError(
      `condition: ${compiled.errors[0]?.message ?? "invalid"} at ${compiled.errors[0]?.path}`,
    );
  }
  let cursor: string | undefined;
  let seen = 0;
  for (;;) {
    const page = await queryRecords(ctx.tx, form, {
      filter: compiled.expr,
      limit: PAGE,
      count: false,
      ...(cursor ? { cursor } : {}),
    });
    for (const record of page.records) {
      if (seen >= MAX_RECORDS_PER_ACTION) return true;
      await each(record);
      seen++;
    }
    if (!page.nextCursor) return false;
    cursor = page.nextCursor;
  }
}
