// Where a designer keystroke's time goes: a CPU profile of typing into the label (Chrome DevTools
// protocol), summed by function. `tsx src/web/profile.ts` after a `bench:web` build.
// `profile.ts designer-renders|renderer-renders`: which components render, and how often, per keystroke
// (counted through React's devtools hook, so it works on the production build; names need
// BENCH_MINIFY=0).
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { preview } from "vite";
import type { BenchGlobal } from "./bench-api";

const HERE = dirname(fileURLToPath(import.meta.url));
// designer | renderer: keystrokes; designer-mount | renderer-mount: five mounts;
// designer-renders | renderer-renders: component renders per keystroke.
const argument = process.argv[2] ?? "designer";
const counting = argument.endsWith("-renders");
const target = argument.replace("-renders", "") as
  | "designer"
  | "renderer"
  | "designer-mount"
  | "renderer-mount";

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number; columnNumber: number };
  children?: number[];
}

/**
 * A stand-in for React DevTools' global hook, installed before React loads: after each commit it walks
 * the committed tree and counts the function and class components that rendered in it (the fiber flag
 * PerformedWork, as DevTools' own "highlight updates" does), by name.
 */
const RENDER_COUNTER = `(() => {
  const counts = new Map();
  globalThis.renderCounts = counts;
  const nameOf = (type) => type && (type.displayName || type.name || (type.render && (type.render.displayName || type.render.name)) || (type.type && nameOf(type.type)));
  const visit = (fiber) => {
    for (let f = fiber; f; f = f.sibling) {
      if (typeof f.type !== "string" && f.type && (f.flags & 1) === 1) {
        const name = nameOf(f.type) || "(anonymous)";
        counts.set(name, (counts.get(name) || 0) + 1);
      }
      // A child list that is the same object as last commit's was skipped whole (bailed out): its
      // fibers still carry the flags of the render that made them.
      if (f.child && (!f.alternate || f.child !== f.alternate.child)) visit(f.child);
    }
  };
  globalThis.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    supportsFiber: true,
    renderers: new Map(),
    inject() { return 1; },
    onCommitFiberRoot(_id, root) { visit(root.current.child); },
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onScheduleFiberRoot() {},
    checkDCE() {},
  };
})();`;

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
    if (counting) await page.addInitScript(RENDER_COUNTER);
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
    if (counting) {
      // Per keystroke, or per mount (the mount's own commits and those of its effects).
      const keys = mountOf ? 1 : 10;
      const counts = await page.evaluate(
        async ([n, kind]) => {
          const g = globalThis as unknown as BenchGlobal & { renderCounts: Map<string, number> };
          if (kind) g.bench.unmount();
          g.renderCounts.clear();
          if (kind) {
            await g.bench.mount(kind);
            await new Promise((resolve) => setTimeout(resolve, 500));
          } else await g.bench.typeAgain(n);
          return [...g.renderCounts];
        },
        [keys, mountOf] as const,
      );
      const rows = counts.sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 40));
      const total = counts.reduce((sum, [, n]) => sum + n, 0);
      console.log(`${(total / keys).toFixed(1)} component renders per ${mountOf ? "mount" : "keystroke"}:`);
      for (const [name, n] of rows) console.log(`${(n / keys).toFixed(1).padStart(8)}  ${name}`);
      return;
    }
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
    // CALLERS=name: who calls the functions of that name, by the time spent in them.
    const callersOf = process.env.CALLERS;
    if (callersOf) {
      const parentOf = new Map<number, ProfileNode>();
      for (const node of profile.nodes) for (const child of node.children ?? []) parentOf.set(child, node);
      const callers = new Map<string, number>();
      for (const node of profile.nodes) {
        if (node.callFrame.functionName !== callersOf) continue;
        const chain: string[] = [];
        for (let p = parentOf.get(node.id); p && chain.length < 4; p = parentOf.get(p.id))
          chain.push(p.callFrame.functionName || "(anon)");
        const key = chain.join(" < ");
        callers.set(key, (callers.get(key) ?? 0) + (self.get(node.id) ?? 0));
      }
      for (const [chain, us] of [...callers].sort((a, b) => b[1] - a[1]).slice(0, 15))
        console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${callersOf} < ${chain}`);
      return;
    }
    const top = [...byName].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env.TOP ?? 25));
    for (const [name, us] of top) console.log(`${(us / 1000).toFixed(1).padStart(8)} ms  ${name}`);
  } finally {
    await browser.close();
    server.httpServer.close();
  }
}

void main();
