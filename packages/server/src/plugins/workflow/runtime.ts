// The command path (DESIGN §3b). Every command — a user's action, the initiator's withdraw or urge, an
// admin's change, a due timer — runs in one transaction: lock the instance row (FOR UPDATE), for a task
// action complete the task row with a conditional update (zero rows = refused), read the live record,
// let the engine step, write everything the step implies in one statement, commit. Idempotency keys
// (HTTP) are claimed by the caller in the same transaction. A task action that needs nothing else in
// its transaction is optimistic instead (`perform`): read, step, and one write guarded by the
// instance's revision — two statements, no lock held between them, no BEGIN/COMMIT.
import {
  type ApiRecord,
  applyWrites,
  claimDueTimers,
  emptyWrites,
  getTask,
  type LockedInstance,
  lockAndCompleteTask,
  lockFreeInstances,
  lockInstance,
  lockInstanceOfRecord,
  mergeWrites,
  newId,
  type PublishedForm,
  type TaskStatus,
  writeParts,
} from "@formwork/db";
import {
  type Command,
  EngineError,
  type InstanceState,
  type Ports,
  type Signature,
  type StepResult,
  step,
  type TaskAction,
} from "@formwork/engine";
import { type ErrorDetail, FormworkError, type Locale } from "@formwork/schema";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import type { RecordEventHub } from "../records/events";
import type { PublishedForms } from "../records/published-forms";
import { type PreparedStart, type RecordFlows, type WriteDeps, writePatch } from "../records/write-path";
import { directoryOver } from "./directory";
import { type FlowHappening, flowHappenings } from "./flow-changes";
import type { FlowVersions, LoadedFlow } from "./flows";
import { currentRecords, recordTitle } from "./records";
import { stepWriter, taskReader } from "./step-writer";
import { transitionWrites } from "./transition";

export interface RuntimeDeps {
  db: Db;
  forms: PublishedForms;
  flows: FlowVersions;
  timeZone: string;
  /** The records write path's dependencies (accepted field edits are written through it). */
  writeDeps: WriteDeps;
}

interface FlowTarget {
  formId: string;
  recordId: string;
  instanceId: string;
}

export interface TaskActionInput {
  action: TaskAction["type"];
  comment?: string;
  signature?: Signature;
  fieldEdits?: Record<string, unknown>;
  /** return: the node to return to. */
  target?: string;
  /** transfer: [the new assignee]; addSigner: who to add. */
  users?: string[];
  /** addSigner: before, after or parallel (default after). */
  position?: "before" | "after" | "parallel";
}

export interface CommandOutcome {
  instanceId: string;
  /** The instance's status after the command. */
  status: InstanceState["status"];
  revision: number;
}

/** Reads and steps of an optimistic task action before it takes the instance's lock instead. */
const OPTIMISTIC_TRIES = 4;

export class WorkflowRuntime implements RecordFlows {
  /** Optimistic task actions' reads and writes, concurrent ones together (group commit). */
  private readonly steps: ReturnType<typeof stepWriter>;
  private readonly tasks: ReturnType<typeof taskReader>;

  constructor(readonly deps: RuntimeDeps) {
    this.steps = stepWriter(deps.db);
    this.tasks = taskReader(deps.db);
  }

  /** The engine's ports inside `db`'s transaction; `formId` names whose admins are the fallback assignees. */
  ports(db: Db, formId: string): Ports {
    return { directory: directoryOver(db, formId), timeZone: this.deps.timeZone };
  }

  private get events(): RecordEventHub {
    return this.deps.writeDeps.events;
  }

  /** Emits what one step meant (started, finished, tasks handed out) through the events hub, in `tx`. */
  private async emitFlow(tx: Db, target: FlowTarget, happenings: FlowHappening[], actor: Principal | null) {
    if (happenings.length === 0) return;
    const appId = await this.deps.forms.appIdOf(target.formId, tx);
    for (const happening of happenings) {
      await this.events.emitFlow(tx, { ...happening, ...target, appId, actor });
    }
  }

  /** The records write path's: starts the form's flow for each new record, in its transaction. */
  readonly start = async (tx: Db, form: PublishedForm, records: ApiRecord[], principal: Principal | null) => {
    const flow = await this.deps.flows.current(tx, form);
    if (!flow) return;
    // The record's created_at is the transaction's now(): the database clock, as timers need.
    const { writes, started } = await this.stepStarts(tx, form, flow, records, principal);
    for (const [i, record] of records.entries()) record.flowStatus = started[i]!.status;
    await applyWrites(tx, writes);
    for (const { target, happenings } of started) await this.emitFlow(tx, target, happenings, principal);
  };

  /**
   * The records write path's: a record going to the recycle bin ends its running flow, as an admin's end
   * would, logged with the reason `recordDeleted` — nobody is left with a task on a record that is gone.
   * Restoring the record does not restart the flow; an admin may reactivate it.
   */
  readonly recordDeleted = async (tx: Db, form: PublishedForm, record: ApiRecord, actorId: string | null) => {
    if (record.flowStatus !== "running") return;
    const locked = await lockInstanceOfRecord(tx, form.id, record.id);
    if (locked?.status !== "running") return;
    const actor = actorId ?? "system";
    await this.apply(
      tx,
      locked,
      { type: "admin", actor, action: { type: "end", reason: "recordDeleted" } },
      actor,
      "zh-CN",
      null,
    );
  };

  /**
   * The same start for records not yet inserted, for the records write path to write in the insert's
   * own statement (one round trip, no transaction; see createRecords). The engine steps at this
   * process's `now`; the rows' times are moved to the statement's now() (writeParts' clockBase), the
   * record's created_at. The record's flow status goes into its insert, not a later update.
   */
  readonly prepare = async (
    db: Db,
    form: PublishedForm,
    drafts: { id: string; data: Record<string, unknown> }[],
    principal: Principal | null,
    now: Date,
  ): Promise<PreparedStart | null> => {
    const flow = await this.deps.flows.current(db, form);
    if (!flow) return null;
    const at = now.toISOString();
    const records = drafts.map((d) => ({ ...d, createdAt: at }));
    const { writes, started } = await this.stepStarts(db, form, flow, records, principal);
    writes.recordStatuses = [];
    return {
      statuses: started.map((s) => s.status),
      parts: (inserted) => writeParts(writes, { gate: inserted, clockBase: now }),
      emit: async (after) => {
        for (const { target, happenings } of started)
          await this.emitFlow(after, target, happenings, principal);
      },
    };
  };

  private async stepStarts(
    db: Db,
    form: PublishedForm,
    flow: LoadedFlow,
    records: { id: string; data: Record<string, unknown>; createdAt: string }[],
    principal: Principal | null,
  ) {
    const writes = emptyWrites();
    const started: { target: FlowTarget; happenings: FlowHappening[]; status: string }[] = [];
    for (const record of records) {
      const instanceId = newId();
      const result = await step(
        flow.engine,
        null,
        { type: "start", instanceId, initiator: principal?.userId ?? null, record: record.data },
        record.createdAt,
        this.ports(db, form.id),
      );
      const { writes: w } = transitionWrites(
        { instanceId, formId: form.id, recordId: record.id, recordTable: form.tableName, revision: 0 },
        null,
        result,
      );
      w.newInstances.push({
        id: instanceId,
        flowVersionId: flow.id,
        formId: form.id,
        recordId: record.id,
        initiator: principal?.userId ?? null,
        title: recordTitle(form, record.data),
      });
      mergeWrites(writes, w);
      started.push({
        target: { formId: form.id, recordId: record.id, instanceId },
        happenings: flowHappenings(null, result),
        status: result.state.status,
      });
    }
    return { writes, started };
  }

  /**
   * A task holder's action, in its own transaction or none. Optimistic when it can be: one unlocked
   * read of the task and its instance, the engine's step, one statement that writes the step only if
   * the instance still has the revision it was stepped from and the task is still its holder's pending
   * task (applyStepsIfUnchanged); the read and the write each share one statement with those of
   * concurrent actions (step-writer.ts). A lost race reads and steps again — a task done meanwhile is
   * then 409, a countersigner steps from the other's result —, and after OPTIMISTIC_TRIES it waits for
   * the lock like any command. Field edits (written through the records path) and forms with listeners
   * that act inside the transaction (automations, webhooks) go through the locked `act` at once.
   */
  async perform(
    principal: Principal,
    taskId: string,
    input: TaskActionInput,
    locale: Locale,
  ): Promise<CommandOutcome & { taskId: string; action: string }> {
    if (input.fieldEdits === undefined) {
      for (let attempt = 0; attempt < OPTIMISTIC_TRIES; attempt++) {
        const outcome = await this.tryAct(principal, taskId, input).catch((error: unknown) => {
          throw toRequestPaths(error, ACT_PATHS);
        });
        if (outcome === "locked") break;
        if (outcome !== "moved") return { ...outcome, taskId, action: input.action };
      }
    }
    return this.events.transaction(this.deps.db, (tx) => this.act(tx, principal, taskId, input, locale));
  }

  /** One optimistic attempt: the outcome, "moved" (lost a race: try again) or "locked" (needs the lock). */
  private async tryAct(
    principal: Principal,
    taskId: string,
    input: TaskActionInput,
  ): Promise<CommandOutcome | "moved" | "locked"> {
    const db = this.deps.db;
    const action = toEngineAction(input);
    const read = await this.tasks.call(taskId);
    if (!read) throw new EngineError("TASK_NOT_FOUND", "No such task", "/task");
    refuseUnlessPending(read.task, principal.userId);
    const instance = read.instance;
    if (await this.events.needsTransaction(instance.formId, db)) return "locked";
    const form = await this.formOf(db, instance);
    const flow = await this.deps.flows.get(db, instance.flowVersionId);
    const record = flow.readsRecord
      ? (await currentRecords(db, form, [instance.recordId])).get(instance.recordId)
      : undefined;
    const { writes, result, recordEdits, happenings } = await this.stepOnly(
      db,
      instance,
      { type: "act", taskId, actor: principal.userId, action, ...acting(input) },
      form,
      record,
    );
    if (recordEdits || writes.instances.length !== 1) return "locked";
    const written = await this.steps.call({ writes, task: { id: taskId, assignee: principal.userId } });
    if (!written) return "moved";
    // Committed already: listeners hear of it as of a one-statement create (none acts in a transaction).
    await this.emitFlow(db, targetOf(instance), happenings, principal);
    return { instanceId: instance.id, status: result.state.status, revision: instance.revision + 1 };
  }

  /** A task holder's action (approve, submit, reject, return, transfer, add signer) in `tx`, locked. */
  async act(
    tx: Db,
    principal: Principal,
    taskId: string,
    input: TaskActionInput,
    locale: Locale,
  ): Promise<CommandOutcome & { taskId: string; action: string }> {
    const action = toEngineAction(input);
    // Lock the instance and complete the task in one round trip (instance lock first, see there).
    const gate = await lockAndCompleteTask(tx, {
      taskId,
      assignee: principal.userId,
      action: input.action,
      comment: input.comment ?? null,
      signature: input.signature ?? null,
    });
    if (!gate) throw new EngineError("TASK_NOT_FOUND", "No such task", "/task");
    if (!gate.completed) {
      const task = await getTask(tx, taskId);
      if (!task) throw new EngineError("TASK_NOT_FOUND", "No such task", "/task");
      refuseUnlessPending(task, principal.userId);
      throw new EngineError("TASK_NOT_PENDING", "The task changed meanwhile", "/task");
    }
    const locked = gate.instance;
    const outcome = await this.apply(
      tx,
      locked,
      {
        type: "act",
        taskId,
        actor: principal.userId,
        action,
        ...acting(input),
        ...(input.fieldEdits ? { fieldEdits: input.fieldEdits } : {}),
      },
      principal.userId,
      locale,
      principal,
    ).catch((error: unknown) => {
      throw toRequestPaths(error, ACT_PATHS);
    });
    return { ...outcome, taskId, action: input.action };
  }

  /** The initiator's withdraw or urge, or an admin's command, on an instance. */
  async command(
    tx: Db,
    instanceId: string,
    command: Exclude<Command, { type: "start" | "act" | "timer" }>,
    locale: Locale,
    principal: Principal | null = null,
  ): Promise<CommandOutcome> {
    const locked = await lockInstance(tx, instanceId);
    if (!locked) throw new FormworkError("NOT_FOUND", "No such flow instance");
    return this.apply(tx, locked, command, command.actor, locale, principal).catch((error: unknown) => {
      throw toRequestPaths(error, ADMIN_PATHS);
    });
  }

  /**
   * Fires up to `limit` due timers in one transaction: claims them (SKIP LOCKED), locks their instances
   * (skipping ones a command holds: those timers wait for the next round), steps each instance for one
   * of its timers and writes all of it in one statement. Answers how many timers it fired.
   */
  async fireDueTimers(limit: number): Promise<number> {
    return this.events.transaction(this.deps.db, async (tx) => {
      const due = await claimDueTimers(tx, limit);
      if (due.length === 0) return 0;
      // One timer per instance per round: the rest of an instance's due timers stay for the next one.
      const firstPerInstance = new Map<string, string>();
      for (const timer of due)
        if (!firstPerInstance.has(timer.instanceId)) firstPerInstance.set(timer.instanceId, timer.id);
      const locked = await lockFreeInstances(tx, [...firstPerInstance.keys()]);
      const writes = emptyWrites();
      const stepped: { target: FlowTarget; happenings: FlowHappening[] }[] = [];
      const byForm = new Map<string, LockedInstance[]>();
      for (const instance of locked)
        byForm.set(instance.formId, [...(byForm.get(instance.formId) ?? []), instance]);
      for (const instances of byForm.values()) {
        const form = await this.formOf(tx, instances[0]!).catch(() => null);
        // The live records only of instances whose flow reads a field (as for commands): a reminder or
        // an auto-approval on a flow without conditions, field assignees or date deadlines reads none.
        const readers: string[] = [];
        for (const instance of instances) {
          if ((await this.deps.flows.get(tx, instance.flowVersionId)).readsRecord)
            readers.push(instance.recordId);
        }
        const records = form && readers.length > 0 ? await currentRecords(tx, form, readers) : new Map();
        for (const instance of instances) {
          const timerId = firstPerInstance.get(instance.id)!;
          writes.firedTimers.push(timerId);
          try {
            const { writes: w, happenings } = await this.stepOnly(
              tx,
              instance,
              { type: "timer", timerId },
              form,
              records.get(instance.recordId),
            );
            mergeWrites(writes, w);
            stepped.push({ target: targetOf(instance), happenings });
          } catch (error) {
            // A broken definition must not jam the poller: the timer is spent, the failure logged as an event.
            if (!(error instanceof EngineError)) throw error;
            writes.events.push({
              instanceId: instance.id,
              revision: instance.revision,
              action: "timerFailed",
              nodeId: null,
              nodeRunId: null,
              taskId: null,
              actor: "system",
              data: { timerId, reason: error.reason, message: error.message },
              at: instance.now,
            });
          }
        }
      }
      await applyWrites(tx, writes);
      for (const { target, happenings } of stepped) await this.emitFlow(tx, target, happenings, null);
      return locked.length;
    });
  }

  private async apply(
    tx: Db,
    locked: LockedInstance,
    command: Command,
    actorId: string,
    locale: Locale,
    principal: Principal | null,
  ): Promise<CommandOutcome> {
    const form = await this.formOf(tx, locked);
    // The live record only when the step can read it (conditions, field assignees or deadlines) or
    // writes it (field edits): an approval on a flow that reads no field skips that round trip, and
    // its stored copy stays as it was (every reader of fields re-reads the live record).
    const flow = await this.deps.flows.get(tx, locked.flowVersionId);
    const edits = command.type === "act" && command.fieldEdits !== undefined;
    const record =
      flow.readsRecord || edits || command.type !== "act"
        ? (await currentRecords(tx, form, [locked.recordId])).get(locked.recordId)
        : undefined;
    const { writes, result, recordEdits, happenings } = await this.stepOnly(
      tx,
      locked,
      command,
      form,
      record,
    );
    // The conditional completion closed the acted-on task's row; a task its holder keeps (a parallel
    // signer added beside it) goes back to pending, so rows always mirror the engine's state.
    if (
      command.type === "act" &&
      result.state.tasks.find((t) => t.id === command.taskId)?.status === "pending"
    ) {
      writes.tasks.push({ id: command.taskId, status: "pending" });
    }
    if (recordEdits && record) {
      await writePatch(
        { ...this.deps.writeDeps, db: tx },
        actorId,
        form,
        record,
        recordEdits,
        locale,
        undefined,
        { actor: principal, source: "workflow", depth: 0 },
      ).catch((error: unknown) => {
        throw asFieldEditError(error);
      });
    }
    await applyWrites(tx, writes);
    await this.emitFlow(tx, targetOf(locked), happenings, principal);
    return { instanceId: locked.id, status: result.state.status, revision: locked.revision + 1 };
  }

  /**
   * The instance's form as published now. The lock query read its current version, so the form the
   * records path last loaded serves without asking again when that is still the version.
   */
  private formOf(tx: Db, locked: LockedInstance): Promise<PublishedForm> {
    const known = this.deps.forms.lastKnown(locked.formId);
    if (known && locked.formVersion !== null && known.version === locked.formVersion)
      return Promise.resolve(known);
    return this.deps.forms.get(locked.formId, tx);
  }

  /** One engine step over the live record; the writes it implies, not yet applied. */
  private async stepOnly(
    tx: Db,
    locked: LockedInstance,
    command: Command,
    form: PublishedForm | null,
    record: ApiRecord | undefined,
  ): Promise<{
    writes: ReturnType<typeof emptyWrites>;
    result: StepResult;
    recordEdits: Record<string, unknown> | null;
    happenings: FlowHappening[];
  }> {
    const flow = await this.deps.flows.get(tx, locked.flowVersionId);
    const stored = locked.state as InstanceState;
    const input = record ? { ...stored, record: record.data } : stored;
    const result = await step(
      flow.engine,
      input,
      command,
      locked.now.toISOString(),
      this.ports(tx, locked.formId),
    );
    // A late or repeated timer: the engine changed nothing, so neither does the server.
    if (result.effects.length === 0 && result.state === input) {
      return { writes: emptyWrites(), result, recordEdits: null, happenings: [] };
    }
    const { writes, recordEdits } = transitionWrites(
      {
        instanceId: locked.id,
        formId: locked.formId,
        recordId: locked.recordId,
        recordTable: form?.tableName ?? flow.recordTable,
        revision: locked.revision,
      },
      stored,
      result,
    );
    return { writes, result, recordEdits, happenings: flowHappenings(stored, result) };
  }
}

function targetOf(locked: LockedInstance): FlowTarget {
  return { formId: locked.formId, recordId: locked.recordId, instanceId: locked.id };
}

function toEngineAction(input: TaskActionInput): TaskAction {
  switch (input.action) {
    case "approve":
    case "submit":
    case "reject":
      return { type: input.action };
    case "return":
      if (!input.target) throw invalid("/target", "return needs the node to return to");
      return { type: "return", toNode: input.target };
    case "transfer": {
      const to = input.users?.[0];
      if (!to || input.users?.length !== 1) throw invalid("/users", "transfer needs exactly one user");
      return { type: "transfer", to };
    }
    case "addSigner":
      if (!input.users?.length) throw invalid("/users", "add at least one signer");
      return { type: "addSigner", users: input.users, position: input.position ?? "after" };
  }
}

function invalid(path: string, message: string): FormworkError {
  return new FormworkError("VALIDATION_FAILED", message, [{ path, message }]);
}

/** The command's comment and signature, when the action carries them. */
function acting(input: TaskActionInput) {
  return {
    ...(input.comment ? { comment: input.comment } : {}),
    ...(input.signature ? { signature: input.signature } : {}),
  };
}

/** A task its user may act on: theirs (else 403) and pending (else 409: done or cancelled meanwhile). */
function refuseUnlessPending(task: { status: TaskStatus; assignee: string }, userId: string): void {
  if (task.assignee !== userId)
    throw new EngineError("NOT_YOUR_TASK", "This task belongs to somebody else", "/task");
  if (task.status !== "pending")
    throw new EngineError("TASK_NOT_PENDING", `The task is already ${task.status}`, "/task");
}

/** Record validation errors of accepted edits point into the action's `fieldEdits`. */
function asFieldEditError(error: unknown): unknown {
  if (!(error instanceof FormworkError)) return error;
  const details: ErrorDetail[] = error.details.map((d) => ({
    ...d,
    path: d.path.replace(/^\/data(?=\/|$)/, "/fieldEdits"),
  }));
  return new FormworkError(error.code, error.message, details);
}

/** The engine points into its command; clients need pointers into what they sent. */
const ACT_PATHS: Record<string, string> = {
  "/taskId": "/task",
  "/action/type": "/action",
  "/action/toNode": "/target",
  "/action/to": "/users/0",
  "/action/users": "/users",
};
const ADMIN_PATHS: Record<string, string> = {
  "/action/taskId": "/task",
  "/action/to": "/user",
  "/action/toNode": "/target",
  "/action/type": "/action",
};

function toRequestPaths(error: unknown, paths: Record<string, string>): unknown {
  if (!(error instanceof FormworkError)) return error;
  const details = error.details.map((d) => ({ ...d, path: paths[d.path] ?? d.path }));
  if (details.every((d, i) => d.path === error.details[i]?.path)) return error;
  const mapped = new FormworkError(error.code, error.message, details);
  return mapped;
}
