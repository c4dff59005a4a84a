// A create written by one statement together with what reacts to it inside the transaction: the flow
// the records start (RecordFlows.prepare) and the work of in-transaction listeners that can plan it
// before the insert (CreatePlanner: an automation creating a record in another form). Their rows are
// data-modifying CTEs of the records' INSERT: one round trip, no BEGIN/COMMIT, atomic by itself.
// When a listener cannot plan this create, or the database refuses the statement (a unique index, a
// form published again meanwhile), the answer is null and the caller takes the transactional path,
// which does the same work with today's semantics (an automation's failure is logged as a failed run
// and the user's record stands) — nothing of the refused statement was written.
import {
  type ApiRecord,
  insertNeedsTransaction,
  insertRecords,
  isUnavailable,
  newId,
  type PublishedForm,
  partData,
  type WriteContext,
} from "@formwork/db";
import { FormworkError } from "@formwork/schema";
import type { Db } from "../../database";
import type { Principal } from "../auth/principal";
import type { ChangeOrigin, CreatePlanner, PlannedWork } from "./events";
import type { RecordFlows, WriteDeps } from "./write-path";

export interface OneStatementCreate {
  db: Db;
  deps: WriteDeps;
  form: PublishedForm;
  /** Each record's prepared data (no lookups, references, quotas or serial numbers left to do). */
  datas: Record<string, unknown>[];
  deptId: string | null;
  writeCtx: WriteContext;
  origin: ChangeOrigin;
  starter: RecordFlows | undefined;
  initiator: Principal | null;
  /** The interested listeners' planners (none: nobody listens, the records' events are emitted as usual). */
  planners: CreatePlanner[];
}

/** Creates the records in one statement, or answers null: take the transactional path. */
export async function createInOneStatement(c: OneStatementCreate): Promise<ApiRecord[] | null> {
  const { db, deps, form, deptId, writeCtx, origin } = c;
  const drafts = c.datas.map((data) => ({ id: newId(), data }));
  const works: PlannedWork[] = [];
  if (c.planners.length > 0) {
    // Listeners plan one record's create, written by a statement outside any transaction (whose
    // after-commit listeners are told right after it).
    const [draft] = drafts;
    if (drafts.length !== 1 || !draft || db.isTransaction) return null;
    if (insertNeedsTransaction(form, [{ data: draft.data }])) return null;
    const appId = await c.deps.appIdOf(form.id, db);
    // The record's data as the listeners would see it once stored (every field, unset ones null).
    const data = partData(form, draft.data);
    const create = { appId, formId: form.id, form, record: { id: draft.id, data }, ...origin };
    for (const planner of c.planners) {
      const work = await planner(db, create);
      if (!work) return null;
      works.push(work);
    }
  }
  const start = c.starter ? await c.starter.prepare(db, form, drafts, c.initiator, new Date()) : null;
  const inputs = drafts.map(({ id, data }, i) => ({
    id,
    data,
    deptId,
    flowStatus: start?.statuses[i] ?? null,
  }));
  let records: ApiRecord[];
  try {
    records = await insertRecords(db, form, inputs, writeCtx, {
      also: (inserted) => [...(start?.parts(inserted) ?? []), ...works.flatMap((w) => w.parts(inserted))],
      alsoCurrent: works.flatMap((w) => w.forms),
    });
  } catch (error) {
    // With planned work, the transactional path sorts out whose the refusal was (the user's record's, or
    // a listener's, which fails alone there).
    if (works.length > 0 && refused(error)) return null;
    throw error;
  }
  await start?.emit(db);
  const appId = await deps.appIdOf(form.id, db);
  for (const record of records) {
    const change = { kind: "created" as const, appId, formId: form.id, form, record, ...origin };
    if (works.length === 0) {
      await deps.events.emitRecord(db, change);
      continue;
    }
    // As in a transaction, the changes the listeners made come before the one that triggered them.
    for (const work of works) for (const made of work.changes(record)) deps.events.announce(db, made);
    deps.events.announce(db, change);
  }
  return records;
}

/** The database answered the statement with an error: it rolled back whole (not: the answer was lost). */
function refused(error: unknown): boolean {
  if (isUnavailable(error) || (error instanceof FormworkError && error.code === "SERVICE_UNAVAILABLE"))
    return false;
  const code = (error as { code?: unknown } | null)?.code;
  return error instanceof FormworkError || (typeof code === "string" && /^[0-9A-Z]{5}$/.test(code));
}
