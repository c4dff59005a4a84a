// Where a designer keystroke's time goes: a CPU profile of typing into the label (Chrome DevTools
// protocol), summed by function. `tsx src/web/profile.ts` after a `bench:web` build.
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { preview } from "vite";
import type { BenchGlobal } from "./bench-api";

const HERE = dirname(fileURLToPath(import.meta.url));
// designer | renderer: keystrokes; designer-mount | renderer-mount: five mounts.
const target = (process.argv[2] ?? "designer") as
  | "designer"
  | "renderer"
  | "designer-mount"
  | "renderer-mount";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

async function main() {
  const server = await preview({
    configFile: join(HERE, "vite.config.ts"),
    preview: { port: 0, host: "127.0.0.1" },
  });
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: ["--no-sandbox"],
  });
  try {
    const page = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await page.goto(server.resolvedUrls!.local[0]!);
    await page.waitForSelector("body[data-ready=true]");
    const mountOf = target.endsWith("-mount")
      ? (target.replace("-mount", "") as "designer" | "renderer")
      : null;
    if (mountOf)
      await page.evaluate((kind) => (globalThis as unknown as BenchGlobal).bench.mount(kind), mountOf);
    else
      await page.evaluate(
        (kind) =>
          kind === "designer"
            ? (globalThis as unknown as BenchGlobal).bench.typeInDesigner(3)
            : (globalThis as unknown as BenchGlobal).bench.typeInRenderer(3),
        target,
      );
    const cdp = await page.context().newCDPSession(page);
    await cdp.send("Profiler.enable");
    await cdp.send("Profiler.setSamplingInterval", { interval: 200 });
    await cdp.send("Profiler.start");
    if (mountOf)
      await page.evaluate(async (kind) => {
        for (let i = 0; i < 5; i++) await (globalThis as unknown as BenchGlobal).bench.mount(kind);
      }, mountOf);
    else await page.evaluate(() => (globalThis as unknown as BenchGlobal).bench.typeAgain(20));
    const { profile } = (await cdp.send("Profiler.stop")) as unknown as {
      profile: { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] };
    };
    const self = new Map<number, number>();
    for (const [i, id] of profile.samples.entries())
      self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0));
    const byName = new Map<string, number>();
    for (const node of profile.nodes) {
      const f = node.callFrame;
      const name = `${f.functionName || "(anon)"} ${f.url.split("/").pop()}:${f.lineNumber}:${f.columnNumber}`;
      byName.set(name, (byName.get(name) ?? 0) + (self.get(node.id) ?? 0));
    }
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25));
    for (const [name, us] of top) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
  } finally {
    await browser.close();
    server.httpServer.close();
  }
}

void main();
