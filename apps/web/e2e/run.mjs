#!/usr/bin/env node
// Browser tests against the real thing: builds the web app, starts apps/server on PGlite in a temporary
// data directory and a free port, waits for /api/health, runs the vitest e2e suite (Playwright driving
// the system's Chromium), then stops the server and removes the data.
//
//   node e2e/run.mjs               build, then test
//   node e2e/run.mjs --no-build    reuse apps/web/dist
//   node e2e/run.mjs e2e/data.e2e.ts   only the named files (any other argument not starting with --)
//   CHROMIUM=/path/to/chrome ...   another Chromium binary (default /usr/bin/chromium)
//   FORMWORK_E2E_START_TIMEOUT_MS  how long to wait for the server's /api/health (default 300000)
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { mkdtemp, rm } from "node:fs/promises";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

const WEB_DIR = join(dirname(fileURLToPath(import.meta.url)), "..");
const SERVER_DIR = join(WEB_DIR, "..", "server");
const ADMIN = { email: "admin@e2e.formwork.test", password: "e2e-admin-password-1" };
// Generous: on a loaded CI machine the first start (PGlite boot plus migrations) has taken ~50 s.
const HEALTH_TIMEOUT_MS = Number(process.env.FORMWORK_E2E_START_TIMEOUT_MS ?? 300_000);

function run(command, args, options) {
  return new Promise((resolve) => {
    const child = spawn(command, args, { stdio: "inherit", ...options });
    child.on("exit", (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.unref();
    probe.on("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

async function waitForHealth(url, server) {
  const deadline = Date.now() + HEALTH_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`the server exited with code ${server.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the server did not become healthy within ${HEALTH_TIMEOUT_MS / 1000}s`);
}

function stop(child) {
  if (child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const force = setTimeout(() => child.kill("SIGKILL"), 10_000);
    child.once("exit", () => {
      clearTimeout(force);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

async function main() {
  const vite = join(WEB_DIR, "node_modules", ".bin", "vite");
  const vitest = join(WEB_DIR, "node_modules", ".bin", "vitest");
  const tsx = join(SERVER_DIR, "node_modules", ".bin", "tsx");

  if (!process.argv.includes("--no-build")) {
    const built = await run(vite, ["build", "--logLevel", "warn"], { cwd: WEB_DIR });
    if (built !== 0) return built;
    const sized = await run(process.execPath, [join(WEB_DIR, "scripts", "bundle-size.mjs")], {
      cwd: WEB_DIR,
    });
    if (sized !== 0) return sized;
  }
  if (!existsSync(join(WEB_DIR, "dist", "index.html"))) {
    process.stderr.write("apps/web/dist is missing: run without --no-build\n");
    return 1;
  }

  const dataDir = await mkdtemp(join(tmpdir(), "formwork-e2e-"));
  const port = await freePort();
  const url = `http://127.0.0.1:${port}`;
  const server = spawn(tsx, ["src/main.ts", "start"], {
    cwd: SERVER_DIR,
    stdio: ["ignore", "inherit", "inherit"],
    env: {
      ...process.env,
      PORT: String(port),
      HOST: "127.0.0.1",
      FORMWORK_DATA_DIR: dataDir,
      DATABASE_URL: "",
      FORMWORK_ADMIN_EMAIL: ADMIN.email,
      FORMWORK_ADMIN_PASSWORD: ADMIN.password,
      LOG_LEVEL: process.env.LOG_LEVEL ?? "warn",
      // The webhooks test's receiver listens on loopback, which the SSRF guard refuses without this.
      FORMWORK_WEBHOOK_ALLOWLIST: "127.0.0.1",
      // Lets a journey move the server's clock forward (POST /api/test/clock): see docs/crm.md.
      FORMWORK_TEST_CLOCK: "1",
    },
  });
  try {
    await waitForHealth(url, server);
    const files = process.argv.slice(2).filter((arg) => !arg.startsWith("--"));
    return await run(vitest, ["run", "--config", "vitest.e2e.config.ts", ...files], {
      cwd: WEB_DIR,
      env: {
        ...process.env,
        FORMWORK_E2E_URL: url,
        FORMWORK_E2E_ADMIN_EMAIL: ADMIN.email,
        FORMWORK_E2E_ADMIN_PASSWORD: ADMIN.password,
      },
    });
  } finally {
    await stop(server);
    await rm(dataDir, { recursive: true, force: true });
  }
}

main().then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`e2e: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(1);
  },
);
