// Installing the CRM template with its sample data (issue 9, "Speed": ≤ 15 s on PGlite): a fresh
// migrated embedded database per run, the same installFromGallery the CLI runs, timed from the call to
// its commit. Run: pnpm --filter @formwork/bench run bench:templates [runs]
import { mkdtemp, rm } from "node:fs/promises";
import { loadavg, tmpdir } from "node:os";
import { join, resolve } from "node:path";
import { createDatabase, migrateToLatest } from "@formwork/db";
import { createUser, installFromGallery } from "@formwork/server";

const TEMPLATES = resolve(import.meta.dirname, "../../../templates");
const runs = Number(process.argv[2] ?? 3);

async function once(): Promise<{ ms: number; records: number }> {
  const dir = await mkdtemp(join(tmpdir(), "formwork-bench-tpl-"));
  const { db, close } = await createDatabase({ dataDir: dir });
  try {
    await migrateToLatest(db);
    await createUser(db, {
      email: "admin@bench.local",
      name: "Admin",
      password: "bench-password-1",
      isAdmin: true,
    });
    const started = performance.now();
    const result = await installFromGallery(db, { templatesDir: TEMPLATES, name: "crm" });
    return { ms: performance.now() - started, records: result.records };
  } finally {
    await close();
    await rm(dir, { recursive: true, force: true });
  }
}

{
  const kind = "pglite";
  const times: number[] = [];
  let records = 0;
  for (let i = 0; i < runs; i++) {
    const run = await once();
    times.push(run.ms);
    records = run.records;
    console.log(
      `${kind} run ${i + 1}: ${(run.ms / 1000).toFixed(2)} s (${run.records} records, load ${loadavg()[0]!.toFixed(1)})`,
    );
  }
  times.sort((a, b) => a - b);
  console.log(
    `${kind}: crm install with ${records} sample records — median ${(times[Math.floor(times.length / 2)]! / 1000).toFixed(2)} s, max ${(times.at(-1)! / 1000).toFixed(2)} s (limit 15 s)`,
  );
}
