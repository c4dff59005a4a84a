// Web speed (issue 4): the renderer and the designer on a 200-field form, in Debian's Chromium driven by
// playwright-core, against a production build of bench/src/web/page served by `vite preview`.
//
//   npx -y pnpm@12.4.2 --filter @formwork/bench run bench:web [-- --no-build] [-- --runs 9]
//
// Same-run ratios: the plain antd form and the renderer are mounted alternately in one page, so a busy
// machine slows both alike. Prints a table and the load average; the targets are issue 4's.
import { loadavg } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { build, preview } from "vite";
import type { BenchGlobal } from "./bench-api";

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

async function main() {
  if (!process.argv.includes("--no-build")) await build({ configFile: CONFIG });
  const server = await preview({ configFile: CONFIG, preview: { port: 0, host: "127.0.0.1" } });
  const url = server.resolvedUrls?.local[0];
  if (!url) throw new Error("vite preview did not report its address");
  const load = loadavg()
    .map((x) => x.toFixed(2))
    .join(" / ");
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 }, locale: "zh-CN" });
    page.on("pageerror", (error) => console.error("page error:", error.message));
    await page.goto(url);
    await page.waitForSelector("body[data-ready=true]");

    const plain: number[] = [];
    const renderer: number[] = [];
    const designer: number[] = [];
    for (let i = 0; i < WARMUP + RUNS; i++) {
      const p = await page.evaluate(() => (globalThis as unknown as BenchGlobal).bench.mount("plain"));
      const r = await page.evaluate(() => (globalThis as unknown as BenchGlobal).bench.mount("renderer"));
      const d = await page.evaluate(() => (globalThis as unknown as BenchGlobal).bench.mount("designer"));
      if (i >= WARMUP) {
        plain.push(p);
        renderer.push(r);
        designer.push(d);
      }
    }
    const typedRenderer = (
      await page.evaluate((n) => (globalThis as unknown as BenchGlobal).bench.typeInRenderer(n), KEYSTROKES)
    ).slice(5);
    const typedDesigner = (
      await page.evaluate((n) => (globalThis as unknown as BenchGlobal).bench.typeInDesigner(n), KEYSTROKES)
    ).slice(5);

    const ratio = median(renderer) / median(plain);
    const rows = [
      ["plain antd form mount (200 inputs), median", ms(median(plain)), ""],
      ["renderer mount (200 fields), median", ms(median(renderer)), ""],
      ["renderer / plain (same run)", `${ratio.toFixed(2)}×`, "≤ 3×"],
      ["designer mount (200 fields), median", ms(median(designer)), "≤ 150 ms"],
      ["renderer keystroke re-render, p95", ms(percentile(typedRenderer, 95)), "≤ 16 ms"],
      ["renderer keystroke re-render, median", ms(median(typedRenderer)), ""],
      ["designer keystroke (label) re-render, p95", ms(percentile(typedDesigner, 95)), "≤ 16 ms"],
      ["designer keystroke (label) re-render, median", ms(median(typedDesigner)), ""],
    ];
    console.log(
      `web bench: ${RUNS} mounts each after ${WARMUP} warm-ups, ${typedRenderer.length} keystrokes; load average ${load}`,
    );
    console.table(rows.map(([what, value, target]) => ({ what, value, target })));
    console.log(
      JSON.stringify({ plain, renderer, designer, typedRenderer, typedDesigner, load: loadavg() }, (_k, v) =>
        typeof v === "number" ? Number(v.toFixed(2)) : v,
      ),
    );
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
