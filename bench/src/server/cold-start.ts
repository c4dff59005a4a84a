// Benchmark 4: `npm start` as an operator runs it once installed and built — `node dist/main.js start`
// of apps/server (the bundle `turbo build` makes; scripts/run.mjs starts exactly that) on PGlite —
// timed from spawn to the first healthy /api/health.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { Agent } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { send } from "./load";
import { stopChild } from "./processes";
import { BENCH_ADMIN } from "./setup-client";

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "..", "apps", "server");
const HEALTH_POLL_MS = 20;

export interface CliServer {
  child: ChildProcess;
  port: number;
  dataDir: string;
  coldStartMs: number;
  /** Stops the server; the data directory stays (for a restart) until `removeData`. */
  stop(): Promise<void>;
  removeData(): Promise<void>;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

let built = false;

/**
 * The bundle of the current sources, as `turbo build` makes it (same script, outside turbo's cache):
 * the time it takes is not part of a cold start, any more than `npm install` is.
 */
export function buildServer(): void {
  if (built) return;
  const result = spawnSync(process.execPath, ["build.mjs"], { cwd: APP_DIR, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`apps/server build failed (exit ${result.status})`);
  built = true;
}

/**
 * Starts the built server on PGlite in `dataDir` (a new temporary directory when omitted: a first
 * start); resolves once /api/health answers 200. `env` overrides the environment it starts with (a
 * DATABASE_URL runs it on PostgreSQL; uploads still go to `dataDir`).
 */
export async function coldStart(
  dataDir?: string,
  timeoutMs = 180_000,
  env: Record<string, string> = {},
): Promise<CliServer> {
  buildServer();
  const dir = dataDir ?? (await mkdtemp(join(tmpdir(), "formwork-cold-")));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, ["dist/main.js", "start"], {
    cwd: APP_DIR,
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      HOST: "127.0.0.1",
      FORMWORK_DATA_DIR: dir,
      FORMWORK_ADMIN_EMAIL: BENCH_ADMIN.email,
      FORMWORK_ADMIN_PASSWORD: BENCH_ADMIN.password,
      LOG_LEVEL: "warn",
      ...env,
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const agent = new Agent({ keepAlive: false });
  const stop = () => stopChild(child);
  const removeData = () => rm(dir, { recursive: true, force: true });
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`formwork start exited with ${child.exitCode}`);
    const healthy = await send(agent, port, { method: "GET", path: "/api/health" }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) {
      return { child, port, dataDir: dir, coldStartMs: performance.now() - started, stop, removeData };
    }
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  await stop();
  await removeData();
  throw new Error(`formwork start was not healthy within ${timeoutMs} ms`);
}
