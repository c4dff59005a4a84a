// Benchmark 3: creating many records in batches of 1,000, one batch at a time — through the HTTP batch
// route, through the db package's insertRecords that route ends in, and as raw multi-row INSERTs.
import { insertRecords, type PublishedForm } from "@formwork/db";
import type { Kysely } from "kysely";
import type pg from "pg";
import { BASELINE_COLUMNS, BASELINE_TABLE, baselineRow, benchData } from "./bench-form";
import type { Session } from "./setup-client";

export const BATCH_SIZE = 1000;

export interface BatchResult {
  name: string;
  records: number;
  seconds: number;
  perSecond: number;
}

async function timeBatches(
  name: string,
  total: number,
  insertBatch: (first: number, count: number) => Promise<void>,
): Promise<BatchResult> {
  const started = performance.now();
  for (let first = 0; first < total; first += BATCH_SIZE) {
    await insertBatch(first, Math.min(BATCH_SIZE, total - first));
  }
  const seconds = (performance.now() - started) / 1000;
  return { name, records: total, seconds, perSecond: total / seconds };
}

const range = (first: number, count: number) => Array.from({ length: count }, (_, i) => first + i);

/**
 * POST /api/forms/:form/records with arrays of 1,000 bodies; `minimal` asks for ids and versions only
 * (`Prefer: return=minimal`), as an import client would.
 */
export function batchOverHttp(
  session: Session,
  formId: string,
  total: number,
  options: { minimal?: boolean } = {},
): Promise<BatchResult> {
  const name = options.minimal ? "ours: HTTP batch route, Prefer: return=minimal" : "ours: HTTP batch route";
  const headers: Record<string, string> = options.minimal ? { prefer: "return=minimal" } : {};
  return timeBatches(name, total, async (first, count) => {
    const body = JSON.stringify(range(first, count).map((i) => ({ data: benchData(i) })));
    const response = await session.call({
      method: "POST",
      path: `/api/forms/${formId}/records`,
      headers,
      body,
    });
    if (response.status !== 201) throw new Error(`batch: ${response.status} ${response.body.slice(0, 300)}`);
  });
}

/** insertRecords of @formwork/db with already-normalised values (the formula computed as prepare does). */
export function batchThroughDb(
  db: Kysely<never>,
  form: PublishedForm,
  actorId: string,
  total: number,
): Promise<BatchResult> {
  return timeBatches("ours: db insertRecords", total, async (first, count) => {
    const inputs = range(first, count).map((i) => {
      const data = benchData(i);
      return { data: { ...data, total: Number(data.qty) * Number(data.price) } };
    });
    // biome-ignore lint/suspicious/noExplicitAny: insertRecords takes the db typed with the system tables.
    await insertRecords(db as any, form, inputs, { actorId });
  });
}

/** One multi-row INSERT of 1,000 rows per batch into the equivalent baseline table. */
export function batchRawSql(
  pool: pg.Pool,
  actorId: string,
  total: number,
  /** What to insert of each bench record (the import bench leaves a column out). */
  shape: (data: ReturnType<typeof benchData>) => ReturnType<typeof benchData> = (data) => data,
): Promise<BatchResult> {
  const columns = ["id", "created_by", "owner_id", ...BASELINE_COLUMNS.map(([name]) => name)];
  return timeBatches("baseline: raw multi-row INSERT (pg)", total, async (first, count) => {
    const params: unknown[] = [];
    const tuples = range(first, count).map((i) => {
      const row = [crypto.randomUUID(), actorId, actorId, ...baselineRow(shape(benchData(i)))];
      const placeholders = row.map((value) => {
        params.push(value);
        return `$${params.length}`;
      });
      return `(${placeholders.join(", ")})`;
    });
    await pool.query(
      `INSERT INTO ${BASELINE_TABLE} (${columns.join(", ")}) VALUES ${tuples.join(", ")}`,
      params,
    );
  });
}
