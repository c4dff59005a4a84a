#!/usr/bin/env node
// One entry for `npm start`, `npm test` and friends on a machine that has only Node 20 and npm:
// it finds pnpm (or borrows the pinned one through npx), installs when the lockfile is newer than
// node_modules, then hands over to turbo or the server.
import { spawnSync } from "node:child_process";
import { existsSync, readFileSync, statSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const pnpmVersion = JSON.parse(readFileSync(join(root, "package.json"), "utf8")).packageManager.split("@")[1];

function run(cmd, args, opts = {}) {
  const r = spawnSync(cmd, args, { stdio: "inherit", cwd: root, ...opts });
  if (r.error) throw r.error;
  return r.status ?? 1;
}

function pnpmCommand() {
  const probe = spawnSync("pnpm", ["--version"], { encoding: "utf8" });
  if (probe.status === 0 && probe.stdout.trim() === pnpmVersion) return ["pnpm", []];
  return ["npx", ["-y", `pnpm@${pnpmVersion}`]];
}

const [pnpm, pnpmPre] = pnpmCommand();
const pnpmRun = (args, opts) => run(pnpm, [...pnpmPre, ...args], opts);

function ensureInstalled() {
  const marker = join(root, "node_modules", ".modules.yaml");
  const lock = join(root, "pnpm-lock.yaml");
  const stale =
    !existsSync(marker) || (existsSync(lock) && statSync(lock).mtimeMs > statSync(marker).mtimeMs);
  if (!stale) return;
  const frozen = process.env.CI ? ["--frozen-lockfile"] : [];
  const code = pnpmRun(["install", ...frozen]);
  if (code !== 0) // A server keeps the process alive and exits on its own signal.
if (!serving) process.exit(code);
}

const [task = "test", ...rest] = process.argv.slice(2);
ensureInstalled();

const turbo = (tasks) =>
  pnpmRun(["exec", "turbo", "run", ...tasks, "--output-logs=errors-only", "--continue", ...rest]);

let code;
let serving = false;
switch (task) {
  case "test":
    // Layer violations, type errors and lint findings fail the run as surely as a failing test does.
    code = run(process.execPath, [join(root, "scripts", "check-layers.mjs")]);
    // Static checks in parallel; test suites one package at a time, because each vitest already uses
    // every core and the database suites share one PostgreSQL (CI machines have 2 cores).
    if (code === 0) code = turbo(["typecheck", "lint"]);
    if (code === 0) code = turbo(["test", "--concurrency=1"]);
    // Browser tests last: they build the web app and click through it in Debian's Chromium against a
    // real server on a temporary embedded database.
    if (code === 0) code = pnpmRun(["--filter", "@formwork/web", "run", "e2e"]);
    break;
  case "typecheck":
  case "lint":
  case "build":
    code = turbo([task]);
    break;
  case "bench":
    code = pnpmRun(["--filter", "@formwork/bench", "run", "bench", ...rest]);
    break;
  case "start":
    // Build the web app and the server bundle (with its initdb'd PGlite template); turbo caches both,
    // so a second start skips them.
    code = pnpmRun([
      "exec",
      "turbo",
      "run",
      "build",
      "--filter=@formwork/web",
      "--filter=@formwork/server-app",
      "--output-logs=errors-only",
    ]);
    if (code !== 0) break;
    // The server runs in this very process (it reads `start ...` from this process's argv): no tsx, and
    // no second Node process (~45 MB) waiting between npm and the server.
    await import(pathToFileURL(join(root, "apps", "server", "dist", "main.js")).href);
    serving = true;
    break;
  case "formwork":
    // The CLI (`npm run formwork -- template install crm`): the server bundle, then its commands.
    code = pnpmRun(["exec", "turbo", "run", "build", "--filter=@formwork/server-app", "--output-logs=errors-only"]);
    if (code === 0) code = run(process.execPath, [join(root, "apps", "server", "dist", "main.js"), ...rest]);
    break;
  default:
    console.error(`unknown task ${task}`);
    code = 2;
}
// A server keeps the process alive and exits on its own signal.
if (!serving) process.exit(code);
