// The run log of automations: one row per run with its trigger, inputs, each action's outcome and the
// error that stopped it. Written in the triggering transaction (a run that succeeded is logged with the
// write it belongs to; a failed one after its savepoint rolled back).
import type { AutomationActionOutcome, AutomationRunView } from "@formwork/schema";
import { sql } from "kysely";
import { newId } from "../ids";
import type { Db } from "../org/shared";
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
  await db
    .insertInto("automation_runs")
    .values({
      id,
      automation_id: run.automationId,
      status: run.status,
      trigger: json(run.trigger),
      inputs: json(run.inputs),
      outcomes: json(run.outcomes),
      error: run.error,
      depth: run.depth,
      retry_of: run.retryOf ?? null,
    })
    .execute();
  return id;
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
