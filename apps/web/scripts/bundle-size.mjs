#!/usr/bin/env node
// The JavaScript a first visit downloads before a page can render, from the build's manifest: the
// entry chunk, everything it imports statically, and the page's lazy route chunk with its own static
// imports. Gzipped, as served. Fails when the fill page exceeds its budget (issue 4: 300 KB).
import { readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";

const DIST = join(dirname(fileURLToPath(import.meta.url)), "..", "dist");
const BUDGET_KB = { fill: 300 };
const PAGES = {
  fill: "src/forms/FillRoute.tsx",
  data: "src/forms/DataRoute.tsx",
  design: "src/forms/DesignRoute.tsx",
  apps: "src/apps/AppListPage.tsx",
  login: "src/auth/LoginPage.tsx",
};

const manifest = JSON.parse(readFileSync(join(DIST, ".vite", "manifest.json"), "utf8"));
const entryKey = Object.keys(manifest).find((key) => manifest[key].isEntry);

function closure(key, seen = new Set()) {
  if (seen.has(key)) return seen;
  seen.add(key);
  for (const child of manifest[key]?.imports ?? []) closure(child, seen);
  return seen;
}

const gzipped = new Map();
function gzipKb(file) {
  if (!gzipped.has(file))
    gzipped.set(file, gzipSync(readFileSync(join(DIST, file)), { level: 9 }).length / 1024);
  return gzipped.get(file);
}

let failed = false;
const rows = Object.entries(PAGES).map(([page, source]) => {
  const keys = closure(entryKey);
  if (manifest[source]) closure(source, keys);
  const files = [...keys].map((key) => manifest[key].file).filter((file) => file.endsWith(".js"));
  const kb = files.reduce((sum, file) => sum + gzipKb(file), 0);
  const budget = BUDGET_KB[page];
  if (budget !== undefined && kb > budget) failed = true;
  return { page, "initial JS (KB gzip)": Number(kb.toFixed(1)), budget: budget ?? "", files: files.length };
});
console.table(rows);
if (failed) {
  console.error("A page's initial JavaScript is over its budget.");
  process.exit(1);
}
