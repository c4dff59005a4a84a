// Runs automations. Record and flow triggers run inside the triggering transaction (the events hook's
// in-transaction listeners), each automation in its own SAVEPOINT: its own-database actions commit
// with the user's write when they all succeed (exactly once), and when one fails they are rolled back
// alone and the run is logged as failed — an automation never blocks the user's submission (as in
// Jiandaoyun and Airtable). Loop protection: every write an action makes carries the trigger's depth + 1;
// past AUTOMATION_MAX_DEPTH the chain stops with a failed run in the log, the user's write stands.
// The common case — on a create, automations that only create records in forms nobody else listens
// to — is planned into the trigger's own INSERT statement instead (./planned.ts); whatever that cannot
// honour, a failure included, comes here.
import {
  type ActionOutcome,
  type ApiRecord,
  type AutomationRun,
  enabledAutomationsOf,
  getRecord,
  insertRun,
  type NewRun,
  type PublishedForm,
  type StoredAutomation,
} from "@formwork/db";
import { AUTOMATION_MAX_DEPTH, type AutomationDefinition } from "@formwork/schema";
import type { FastifyBaseLogger } from "fastify";
import { sql } from "kysely";
import type { ServerClock } from "../../clock";
import type { Db } from "../../database";
import { ExpiringCache } from "../../expiring-cache";
import type { Principal } from "../auth/principal";
import {
  type FlowChange,
  type RecordChange,
  type RecordEventHub,
  RerunWithSavepoints,
} from "../records/events";
import { formByKey } from "../records/link-fill";
import type { PublishedForms } from "../records/published-forms";
import type { WriteDeps } from "../records/write-path";
import { type ActionContext, runAction } from "./actions";
import { type FormulaScope, fieldsRead } from "./formulas";
import { changeFires, conditionHolds } from "./matching";
import { planAutomations } from "./planned";

/** How long a form's list of automations is reused (other instances' edits show within this). */
const CACHE_MS = 5_000;

export interface RunnerDeps {
  db: Db;
  forms: PublishedForms;
  events: RecordEventHub;
  writeDeps: WriteDeps;
  timeZone: string;
  log: FastifyBaseLogger;
  /** What "now" is for conditions, formulas and logs (a test may move it forward). */
  clock: ServerClock;
}

/** What started a run: logged with it, and all a retry needs. */
export interface RunTrigger {
  kind: string;
  formId: string;
  recordId?: string;
  instanceId?: string;
  source?: string;
  /** For a date trigger: the date value it fired for. */
  date?: string;
  at: string;
}

export interface RunInput {
  trigger: RunTrigger;
  record: ApiRecord | null;
  /** The depth of the change that triggered (0: a user's write or the scheduler). */
  depth: number;
  actorId: string | null;
  /** The triggering change's actor (a record or flow change; none for schedules and retries). */
  actor?: Principal | null;
  retryOf?: string;
}

export interface RunResult {
  runId: string;
  status: "succeeded" | "failed";
  outcomes: ActionOutcome[];
  error: string | null;
}

export class AutomationRunner {
  private readonly cache = new ExpiringCache<string, StoredAutomation[]>(CACHE_MS, 10_000);
  private savepoints = 0;

  constructor(readonly deps: RunnerDeps) {}

  /** Listens on the events hub: creates of a form with automations then run in a transaction. */
  install(): void {
    const events = this.deps.events;
    events.listensTo(
      async (formId, db) =>
        (await this.automationsOf(formId, db ?? this.deps.db)).some((a) =>
          IN_TRANSACTION_TRIGGERS.has(a.definition.trigger.type),
        ),
      // Creates whose automations only create records are written by the trigger's own statement.
      (db, create) => planAutomations(this, db, create),
    );
    events.onRecordChange((tx, change) => this.onRecord(tx, change));
    events.onFlowChange((tx, change) => this.onFlow(tx, change));
  }

  /** Drops cached lists (after an automation of the form was saved here). */
  forget(formId?: string): void {
    this.cache.delete(formId);
  }

  automationsOf(formId: string, db: Db): Promise<StoredAutomation[]> {
    return this.cache.get(formId, () => enabledAutomationsOf(db, formId));
  }

  private async onRecord(tx: Db, change: RecordChange): Promise<void> {
    if (change.kind === "restored") return;
    const list = await this.automationsOf(change.formId, tx);
    if (list.length === 0) return;
    const ctx = { now: this.deps.clock.now(), timeZone: this.deps.timeZone };
    const toMatch = {
      kind: change.kind,
      source: change.source,
      data: change.record.data,
      ...(change.changedFields ? { changedFields: change.changedFields } : {}),
    };
    for (const automation of list) {
      if (!changeFires(automation.definition, toMatch, ctx)) continue;
      await this.run(tx, automation, {
        trigger: {
          kind: `record.${change.kind}`,
          formId: change.formId,
          recordId: change.record.id,
          source: change.source,
          at: ctx.now.toISOString(),
        },
        record: change.record,
        depth: change.depth,
        actorId: change.actor?.userId ?? null,
        actor: change.actor,
      });
    }
  }

  private async onFlow(tx: Db, change: FlowChange): Promise<void> {
    const type =
      change.kind === "approved" ? "flowApproved" : change.kind === "rejected" ? "flowRejected" : null;
    if (!type) return;
    const list = (await this.automationsOf(change.formId, tx)).filter(
      (a) => a.definition.trigger.type === type,
    );
    if (list.length === 0) return;
    const form = await this.deps.forms.get(change.formId, tx);
    const record = await getRecord(tx, form, change.recordId);
    if (!record) return;
    const ctx = { now: this.deps.clock.now(), timeZone: this.deps.timeZone };
    for (const automation of list) {
      if (!conditionHolds(automation.definition.condition, record.data, ctx)) continue;
      await this.run(tx, automation, {
        trigger: {
          kind: `flow.${change.kind}`,
          formId: change.formId,
          recordId: change.recordId,
          instanceId: change.instanceId,
          at: ctx.now.toISOString(),
        },
        record,
        depth: 0,
        actorId: change.actor?.userId ?? null,
        actor: change.actor,
      });
    }
  }

  /**
   * Runs a failed run again, in a transaction of its own, with the trigger and the trigger record as the
   * failed run logged them; the new run points back at it (`retryOf`).
   */
  async retry(
    automation: StoredAutomation,
    failed: AutomationRun,
    logged: { id: string; data: Record<string, unknown> } | null,
    actorId: string,
  ): Promise<RunResult> {
    return this.deps.events.transaction(this.deps.db, async (tx) => {
      const form = await this.deps.forms.get(automation.formId, tx);
      const current = logged ? await getRecord(tx, form, logged.id) : null;
      const record = logged ? { ...(current ?? ({} as ApiRecord)), id: logged.id, data: logged.data } : null;
      return this.run(tx, automation, {
        trigger: { ...(failed.trigger as unknown as RunTrigger), at: this.deps.clock.now().toISOString() },
        record,
        depth: 0,
        actorId,
        retryOf: failed.id,
      });
    });
  }

  /**
   * One run of `automation` in `tx` (a transaction opened through the events hub): its actions in a
   * savepoint, then the run's log row. Never throws for an action's failure: that is the log's.
   */
  async run(tx: Db, automation: StoredAutomation, input: RunInput): Promise<RunResult> {
    if (!tx.isTransaction)
      return this.deps.events.transaction(tx, (inner) => this.run(inner, automation, input));
    const definition = automation.definition;
    const log = (status: RunResult["status"], outcomes: ActionOutcome[], error: string | null) =>
      this.log(tx, automation, input, status, outcomes, error);
    if (input.depth >= AUTOMATION_MAX_DEPTH) {
      const error = `automations triggered each other ${input.depth} times in a row: the chain stops here (limit ${AUTOMATION_MAX_DEPTH})`;
      this.deps.log.error({ automation: automation.id, depth: input.depth }, "automation loop stopped");
      return log("failed", [], error);
    }
    if (this.deps.events.optimistic(tx)) {
      // The first attempt of a single API write: no savepoint round trips. A failure cannot be rolled
      // back alone here, so the whole write rolls back and runs again with savepoints (events.ts).
      try {
        const ctx = await this.actionContext(tx, automation, input);
        const outcomes: ActionOutcome[] = [];
        for (const [index, action] of definition.actions.entries()) {
          const detail = await runAction(ctx, action, definition.id);
          outcomes.push({ index, type: action.type, status: "succeeded", detail });
        }
        return await log("succeeded", outcomes, null);
      } catch (error) {
        throw error instanceof RerunWithSavepoints ? error : new RerunWithSavepoints(error);
      }
    }
    const savepoint = `fw_automation_${++this.savepoints}`;
    await sql.raw(`SAVEPOINT ${savepoint}`).execute(tx);
    const outcomes: ActionOutcome[] = [];
    try {
      const ctx = await this.actionContext(tx, automation, input);
      for (const [index, action] of definition.actions.entries()) {
        try {
          const detail = await runAction(ctx, action, definition.id);
          outcomes.push({ index, type: action.type, status: "succeeded", detail });
        } catch (error) {
          outcomes.push({ index, type: action.type, status: "failed", error: messageOf(error) });
          throw error;
        }
      }
      await sql.raw(`RELEASE SAVEPOINT ${savepoint}`).execute(tx);
      return log("succeeded", outcomes, null);
    } catch (error) {
      await sql.raw(`ROLLBACK TO SAVEPOINT ${savepoint}`).execute(tx);
      // What ran before the failure was rolled back with it; what comes after never ran.
      const settled: ActionOutcome[] = definition.actions.map((action, index) => {
        const outcome = outcomes[index];
        if (!outcome) return { index, type: action.type, status: "skipped" };
        return outcome.status === "succeeded" ? { ...outcome, status: "rolledBack" } : outcome;
      });
      return log("failed", settled, messageOf(error));
    }
  }

  private async log(
    tx: Db,
    automation: StoredAutomation,
    input: RunInput,
    status: RunResult["status"],
    outcomes: ActionOutcome[],
    error: string | null,
  ): Promise<RunResult> {
    const runId = await insertRun(tx, runLogRow(automation, input, status, outcomes, error));
    return { runId, status, outcomes, error };
  }

  private async actionContext(tx: Db, automation: StoredAutomation, input: RunInput): Promise<ActionContext> {
    const triggerForm = await this.deps.forms.get(automation.formId, tx);
    return {
      tx,
      writeDeps: this.deps.writeDeps,
      appId: automation.appId,
      timeZone: this.deps.timeZone,
      formByKey: (key, db) => this.formByKey(automation.appId, key, db),
      record: input.record,
      triggerForm,
      scope: actionScope(input.record, this.deps.clock.now(), this.deps.timeZone),
      depth: input.depth + 1,
      actorId: input.actorId,
      actor: input.actor ?? null,
    };
  }

  private readonly formIds = new ExpiringCache<string, string>(CACHE_MS, 10_000);

  /** A published form of the app by key (the id cached briefly; the form from the published-forms cache). */
  async formByKey(appId: string, key: string, db: Db): Promise<PublishedForm> {
    const id = await this.formIds.get(`${appId}/${key}`, async () => {
      const found = await formByKey(db, appId, key);
      if (!found) throw new Error(`the app has no form "${key}"`);
      return found;
    });
    return this.deps.forms.get(id, db);
  }
}

/**
 * What the actions' formulas read: the trigger record's fields and its id as `trigger.id` (to link a
 * created record back); a field of the form named `trigger` wins.
 */
export function actionScope(
  record: Pick<ApiRecord, "id" | "data"> | null,
  now: Date,
  timeZone: string,
): FormulaScope {
  return { data: record ? { trigger: { id: record.id }, ...record.data } : {}, now, timeZone };
}

/**
 * A run's log row. Its inputs are the trigger record's id and data: for a run that succeeded, only the
 * fields the automation read (fieldsRead: its condition and mappings), which is what explains the
 * outcome — the record itself is stored by the trigger's own write; a failed run keeps the whole data,
 * which a retry runs again with. A succeeded run whose reads are not known statically keeps it too.
 */
export function runLogRow(
  automation: StoredAutomation,
  input: Pick<RunInput, "trigger" | "depth" | "retryOf"> & { record: Pick<ApiRecord, "id" | "data"> | null },
  status: RunResult["status"],
  outcomes: ActionOutcome[],
  error: string | null,
): NewRun {
  return {
    automationId: automation.id,
    status,
    trigger: { ...input.trigger },
    inputs: input.record
      ? { record: { id: input.record.id, data: loggedData(automation, input.record, status) } }
      : {},
    outcomes,
    error,
    depth: input.depth,
    retryOf: input.retryOf ?? null,
  };
}

function loggedData(
  automation: StoredAutomation,
  record: Pick<ApiRecord, "data">,
  status: RunResult["status"],
): Record<string, unknown> {
  const read = status === "succeeded" ? fieldsRead(automation.definition) : null;
  if (!read) return record.data;
  const data: Record<string, unknown> = {};
  for (const field of read) if (Object.hasOwn(record.data, field)) data[field] = record.data[field];
  return data;
}

/**
 * Triggers that run in the writing transaction: a form with one of them takes the transactional write
 * paths (a create, unless ./planned.ts folds it into its statement, and a task action, whose approval
 * may finish the flow). Schedules run on their own.
 */
const IN_TRANSACTION_TRIGGERS = new Set<AutomationDefinition["trigger"]["type"]>([
  "recordCreated",
  "recordUpdated",
  "recordDeleted",
  "flowApproved",
  "flowRejected",
]);

function messageOf(error: unknown): string {
  if (error instanceof Error) {
    const details = (error as { details?: { path: string; message: string }[] }).details;
    const first = details?.[0];
    return first ? `${error.message} (${first.path}: ${first.message})` : error.message;
  }
  return String(error);
}
