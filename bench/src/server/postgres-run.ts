// The PostgreSQL half of the run: submissions (ours vs the bare Fastify + pg baseline), batch creates
// and the grid page over the big table, all against one freshly created database.
import { createDatabase } from "@formwork/db";
import pg from "pg";
import { batchOverHttp, batchRawSql, batchThroughDb } from "./batch";
import { BASELINE_TABLE, baselineIndexDdl, baselineTableDdl } from "./bench-form";
import { compareDashboard, saveDashboard } from "./dashboard";
import { compareWriteCost } from "./dashboard-writes";
import { compareGridPages, loadGridRows, type SqlRunner, saveGridView } from "./grid";
import { startScript } from "./processes";
import {
  batchExtra,
  dashboardTable,
  gridTable,
  submissionExtra,
  throughputTable,
  writeCostTable,
} from "./report";
import { publishBenchForms, publishedForm, type Session, signIn } from "./setup-client";
import { compareSubmissions, type SubmissionOptions } from "./submissions";

export interface PostgresSettings {
  /** The benchmark's own database, dropped and created anew. */
  url: string;
  submissions: SubmissionOptions;
  batchRecords: number;
  gridRows: number;
  gridIterations: number;
  /** Rounds of the dashboard section (each widget alone both ways, then the whole dashboard both ways). */
  dashboardRounds: number;
  timeZone: string;
  /** Which sections run: "submissions", "batch", "grid", "dashboard", "dashboard-writes" (BENCH_SECTIONS). */
  sections: ReadonlySet<string>;
  log: (line: string) => void;
  /** Called with each section's markdown as soon as it is measured. */
  emit: (markdown: string) => void;
}

interface ServerInfo {
  port: number;
  pid: number;
}

/** Drops and recreates the database named in `url`, connecting to the `postgres` maintenance database. */
/**
 * Process ids of the pool's database's backends for one application name (PostgreSQL on this machine),
 * so a benchmark counts the database's CPU too: a statement's parse, plan and execution happen there.
 */
export function backendsOfApplication(pool: pg.Pool, application: string): () => Promise<number[]> {
  return async () =>
    (
      await pool.query<{ pid: number }>(
        "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
        [application],
      )
    ).rows.map((row) => row.pid);
}

export async function recreateDatabase(url: string): Promise<void> {
  const target = new URL(url);
  const name = decodeURIComponent(target.pathname.slice(1));
  if (!/^[a-z_][a-z0-9_]*$/.test(name)) throw new Error(`Unsafe benchmark database name "${name}"`);
  const maintenance = new URL(url);
  maintenance.pathname = "/postgres";
  const client = new pg.Client({ connectionString: maintenance.toString() });
  await client.connect();
  try {
    await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
    await client.query(`CREATE DATABASE ${name}`);
  } finally {
    await client.end();
  }
}

async function actorOf(session: Session): Promise<string> {
  const me = await session.call({ method: "GET", path: "/api/me" });
  return (JSON.parse(me.body) as { user: { id: string } }).user.id;
}

/**
 * Runs the PostgreSQL sections; returns the baseline's submissions per second (PGlite's is compared with
 * it), or undefined when submissions were not among the sections.
 */
export async function runPostgres(settings: PostgresSettings): Promise<number | undefined> {
  const { url, log, emit } = settings;
  await recreateDatabase(url);
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  const database = await createDatabase({ url });
  const stops: (() => Promise<void>)[] = [];
  const backendsOf = (application: string) => backendsOfApplication(pool, application);
  try {
    // Ours first: its migrations install pg_trgm, which the baseline's search index needs too.
    const ours = await startScript<ServerInfo>("src/server/our-server.ts", { BENCH_DATABASE_URL: url });
    stops.push(ours.stop);
    await pool.query(baselineTableDdl());
    for (const ddl of baselineIndexDdl()) await pool.query(ddl);
    const baseline = await startScript<ServerInfo>("src/server/baseline-server.ts", {
      BENCH_DATABASE_URL: url,
    });
    stops.push(baseline.stop);
    const session = await signIn(ours.info.port);
    const forms = await publishBenchForms(session, [
      "orders",
      "batch_http",
      "batch_minimal",
      "batch_db",
      "grid",
      "dash",
      "writes_plain",
      "writes_rolled",
    ]);
    const actorId = await actorOf(session);

    let baselinePerSecond: number | undefined;
    if (settings.sections.has("submissions")) {
      log("PostgreSQL: submissions");
      const submissions = await compareSubmissions(
        [
          {
            name: "baseline: Fastify + ajv + pg INSERT",
            ...baseline.info,
            path: "/records",
            headers: {},
            backends: backendsOf("bench-baseline"),
          },
          {
            name: "ours: POST /api/forms/:form/records (PostgreSQL)",
            ...ours.info,
            path: `/api/forms/${forms.orders}/records`,
            headers: { authorization: `Bearer ${session.token}` },
            backends: backendsOf("formwork"),
          },
        ],
        settings.submissions,
      );
      const [baselineResult, oursResult] = submissions;
      if (!baselineResult || !oursResult) throw new Error("submission results missing");
      const { concurrency, rounds, durationMs } = settings.submissions;
      emit(
        [
          `### 1. Submissions over HTTP (PostgreSQL; ${concurrency} connections, ${rounds} × ${durationMs / 1000} s each, alternating)`,
          "",
          throughputTable(
            "records",
            baselineResult,
            [{ ...oursResult, extra: submissionExtra(oursResult) }],
            0.6,
          ),
          "",
          `Baseline: ${submissionExtra(baselineResult)}.`,
          "",
        ].join("\n"),
      );
      baselinePerSecond = baselineResult.perSecond;
    }

    if (settings.sections.has("dashboard-writes")) {
      log("PostgreSQL: submissions with and without a dashboard's rollups");
      const run: SqlRunner = async (text, params) => (await pool.query(text, params)).rows;
      const { saveMs, results } = await compareWriteCost(
        {
          server: ours.info,
          headers: { authorization: `Bearer ${session.token}` },
          backends: backendsOf("formwork"),
          plainFormId: forms.writes_plain as string,
          rolled: {
            session,
            formId: forms.writes_rolled as string,
            formKey: "writes_rolled",
            table: (await publishedForm(database.db, forms.writes_rolled as string)).tableName,
            run,
            zone: settings.timeZone,
          },
        },
        settings.submissions,
      );
      const { concurrency, rounds, durationMs } = settings.submissions;
      emit(
        [
          `### 5b. What a dashboard's rollups cost a submission (PostgreSQL; ${concurrency} connections, ${rounds} × ${durationMs / 1000} s each, alternating)`,
          "",
          writeCostTable(results),
          "",
          `The six-widget dashboard was saved over the second form first (its five rollups built in ${Math.round(saveMs)} ms ` +
            "on an empty table). One group: every record has the same region, status, due day, channel, priority " +
            "and city, so every writer upserts the same row of each rollup.",
          "",
        ].join("\n"),
      );
    }

    if (settings.sections.has("batch")) {
      log(`PostgreSQL: batch create of ${settings.batchRecords} records`);
      await pool.query(`TRUNCATE ${BASELINE_TABLE}`);
      const raw = await batchRawSql(pool, actorId, settings.batchRecords);
      const http = await batchOverHttp(session, forms.batch_http as string, settings.batchRecords);
      const minimal = await batchOverHttp(session, forms.batch_minimal as string, settings.batchRecords, {
        minimal: true,
      });
      const batchForm = await publishedForm(database.db, forms.batch_db as string);
      const direct = await batchThroughDb(database.db as never, batchForm, actorId, settings.batchRecords);
      emit(
        [
          "### 3. Batch create in batches of 1,000 (PostgreSQL)",
          "",
          throughputTable(
            "records",
            raw,
            [http, minimal, direct].map((b) => ({ ...b, extra: batchExtra(b) })),
            0.5,
          ),
          "",
        ].join("\n"),
      );
    }

    if (settings.sections.has("dashboard")) {
      log(`PostgreSQL: loading ${settings.gridRows} rows for the dashboard`);
      const dashForm = await publishedForm(database.db, forms.dash as string);
      const run: SqlRunner = async (text, params) => (await pool.query(text, params)).rows;
      await loadGridRows(run, dashForm.tableName, settings.gridRows, actorId);
      const paths = {
        session,
        formId: forms.dash as string,
        formKey: "dash",
        table: dashForm.tableName,
        run,
        zone: settings.timeZone,
      };
      let saved = "";
      if (process.env.BENCH_DASHBOARD_ROLLUPS !== "0") {
        const ms = await saveDashboard(paths);
        saved = `The dashboard was saved first (building its rollups): ${Math.round(ms)} ms. `;
        log(`  dashboard saved with its rollups in ${Math.round(ms)} ms`);
      }
      log("PostgreSQL: dashboard widgets");
      const result = await compareDashboard(paths, settings.dashboardRounds);
      emit(
        [
          `### 5. A six-widget dashboard over ${settings.gridRows.toLocaleString("en")} records (PostgreSQL; ${settings.dashboardRounds} rounds)`,
          "",
          dashboardTable(result),
          "",
          "Each widget: POST /api/forms/:form/aggregate over HTTP as an administrator (JSON in and out) vs the " +
            "same GROUP BY written by hand on a pg pool, alternating. The whole dashboard: the six requests sent " +
            "at once, as the dashboard page does, vs the six hand-written statements at once. " +
            saved,
          "",
        ].join("\n"),
      );
    }

    if (!settings.sections.has("grid")) return baselinePerSecond;
    log(`PostgreSQL: loading ${settings.gridRows} rows for the grid`);
    const loadedForm = await publishedForm(database.db, forms.grid as string);
    const client = await pool.connect();
    try {
      await client.query("SET maintenance_work_mem = '256MB'");
      const run: SqlRunner = async (text, params) => (await client.query(text, params)).rows;
      const started = performance.now();
      await loadGridRows(run, loadedForm.tableName, settings.gridRows, actorId);
      log(`  loaded in ${Math.round((performance.now() - started) / 1000)} s`);
    } finally {
      client.release();
    }
    // The grid's view saved through the API: the server builds its indexes (CONCURRENTLY). The
    // hand-written SQL reads the same table, so it has exactly the same indexes.
    const indexing = performance.now();
    const viewIndexes = await saveGridView(session, forms.grid as string);
    log(
      `  view indexes ${JSON.stringify(viewIndexes)} built in ${Math.round((performance.now() - indexing) / 1000)} s`,
    );
    const gridForm = await publishedForm(database.db, forms.grid as string);
    log("PostgreSQL: grid pages");
    const grid = await compareGridPages(
      {
        http: { session, formId: forms.grid as string },
        db: database.db as never,
        form: gridForm,
        run: async (text, params) => (await pool.query(text, params)).rows,
        table: gridForm.tableName,
        timeZone: settings.timeZone,
      },
      settings.gridIterations,
    );
    emit(
      [
        `### 2. Grid page over ${settings.gridRows.toLocaleString("en")} records (PostgreSQL; ${settings.gridIterations} pages per path)`,
        "",
        gridTable(grid),
        "",
        `The grid's view (region = …, amount in a band, sorted by amount descending) was saved through ` +
          `POST /api/forms/:form/views, which built the btree indexes ${viewIndexes.map((l) => `(${l.join(", ")})`).join(", ")} ` +
          "concurrently; the hand-written SQL queries the same table with the same indexes.",
        "",
      ].join("\n"),
    );
    return baselinePerSecond;
  } finally {
    for (const stop of stops.reverse()) await stop();
    await database.close();
    await pool.end();
  }
}
