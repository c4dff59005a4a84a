// Benchmark 4: `npm start` as an operator runs it — the apps/server CLI (`tsx src/main.ts start`) on
// PGlite with a fresh data directory — timed from spawn to the first healthy /api/health.
import { type ChildProcess, spawn } from "node:child_process";
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
  coldStartMs: number;
  stop(): Promise<void>;
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

/** Starts the CLI on PGlite in a new data directory; resolves once /api/health answers 200. */
export async function coldStart(timeoutMs = 180_000): Promise<CliServer> {
  const dataDir = await mkdtemp(join(tmpdir(), "formwork-cold-"));
  const port = await freePort();
  const started = performance.now();
  const child = spawn(join(APP_DIR, "node_modules", ".bin", "tsx"), ["src/main.ts", "start"], {
    cwd: APP_DIR,
    env: {
      ...process.env,
      DATABASE_URL: "",
      PORT: String(port),
      HOST: "127.0.0.1",
      FORMWORK_DATA_DIR: dataDir,
      FORMWORK_ADMIN_EMAIL: BENCH_ADMIN.email,
      FORMWORK_ADMIN_PASSWORD: BENCH_ADMIN.password,
      LOG_LEVEL: "warn",
    },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const agent = new Agent({ keepAlive: false });
  const stop = async () => {
    await stopChild(child);
    await rm(dataDir, { recursive: true, force: true });
  };
  while (performance.now() - started < timeoutMs) {
    if (child.exitCode !== null) throw new Error(`formwork start exited with ${child.exitCode}`);
    const healthy = await send(agent, port, { method: "GET", path: "/api/health" }).then(
      (response) => response.status === 200,
      () => false,
    );
    if (healthy) return { child, port, coldStartMs: performance.now() - started, stop };
    await new Promise((resolve) => setTimeout(resolve, HEALTH_POLL_MS));
  }
  await stop();
  throw new Error(`formwork start was not healthy within ${timeoutMs} ms`);
}
