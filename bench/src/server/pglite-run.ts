// The PGlite half of the run: cold starts of the real CLI, its idle memory, submissions against it
// (with its memory under that load), and the grid page over a smaller in-process table.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createDatabase, migrateToLatest } from "@formwork/db";
import { buildApp, createUser } from "@formwork/server";
import { CompiledQuery } from "kysely";
import { coldStart } from "./cold-start";
import { compareGridPages, type GridResult, loadGridRows, type SqlRunner, saveGridView } from "./grid";
import { processTree, rssMb } from "./processes";
import { gridTable, type StartupNumbers, startupTable, submissionExtra } from "./report";
import { BENCH_ADMIN, publishBenchForms, publishedForm, signIn } from "./setup-client";
import { ratio, round } from "./stats";
import { compareSubmissions, type SubmissionOptions, type SubmissionResult } from "./submissions";

export interface PgliteSettings {
  /** First starts, each on a new data directory. */
  coldStarts: number;
  /** Starts on an existing data directory (one made by a first start). */
  restarts: number;
  idleSettleMs: number;
  submissions: SubmissionOptions;
  gridRows: number;
  gridIterations: number;
  timeZone: string;
  /** PostgreSQL baseline submissions per second from the same run, when there was one. */
  baselinePerSecond?: number;
  log: (line: string) => void;
  emit: (markdown: string) => void;
}

interface StartupResults {
  startup: StartupNumbers;
  submissions: SubmissionResult;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Total RSS of the process tree (the server, spawned directly, has no children), in MB. */
const rssOf = (pid: number) => processTree(pid).reduce((sum, p) => sum + rssMb(p), 0);

/**
 * First starts on fresh data directories (one of them kept), restarts on that existing directory (idle
 * memory measured on the last), then one more first start that serves the idle and load measurements.
 */
async function startupAndLoad(settings: PgliteSettings): Promise<StartupResults> {
  const coldStartsMs: number[] = [];
  const restartsMs: number[] = [];
  let kept: string | undefined;
  for (let i = 1; i < settings.coldStarts; i++) {
    const server = await coldStart();
    coldStartsMs.push(server.coldStartMs);
    await server.stop();
    if (kept) await server.removeData();
    else kept = server.dataDir;
  }
  let idleRestartRssMb = Number.NaN;
  if (kept) {
    for (let i = 0; i < settings.restarts; i++) {
      const server = await coldStart(kept);
      restartsMs.push(server.coldStartMs);
      if (i === settings.restarts - 1) {
        await sleep(settings.idleSettleMs);
        idleRestartRssMb = rssOf(server.child.pid ?? 0);
      }
      await server.stop();
    }
    await rm(kept, { recursive: true, force: true });
  }
  const server = await coldStart();
  coldStartsMs.push(server.coldStartMs);
  try {
    await sleep(settings.idleSettleMs);
    const pid = server.child.pid ?? 0;
    const idle = rssOf(pid);
    const session = await signIn(server.port);
    const forms = await publishBenchForms(session, ["orders"]);
    settings.log("PGlite: submissions against the CLI server");
    const [submissions] = await compareSubmissions(
      [
        {
          name: "ours: POST /api/forms/:form/records (PGlite, `formwork start`)",
          port: server.port,
          pid,
          path: `/api/forms/${forms.orders}/records`,
          headers: { authorization: `Bearer ${session.token}` },
        },
      ],
      settings.submissions,
    );
    if (!submissions) throw new Error("no PGlite submission result");
    await sleep(settings.idleSettleMs);
    const afterLoad = rssOf(pid);
    return {
      startup: {
        coldStartsMs,
        restartsMs,
        idleRssMb: idle,
        idleRestartRssMb,
        loadRssMb: submissions.peakRssMb,
        afterLoadRssMb: afterLoad,
      },
      submissions,
    };
  } finally {
    await server.stop();
    await server.removeData();
  }
}

/** Section 4 alone: cold starts, memory, and submissions against the started server. */
export async function runStartup(settings: PgliteSettings): Promise<void> {
  const { startup, submissions } = await startupAndLoad(settings);
  const vsBaseline = settings.baselinePerSecond
    ? ` = ${round(ratio(submissions.perSecond, settings.baselinePerSecond))}× the PostgreSQL baseline of this run (target ≥ 0.6× is for PostgreSQL; for scale only)`
    : "";
  settings.emit(
    [
      "### 4. `formwork start` on PGlite: cold start and memory",
      "",
      startupTable(startup),
      "",
      `Submissions against this server (PGlite, ${settings.submissions.concurrency} connections, ` +
        `${settings.submissions.durationMs / 1000} s): **${Math.round(submissions.perSecond)}/s**${vsBaseline}; ` +
        `${submissionExtra(submissions)}.`,
      "",
    ].join("\n"),
  );
}

/** The grid comparison on an in-memory PGlite, server and client in this process (sequential requests). */
async function gridOnPglite(settings: PgliteSettings): Promise<GridResult[]> {
  const database = await createDatabase({});
  await migrateToLatest(database.db);
  const dataDir = await mkdtemp(join(tmpdir(), "formwork-bench-grid-"));
  const app = await buildApp({
    db: database.db,
    kind: database.kind,
    dataDir,
    config: { logLevel: "warn", rateLimits: { enabled: false } },
  });
  try {
    const admin = await createUser(database.db, { ...BENCH_ADMIN, isAdmin: true });
    await app.listen({ host: "127.0.0.1", port: 0 });
    const address = app.server.address();
    const session = await signIn(typeof address === "object" && address ? address.port : 0);
    const forms = await publishBenchForms(session, ["grid"]);
    const loaded = await publishedForm(database.db, forms.grid as string);
    const run: SqlRunner = async (text, params = []) =>
      (await database.db.executeQuery(CompiledQuery.raw(text, params))).rows as Record<string, unknown>[];
    settings.log(`PGlite: loading ${settings.gridRows} rows for the grid`);
    await loadGridRows(run, loaded.tableName, settings.gridRows, admin.id);
    // Saved through the API like on PostgreSQL: its indexes are built before timing starts.
    await saveGridView(session, forms.grid as string);
    const form = await publishedForm(database.db, forms.grid as string);
    settings.log("PGlite: grid pages");
    return await compareGridPages(
      {
        http: { session, formId: forms.grid as string },
        db: database.db as never,
        form,
        run,
        table: form.tableName,
        timeZone: settings.timeZone,
      },
      settings.gridIterations,
    );
  } finally {
    await app.close();
    await database.close();
    await rm(dataDir, { recursive: true, force: true });
  }
}

export async function runPglite(settings: PgliteSettings): Promise<void> {
  await runStartup(settings);
  await runPgliteGrid(settings);
}

/** Section 2b alone (BENCH_SECTIONS=pglite-grid): the grid page on an in-process PGlite. */
export async function runPgliteGrid(settings: PgliteSettings): Promise<void> {
  const grid = await gridOnPglite(settings);
  settings.emit(
    [
      `### 2b. Grid page over ${settings.gridRows.toLocaleString("en")} records (PGlite, server in the benchmark process)`,
      "",
      gridTable(grid),
      "",
    ].join("\n"),
  );
}
