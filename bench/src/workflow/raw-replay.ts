// The raw baseline of an approval: the very statements the server ran for one approval (captured from
// the pg driver while an in-process app approved a sample task), replayed over a bare pg pool for other
// tasks, with the sample's instance and record ids swapped for the target's (task ids start with their
// instance's). Same SQL, same parameters' shapes, same transaction or none — without HTTP, Fastify,
// Kysely or the engine. Each replayed statement must touch as many rows as the server's did, so a
// guarded write that wrote nothing (a wrong swap) counts as an error, not as a cheap approval.
import { AsyncLocalStorage } from "node:async_hooks";
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase } from "@formwork/db";
import { buildApp } from "@formwork/server";
import pg from "pg";
import type { LoadResult } from "../server/load";

export interface Statement {
  text: string;
  values: unknown[];
  /** The prepared statement's name when the server sent it as one: the replay prepares it too. */
  name?: string;
  /** Rows the server's statement touched or returned. */
  rowCount?: number | null;
}

export interface Sample {
  taskId: string;
  instanceId: string;
  recordId: string;
}

/**
 * Approves `warmup` then `sample` through an in-process app over `url`, recording every statement the
 * second approval's request sent (the first fills the app's caches, as a running server's are; the
 * request's own async context tells its statements from anything else the app runs meanwhile).
 */
export async function captureApproval(
  url: string,
  token: string,
  warmup: Sample,
  sample: Sample,
): Promise<Statement[]> {
  const database = await createDatabase({ url, poolSize: 2 });
  const dataDir = await mkdtemp(join(tmpdir(), "formwork-capture-"));
  const app = await buildApp({
    db: database.db,
    kind: "postgres",
    dataDir,
    config: { logLevel: false, workflowTimers: { enabled: false } },
  });
  const approve = async (task: Sample) => {
    const response = await app.inject({
      method: "POST",
      url: `/api/tasks/${encodeURIComponent(task.taskId)}/actions`,
      headers: { authorization: `Bearer ${token}` },
      payload: { action: "approve" },
    });
    if (response.statusCode !== 200)
      throw new Error(`sample approval: ${response.statusCode} ${response.body}`);
  };
  await approve(warmup);
  const seen: Statement[] = [];
  const recording = new AsyncLocalStorage<true>();
  const original = pg.Client.prototype.query;
  // biome-ignore lint/suspicious/noExplicitAny: a recording wrapper around the driver's overloaded query().
  (pg.Client.prototype as any).query = function (this: pg.Client, ...args: any[]) {
    const [first, second] = args;
    let statement: Statement | undefined;
    if (!recording.getStore()) statement = undefined;
    else if (typeof first === "string") statement = { text: first, values: (second as unknown[]) ?? [] };
    else if (first && typeof first.text === "string")
      statement = {
        text: first.text,
        values: first.values ?? [],
        ...(first.name ? { name: first.name } : {}),
      };
    const result = (original as (...a: unknown[]) => unknown).apply(this, args);
    if (statement) {
      seen.push(statement);
      const recorded = statement;
      void (result as Promise<pg.QueryResult> | undefined)?.then?.(
        (r) => {
          recorded.rowCount = r.rowCount;
        },
        () => {},
      );
    }
    return result;
  };
  try {
    await recording.run(true, () => approve(sample));
  } finally {
    pg.Client.prototype.query = original;
    await app.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
  if (seen.length === 0) throw new Error("no statement captured (is pg shared with @formwork/db?)");
  return seen;
}

function swap(value: unknown, from: Sample, to: Sample): unknown {
  if (typeof value === "string")
    return value.replaceAll(from.instanceId, to.instanceId).replaceAll(from.recordId, to.recordId);
  if (Array.isArray(value)) return value.map((v) => swap(v, from, to));
  return value;
}

/** Closed-loop replay of the captured transaction for `targets` (one each) with `concurrency` clients. */
export async function replayRaw(
  url: string,
  statements: Statement[],
  sample: Sample,
  targets: Sample[],
  options: { concurrency: number; durationMs: number },
): Promise<LoadResult> {
  const pool = new pg.Pool({ connectionString: url, max: options.concurrency });
  const latenciesMs: number[] = [];
  let next = 0;
  let errors = 0;
  let firstError: string | undefined;
  const started = performance.now();
  const deadline = started + options.durationMs;
  const worker = async () => {
    const client = await pool.connect();
    try {
      while (performance.now() < deadline && next < targets.length) {
        const target = targets[next++]!;
        const sent = performance.now();
        try {
          for (const statement of statements) {
            const result = await client.query({
              text: statement.text,
              values: statement.values.map((v) => swap(v, sample, target)),
              ...(statement.name ? { name: statement.name } : {}),
            });
            if (typeof statement.rowCount === "number" && result.rowCount !== statement.rowCount)
              throw new Error(
                `${result.rowCount} rows where the server's statement had ${statement.rowCount}`,
              );
          }
        } catch (error) {
          errors++;
          firstError ??= String(error);
          await client.query("ROLLBACK").catch(() => {});
        }
        latenciesMs.push(performance.now() - sent);
      }
    } finally {
      client.release();
    }
  };
  await Promise.all(Array.from({ length: options.concurrency }, worker));
  const elapsedMs = performance.now() - started;
  await pool.end();
  return {
    requests: latenciesMs.length,
    errors,
    ...(firstError ? { firstError } : {}),
    elapsedMs,
    perSecond: ((latenciesMs.length - errors) * 1000) / elapsedMs,
    latenciesMs,
  };
}
