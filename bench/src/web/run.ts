// Web speed (issue 4): the renderer and the designer on a 200-field form, in Debian's Chromium driven by
// playwright-core, against a production build of bench/src/web/page served by `vite preview`.
//
//   npx -y pnpm@12.4.2 --filter @formwork/bench run bench:web [-- --no-build] [-- --runs 9]
//     [-- --baseline DIR]   (DIR: this page built at another commit; both measured in one run)
//
// Same-run ratios: the plain antd form and the renderer are mounted alternately in one page, so a busy
// machine slows both alike. Prints a table and the load average; the targets are issue 4's.
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type Page } from "playwright-core";
import { build, preview } from "vite";
import type { BenchGlobal, BenchKind } from "./bench-api";

const HERE = dirname(fileURLToPath(import.meta.url));
const CONFIG = join(HERE, "vite.config.ts");
const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(name);
  return at >= 0 ? Number(process.argv[at + 1]) : fallback;
};
const RUNS = arg("--runs", 9);
const WARMUP = 3;
const KEYSTROKES = arg("--keys", 60);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2]! : (s[s.length / 2 - 1]! + s[s.length / 2]!) / 2;
};
const percentile = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
};
const ms = (x: number) => `${x.toFixed(1)} ms`;

/** One build of the bench page in the browser, and what was measured on it. */
interface Subject {
  name: string;
  page: Page;
  plain: number[];
  renderer: number[];
  designer: number[];
  typedRenderer: number[];
  typedDesigner: number[];
}

const bench = (page: Page) => ({
  mount: (kind: BenchKind) =>
    page.evaluate((k) => (globalThis as unknown as BenchGlobal).bench.mount(k), kind),
  type: (kind: "renderer" | "designer", n: number) =>
    page.evaluate(
      ([k, count]) =>
        k === "renderer"
          ? (globalThis as unknown as BenchGlobal).bench.typeInRenderer(count)
          : (globalThis as unknown as BenchGlobal).bench.typeInDesigner(count),
      [kind, n] as const,
    ),
  typeAgain: (n: number) =>
    page.evaluate((count) => (globalThis as unknown as BenchGlobal).bench.typeAgain(count), n),
});

async function serve(outDir: string | undefined) {
  const server = await preview({
    configFile: CONFIG,
    preview: { port: 0, host: "127.0.0.1" },
    ...(outDir ? { build: { outDir } } : {}),
  });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report its address");
  return { server, url };
}

async function main() {
  if (!process.argv.includes("--no-build")) await build({ configFile: CONFIG });
  // --baseline DIR: a build of the page from another commit (`vite build` output), measured in the same
  // run, round by round alternately with this one, so the load weighs on both alike.
  const at = process.argv.indexOf("--baseline");
  const baseline = at >= 0 ? process.argv[at + 1] : undefined;
  const servers = [await serve(undefined), ...(baseline ? [await serve(baseline)] : [])];
  const loadBefore = loadavg();
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const subjects: Subject[] = [];
    for (const [i, { url }] of servers.entries()) {
      const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
      const page = await context.newPage();
      page.on("pageerror", (error) => console.error("page error:", error.message));
      await page.goto(url);
      await page.waitForSelector("body[data-ready=true]");
      const name = i === 0 ? (baseline ? "after" : "this build") : "before";
      subjects.push({
        name,
        page,
        plain: [],
        renderer: [],
        designer: [],
        typedRenderer: [],
        typedDesigner: [],
      });
    }
    // Each round mounts each kind on each build; the builds take turns going first.
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const order = i % 2 ? [...subjects].reverse() : subjects;
      for (const kind of ["plain", "renderer", "designer"] as const)
        for (const subject of order) {
          const time = await bench(subject.page).mount(kind);
          if (i >= WARMUP) subject[kind].push(time);
        }
    }
    // Keystrokes in chunks, the builds taking turns; the first 5 of each build are discarded.
    const CHUNKS = 5;
    for (const kind of ["renderer", "designer"] as const) {
      const key = kind === "renderer" ? "typedRenderer" : "typedDesigner";
      for (const subject of subjects) await bench(subject.page).type(kind, 5);
      for (let c = 0; c < CHUNKS; c++)
        for (const subject of c % 2 ? [...subjects].reverse() : subjects)
          subject[key].push(...(await bench(subject.page).typeAgain(Math.ceil(KEYSTROKES / CHUNKS))));
    }
    const loadAfter = loadavg();

    const load = [loadBefore, loadAfter].map((l) => l.map((x) => x.toFixed(2)).join(" / ")).join(" → ");
    const rows: [string, (s: Subject) => string, string][] = [
      ["plain antd form mount (200 inputs), median", (s) => ms(median(s.plain)), ""],
      ["renderer mount (200 fields), median", (s) => ms(median(s.renderer)), ""],
      ["renderer / plain (same run)", (s) => `${(median(s.renderer) / median(s.plain)).toFixed(2)}×`, "≤ 3×"],
      ["designer mount (200 fields), median", (s) => ms(median(s.designer)), "≤ 150 ms"],
      ["designer mount, min", (s) => ms(Math.min(...s.designer)), ""],
      [
        "designer / plain mount (same run)",
        (s) => `${(median(s.designer) / median(s.plain)).toFixed(2)}×`,
        "",
      ],
      ["renderer keystroke re-render, p95", (s) => ms(percentile(s.typedRenderer, 95)), "≤ 16 ms"],
      ["renderer keystroke re-render, median", (s) => ms(median(s.typedRenderer)), ""],
      ["designer keystroke (label) re-render, p95", (s) => ms(percentile(s.typedDesigner, 95)), "≤ 16 ms"],
      ["designer keystroke (label) re-render, median", (s) => ms(median(s.typedDesigner)), ""],
    ];
    console.log(
      `web bench: ${RUNS} mounts each after ${WARMUP} warm-ups, ${subjects[0]!.typedDesigner.length} keystrokes; load average ${load}`,
    );
    console.table(
      rows.map(([what, value, target]) => ({
        what,
        ...Object.fromEntries(subjects.map((s) => [s.name, value(s)])),
        target,
      })),
    );
    for (const s of subjects)
      console.log(
        JSON.stringify({ ...s, page: undefined, load: [loadBefore, loadAfter] }, (_k, v) =>
          typeof v === "number" ? Number(v.toFixed(2)) : v,
        ),
      );
  } finally {
    await browser.close();
    for (const { server } of servers)
      await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
