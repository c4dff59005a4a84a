// Import and export at scale on PostgreSQL, side by side in one run (issue 8, part 3):
//   1. importing N rows (default 100,000) from a CSV through the product — upload, preview, background
//      job through the records write path — against raw multi-row INSERTs of the same rows (pg, 1,000
//      per statement) into the equivalent plain table; target ≥ 0.3× the raw rate, with the server's
//      peak RSS (process tree, sampled every 50 ms) ≤ 300 MB while it imports;
//   2. exporting M records (default 1,000,000) as CSV and as XLSX through GET /api/forms/:form/export,
//      read to the end and thrown away, with the server's peak RSS before and during each.
//
//
// The server is the one `npm start` runs: apps/server's esbuild bundle (`node dist/main.js start`, built
// first by its own build.mjs) with DATABASE_URL set. BENCH_SERVER=tsx runs the TypeScript sources
// through tsx instead (bench/src/server/our-server.ts: ~100 MB more RSS than the bundle), for comparison.
//
//   cd bench && npx tsx src/import/main.ts
//   BENCH_DATABASE_URL   database to drop and recreate (default: fw_bench_import on TEST_DATABASE_URL's server)
//   BENCH_IMPORT_ROWS, BENCH_EXPORT_ROWS   sizes (defaults 100000 and 1000000)
//   BENCH_SERVER         build (default) or tsx
//   BENCH_SERVER_NODE_OPTIONS   NODE_OPTIONS for the server process only (e.g. --trace-gc, diagnostics)
import { createDatabase } from "@formwork/db";
import pg from "pg";
import { batchRawSql } from "../server/batch";
import { baselineTableDdl, benchData, benchForm } from "../server/bench-form";
import { coldStart } from "../server/cold-start";
import { recreateDatabase } from "../server/postgres-run";
import { processTree, rssMb, startScript } from "../server/processes";
import { BENCH_ADMIN, publishedForm } from "../server/setup-client";

const env = process.env;
const base = new URL(env.TEST_DATABASE_URL ?? "postgres://postgres@127.0.0.1:5432/test");
base.pathname = "/fw_bench_import";
const url = env.BENCH_DATABASE_URL ?? base.toString();
const IMPORT_ROWS = Number(env.BENCH_IMPORT_ROWS ?? 100_000);
const EXPORT_ROWS = Number(env.BENCH_EXPORT_ROWS ?? 1_000_000);
const log = (line: string) => process.stderr.write(`${new Date().toISOString().slice(11, 19)} ${line}\n`);

/** Peak RSS of a process tree while `work` runs. */
async function peakRss<T>(pid: number, work: () => Promise<T>): Promise<{ value: T; peakMb: number }> {
  let peak = 0;
  const sample = () => {
    const mb = processTree(pid).reduce((sum, p) => sum + rssMb(p), 0);
    if (mb > peak) peak = mb;
  };
  sample();
  const timer = setInterval(sample, 50);
  try {
    const value = await work();
    sample();
    return { value, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}

const SERVER = env.BENCH_SERVER ?? "build";
if (SERVER !== "build" && SERVER !== "tsx") throw new Error("BENCH_SERVER is build or tsx");
const serverEnv: Record<string, string> = env.BENCH_SERVER_NODE_OPTIONS
  ? { NODE_OPTIONS: env.BENCH_SERVER_NODE_OPTIONS }
  : {};

/** The product server over `url`: its port, its pid, and how to stop it (and remove its upload dir). */
async function startServer(): Promise<{ port: number; pid: number; stop(): Promise<void> }> {
  if (SERVER === "tsx") {
    const started = await startScript<{ port: number; pid: number }>(
      new URL("../server/our-server.ts", import.meta.url).pathname,
      { BENCH_DATABASE_URL: url, ...serverEnv },
    );
    return { ...started.info, stop: () => started.stop() };
  }
  const started = await coldStart(undefined, 180_000, { DATABASE_URL: url, ...serverEnv });
  return {
    port: started.port,
    pid: started.child.pid ?? 0,
    stop: () => started.stop().then(() => started.removeData()),
  };
}
const treeRss = (pid: number) => processTree(pid).reduce((sum, p) => sum + rssMb(p), 0);

await recreateDatabase(url);
const server = await startServer();
const origin = `http://127.0.0.1:${server.port}`;
const { db, close } = await createDatabase({ url });
const pool = new pg.Pool({ connectionString: url, max: 2 });
try {
  const login = await fetch(`${origin}/api/auth/login`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-requested-with": "formwork" },
    body: JSON.stringify({ email: BENCH_ADMIN.email, password: BENCH_ADMIN.password }),
  });
  const cookie = (login.headers.get("set-cookie") ?? "").split(";")[0]!;
  const tokenResponse = await fetch(`${origin}/api/tokens`, {
    method: "POST",
    headers: { "content-type": "application/json", "x-requested-with": "formwork", cookie },
    body: JSON.stringify({ name: "bench" }),
  });
  const { token } = (await tokenResponse.json()) as { token: string };
  const call = async <T>(method: string, path: string, body?: unknown): Promise<T> => {
    const response = await fetch(`${origin}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${token}`,
        ...(body === undefined ? {} : { "content-type": "application/json" }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };
  const me = await call<{ user: { id: string } }>("GET", "/api/me");
  const app = await call<{ id: string }>("POST", "/api/apps", { name: "Import bench" });
  const definition = benchForm("imports");
  const form = await call<{ id: string }>("POST", `/api/apps/${app.id}/forms`, definition);
  await call("POST", `/api/forms/${form.id}/publish`, {});

  // The file: the bench rows as Excel would save them (labels as headers, lists comma-separated). The
  // 40-character notes column is left out to keep 100,000 rows under the 20 MB upload limit.
  const fields = definition.fields.filter((f) => f.id !== "total" && f.id !== "notes");
  const quote = (text: string) => (/[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text);
  const lines = [fields.map((f) => quote(String(f.label))).join(",")];
  for (let i = 0; i < IMPORT_ROWS; i++) {
    const data = benchData(i);
    lines.push(
      fields
        .map((f) => {
          const value = data[f.id];
          return quote(Array.isArray(value) ? value.join(",") : String(value ?? ""));
        })
        .join(","),
    );
  }
  const csv = Buffer.from(`\uFEFF${lines.join("\r\n")}\r\n`);
  log(`import file: ${IMPORT_ROWS} rows, ${(csv.length / 1024 / 1024).toFixed(1)} MB`);

  // Baseline first: raw multi-row INSERTs of the same rows.
  await pool.query(baselineTableDdl());
  const raw = await batchRawSql(pool, me.user.id, IMPORT_ROWS, ({ notes: _, ...rest }) => rest);
  log(`raw INSERT: ${raw.seconds.toFixed(1)} s (${Math.round(raw.perSecond)} rows/s)`);

  const upload = new FormData();
  upload.append("file", new Blob([csv], { type: "text/csv" }), "orders.csv");
  const uploaded = await fetch(`${origin}/api/files`, {
    method: "POST",
    headers: { authorization: `Bearer ${token}` },
    body: upload,
  });
  if (uploaded.status !== 201) throw new Error(`upload: ${uploaded.status} ${await uploaded.text()}`);
  const fileId = ((await uploaded.json()) as { id: string }).id;

  // Idle RSS is read after a few quiet seconds, before the preview and again after the job.
  const settle = () => new Promise((resolve) => setTimeout(resolve, 3000));
  await settle();
  const idleBefore = treeRss(server.pid);
  const previewed = await peakRss(server.pid, async () => {
    const started = performance.now();
    const preview = await call<{ mapping: unknown[]; preview: { totalRows: number; errorRowCount: number } }>(
      "POST",
      `/api/forms/${form.id}/imports/preview`,
      { fileId },
    );
    if (preview.preview.errorRowCount > 0)
      throw new Error(`preview found ${preview.preview.errorRowCount} bad rows`);
    return { seconds: (performance.now() - started) / 1000, mapping: preview.mapping };
  });
  log(`preview: ${previewed.value.seconds.toFixed(1)} s, peak RSS ${previewed.peakMb.toFixed(0)} MB`);
  const imported = await peakRss(server.pid, async () => {
    const started = performance.now();
    const job = await call<{ id: string }>("POST", `/api/forms/${form.id}/imports`, {
      fileId,
      mapping: previewed.value.mapping,
      mode: "insert",
    });
    for (;;) {
      const state = await call<{ status: string; inserted: number; error: unknown }>(
        "GET",
        `/api/forms/${form.id}/imports/${job.id}`,
      );
      if (state.status === "succeeded")
        return { seconds: (performance.now() - started) / 1000, inserted: state.inserted };
      if (state.status === "failed" || state.status === "cancelled")
        throw new Error(`import ${state.status}: ${JSON.stringify(state.error)}`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  });
  const previewSeconds = previewed.value.seconds;
  const { seconds: jobSeconds, inserted } = imported.value;
  if (inserted !== IMPORT_ROWS) throw new Error(`imported ${inserted} of ${IMPORT_ROWS}`);
  await settle();
  const idleAfter = treeRss(server.pid);
  log(
    `import job: ${jobSeconds.toFixed(1)} s, peak RSS ${imported.peakMb.toFixed(0)} MB; idle ${idleBefore.toFixed(0)} MB before, ${idleAfter.toFixed(0)} MB after`,
  );
  const importRate = IMPORT_ROWS / jobSeconds;

  // Export: bring the form to EXPORT_ROWS records with one INSERT ... SELECT (fast setup, not measured).
  const table = (await publishedForm(db, form.id)).tableName;
  const extra = EXPORT_ROWS - IMPORT_ROWS;
  if (extra > 0) {
    const copied = await pool.query(
      `INSERT INTO ${table} (id, version, created_by, owner_id, dept_id, flow_status, created_at, updated_at,
         f_title, f_customer, f_email, f_phone, f_region, f_status, f_amount, f_qty, f_price, f_total, f_ordered, f_due,
         f_notes, f_tags, f_rating, f_priority, f_city, f_zip, f_discount, f_channel)
       SELECT gen_random_uuid(), 1, created_by, owner_id, dept_id, flow_status, now(), now(),
         f_title || ' #' || g, f_customer, f_email, f_phone, f_region, f_status, f_amount, f_qty, f_price, f_total, f_ordered, f_due,
         f_notes, f_tags, f_rating, f_priority, f_city, f_zip, f_discount, f_channel
       FROM ${table} CROSS JOIN generate_series(1, ${Math.ceil(extra / IMPORT_ROWS)}) g
       LIMIT ${extra}`,
    );
    log(`export setup: ${copied.rowCount} more records`);
  }
  await pool.query(`ANALYZE ${table}`);
  const exportRun = async (format: "csv" | "xlsx") =>
    peakRss(server.pid, async () => {
      const started = performance.now();
      const response = await fetch(`${origin}/api/forms/${form.id}/export?format=${format}`, {
        headers: { authorization: `Bearer ${token}` },
      });
      if (!response.ok || !response.body) throw new Error(`export: ${response.status}`);
      let bytes = 0;
      for await (const chunk of response.body as unknown as AsyncIterable<Uint8Array>) bytes += chunk.length;
      return { seconds: (performance.now() - started) / 1000, bytes };
    });
  const idleRss = treeRss(server.pid);
  const csvExport = await exportRun("csv");
  const xlsxExport = await exportRun("xlsx");

  const lines2 = [
    `### Import and export (PostgreSQL, ${new Date().toISOString().slice(0, 10)})`,
    "",
    `| what | rows | time | rate | server peak RSS |`,
    `| --- | --- | --- | --- | --- |`,
    `| baseline: raw multi-row INSERT (pg, 1,000 per statement) | ${IMPORT_ROWS} | ${raw.seconds.toFixed(1)} s | ${Math.round(raw.perSecond)} rows/s | — |`,
    `| server idle before the preview (${SERVER === "build" ? "the build, as npm start runs it" : "sources under tsx"}) | | | | ${idleBefore.toFixed(0)} MB |`,
    `| preview of the file (every row checked) | ${IMPORT_ROWS} | ${previewSeconds.toFixed(1)} s | — | ${previewed.peakMb.toFixed(0)} MB |`,
    `| import job (CSV, 19 fields, write path, default batch size) | ${IMPORT_ROWS} | ${jobSeconds.toFixed(1)} s | ${Math.round(importRate)} rows/s (**${(importRate / raw.perSecond).toFixed(2)}×** raw) | ${imported.peakMb.toFixed(0)} MB |`,
    `| server idle 3 s after the job | | | | ${idleAfter.toFixed(0)} MB |`,
    `| export CSV | ${EXPORT_ROWS} | ${csvExport.value.seconds.toFixed(1)} s | ${(csvExport.value.bytes / 1024 / 1024).toFixed(0)} MB streamed | ${csvExport.peakMb.toFixed(0)} MB (idle ${idleRss.toFixed(0)} MB) |`,
    `| export XLSX | ${EXPORT_ROWS} | ${xlsxExport.value.seconds.toFixed(1)} s | ${(xlsxExport.value.bytes / 1024 / 1024).toFixed(0)} MB streamed | ${xlsxExport.peakMb.toFixed(0)} MB |`,
    "",
  ];
  process.stdout.write(`${lines2.join("\n")}\n`);
} finally {
  await pool.end();
  await close();
  await server.stop();
}
