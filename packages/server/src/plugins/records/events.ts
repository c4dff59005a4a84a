// The one hook through which record and flow changes reach everyone who reacts to them (automations,
// webhooks, realtime, imports' bookkeeping): see /work/notes/record-events.md. Write paths emit inside
// their transaction; in-transaction listeners run there (a throw rolls the write back), after-commit
// listeners run once the outermost transaction opened through `transaction()` has committed, and never
// when it rolls back.
import type { ApiRecord, InsertPart, PublishedForm } from "@formwork/db";
import { type RawBuilder, sql } from "kysely";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";

export type ChangeSource = "api" | "public" | "import" | "bulk" | "automation" | "workflow" | "template";

export interface RecordChange {
  kind: "created" | "updated" | "deleted" | "restored";
  appId: string;
  formId: string;
  form: PublishedForm;
  /** The state after the change (for deleted: the last state). */
  record: ApiRecord;
  /** For updated: the state before. */
  before?: ApiRecord;
  /** For updated: top-level field ids whose value changed. */
  changedFields?: string[];
  /** null: a public submitter or the system. */
  actor: Principal | null;
  source: ChangeSource;
  /** Automation chain depth (0 for a user's write); loop protection. */
  depth: number;
}

export interface FlowChange {
  kind: "started" | "approved" | "rejected" | "withdrawn" | "ended" | "task-created";
  appId: string;
  formId: string;
  recordId: string;
  instanceId: string;
  taskId?: string;
  assigneeIds?: string[];
  actor: Principal | null;
}

/** Who made a change and through what: what a write path passes on to its emitted changes. */
export interface ChangeOrigin {
  actor: Principal | null;
  source: ChangeSource;
  depth: number;
}

/**
 * Record changes of one form past the first AFTER_COMMIT_KEPT of a transaction (an import, a large bulk
 * edit): their ids only, for after-commit listeners that want to know what changed, not how.
 */
export interface RecordChanges {
  kind: RecordChange["kind"];
  appId: string;
  formId: string;
  recordIds: string[];
}

/**
 * Whole changes a transaction keeps for its after-commit listeners; past this many, only ids
 * (RecordChanges). A 100,000-row import kept every record it created until its commit (~3.5 KB each,
 * 350 MB) and then handed 100,000 hints to the listeners at once.
 */
export const AFTER_COMMIT_KEPT = 1000;

/** A create about to be written in one statement: its record as it will be stored (no timestamps yet). */
export interface PlannedCreate {
  appId: string;
  formId: string;
  form: PublishedForm;
  record: { id: string; data: Record<string, unknown> };
  actor: Principal | null;
  source: ChangeSource;
  depth: number;
}

/** An in-transaction listener's work for a create, folded into the create's own insert statement. */
export interface PlannedWork {
  /** Its writes as CTEs of the insert, each written only when `inserted` holds. */
  parts(inserted: RawBuilder<boolean>): InsertPart[];
  /** The forms the parts create records of (the statement writes nothing unless each is still current). */
  forms: PublishedForm[];
  /** After the statement: the changes its parts made, given the created record as stored. */
  changes(created: ApiRecord): RecordChange[];
}

/**
 * How a listener folds its work for a create into the insert's statement (an automation that creates
 * a record: no BEGIN/COMMIT). Null: this create needs the transaction (the listener then runs as usual).
 */
export type CreatePlanner = (db: Db, create: PlannedCreate) => Promise<PlannedWork | null>;

type InTx<C> = (tx: Db, change: C) => Promise<void>;
type After<C> = (change: C) => void;

export interface RecordEvents {
  /** Runs inside the writing transaction; a throw rolls the whole write back. Own-database effects go here. */
  onRecordChange(listener: InTx<RecordChange>): void;
  onFlowChange(listener: InTx<FlowChange>): void;
  /** After commit, fire-and-forget (realtime hints, caches). Never throws into the request. */
  afterRecordCommit(listener: After<RecordChange>): void;
  /** After commit, the changes past a transaction's first AFTER_COMMIT_KEPT, as ids per form and kind. */
  afterRecordsCommit(listener: After<RecordChanges>): void;
  afterFlowCommit(listener: After<FlowChange>): void;
  /**
   * Whether any in-transaction listener cares about this form (keeps the one-statement create fast path
   * when nothing listens). Listeners register a predicate with `listensTo`. `db`: the caller's
   * transaction when it is in one (PGlite has one connection: a look-up must use the transaction).
   */
  needsTransaction(formId: string, db?: Db): Promise<boolean>;
}

/** What is waiting for a transaction's commit. */
interface Pending {
  records: RecordChange[];
  /** Past AFTER_COMMIT_KEPT records: ids by form and kind (key `formId kind`). */
  overflow: Map<string, RecordChanges>;
  flows: FlowChange[];
  /** A first attempt of a re-runnable transaction: listeners may skip their savepoints (see optimistic). */
  optimistic?: boolean;
}

/**
 * Thrown by a listener of an optimistic transaction whose work failed without a savepoint to roll back
 * to: the transaction is rolled back and run again, this time with savepoints.
 */
export class RerunWithSavepoints extends Error {
  constructor(cause: unknown) {
    super("a listener failed in an optimistic transaction: run it again with savepoints", { cause });
    this.name = "RerunWithSavepoints";
  }
}

/**
 * The hub the write paths emit through. Who opens a transaction in which changes are emitted opens it
 * with `transaction()` (it composes: inside one, it just runs the work), so after-commit listeners know
 * when the commit happened. Emitting inside a transaction opened otherwise is a bug and throws.
 */
export class RecordEventHub implements RecordEvents {
  private readonly recordListeners: InTx<RecordChange>[] = [];
  private readonly flowListeners: InTx<FlowChange>[] = [];
  private readonly recordCommits: After<RecordChange>[] = [];
  private readonly recordsCommits: After<RecordChanges>[] = [];
  private readonly flowCommits: After<FlowChange>[] = [];
  private readonly interest: {
    predicate: (formId: string, db?: Db) => Promise<boolean>;
    planner: CreatePlanner | undefined;
  }[] = [];
  private readonly open = new WeakMap<Db, Pending>();
  private savepoints = 0;

  constructor(private readonly log: { error: (obj: unknown, msg: string) => void } = console) {}

  onRecordChange(listener: InTx<RecordChange>): void {
    this.recordListeners.push(listener);
  }
  onFlowChange(listener: InTx<FlowChange>): void {
    this.flowListeners.push(listener);
  }
  afterRecordCommit(listener: After<RecordChange>): void {
    this.recordCommits.push(listener);
  }
  afterRecordsCommit(listener: After<RecordChanges>): void {
    this.recordsCommits.push(listener);
  }
  afterFlowCommit(listener: After<FlowChange>): void {
    this.flowCommits.push(listener);
  }

  /**
   * An in-transaction listener's interest in a form; `needsTransaction` asks every predicate. With a
   * `planner`, the listener's work for a create may instead be written by the insert's statement.
   */
  listensTo(predicate: (formId: string, db?: Db) => Promise<boolean>, planner?: CreatePlanner): void {
    this.interest.push({ predicate, planner });
  }

  async needsTransaction(formId: string, db?: Db): Promise<boolean> {
    for (const { predicate } of this.interest) if (await predicate(formId, db)) return true;
    return false;
  }

  /**
   * The planners of the listeners interested in the form's creates ([]: nobody listens), or null when
   * one of them has none (the create needs a transaction).
   */
  async plannersFor(formId: string, db?: Db): Promise<CreatePlanner[] | null> {
    const planners: CreatePlanner[] = [];
    for (const { predicate, planner } of this.interest) {
      if (!(await predicate(formId, db))) continue;
      if (!planner) return null;
      planners.push(planner);
    }
    return planners;
  }

  /**
   * A change already written in `db` whose in-transaction work was planned into its statement
   * (PlannedWork): only the after-commit listeners hear of it, once `db`'s transaction commits (at once
   * outside one). An import's one-statement creates run inside its job's transaction: told at once, the
   * listeners heard of records that its rollback then removed.
   */
  announce(db: Db, change: RecordChange): void {
    const pending = this.pendingOf(db);
    if (!pending) {
      for (const listener of this.recordCommits) this.safely(() => listener(change));
    } else if (pending.records.length < AFTER_COMMIT_KEPT) {
      pending.records.push(change);
    } else {
      this.keepId(pending, change, change.record.id);
    }
  }

  /**
   * Whether after-commit listeners would get whole records of what is created in `db` now: a refs-only
   * create then returns records to emit; else it tells them the ids (`emitChangedIds`). Past a
   * transaction's first AFTER_COMMIT_KEPT changes they get ids anyway, so an import stops reading every
   * row it writes back.
   */
  wantsCommittedRecords(db: Db): boolean {
    if (this.recordCommits.length === 0) return false;
    const pending = this.pendingOf(db);
    return pending === null || pending.records.length < AFTER_COMMIT_KEPT;
  }

  /**
   * Changes in `db` the after-commit listeners hear of by id only: records created that no in-transaction
   * listener wanted, aggregation values recomputed (derived data: no in-transaction listener, no history).
   */
  emitChangedIds(db: Db, changes: RecordChanges): void {
    if (changes.recordIds.length === 0) return;
    const pending = this.pendingOf(db);
    if (!pending) for (const listener of this.recordsCommits) this.safely(() => listener(changes));
    else for (const id of changes.recordIds) this.keepId(pending, changes, id);
  }

  /**
   * Runs `work` in a transaction: `db`'s own when it is one opened here, else a new one whose commit
   * fires the after-commit listeners of every change emitted in it.
   *
   * `rerunnable`: `work` may be run again from the start after a rollback (it keeps no state outside the
   * database between attempts — a single API write). Its first attempt is then optimistic: listeners
   * skip the savepoint round trips that would let them fail alone, and when one fails it throws
   * RerunWithSavepoints, the attempt rolls back and `work` runs again with savepoints. Failures are
   * rare, savepoints are two statements per automation on every write.
   */
  async transaction<T>(
    db: Db,
    work: (tx: Db) => Promise<T>,
    options: { rerunnable?: boolean } = {},
  ): Promise<T> {
    if (db.isTransaction) {
      if (!this.open.has(db)) throw unmanaged();
      return work(db);
    }
    const attempt = async (optimistic: boolean) => {
      const pending: Pending = { records: [], overflow: new Map(), flows: [], optimistic };
      const result = await db.transaction().execute((tx) => {
        this.open.set(tx, pending);
        return work(tx);
      });
      this.flush(pending);
      return result;
    };
    if (!options.rerunnable) return attempt(false);
    try {
      return await attempt(true);
    } catch (error) {
      if (error instanceof RerunWithSavepoints) return attempt(false);
      throw error;
    }
  }

  /** Whether `tx` is the first attempt of a re-runnable transaction (see `transaction`). */
  optimistic(tx: Db): boolean {
    return this.open.get(tx)?.optimistic === true;
  }

  /**
   * Runs `work` under a savepoint of `tx` (a transaction opened with `transaction()`): when it throws,
   * its statements are rolled back and so are the changes it emitted (their after-commit listeners
   * never hear of them); the error is rethrown. Imports set refused rows aside this way.
   */
  async savepoint<T>(tx: Db, work: () => Promise<T>): Promise<T> {
    const pending = this.open.get(tx);
    if (!pending) throw unmanaged();
    // Whoever sets work aside under a savepoint expects the rest to go on: no optimistic skipping inside.
    pending.optimistic = false;
    const mark = {
      records: pending.records.length,
      flows: pending.flows.length,
      overflow: new Map([...pending.overflow].map(([key, changes]) => [key, changes.recordIds.length])),
    };
    const name = sql.raw(`events_${++this.savepoints}`);
    await sql`SAVEPOINT ${name}`.execute(tx);
    try {
      const result = await work();
      await sql`RELEASE SAVEPOINT ${name}`.execute(tx);
      return result;
    } catch (error) {
      await sql`ROLLBACK TO SAVEPOINT ${name}`.execute(tx);
      pending.records.length = mark.records;
      pending.flows.length = mark.flows;
      for (const [key, changes] of pending.overflow) {
        const kept = mark.overflow.get(key);
        if (kept === undefined) pending.overflow.delete(key);
        else changes.recordIds.length = kept;
      }
      throw error;
    }
  }

  /** Emits a record change: in-transaction listeners now, after-commit ones at commit. */
  async emitRecord(db: Db, change: RecordChange): Promise<void> {
    for (const listener of this.recordListeners) await listener(db, change);
    this.announce(db, change);
  }

  private keepId(pending: Pending, change: Omit<RecordChanges, "recordIds">, id: string): void {
    const key = `${change.formId} ${change.kind}`;
    const changes = pending.overflow.get(key);
    if (changes) changes.recordIds.push(id);
    else
      pending.overflow.set(key, {
        kind: change.kind,
        appId: change.appId,
        formId: change.formId,
        recordIds: [id],
      });
  }

  async emitFlow(db: Db, change: FlowChange): Promise<void> {
    for (const listener of this.flowListeners) await listener(db, change);
    const pending = this.pendingOf(db);
    if (pending) pending.flows.push(change);
    else for (const listener of this.flowCommits) this.safely(() => listener(change));
  }

  /** What waits for `db`'s commit; null outside a transaction (a one-statement create: committed already). */
  private pendingOf(db: Db): Pending | null {
    if (!db.isTransaction) return null;
    const pending = this.open.get(db);
    if (!pending) throw unmanaged();
    return pending;
  }

  private flush(pending: Pending): void {
    for (const change of pending.records)
      for (const listener of this.recordCommits) this.safely(() => listener(change));
    for (const changes of pending.overflow.values())
      for (const listener of this.recordsCommits) this.safely(() => listener(changes));
    for (const change of pending.flows)
      for (const listener of this.flowCommits) this.safely(() => listener(change));
  }

  private safely(run: () => void): void {
    try {
      run();
    } catch (error) {
      this.log.error({ err: error }, "an after-commit record event listener failed");
    }
  }
}

function unmanaged(): Error {
  return new Error(
    "record events emitted inside a transaction not opened by recordEvents.transaction(): open it there",
  );
}

declare module "fastify" {
  interface FastifyInstance {
    recordEvents: RecordEventHub;
  }
}
