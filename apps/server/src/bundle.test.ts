// The built server as `npm start` runs it (`node dist/main.js start`): builds once, then starts it on a
// new PGlite data directory (seeded from the build's template), checks what an operator sees, and uses
// the other CLI commands on the same directory.
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

const APP_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const MAIN = join(APP_DIR, "dist", "main.js");
// A first build makes the PGlite template (initdb): tens of seconds on a busy machine.
const BUILD_TIMEOUT_MS = 300_000;
const START_TIMEOUT_MS = 120_000;

let dataDir: string;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      probe.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function env(extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  const { FORMWORK_ADMIN_EMAIL: _e, FORMWORK_ADMIN_PASSWORD: _p, DATABASE_URL: _d, ...rest } = process.env;
  return { ...rest, FORMWORK_DATA_DIR: dataDir, HOST: "127.0.0.1", LOG_LEVEL: "warn", ...extra };
}

interface Running {
  child: ChildProcess;
  port: number;
  stdout: () => string;
}

async function startServer(): Promise<Running> {
  const port = await freePort();
  const child = spawn(process.execPath, [MAIN, "start"], {
    cwd: APP_DIR,
    env: env({ PORT: String(port) }),
    stdio: ["ignore", "pipe", "inherit"],
  });
  let out = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    out += chunk.toString();
  });
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the server exited with ${child.exitCode}: ${out}`);
    const healthy = await fetch(`http://127.0.0.1:${port}/api/health`).then(
      (r) => r.status === 200,
      () => false,
    );
    if (healthy) return { child, port, stdout: () => out };
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  child.kill("SIGKILL");
  throw new Error("the server was not healthy in time");
}

function stopServer(child: ChildProcess): Promise<number | null> {
  return new Promise((resolve) => {
    if (child.exitCode !== null) return resolve(child.exitCode);
    child.once("exit", (code) => resolve(code));
    child.kill("SIGTERM");
  });
}

beforeAll(async () => {
  const built = spawnSync(process.execPath, ["build.mjs"], { cwd: APP_DIR, stdio: "inherit" });
  expect(built.status).toBe(0);
  dataDir = await mkdtemp(join(tmpdir(), "formwork-bundle-"));
}, BUILD_TIMEOUT_MS);

afterAll(async () => {
  if (dataDir) await rm(dataDir, { recursive: true, force: true });
});

describe("the built server (node dist/main.js)", () => {
  it(
    "starts on a new data directory, prints the generated admin password once, serves the API docs, stops on SIGTERM",
    async () => {
      const server = await startServer();
      try {
        expect(server.stdout()).toMatch(
          /First administrator: admin@formwork\.local\n\s+Password \(shown once\): \S{20,}/,
        );
        const spec = await fetch(`http://127.0.0.1:${server.port}/api/openapi.json`);
        expect(spec.status).toBe(200);
        expect(((await spec.json()) as { openapi?: string }).openapi).toMatch(/^3\./);
        // Swagger UI serves its assets from its own package folder, left out of the bundle.
        const docs = await fetch(`http://127.0.0.1:${server.port}/api/docs/static/index.html`);
        expect(docs.status).toBe(200);
      } finally {
        expect(await stopServer(server.child)).toBe(0);
      }
    },
    START_TIMEOUT_MS,
  );

  it(
    "runs `admin create` on that directory, and a second start resumes it without a new password",
    async () => {
      const created = spawnSync(
        process.execPath,
        [MAIN, "admin", "create", "--email", "ops@example.com", "--password", "ops-password-123"],
        { cwd: APP_DIR, env: env(), encoding: "utf8" },
      );
      expect(created.stderr).toBe("");
      expect(created.status).toBe(0);
      expect(created.stdout).toMatch(/Created administrator ops@example\.com/);

      const server = await startServer();
      try {
        expect(server.stdout()).not.toMatch(/Password/);
        const login = await fetch(`http://127.0.0.1:${server.port}/api/auth/login`, {
          method: "POST",
          headers: { "content-type": "application/json", "x-requested-with": "formwork" },
          body: JSON.stringify({ email: "ops@example.com", password: "ops-password-123" }),
        });
        expect(login.status).toBe(200);
      } finally {
        expect(await stopServer(server.child)).toBe(0);
      }
    },
    START_TIMEOUT_MS,
  );
});
