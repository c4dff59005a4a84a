// The run log of automations: one row per run with its trigger, inputs, each action's outcome and the
// error that stopped it. Written in the triggering transaction (a run that succeeded is logged with the
// write it belongs to; a failed one after its savepoint rolled back).
import type { AutomationActionOutcome, AutomationRunView } from "@formwork/schema";
import { sql } from "kysely";
import { newId } from "../ids";
import type { Db } from "../org/shared";
import type { FixedPart } from "../records/insert-parts";
import { INSERTED } from "../records/insert-statement";
import { json } from "../tables";

export type ActionOutcome = AutomationActionOutcome;

export interface NewRun {
  automationId: string;
  status: "succeeded" | "failed";
  trigger: Record<string, unknown>;
  inputs: Record<string, unknown>;
  outcomes: ActionOutcome[];
  error: string | null;
  depth: number;
  retryOf?: string | null;
}

export type AutomationRun = AutomationRunView;

export async function insertRun(db: Db, run: NewRun): Promise<string> {
  const id = newId();
  await db.insertInto("automation_runs").values(runRow(id, run)).execute();
  return id;
}

function runRow(id: string, run: NewRun) {
  return {
    id,
    automation_id: run.automationId,
    status: run.status,
    trigger: json(run.trigger),
    inputs: json(run.inputs),
    outcomes: json(run.outcomes),
    error: run.error,
    depth: run.depth,
    retry_of: run.retryOf ?? null,
  };
}

const RUN_PART = `INSERT INTO automation_runs
    (id, automation_id, status, trigger, inputs, outcomes, error, depth, retry_of)
    SELECT $1::uuid, $2::uuid, $3::text, $4::jsonb, $5::jsonb, $6::jsonb, $7::text, $8::integer, $9::uuid
    WHERE ${INSERTED}`;

/**
 * The run's log row as a data-modifying CTE of another statement (the trigger record's insert, which
 * the run's writes are part of): written only when that insert wrote its rows (INSERTED). Answers its id.
 */
export function runInsertPart(run: NewRun): { id: string; part: FixedPart } {
  const id = newId();
  const r = runRow(id, run);
  const parameters = [
    r.id,
    r.automation_id,
    r.status,
    r.trigger,
    r.inputs,
    r.outcomes,
    r.error,
    r.depth,
    r.retry_of,
  ];
  return { id, part: { sql: RUN_PART, parameters } };
}

type RunRow = {
  id: string;
  automation_id: string;
  status: "succeeded" | "failed";
  trigger: Record<string, unknown>;
  inputs: Record<string, unknown>;
  outcomes: ActionOutcome[];
  error: string | null;
  depth: number;
  retry_of: string | null;
  created_at: Date;
};

function view(row: RunRow): AutomationRun {
  return {
    id: row.id,
    automationId: row.automation_id,
    status: row.status,
    trigger: row.trigger,
    inputs: row.inputs,
    outcomes: row.outcomes,
    error: row.error,
    depth: row.depth,
    retryOf: row.retry_of,
    createdAt: row.created_at.toISOString(),
  };
}

/** Newest first, keyset-paged by (created_at, id) with the cursor being the last run's id. */
export async function listRuns(
  db: Db,
  automationId: string,
  options: { limit: number; before?: string },
): Promise<{ runs: AutomationRun[]; nextCursor: string | null }> {
  const after = options.before
    ? sql`AND (r.created_at, r.id) < (SELECT created_at, id FROM automation_runs WHERE id = ${options.before})`
    : sql``;
  const { rows } = await sql<RunRow>`
    SELECT r.* FROM automation_runs r
    WHERE r.automation_id = ${automationId} ${after}
    ORDER BY r.created_at DESC, r.id DESC
    LIMIT ${options.limit + 1}`.execute(db);
  const page = rows.slice(0, options.limit).map(view);
  return { runs: page, nextCursor: rows.length > options.limit ? (page.at(-1)?.id ?? null) : null };
}

export async function getRun(db: Db, automationId: string, id: string): Promise<AutomationRun | null> {
  const row = await db
    .selectFrom("automation_runs")
    .selectAll()
    .where("automation_id", "=", automationId)
    .where("id", "=", id)
    .executeTakeFirst();
  return row ? view(row as unknown as RunRow) : null;
}
