#!/usr/bin/env node
// Enforces DESIGN §1's dependency rule: a package imports only from lower layers, never a sibling of
// its own layer or anything above. It reads package.json dependencies and every relative-free import
// of "@formwork/*" in the sources, so a stray import fails `npm test`, not a code review.
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join, relative } from "node:path";

const root = new URL("..", import.meta.url).pathname;
// Lower number = lower layer. Same number = same layer (may not import each other).
const LAYERS = {
  "@formwork/schema": 0,
  "@formwork/expressions": 1,
  "@formwork/client": 1,
  "@formwork/fields": 2,
  "@formwork/engine": 3,
  "@formwork/db": 4,
  "@formwork/renderer": 4,
  "@formwork/server": 5,
  "@formwork/server-app": 6,
  "@formwork/web": 6,
  "@formwork/bench": 7,
};

function* sourceFiles(dir) {
  for (const name of readdirSync(dir)) {
    if (name === "node_modules" || name === "dist" || name.startsWith(".")) continue;
    const path = join(dir, name);
    if (statSync(path).isDirectory()) yield* sourceFiles(path);
    else if (/\.(ts|tsx|mts)$/.test(name)) yield path;
  }
}

const problems = [];
for (const group of ["packages", "apps", "bench"]) {
  const base = join(root, group);
  const dirs = group === "bench" ? [base] : readdirSync(base).map((d) => join(base, d));
  for (const dir of dirs) {
    let pkg;
    try {
      pkg = JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
    } catch {
      continue;
    }
    const own = LAYERS[pkg.name];
    if (own === undefined) {
      problems.push(`${pkg.name}: not placed in a layer in scripts/check-layers.mjs`);
      continue;
    }
    const check = (dep, where) => {
      const layer = LAYERS[dep];
      if (layer === undefined) problems.push(`${where}: imports unknown internal package ${dep}`);
      else if (dep !== pkg.name && layer >= own) problems.push(`${where}: ${pkg.name} (layer ${own}) may not import ${dep} (layer ${layer})`);
    };
    for (const dep of Object.keys({ ...pkg.dependencies, ...pkg.devDependencies })) {
      if (dep.startsWith("@formwork/")) check(dep, `${relative(root, dir)}/package.json`);
    }
    for (const file of sourceFiles(dir)) {
      const text = readFileSync(file, "utf8");
      for (const m of text.matchAll(/from\s+["'](@formwork\/[a-z-]+)/g)) check(m[1], relative(root, file));
    }
  }
}
if (problems.length) {
  console.error(`Layer rule broken (DESIGN §1):\n- ${problems.join("\n- ")}`);
  process.exit(1);
}
console.log("layers: ok");
