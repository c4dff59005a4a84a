// The cold start of the definition validator: time to the first validateFormDefinition in a fresh
// process (Ajv's own code not yet optimised by V8, the definition schemas not yet compiled). Each
// measurement runs in its own child process; prints the medians of wall and CPU time.
// Run: cd bench && npx tsx src/schema-cold.ts [runs]
import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";

const MODES = ["without-flow", "with-flow"] as const;

async function measureOnce(mode: (typeof MODES)[number]): Promise<void> {
  const { analyzeFormula } = await import("@formwork/expressions");
  const { validateFormDefinition } = await import("@formwork/schema");
  const { formWithFlowDefinition } = await import("./schema-fixtures");
  const def: { flow?: unknown } = formWithFlowDefinition();
  if (mode === "without-flow") delete def.flow;
  const cpu0 = process.cpuUsage();
  const started = performance.now();
  const result = validateFormDefinition(def, analyzeFormula);
  const wall = performance.now() - started;
  const cpu = process.cpuUsage(cpu0);
  if (!result.ok) throw new Error(JSON.stringify(result.issues));
  process.stdout.write(JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000 }));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

function main(): void {
  const runs = Number(process.argv[2] ?? 7);
  const self = fileURLToPath(import.meta.url);
  for (const mode of MODES) {
    const samples = Array.from({ length: runs }, () => {
      const out = execFileSync(process.execPath, [...process.execArgv, self, "--child", mode], {
        encoding: "utf8",
      });
      return JSON.parse(out) as { wall: number; cpu: number };
    });
    const wall = median(samples.map((s) => s.wall)).toFixed(0);
    const cpu = median(samples.map((s) => s.cpu)).toFixed(0);
    console.log(
      `first validateFormDefinition, form ${mode}: median wall ${wall} ms, CPU ${cpu} ms (${runs} processes)`,
    );
  }
}

const childMode = process.argv[2] === "--child" ? process.argv[3] : undefined;
if (childMode === "without-flow" || childMode === "with-flow") await measureOnce(childMode);
else main();
