// The actions of an automation, each on the triggering transaction: create a record in a form of the
// app, update or delete the records a condition selects (compiled to SQL like grid filters, paged by
// keyset, never all rows in memory), notify users, call a webhook (through the outbox).
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
import type { AutomationAction } from "@formwork/schema";
import type { Db } from "../../database";
import type { ChangeOrigin } from "../records/events";
import { createRecords, emitChange, type WriteDeps, writePatch } from "../records/write-path";
import { type FormulaScope, formulaText, MappingError, mappedData } from "./formulas";

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
        { trx: ctx.tx, origin },
      )) as ApiRecord[];
      return { form: action.form, recordId: created!.id };
    }
    case "updateRecords": {
      const form = await ctx.formByKey(action.form, ctx.tx);
      const data = mappedData(action.fields, form.definition.fields, ctx.scope);
      let count = 0;
      const truncated = await eachMatching(ctx, form, action.condition, async (record) => {
        const current = await getRecord(ctx.tx, form, record.id);
        if (!current) return;
        await writePatch(deps, ctx.actorId ?? SYSTEM_ACTOR, form, current, data, "zh-CN", new Date(), origin);
        count++;
      });
      return { form: action.form, updated: count, ...(truncated ? { truncated } : {}) };
    }
    case "deleteRecords": {
      const form = await ctx.formByKey(action.form, ctx.tx);
      let count = 0;
      const truncated = await eachMatching(ctx, form, action.condition, async (record) => {
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
