// `npm run build` for the server: bundles src/main.ts and every @formwork/* workspace package it imports
// into dist/main.js, so `formwork start` runs plain JavaScript instead of transpiling the workspace with
// tsx at every start (seconds of CPU and ~100 MB of RSS); then makes dist/pglite-template, the initdb'd
// data directory a first start on PGlite copies. Type-checking and tests keep running on the sources.
import { spawnSync } from "node:child_process";
import {
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  realpathSync,
  renameSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { build, transform } from "esbuild";

const here = dirname(fileURLToPath(import.meta.url));
const dist = join(here, "dist");

/**
 * Packages that find their own files next to their code (`new URL("./pglite.wasm", import.meta.url)`,
 * `__dirname + "/static"`), so they stay in node_modules. Each is a dependency of this package too, so
 * Node resolves it from dist/; the check below makes sure it is the very copy the sources use.
 */
const LEFT_IN_NODE_MODULES = {
  "@electric-sql/pglite": "packages/db",
  "@fastify/swagger-ui": "packages/server",
};

// pnpm links each package folder to one store entry per version: the same entry means the same code.
const installed = (fromDir, name) => realpathSync(join(fromDir, "node_modules", name));
for (const [name, user] of Object.entries(LEFT_IN_NODE_MODULES)) {
  if (installed(here, name) !== installed(join(here, "..", "..", user), name)) {
    throw new Error(`${name}: apps/server and ${user} depend on different versions; give both the same`);
  }
}

// Chunks are named by their content's hash: those of an earlier build would pile up.
mkdirSync(dist, { recursive: true });
for (const file of readdirSync(dist)) {
  if (file.startsWith("chunk-")) rmSync(join(dist, file));
}

const result = await build({
  entryPoints: {
    main: join(here, "src", "main.ts"),
    "pglite-template": join(here, "src", "pglite-template.ts"),
  },
  outdir: dist,
  bundle: true,
  platform: "node",
  target: "node20",
  format: "esm",
  // What the code imports only when first used (`await import(...)`: exceljs for an XLSX export, PGlite
  // without DATABASE_URL, nodemailer with SMTP) goes to chunks of its own that Node reads only then.
  splitting: true,
  write: false,
  // pg loads its optional native binding only when asked for `pg.native`, which we never do.
  // ws (under socket.io) tries its optional native helpers in a try block; without them it uses JS.
  external: [...Object.keys(LEFT_IN_NODE_MODULES), "pg-native", "bufferutil", "utf-8-validate"],
  // The CommonJS dependencies (fastify, pg...) call require() for Node built-ins; ESM has none.
  banner: {
    js: 'import { createRequire as __formworkRequire } from "node:module";\nconst require = __formworkRequire(import.meta.url);',
  },
  sourcemap: "linked",
  // Readable stack traces; parsing 3 MB of unminified code is not where start time goes.
  minify: false,
  legalComments: "none",
  logLevel: "warning",
});

// esbuild escapes non-ASCII characters in code but keeps them in comments (a few dozen from socket.io's
// and others' docs). One is enough for V8 to hold the whole script as UTF-16, two bytes per character,
// for the life of the process: 15 MB instead of 7.5 MB of every server's heap. Each such UTF-16 unit
// becomes one "?", so no column moves and the source map stays right; the check below proves that only
// comments changed (without comments, the code reads the same).
const withoutComments = (code) => transform(code, { minifyWhitespace: true, legalComments: "none" });
for (const file of result.outputFiles) {
  if (!file.path.endsWith(".js")) {
    writeFileSync(file.path, file.contents);
    continue;
  }
  const ascii = file.text.replace(/[\u0080-\uffff]/g, "?");
  if (ascii !== file.text) {
    const [before, after] = await Promise.all([withoutComments(file.text), withoutComments(ascii)]);
    if (before.code !== after.code) {
      let at = 0;
      while (before.code[at] === after.code[at]) at++;
      throw new Error(
        `${file.path}: a non-ASCII character outside a comment (write it as \\uXXXX): ${before.code.slice(at - 60, at + 20)}`,
      );
    }
  }
  writeFileSync(file.path, ascii);
}

// initdb depends on nothing of ours, only on PGlite: the template is remade when PGlite changes (or
// dist/ was removed), not at every build, because initdb takes seconds.
const template = join(dist, "pglite-template");
const stampFile = join(dist, "pglite-template.stamp");
// The store entry's name carries the version; relative, so a copy restored by turbo's cache into another
// checkout still matches.
const repo = join(here, "..", "..");
const stamp = relative(repo, installed(join(repo, "packages", "db"), "@electric-sql/pglite"));
const current =
  existsSync(join(template, "PG_VERSION")) &&
  existsSync(stampFile) &&
  readFileSync(stampFile, "utf8") === stamp;
if (!current) {
  const partial = `${template}.partial`;
  rmSync(partial, { recursive: true, force: true });
  const made = spawnSync(process.execPath, [join(dist, "pglite-template.js"), partial], { stdio: "inherit" });
  if (made.status !== 0) throw new Error(`making the PGlite template failed (exit ${made.status})`);
  rmSync(template, { recursive: true, force: true });
  renameSync(partial, template);
  writeFileSync(stampFile, stamp);
}
